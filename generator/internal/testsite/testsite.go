// Package testsite is the one small site the tests build, and the helpers
// that put a txtar fixture on disk or in memory.
//
// # The shared site
//
// site.txtar holds a site in one language (English) with a record of every
// kind and the cases that the resolver, the pages and the feeds must get
// right, each once:
//
//   - three prisoners: Ana Pérez (accented name; a day-precise arrest;
//     custody at two sites, one period closed; named in a brief and an
//     event; a body with a heading and links to a site, a statement and an
//     event), Luis Gómez (an alias; released; month-precise arrest;
//     custody without dates) and an anonymous one (a name that must never
//     be published; year-precise arrest);
//   - two detention sites, El Helicoide and La Tumba;
//   - a statement, by Foro Penal, naming Luis;
//   - two events, one on a day and one over an interval;
//   - five counts by three counters that disagree: held and released,
//     one with a breakdown, one "about", one "at least", one with a note
//     linking another count, from which the charts and the counts page
//     are drawn;
//   - a brief naming both prisoners, a site and a count, with a footnote.
//
// It is small on purpose: a test reads its pages whole (the golden files
// of pipeline's TestGolden are its pages), and a record added to it shows
// up in every package's tests. The figures tests assert (17 pages, "at
// least 327 days") follow from it.
//
// # Fixtures that need more
//
// A test that needs more than the shared site says so in an overlay: txtar
// text whose files replace or add to the shared site's (Dir and Archive
// take them), written inline for a file or two:
//
//	dir := testsite.Dir(t, `
//	-- content/prisoners/ana-perez.toml --
//	name = "Ana Pérez"
//	...`)
//
// or kept under its package's testdata when it is a site of its own: the
// browser tests of pipeline build pipeline/testdata/browse.txtar over the
// shared site (a second language, every kind of page, people released and
// arrested over three years for the timeline's filters, accented and
// misspelt names for search). A fixture that is not the shared site at
// all (a history of commits, a hostile site) is read with DirFrom.
//
// # Why fixtures
//
// Tests that check behaviour build these fixtures, never the real briefing
// in content/: editing the briefing cannot break them, and what a test
// asserts about a person is about a record the test can see. The one test
// that reads the real briefing is pipeline's TestEmbeddedBriefing, which
// checks and builds it (the screenshot command and the benchmarks are
// tools, and use it too).
//
// A fixture holds content and site.toml; the repository's templates/ and
// static/ are added (Write, Templates) unless the fixture has its own.
package testsite

import (
	_ "embed"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"
)

//go:embed site.txtar
var site []byte

// Root is the repository's root folder, which holds the real site and its
// templates/ and static/.
var Root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..")
}()

// Archive returns a fresh copy of the shared test site, with the overlays
// applied in order.
func Archive(overlays ...string) *txtar.Archive {
	a := txtar.Parse(site)
	for _, o := range overlays {
		apply(a, txtar.Parse([]byte(o)))
	}
	return a
}

// apply replaces the files of a that over names, and adds the others.
func apply(a, over *txtar.Archive) {
	for _, f := range over.Files {
		replaced := false
		for i := range a.Files {
			if a.Files[i].Name == f.Name {
				a.Files[i].Data = f.Data
				replaced = true
			}
		}
		if !replaced {
			a.Files = append(a.Files, f)
		}
	}
}

// MapFS returns the files of a as a file system in memory that a test
// may change in place (fsys[name] = ...), for a test that breaks a good
// site one way per row.
func MapFS(a *txtar.Archive) fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// ArchiveFrom reads the txtar fixture in file (a path relative to the
// test's package), with the overlays applied.
func ArchiveFrom(t testing.TB, file string, overlays ...string) *txtar.Archive {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range overlays {
		apply(a, txtar.Parse([]byte(o)))
	}
	return a
}

// Dir writes the shared test site, with the overlays applied and the
// repository's templates and static files, into a fresh folder.
func Dir(t testing.TB, overlays ...string) string {
	t.Helper()
	return Write(t, Archive(overlays...))
}

// DirFrom writes the txtar fixture in file (a path relative to the test's
// package, such as "testdata/canary.txtar"), with the overlays applied and
// the repository's templates and static files unless it has its own, into
// a fresh folder.
func DirFrom(t testing.TB, file string, overlays ...string) string {
	t.Helper()
	return Write(t, ArchiveFrom(t, file, overlays...))
}

// Write writes a into a fresh folder, adding the repository's templates/
// and static/ unless a has files of its own there, and returns the folder.
func Write(t testing.TB, a *txtar.Archive) string {
	t.Helper()
	dir := t.TempDir()
	fsys, err := txtar.FS(a)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	Templates(t, dir)
	return dir
}

// Templates copies the repository's templates/ and static/ into the site
// folder dir (a generated corpus, say), unless it has its own.
func Templates(t testing.TB, dir string) {
	t.Helper()
	for _, d := range []string{"templates", "static"} {
		if _, err := os.Stat(filepath.Join(dir, d)); err == nil {
			continue
		}
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(Root, d))); err != nil {
			t.Fatal(err)
		}
	}
}

// Read returns every file under dir (a built site, say) by its slash path.
func Read(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := make(map[string][]byte)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
