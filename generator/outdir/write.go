package outdir

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// WriteFile writes a file of the new site. A file whose bytes are those of
// the same file in the previous output is hard-linked from it rather than
// written again: a rebuild then creates new files only for what changed,
// unchanged files keep their modification times (so uploads to a host can
// skip them), and removing the previous folder frees nothing it still
// shares. Freeing tens of thousands of files is what slows the next build
// on ext4, whose inode allocator steps over recently freed inodes one by
// one. Once the context is done, every write fails with its error. It is
// safe for concurrent use.
func (f *Folder) WriteFile(name string, data []byte) error {
	path, err := f.path(name)
	if err != nil {
		return err
	}
	if !f.reuse(name, path, data) {
		return writeFile(path, data)
	}
	return nil
}

// Create creates a file of the new site to be written by the caller (an
// offline archive), never reused from the previous output.
func (f *Folder) Create(name string) (*os.File, error) {
	path, err := f.path(name)
	if err != nil {
		return nil, err
	}
	return os.Create(path)
}

// path is where name is written, its folder made.
func (f *Folder) path(name string) (string, error) {
	if err := f.ctx.Err(); err != nil {
		return "", err
	}
	if !fs.ValidPath(name) {
		return "", fmt.Errorf("refusing to write %q: not a path inside the output folder", name)
	}
	return filepath.Join(f.tmp, filepath.FromSlash(name)), f.mkdir(path.Dir(name))
}

// mkdir makes a folder of the output (dir, slash-separated, from its
// root; "." is the root) and its parents, each once per build: a build
// makes a folder for nearly every page, and on some file systems asking
// first whether it exists costs as much as making it. The folders made are
// kept by that name, not by where they are on disk, which is twice as long
// and is kept for every page of a large site until it is built.
func (f *Folder) mkdir(dir string) error {
	if dir == "." {
		return nil
	}
	f.mu.Lock()
	made := f.dirs[dir]
	f.mu.Unlock()
	if made {
		return nil
	}
	full := filepath.Join(f.tmp, filepath.FromSlash(dir))
	err := os.Mkdir(full, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = f.mkdir(path.Dir(dir)); err == nil {
			err = os.Mkdir(full, 0o755)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	f.mu.Lock()
	f.dirs[strings.Clone(dir)] = true // not the rest of the file's name
	f.mu.Unlock()
	return nil
}

// reuse links the previous output's copy of a file to path when it holds
// exactly data, and reports whether it did.
func (f *Folder) reuse(name, path string, data []byte) bool {
	if f.prev == "" {
		return false
	}
	old := filepath.Join(f.prev, filepath.FromSlash(name))
	info, err := os.Lstat(old)
	if err != nil || !info.Mode().IsRegular() || !ownFile(info) || info.Size() != int64(len(data)) {
		return false
	}
	bp := oldBytes.Get().(*[]byte)
	defer oldBytes.Put(bp)
	if cap(*bp) < len(data) {
		*bp = make([]byte, len(data))
	}
	buf := (*bp)[:len(data)]
	file, err := os.Open(old)
	if err != nil {
		return false
	}
	_, err = io.ReadFull(file, buf)
	file.Close()
	if err != nil || !bytes.Equal(buf, data) {
		return false
	}
	return os.Link(old, path) == nil
}

// oldBytes are buffers for reading the previous output's files.
var oldBytes = sync.Pool{New: func() any { return new([]byte) }}
