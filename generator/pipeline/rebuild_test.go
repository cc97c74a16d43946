package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// TestRebuildLinksUnchangedFiles: a rebuild hard-links the files whose
// bytes did not change from the previous output, writes the others anew,
// and the site is the same as a build from scratch.
func TestRebuildLinksUnchangedFiles(t *testing.T) {
	src := testsite.Dir(t)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Src: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	stat := func(name string) os.FileInfo {
		t.Helper()
		info, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return info
	}
	unchanged, changed := stat("prisoners/ana-perez/index.html"), stat("prisoners/luis-gomez/index.html")
	// A file of the output that also has a name outside it is not shared
	// into the next output.
	outside := filepath.Join(t.TempDir(), "outside.html")
	if err := os.Link(filepath.Join(out, "404.html"), outside); err != nil {
		t.Fatal(err)
	}

	toml := filepath.Join(src, "content/prisoners/luis-gomez.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	data = bytes.Replace(data, []byte(`aliases = ["Lucho Gómez"]`), []byte(`aliases = ["Lucho"]`), 1)
	if err := os.WriteFile(toml, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Src: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(unchanged, stat("prisoners/ana-perez/index.html")) {
		t.Error("an unchanged page was written anew")
	}
	if os.SameFile(changed, stat("prisoners/luis-gomez/index.html")) {
		t.Error("a changed page kept its old file")
	}
	if info, err := os.Stat(outside); err != nil || os.SameFile(info, stat("404.html")) {
		t.Error("a file linked from outside the output was shared into the new output")
	}
	page, _ := os.ReadFile(filepath.Join(out, "prisoners/luis-gomez/index.html"))
	if !bytes.Contains(page, []byte("Lucho")) {
		t.Error("the changed page lacks the change")
	}
	fresh := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Src: src, Out: fresh}); err != nil {
		t.Fatal(err)
	}
	a, b := testsite.Read(t, out), testsite.Read(t, fresh)
	for name := range b {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs from a build from scratch", name)
		}
	}
	if len(a) != len(b) {
		t.Errorf("%d files after the rebuild, %d from scratch", len(a), len(b))
	}
}
