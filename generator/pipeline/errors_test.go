package pipeline

import (
	"io/fs"
	"os"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// denyFS refuses to open one file, as the system does a file the editor
// may not read.
type denyFS struct {
	fs.FS
	name string
}

func (d denyFS) Open(name string) (fs.File, error) {
	if name == d.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.FS.Open(name)
}

// TestUnreadableTemplateOnce: a template that cannot be read says so, once,
// though every language parses it, and is not called missing.
func TestUnreadableTemplateOnce(t *testing.T) {
	fsys := denyFS{os.DirFS(testsite.DirFrom(t, "testdata/bilingual.txtar")), "templates/prisoner.html"}
	_, err := prepare(fsys, Options{}, nil)
	want := "templates/prisoner.html: cannot read the file: permission denied; give yourself read access to it (chmod u+r)"
	if err == nil || err.Error() != want {
		t.Errorf("prepare: %v\nwant: %s", err, want)
	}
}
