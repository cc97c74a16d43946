package render

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// templates returns the repository's templates, in memory, with edit
// applied to each file's text.
func templates(t *testing.T, edit func(name, text string) string) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	root := os.DirFS(testsite.Root)
	err := fs.WalkDir(root, content.TemplateDir, func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, name)
		fsys[filepath.ToSlash(name)] = &fstest.MapFile{Data: []byte(edit(name, string(data)))}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return fsys
}

func spanish(t *testing.T, fsys fs.FS) *i18n.Dict {
	t.Helper()
	words, err := i18n.Load(fsys, "es")
	if err != nil {
		t.Fatal(err)
	}
	return words
}

// A language file is checked for every text the code may ask for, those
// of the packages render draws on (site, history) included, and for the
// words the templates count; those words belong to one New, so that
// serve's rebuild after a template is fixed starts clean.
func TestNewChecksEveryTextOnce(t *testing.T) {
	counting := templates(t, func(name, text string) string {
		if name == content.TemplateDir+"/"+layout {
			text += `{{define "zorblets"}}{{count 2 "zorblet" "zorblets"}}{{end}}`
		}
		return text
	})
	_, err := New(counting, spanish(t, counting))
	if err == nil || !strings.Contains(err.Error(), `no translation of "zorblets" into es`) {
		t.Fatalf("a counted word without a translation: err = %v", err)
	}

	plain := templates(t, func(_, text string) string { return text })
	if _, err := New(plain, spanish(t, plain)); err != nil {
		t.Fatalf("after the template no longer counts zorblets: %v", err)
	}

	noHistory := templates(t, func(name, text string) string {
		if name == i18n.Dir+"/es.toml" {
			text = strings.Replace(text, `"First published" = `, `"First published (unused)" = `, 1)
		}
		return text
	})
	_, err = New(noHistory, spanish(t, noHistory))
	if err == nil || !strings.Contains(err.Error(), `no translation of "First published" into es`) {
		t.Errorf("a history text without a translation: err = %v", err)
	}
}
