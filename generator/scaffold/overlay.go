package scaffold

import (
	"bytes"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
)

// overlay is a site's folder with files added in memory: the records an
// import would write, checked with the rest of the site before anything
// is written.
type overlay struct {
	base  fs.FS
	files map[string][]byte // by slash path
}

func (o overlay) Open(name string) (fs.File, error) {
	if data, ok := o.files[name]; ok {
		return &memFile{info: memInfo{name: path.Base(name), size: int64(len(data))}, r: bytes.NewReader(data)}, nil
	}
	if o.isDir(name) {
		if f, err := o.base.Open(name); err == nil {
			return f, nil
		}
		return &memFile{info: memInfo{name: path.Base(name), dir: true}, r: bytes.NewReader(nil)}, nil
	}
	return o.base.Open(name)
}

// isDir reports whether an added file is under name.
func (o overlay) isDir(name string) bool {
	for p := range o.files {
		if name == "." || strings.HasPrefix(p, name+"/") {
			return true
		}
	}
	return false
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	if data, ok := o.files[name]; ok {
		return memInfo{name: path.Base(name), size: int64(len(data))}, nil
	}
	info, err := fs.Stat(o.base, name)
	if err != nil && o.isDir(name) {
		return memInfo{name: path.Base(name), dir: true}, nil
	}
	return info, err
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(o.base, name)
	if err != nil && !o.isDir(name) {
		return nil, err
	}
	have := make(map[string]bool)
	for _, e := range entries {
		have[e.Name()] = true
	}
	prefix := name + "/"
	if name == "." {
		prefix = ""
	}
	for p, data := range o.files {
		rest, ok := strings.CutPrefix(p, prefix)
		if !ok {
			continue
		}
		first, _, isDir := strings.Cut(rest, "/")
		if have[first] {
			continue
		}
		have[first] = true
		entries = append(entries, fs.FileInfoToDirEntry(memInfo{name: first, dir: isDir, size: int64(len(data))}))
	}
	slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return entries, nil
}

type memFile struct {
	info memInfo
	r    *bytes.Reader
}

func (f *memFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *memFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *memFile) Close() error               { return nil }

var _ io.Reader = (*memFile)(nil)

type memInfo struct {
	name string
	size int64
	dir  bool
}

func (i memInfo) Name() string { return i.name }
func (i memInfo) Size() int64  { return i.size }
func (i memInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o755
	}
	return 0o644
}
func (i memInfo) ModTime() time.Time { return time.Time{} }
func (i memInfo) IsDir() bool        { return i.dir }
func (i memInfo) Sys() any           { return nil }
