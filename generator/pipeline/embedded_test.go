package pipeline

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// TestEmbeddedBriefing checks and builds the real briefing in content/,
// the one test that reads it (the others build fixtures, so that editing
// the briefing cannot break them): check passes, the pages named here
// exist, the timeline is in order, the charts are drawn and the pages read
// well (misread).
func TestEmbeddedBriefing(t *testing.T) {
	const repo = "../.." // the repository's root, which holds the real site
	res, err := Check(Options{Src: repo})
	if err != nil {
		t.Fatalf("check on the embedded briefing:\n%v", err)
	}
	if res.Pages < 20 {
		t.Errorf("the embedded briefing has %d pages", res.Pages)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Src: repo, Out: out}); err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, out)
	for _, want := range []string{
		"prisoners/rocio-san-miguel/index.html", "prisoners/enrique-marquez/index.html", "prisoners/biagio-pilieri/index.html",
		"sites/el-helicoide/index.html", "sites/la-tumba/index.html",
		"statements/jorge-rodriguez-2026-01-08/index.html", "statements/donald-trump-2026-01-09/index.html",
		"statements/jose-manuel-albares-2026-01-08/index.html", "statements/foro-penal-2025-12-29/index.html", "statements/provea-2026-01/index.html",
		"briefs/january-2026-releases/index.html", "about/index.html", "methodology/index.html",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("the embedded briefing lacks %s", want)
		}
	}
	timeline := string(files["timeline/index.html"])
	last := -1
	for _, id := range []string{"2024-02-arrest-rocio-san-miguel", "2024-07-28-event-presidential-election-2024", "2026-01-03-event-maduro-captured",
		"2026-01-07-event-torture-chamber-remark", "2026-01-08-statement-jorge-rodriguez-2026-01-08", "2026-01-08-release-rocio-san-miguel",
		"2026-01-09-statement-donald-trump-2026-01-09"} {
		i := strings.Index(timeline, `<li id="`+id+`"`)
		if i < 0 {
			t.Errorf("the timeline lacks the entry %s", id)
			continue
		}
		if i < last {
			t.Errorf("the entry %s is out of order", id)
		}
		last = i
	}
	if !strings.Contains(timeline, `<svg class="chart"`) || !strings.Contains(string(files["index.html"]), `<svg class="chart"`) {
		t.Error("the chart is missing from the timeline or the home page")
	}
	misread(t, files)
	quotedInSpanish(t, files)
}

// quotedInSpanish checks that the Spanish side quotes a Spanish speaker in
// Spanish (shared/briefing/SPANISH.md, rule 3: their own words, or the
// press's account of them, in brackets, translated): of the statements,
// only an English speaker's (Donald Trump's) is quoted in English, marked
// lang="en", with its translation beside it.
func quotedInSpanish(t *testing.T, files map[string][]byte) {
	t.Helper()
	statements := 0
	for name, page := range files {
		slug, ok := strings.CutPrefix(name, "es/statements/")
		if !ok || !strings.HasSuffix(slug, "/index.html") {
			continue
		}
		statements++
		english := strings.Contains(string(page), `<blockquote lang="en">`)
		if want := strings.HasPrefix(slug, "donald-trump-"); english != want {
			t.Errorf("%s: quoted in English: %v, want %v", name, english, want)
		}
	}
	if statements < 8 {
		t.Errorf("found %d Spanish statement pages", statements)
	}
}
