package content

import (
	"io/fs"
	"testing"
	"testing/fstest"
)

// denyFS refuses to open one file, as the system does a file the editor
// may not read.
type denyFS struct {
	fstest.MapFS
	name string
}

func (d denyFS) Open(name string) (fs.File, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

func (d denyFS) ReadFile(name string) ([]byte, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadFile(name)
}

// TestBrokenRecordIsOneMessage: a record whose file cannot be read, with a
// translation, is one message at the file, and is known as broken (so that
// the site says nothing of references to it), not as missing.
func TestBrokenRecordIsOneMessage(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                     {Data: []byte("title = \"T\"\n[languages.es]\ntitle = \"T\"\n")},
		"content/prisoners/ana.toml":    {Data: []byte("name = \"Ana\"\nstatus = \"detained\"\n")},
		"content/prisoners/ana.es.toml": {Data: []byte("summary = \"Una abogada.\"\n")},
	}
	set, err := Load(denyFS{fsys, "content/prisoners/ana.toml"}, Options{})
	want := "content/prisoners/ana.toml: cannot read the file: permission denied; give yourself read access to it (chmod u+r)"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	if set == nil || set.Broken[KindPrisoner]["ana"] != "content/prisoners/ana.toml" {
		t.Errorf("ana is not known as broken: %v", set)
	}
}
