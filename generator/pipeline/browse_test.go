package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// browseSrc writes the browser tests' site, testdata/browse.txtar over the
// shared test site, with the real templates, into a fresh folder.
func browseSrc(t testing.TB) string {
	t.Helper()
	overlay, err := os.ReadFile(filepath.Join("testdata", "browse.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	return testsite.Dir(t, string(overlay))
}

// builtBrowse builds the browser tests' site and returns its source and
// output folders.
func builtBrowse(t testing.TB) (src, out string) {
	t.Helper()
	src = browseSrc(t)
	out = filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Src: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	return src, out
}
