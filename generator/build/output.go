package build

import (
	"bytes"
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
	parent := filepath.Dir(path)
	d.mu.Lock()
	made := d.dirs[parent]
	d.bytes += int64(len(data))
	d.mu.Unlock()
	if !made {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return err
		}
		d.mu.Lock()
		d.dirs[parent] = true
		d.mu.Unlock()
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		return err
	}
	if d.spool != nil {
		return d.spool.add(name, data)
	}
	return nil
}
