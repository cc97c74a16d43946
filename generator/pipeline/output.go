package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// files is an output that keeps every file in memory; check uses it.
type files struct {
	mu       sync.Mutex
	m        map[string][]byte
	archives []archivePart // the offline archives to make of the files
}

func newFiles() *files { return &files{m: make(map[string][]byte)} }

func (f *files) WriteFile(name string, data []byte) error {
	if !fs.ValidPath(name) {
		return fmt.Errorf("refusing to write %q: not a path inside the output folder", name)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, dup := f.m[name]; dup {
		return fmt.Errorf("two outputs would both be written to %s; rename one (a file in static/ may shadow a page)", name)
	}
	if data != nil {
		data = bytes.Clone(data) // the caller may reuse its buffer
	}
	f.m[name] = data
	return nil
}

// names returns the names of the files, sorted.
func (f *files) names() []string {
	out := make([]string, 0, len(f.m))
	for n := range f.m {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// dir writes files under a folder on disk, refusing any name that would
// leave it, and compresses each into its spool for the offline archive.
//
// A file whose bytes are those of the same file in the previous build
// (prev) is hard-linked from it rather than written again: a rebuild then
// creates new files only for what changed, unchanged files keep their
// modification times (so uploads to a host can skip them), and removing
// the previous folder frees nothing it still shares. Freeing tens of
// thousands of files is what slows the next build on ext4, whose inode
// allocator steps over recently freed inodes one by one.
type dir struct {
	root    string
	prev    string // the previous build's folder, or ""
	written *files // names only, to catch two outputs at one path
	spool   *zipSpool
	ctx     context.Context // when done, every write fails with its error
	mu      sync.Mutex
	dirs    map[string]bool
	bytes   int64
	sizes   map[string]int64 // every file written, by name

	archives []archivePart // the offline archives to write at the end
}

func newDir(root string) *dir {
	return &dir{root: root, written: newFiles(), dirs: make(map[string]bool), sizes: make(map[string]int64)}
}

func (d *dir) WriteFile(name string, data []byte) error {
	if d.ctx != nil {
		if err := d.ctx.Err(); err != nil {
			return err
		}
	}
	if err := d.written.WriteFile(name, nil); err != nil {
		return err
	}
	path := filepath.Join(d.root, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(path)); err != nil {
		return err
	}
	d.mu.Lock()
	d.bytes += int64(len(data))
	d.sizes[name] = int64(len(data))
	d.mu.Unlock()
	if !d.reuse(name, path, data) {
		if err := writeFile(path, data); err != nil {
			return err
		}
	}
	if d.spool != nil {
		return d.spool.add(name, data)
	}
	return nil
}

// mkdir makes a folder and its parents, each once per build: a build makes
// a folder for nearly every page, and on some file systems asking first
// whether it exists costs as much as making it.
func (d *dir) mkdir(path string) error {
	d.mu.Lock()
	made := d.dirs[path]
	d.mu.Unlock()
	if made || path == d.root {
		return nil
	}
	err := os.Mkdir(path, 0o755)
	if errors.Is(err, fs.ErrNotExist) {
		if err = d.mkdir(filepath.Dir(path)); err == nil {
			err = os.Mkdir(path, 0o755)
		}
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	d.mu.Lock()
	d.dirs[path] = true
	d.mu.Unlock()
	return nil
}

// reuse links the previous build's copy of a file to path when it holds
// exactly data, and reports whether it did.
func (d *dir) reuse(name, path string, data []byte) bool {
	if d.prev == "" {
		return false
	}
	old := filepath.Join(d.prev, filepath.FromSlash(name))
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
	f, err := os.Open(old)
	if err != nil {
		return false
	}
	_, err = io.ReadFull(f, buf)
	f.Close()
	if err != nil || !bytes.Equal(buf, data) {
		return false
	}
	return os.Link(old, path) == nil
}

// oldBytes are buffers for reading the previous build's files.
var oldBytes = sync.Pool{New: func() any { return new([]byte) }}
