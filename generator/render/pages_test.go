package render

import (
	"maps"
	"slices"
	"sync"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/sitetest"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/site"
)

func testSite(t *testing.T) (*site.Site, *Renderer) {
	t.Helper()
	fsys := testsite.MapFS(testsite.Archive())
	s := sitetest.New(t, fsys)
	r, err := New(templates(t, func(_, text string) string { return text }), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s, r
}

// A List names every page once, the site's own first, each record's page
// made anew when asked for, with what it needs known without making it.
func TestListMakesRecordPagesWhenAsked(t *testing.T) {
	s, _ := testSite(t)
	list := Pages(s, &Files{})
	records := len(s.Briefs) + len(s.Prisoners) + len(s.Statements) + len(s.Sites) + len(s.Pages)
	if own := len(list.Own()); list.Len() != own+records || records == 0 {
		t.Fatalf("Len() = %d, want %d own pages and %d records", list.Len(), own, records)
	}
	paths := make(map[string]bool)
	for i := range list.Len() {
		p := list.At(i)
		if paths[p.Path] {
			t.Errorf("page %d: %s listed twice", i, p.Path)
		}
		paths[p.Path] = true
		if list.Needs(i) != p.Needs {
			t.Errorf("%s: Needs(%d) = %v, the page needs %v", p.Path, i, list.Needs(i), p.Needs)
		}
		again := list.At(i)
		if own := i < len(list.Own()); own != (again == p) {
			t.Errorf("%s: At(%d) twice gave the same page: %v; want that only for the site's own pages", p.Path, i, again == p)
		}
		if again.Path != p.Path || again.Template != p.Template || again.Title != p.Title {
			t.Errorf("At(%d) made %s (%s) then %s (%s)", i, p.Path, p.Template, again.Path, again.Template)
		}
	}
	if !paths["prisoners/index.html"] || !paths["search/index.html"] {
		t.Errorf("the list lacks the prisoners' list or the search page: %v", slices.Sorted(maps.Keys(paths)))
	}
}

// Render draws the pages that need what it is told, each once, and hands
// each to made with its index.
func TestRenderDrawsThePagesOfOneNeed(t *testing.T) {
	s, r := testSite(t)
	list := Pages(s, &Files{})
	for _, need := range []Need{NeedsSite, NeedsSearchIndex, NeedsArchives} {
		var (
			mu   sync.Mutex
			made = make(map[int]string)
		)
		out := make(memoryOut)
		err := r.Render(list, need, out, func(i int, p *Page) {
			mu.Lock()
			defer mu.Unlock()
			made[i] = p.Path
		})
		if err != nil {
			t.Fatal(err)
		}
		for i := range list.Len() {
			path, ok := made[i]
			if ok != (list.Needs(i) == need) {
				t.Errorf("need %v: page %d made: %v, though it needs %v", need, i, ok, list.Needs(i))
			}
			if ok && len(out[path]) == 0 {
				t.Errorf("need %v: %s made but not written", need, path)
			}
		}
		if len(out) != len(made) {
			t.Errorf("need %v: %d files written for %d pages made", need, len(out), len(made))
		}
	}
}

// memoryOut keeps what is written, by name.
type memoryOut map[string][]byte

var memoryOutMu sync.Mutex

func (m memoryOut) WriteFile(name string, data []byte) error {
	memoryOutMu.Lock()
	defer memoryOutMu.Unlock()
	m[name] = slices.Clone(data)
	return nil
}
