package site

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite testdata/timeline.golden")

func stream(entries []*Entry) string {
	var b strings.Builder
	for _, e := range entries {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", e.URL(), e.Kind, e.Date, e.Title)
	}
	return b.String()
}

// TestTimelineGolden checks the whole stream of the fixture site, in order,
// with its anchors. Run with -update after a deliberate change.
func TestTimelineGolden(t *testing.T) {
	s := mustResolve(t)
	got := stream(s.Timeline)
	const golden = "testdata/timeline.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("timeline differs from %s (run with -update if deliberate):\ngot:\n%s\nwant:\n%s", golden, got, want)
	}
}

// TestImpreciseDatesSortAfterTheDatesTheyContain: an entry known only to
// its month comes after the dated entries of that month, under a heading
// that says the day is not known; one known only to its year after the
// months; an interval by its earliest day.
func TestImpreciseDatesSortAfterTheDatesTheyContain(t *testing.T) {
	fsys := fixture(t)
	fsys["content/events/a.toml"] = mapFile("date = 2024-02-01\ntitle = \"Day\"\n")
	fsys["content/events/b.toml"] = mapFile("date = \"2024-02\"\ntitle = \"Month\"\n")
	fsys["content/events/c.toml"] = mapFile("date = \"2024\"\ntitle = \"Year\"\n")
	fsys["content/events/d.toml"] = mapFile("date = 2024-02-28\ntitle = \"Late\"\n")
	fsys["content/events/e.toml"] = mapFile("date = \"2024-02-02/2024-02\"\ntitle = \"Span\"\n")
	fsys["content/events/f.toml"] = mapFile("date = 2024-03-01\ntitle = \"March\"\n")
	s, err := resolve(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, e := range s.Timeline {
		if e.Kind == "event" && len(e.Title) <= 5 {
			order = append(order, e.Title)
		}
	}
	if got := strings.Join(order, " < "); got != "Day < Span < Late < Month < March < Year" {
		t.Errorf("order = %s", got)
	}
	var groups []string
	for _, y := range s.TimelinePages[0].Groups() {
		for _, m := range y.Months {
			groups = append(groups, m.ID+": "+m.Name)
		}
	}
	want := "2024-02: February 2024 | 2024-02-day-unknown: February 2024, day not known | 2024-03: March 2024 | 2024-06: June 2024 | 2024-07: July 2024 | 2024-08: August 2024 | 2024-11: November 2024 | 2024-12: December 2024 | 2024-month-unknown: 2024, month not known"
	if got := strings.Join(groups, " | "); got != want {
		t.Errorf("groups:\n got %s\nwant %s", got, want)
	}
}

// TestAnchorsAreStable adds entries before and beside existing ones: no
// existing anchor changes.
func TestAnchorsAreStable(t *testing.T) {
	before := mustResolve(t)
	fsys := fixture(t)
	fsys["content/events/earlier.toml"] = mapFile("date = 2020-01-01\ntitle = \"Earlier\"\n")
	fsys["content/events/same-day.toml"] = mapFile("date = 2024-02-09\ntitle = \"Same day\"\n")
	fsys["content/statements/other.toml"] = mapFile("speaker = \"X\"\ndate = 2024-02-09\nquote = \"Y\"\n")
	after, err := resolve(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]bool)
	for _, e := range after.Timeline {
		ids[e.ID()] = true
	}
	for _, e := range before.Timeline {
		if !ids[e.ID()] {
			t.Errorf("anchor %s disappeared when unrelated entries were added", e.ID())
		}
	}
	if len(after.Timeline) != len(before.Timeline)+3 {
		t.Errorf("%d entries after adding 3 to %d", len(after.Timeline), len(before.Timeline))
	}
}

