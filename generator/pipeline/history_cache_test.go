package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// buildFiles builds src, with the history cache in cache ("" for none),
// and returns every file written.
func buildFiles(t *testing.T, src, cache string) map[string][]byte {
	t.Helper()
	res, err := Build(Options{Src: src, Out: filepath.Join(t.TempDir(), "public"), HistoryCache: cache})
	if err != nil {
		t.Fatal(err)
	}
	if res.Note != "" {
		t.Fatalf("note = %q, want none: the site has its history", res.Note)
	}
	return testsite.Read(t, res.Out)
}

// sameFiles fails the test where got and want differ.
func sameFiles(t *testing.T, what string, got, want map[string][]byte) {
	t.Helper()
	for name, data := range want {
		if !bytes.Equal(data, got[name]) {
			t.Errorf("%s: %s differs from the build without a cache", what, name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: %s was not written by the build without a cache", what, name)
		}
	}
}

// cacheFiles returns the files of a history cache folder.
func cacheFiles(t *testing.T, cache string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(cache, "history", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// commitFile rewrites a file of the site, replacing old by new, and commits
// it.
func commitFile(t *testing.T, src, date, name, old, new, msg string) {
	t.Helper()
	p := filepath.Join(src, name)
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	gitRun(t, src, date, "add", "-A", "content")
	gitRun(t, src, date, "commit", "-q", "-m", msg)
}

// TestHistoryCache: a build with the history cache writes the same bytes
// as one without it, whether the cache is empty, filled at the same
// commit, filled before new commits, damaged, or another site's.
func TestHistoryCache(t *testing.T) {
	needGit(t)
	src := historySite(t, "history.txtar")
	want := buildFiles(t, src, "")
	cache := t.TempDir()

	sameFiles(t, "empty cache", buildFiles(t, src, cache), want)
	files := cacheFiles(t, cache)
	if len(files) != 1 {
		t.Fatalf("the cache holds %v, want one file", files)
	}
	sameFiles(t, "cache filled at the same commit", buildFiles(t, src, cache), want)

	// A snapshot the cache holds is what the build compares: a cache
	// whose snapshots were decoded by another program would show other
	// changes, which is why the cache is the program's own.
	filled, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}

	// Damaged: a byte changed, or cut short.
	for i, damaged := range [][]byte{
		append(append([]byte{}, filled[:len(filled)/2]...), append([]byte{filled[len(filled)/2] ^ 0xff}, filled[len(filled)/2+1:]...)...),
		filled[:len(filled)*2/3],
		[]byte("not a cache"),
	} {
		if err := os.WriteFile(files[0], damaged, 0o600); err != nil {
			t.Fatal(err)
		}
		sameFiles(t, []string{"a changed byte", "a cache cut short", "a foreign file"}[i], buildFiles(t, src, cache), want)
	}

	// New commits: one takes a summary away (so that the summary's earlier
	// revisions, which the cache's versions hold, are no longer shown),
	// one corrects a date. The cache, filled before them, is read from
	// where it stopped.
	if err := os.WriteFile(files[0], filled, 0o600); err != nil {
		t.Fatal(err)
	}
	commitFile(t, src, "2026-01-25T10:00:00-04:00", "content/prisoners/ana-perez.toml", `summary = "A lawyer arrested in Caracas."`, "", "Summary private")
	commitFile(t, src, "2026-01-26T10:00:00-04:00", "content/prisoners/luis-gomez.toml", "arrested = 2024-05-01", "arrested = 2024-04-30", "Correct a date\n\nPublic-note: The arrest was on 30 April.")
	after := buildFiles(t, src, "")
	for _, page := range []string{"prisoners/ana-perez/index.html", "prisoners/luis-gomez/index.html"} {
		if bytes.Equal(after[page], want[page]) {
			t.Fatalf("the new commits changed nothing on %s", page)
		}
	}
	sameFiles(t, "cache filled before two new commits", buildFiles(t, src, cache), after)

	// An edit not yet committed: the changes shown follow the record as
	// it is now, not as the cache last saw it.
	p := filepath.Join(src, "content/prisoners/ana-perez.toml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`publisher = "The Independent"`)) {
		t.Fatalf("ana-perez.toml has no publisher to change:\n%s", data)
	}
	if err := os.WriteFile(p, bytes.Replace(data, []byte(`publisher = "The Independent"`), []byte(`publisher = "The Independent (London)"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	edited := buildFiles(t, src, "")
	if !bytes.Contains(edited["prisoners/ana-perez/index.html"], []byte("Source added: The Independent (London)")) {
		t.Fatal("the edit does not show in Ana Pérez's changes")
	}
	sameFiles(t, "an edit not committed", buildFiles(t, src, cache), edited)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}

	// Another site's cache, at a commit this repository does not have.
	other := historySite(t, "history.txtar")
	commitFile(t, other, "2026-02-01T10:00:00-04:00", "content/prisoners/ana-perez.toml", "arrested = 2024-08-02", "arrested = 2024-07-30", "Another site")
	otherCache := t.TempDir()
	buildFiles(t, other, otherCache)
	foreign, err := os.ReadFile(cacheFiles(t, otherCache)[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(files[0], foreign, 0o600); err != nil {
		t.Fatal(err)
	}
	sameFiles(t, "another site's cache", buildFiles(t, src, cache), after)
}

// TestHistoryCacheOffTheFirstParentLine: a cache filled at a commit that
// the build's HEAD reaches only through a merged branch is not read from:
// the first-parent log from scratch has no change of that branch's own.
// Nor is one filled at a commit that was amended away.
func TestHistoryCacheOffTheFirstParentLine(t *testing.T) {
	needGit(t)
	src := historySite(t, "history.txtar")
	cache := t.TempDir()
	gitRun(t, src, "2026-01-25T10:00:00-04:00", "checkout", "-q", "-b", "side")
	commitFile(t, src, "2026-01-25T10:00:00-04:00", "content/prisoners/ana-perez.toml", "arrested = 2024-08-02", "arrested = 2024-08-01", "On the side\n\nPublic-note: A note inside the branch.")
	commitFile(t, src, "2026-01-26T10:00:00-04:00", "content/prisoners/luis-gomez.toml", "arrested = 2024-05-01", "arrested = 2024-05-02", "On the side again")
	buildFiles(t, src, cache) // filled at the side branch's head
	gitRun(t, src, "2026-01-27T10:00:00-04:00", "checkout", "-q", "main")
	gitRun(t, src, "2026-01-27T10:00:00-04:00", "merge", "-q", "--no-ff", "-m", "Merge the side\n\nPublic-note: The merge's note.", "side")
	want := buildFiles(t, src, "")
	if bytes.Contains(want["data/changes.json"], []byte("A note inside the branch")) {
		t.Fatal("a note inside a merged branch is published")
	}
	sameFiles(t, "cache filled on a merged branch", buildFiles(t, src, cache), want)

	commitFile(t, src, "2026-01-28T10:00:00-04:00", "content/prisoners/ana-perez.toml", "arrested = 2024-08-01", "arrested = 2024-07-31", "To be amended")
	buildFiles(t, src, cache)
	gitRun(t, src, "2026-01-28T10:00:00-04:00", "reset", "-q", "--hard", "HEAD~1")
	commitFile(t, src, "2026-01-29T10:00:00-04:00", "content/prisoners/luis-gomez.toml", "arrested = 2024-05-02", "arrested = 2024-05-03", "Instead")
	sameFiles(t, "cache filled at a commit amended away", buildFiles(t, src, cache), buildFiles(t, src, ""))
}

// TestHistoryCacheRefusedInside: the cache, which holds past versions of
// private records, may be neither in the site folder nor in the output.
func TestHistoryCacheRefusedInside(t *testing.T) {
	src := t.TempDir()
	testsite.Templates(t, src)
	out := filepath.Join(t.TempDir(), "public")
	for _, cache := range []string{filepath.Join(src, "cache"), filepath.Join(out, "cache"), src} {
		_, err := Build(Options{Src: src, Out: out, HistoryCache: cache})
		if err == nil || !strings.Contains(err.Error(), "the history cache "+cache+" is inside") {
			t.Errorf("cache %s: err = %v, want it refused", cache, err)
		}
	}
}
