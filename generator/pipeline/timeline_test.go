package pipeline

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// TestLargeTimeline builds a corpus of thousands of records: the timeline
// splits into pages that stay under 300 KB, and every dated thing appears
// on exactly one of them.
func TestLargeTimeline(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,500-prisoner corpus")
	}
	src := t.TempDir()
	if err := corpus.Write(src, corpus.Scaled(1500)); err != nil {
		t.Fatal(err)
	}
	testsite.Templates(t, src)
	out, kept := keptFiles()
	s, _, err := generate(os.DirFS(src), Options{}, out)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.TimelinePages) < 3 {
		t.Fatalf("the timeline of %d entries did not split", len(s.Timeline))
	}
	id := regexp.MustCompile(`<li id="([^"]+)" class="entry"`)
	seen := make(map[string]int)
	for name, data := range kept {
		if !strings.HasPrefix(name, "timeline/") || !strings.HasSuffix(name, ".html") {
			continue
		}
		if len(data) > 300<<10 {
			t.Errorf("%s is %d KB", name, len(data)>>10)
		}
		for _, m := range id.FindAllSubmatch(data, -1) {
			seen[string(m[1])]++
		}
	}
	for _, e := range s.Timeline {
		if seen[e.ID()] != 1 {
			t.Errorf("entry %s appears %d times", e.ID(), seen[e.ID()])
		}
	}
	if len(seen) != len(s.Timeline) {
		t.Errorf("%d entries on the pages, %d in the timeline", len(seen), len(s.Timeline))
	}
}
