package offline

import (
	"fmt"
	"strings"
	"testing"
)

// TestPlanArchive: a record's folder stays in one part; what cannot fit in
// one part is an error that says so.
func TestPlanArchive(t *testing.T) {
	size := map[string]int64{
		"index.html": 1000, "search/index.html": 1000,
		"prisoners/a/index.html": 40_000, "prisoners/a/feed.xml": 30_000,
		"prisoners/b/index.html": 40_000, "prisoners/b/feed.xml": 30_000,
	}
	var names []string
	for n := range size {
		names = append(names, n)
	}
	budget := int64(dataPageRoom + partOverhead + 72_000)
	parts, err := Plan("en", "", names, "data/index.html", sizeOf(size), budget)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range parts {
		got = append(got, fmt.Sprintf("%s %s", p.Name, strings.Join(p.Files, ",")))
	}
	want := []string{
		"briefing-offline-en-1-of-3.zip data/index.html,index.html,search/index.html",
		"briefing-offline-en-2-of-3.zip prisoners/a/feed.xml,prisoners/a/index.html",
		"briefing-offline-en-3-of-3.zip prisoners/b/feed.xml,prisoners/b/index.html",
	}
	if !parts[0].Alone {
		t.Error("the first part holds every file but the records', yet does not say it works alone")
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The core spilling into a second part: the first does not work alone.
	size["search/index.json"] = 71_000
	parts, err = Plan("en", "", append(names, "search/index.json"), "data/index.html", sizeOf(size), budget)
	if err != nil || parts[0].Alone || parts[1].Files[0] != "search/index.json" {
		t.Errorf("a core too big for the first part: %v %+v", err, parts)
	}
	size["data/prisoners.json"] = 200_000
	_, err = Plan("en", "", append(names, "data/prisoners.json"), "data/index.html", sizeOf(size), budget)
	if err == nil || err.Error() != "the offline archive cannot hold data/prisoners.json: 200,206 bytes compressed, more than one part may (138,560 bytes)" {
		t.Errorf("too big for a part: %v", err)
	}
}

// sizeOf looks sizes up in a map, as Plan looks them up in a spool.
func sizeOf(sizes map[string]int64) func(string) int64 {
	return func(name string) int64 { return sizes[name] }
}
