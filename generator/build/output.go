package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"sync"
)

// files is an output that keeps every file in memory; check uses it.
type files struct {
	mu sync.Mutex
	m  map[string][]byte
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
type dir struct {
	root    string
	written *files // names only, to catch two outputs at one path
	spool   *zipSpool
	mu      sync.Mutex
	dirs    map[string]bool
	bytes   int64
}

func newDir(root string) *dir {
	return &dir{root: root, written: newFiles(), dirs: make(map[string]bool)}
}

func (d *dir) WriteFile(name string, data []byte) error {
	if err := d.written.WriteFile(name, nil); err != nil {
		return err
	}
	path := filepath.Join(d.root, filepath.FromSlash(name))
	if err := d.mkdir(filepath.Dir(path)); err != nil {
		return err
	}
	d.mu.Lock()
	d.bytes += int64(len(data))
	d.mu.Unlock()
	if err := writeFile(path, data); err != nil {
		return err
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