func TestEveryDatedThingOnce(t *testing.T) {
	s := mustResolve(t)
	seen := make(map[string]int)
	for _, e := range s.Timeline {
		seen[e.ID()]++
	}
	for id, n := range seen {
		if n > 1 {
			t.Errorf("anchor %s used %d times", id, n)
		}
	}
	// Ana: arrest (at her first site), move, event mention; Luis: arrest,
	// release; anonymous: arrest; the statement, the brief, the events
	// (one an interval), the counts.
	want := []string{
		"2024-02-09-arrest-ana-perez", "2024-02-arrest-luis-gomez",
		"2024-03-01-custody-ana-perez-la-tumba", "2024-06-10-release-luis-gomez",
		"2024-07-28-event-election", "2024-08-01-brief-b", "2024-11-04-count-foro-penal-2024-11-04",
		"2024-12-01--2024-12-09-event-transfers", "2024-12-23-count-government-releases", "2024-12-24-count-foro-penal-releases",
		"2024-12-29-statement-count", "2024-12-29-count-foro-penal-2024-12-29", "2024-12-31-count-opposition-2024-12-31", "2024-arrest-anon-1",
	}
	if len(s.Timeline) != len(want) {
		t.Errorf("%d entries, want %d:\n%s", len(s.Timeline), len(want), stream(s.Timeline))
	}
	for i, id := range want {
		if i < len(s.Timeline) && s.Timeline[i].ID() != id {
			t.Errorf("entry %d = %s, want %s", i, s.Timeline[i].ID(), id)
		}
	}
}

func TestPerRecordHistory(t *testing.T) {
	s := mustResolve(t)
	var ana, helicoide []string
	for _, e := range s.prisoner("ana-perez").History {
		ana = append(ana, e.ID())
	}
	for _, e := range s.detentionSite("el-helicoide").History {
		helicoide = append(helicoide, e.ID())
	}
	if got := strings.Join(ana, " "); got != "2024-02-09-arrest-ana-perez 2024-03-01-custody-ana-perez-la-tumba 2024-07-28-event-election" {
		t.Errorf("Ana's history = %s", got)
	}
	if got := strings.Join(helicoide, " "); got != "2024-02-09-arrest-ana-perez 2024-02-arrest-luis-gomez 2024-06-10-release-luis-gomez" {
		t.Errorf("El Helicoide's history = %s", got)
	}
}

// TestTimelineSplit lowers the page size: the timeline becomes an index,
// a page per year and, for a year too big, a page per month. Every entry
// is on exactly one page, no page is over the size, and anchors and the
// links to them follow.
func TestTimelineSplit(t *testing.T) {
	fsys := fixture(t)
	fsys["site.toml"] = mapFile("title = \"Test\"\n[figures]\nas_of = 2025-01-01\n[timeline]\npage_size = 6\n")
	fsys["content/events/old.toml"] = mapFile("date = 2023-05-01\ntitle = \"Old\"\n")
	s, err := resolve(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	onPage := make(map[string]int)
	for _, p := range s.TimelinePages {
		urls = append(urls, p.URL)
		if p.URL != "timeline/" && len(p.Entries) > 6 {
			t.Errorf("%s has %d entries, over the page size", p.URL, len(p.Entries))
		}
		for _, e := range p.Entries {
			onPage[e.ID()]++
			if !strings.HasPrefix(e.URL(), p.URL+"#") {
				t.Errorf("entry %s has URL %s but is on %s", e.ID(), e.URL(), p.URL)
			}
		}
	}
	want := "timeline/ timeline/2023/ timeline/2024/ timeline/2024/02/ timeline/2024/03/ timeline/2024/06/ timeline/2024/07/ timeline/2024/08/ timeline/2024/11/ timeline/2024/12/"
	if got := strings.Join(urls, " "); got != want {
		t.Errorf("pages = %s\nwant    %s", got, want)
	}
	for _, e := range s.Timeline {
		if onPage[e.ID()] != 1 {
			t.Errorf("entry %s is on %d pages", e.ID(), onPage[e.ID()])
		}
	}
	// The year-only entry stays on the year's page.
	if got := s.TimelinePages[2].Entries; len(got) != 1 || got[0].ID() != "2024-arrest-anon-1" {
		t.Errorf("timeline/2024/ holds %v", stream(got))
	}
	// A link to an event follows it to its page.
	ana := s.prisoner("ana-perez").Body.String()
	if !strings.Contains(ana, `href="@@root/timeline/2024/07/index.html#2024-07-28-event-election"`) {
		t.Errorf("the event link does not follow the split: %s", ana)
	}
	index := s.TimelinePages[0]
	if len(index.Entries) != 0 || len(index.Children) != 2 || len(index.Children[1].Children) != 7 {
		t.Errorf("index: %d entries, %d years", len(index.Entries), len(index.Children))
	}
}

func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
