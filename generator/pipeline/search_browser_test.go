package pipeline

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
	"github.com/presos-politicos/briefing/generator/search"
)

// firstResult waits for the search page to show its results and returns
// the text and link of the first, and the status line.
const firstResult = `(() => {
  const li = document.querySelector("main ol#results > li");
  const a = li && li.querySelector("a");
  const partial = li && li.querySelector(".partial");
  const note = document.getElementById("search-widened");
  return {title: a ? a.textContent : "", href: a ? a.getAttribute("href") : "", status: document.getElementById("search-status").textContent,
    note: note.hidden ? "" : note.textContent, partial: partial ? partial.textContent : ""};
})()`

type result struct {
	Title, Href, Status, Note, Partial string
}

// TestSearchInBrowser searches the browser tests' site in headless Chromium,
// over HTTP and from disk, under the site's Content-Security-Policy: any
// violation, failed load or script error fails the test.
func TestSearchInBrowser(t *testing.T) {
	src, out := builtBrowse(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()

	queries := []struct{ q, title, href string }{
		{"lucia", "Lucía San Martín", "../prisoners/lucia-san-martin/index.html"},
		{"Lucía", "Lucía San Martín", "../prisoners/lucia-san-martin/index.html"},
		{"LUCIA", "Lucía San Martín", "../prisoners/lucia-san-martin/index.html"},
		{"HELICOIDE", "El Helicoide", "../sites/el-helicoide/index.html"},
		{"helico", "El Helicoide", "../sites/el-helicoide/index.html"}, // part of a word
		{"san martin", "Lucía San Martín", "../prisoners/lucia-san-martin/index.html"},
		{"martin san", "Lucía San Martín", "../prisoners/lucia-san-martin/index.html"},
		{"quintero lawmaker", "Mateo Quintero", "../prisoners/mateo-quintero/index.html"},
		{"la tumba", "La Tumba", "../sites/la-tumba/index.html"},
		{"albarran", "Elena Albarrán", "../statements/elena-albarran-2026-01-08/index.html"},
		// One typo in a name, wherever it is: the person is found, and
		// the page says the results were widened.
		{"lcuia san martin", "Lucía San Martín", "../prisoners/lucia-san-martin/index.html"},
		{"mateo quintrero", "Mateo Quintero", "../prisoners/mateo-quintero/index.html"},
		{"helocoide", "El Helicoide", "../sites/el-helicoide/index.html"},
	}
	// A word that matches nothing is widened to the words one edit away;
	// the note says which, as the Go reference search finds them on the
	// same site ("lucía" for "lcuia san martin"). Every typo query above
	// is widened, and no query typed right is.
	ix := index(t, src)
	widened := func(q string) string {
		a := ix.Query(q)
		note := ""
		if a.Partial {
			note = "No record matches every word; these match the most."
		}
		if len(a.Widened) > 0 {
			note = strings.TrimSpace(note + " Also showing results for close spellings: " + strings.Join(a.Widened, ", ") + ".")
		}
		return note
	}
	for _, q := range []string{"lcuia san martin", "mateo quintrero", "helocoide"} {
		if widened(q) == "" {
			t.Errorf("%q is not widened by the Go search", q)
		}
	}
	for _, q := range []string{"lucia", "san martin", "quintero lawmaker", "albarran"} {
		if w := widened(q); w != "" {
			t.Errorf("%q, typed right, is widened by the Go search: %s", q, w)
		}
	}
	for _, base := range []string{srv.URL + "/", "file://" + filepath.ToSlash(out) + "/"} {
		t.Run(strings.SplitN(base, ":", 2)[0], func(t *testing.T) {
			ctx, jsErrors := browsertest.New(t) // one browser each: a session lasts at most two minutes
			for _, tt := range queries {
				page := base + "search/index.html?q=" + url.QueryEscape(tt.q)
				r := searchFor(t, ctx, page)
				if r.Title != tt.title || r.Href != tt.href {
					t.Errorf("%q: first result %q (%s), want %q (%s); %s", tt.q, r.Title, r.Href, tt.title, tt.href, r.Status)
				}
				if want := widened(tt.q); r.Note != want {
					t.Errorf("%q: the note above the results says %q, want %q", tt.q, r.Note, want)
				}
			}
			// No record has every word: those with the most, marked partial.
			r := searchFor(t, ctx, base+"search/index.html?q="+url.QueryEscape("lucia xylophone"))
			if r.Title != "Lucía San Martín" || r.Note != widened("lucia xylophone") || !strings.HasPrefix(r.Note, "No record matches every word") || r.Partial != "Partial match: 1 of 2 words" {
				t.Errorf("lucia xylophone: %+v", r)
			}
			// Two letters wrong: nothing, and a suggestion.
			r = searchFor(t, ctx, base+"search/index.html?q=helocoidx")
			if s := run(t, ctx, chromedp.Text(chromedp.ID("suggestions"))); r.Title != "" || s != "Words in the briefing that are close: helicoide." {
				t.Errorf("helocoidx: %+v, suggestions = %q", r, s)
			}
			jsErrors.Check(t)
		})
	}
}

func searchFor(t *testing.T, ctx context.Context, page string) result {
	t.Helper()
	// WaitReady finds the status in the new document, so that the poll
	// runs in its context, not in the one the navigation destroyed.
	must(t, chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.ID("search-status"))))
	waitFor(t, ctx, `document.getElementById("search-status").textContent !== ""`)
	return run(t, ctx, chromedp.Evaluate[result](firstResult))
}

// TestSearchTyping types into the search box: results follow each
// keystroke, the address keeps the query, filters count the results, and
// matched words are marked.
func TestSearchTyping(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	src, out := builtBrowse(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	must(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/index.html"), chromedp.WaitVisible(chromedp.ID("q"))))
	must(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "releas")))
	waitFor(t, ctx, `document.getElementById("search-status").textContent.includes("releas")`)
	r := run(t, ctx, chromedp.Evaluate[result](firstResult))
	if !strings.Contains(r.Status, "results for “releas”") {
		t.Fatalf("status = %q", r.Status)
	}
	// The address keeps the query once the results are painted.
	waitFor(t, ctx, `window.location.search === "?q=releas"`)
	marks := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#results mark").length`))
	if marks == 0 {
		t.Error("no matched word is marked")
	}
	// The filters, folded, are filled as they are opened; they count what
	// the Go index finds for the same query.
	want := searchFacets(index(t, src), "releas")
	must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#search-filters summary"))))
	waitFor(t, ctx, `document.querySelectorAll("#filter-kind option").length > 1`)
	kinds := run(t, ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#filter-kind option")).map(o => o.textContent).join("|")`))
	if !strings.HasPrefix(kinds, "All kinds (") || !strings.Contains(kinds, fmt.Sprintf("Prisoner (%d)", want.prisoners)) || want.prisoners < 3 {
		t.Errorf("kind filter = %s, want Prisoner (%d)", kinds, want.prisoners)
	}
	// Status and place counts come with the facets, loaded when the reader
	// turns to those filters.
	must(t, chromedp.Do(ctx, chromedp.Focus(chromedp.ID("filter-status"))))
	options := func(id string) map[string]bool {
		waitFor(t, ctx, `document.querySelectorAll("#`+id+` option").length > 1`)
		got := map[string]bool{}
		for _, o := range run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#`+id+` option")).map(o => o.textContent)`)) {
			got[o] = true
		}
		return got
	}
	if got := options("filter-status"); !maps.Equal(got, want.statuses) {
		t.Errorf("status filter = %v, want %v", got, want.statuses)
	}
	if got := options("filter-site"); !maps.Equal(got, want.sites) {
		t.Errorf("site filter = %v, want %v", got, want.sites)
	}
	// The filter redraws the results, and the status line with their number.
	before := run(t, ctx, chromedp.Text(chromedp.ID("search-status")))
	must(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("filter-kind"), "prisoner")))
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("filter-kind").dispatchEvent(new Event("change"))`)))
	waitFor(t, ctx, `document.getElementById("search-status").textContent !== `+strconv.Quote(before))
	n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#results > li").length`))
	if n != min(want.prisoners, searchPage) {
		t.Errorf("%d results with the prisoner filter, want %d", n, min(want.prisoners, searchPage))
	}
	jsErrors.Check(t)
}

// TestSearchLoadsOnKeyDown: a key that types a letter starts loading the
// files of the query it makes as it goes down, before the input event
// that searches (here, none comes: the key press is the script's own).
func TestSearchLoadsOnKeyDown(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	_, out := builtBrowse(t)
	must(t, chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(out)+"/search/index.html"), chromedp.WaitVisible(chromedp.ID("q"))))
	// Until the table is in, a key press loads nothing; so press until
	// the files come.
	waitFor(t, ctx, `(() => {
  const q = document.getElementById("q");
  q.value = "lucia san marti";
  q.setSelectionRange(q.value.length, q.value.length);
  q.dispatchEvent(new KeyboardEvent("keydown", {key: "n", bubbles: true}));
  return !!document.querySelector('script[src$="/t/mar.js"]');
})()`)
	got := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("script[src]"), s => s.getAttribute("src").replace(/^.*\/(t|p)\//, "$1/")).filter(s => /^(t|p)\//.test(s)).sort()`))
	if len(got) != 4 || got[0] == "" || !strings.HasPrefix(got[0], "p/") || got[1] != "t/luc.js" || got[2] != "t/mar.js" || got[3] != "t/san.js" {
		t.Errorf("the key press loaded %q, want the name file and t/luc.js, t/mar.js, t/san.js", got)
	}
	if s := run(t, ctx, chromedp.Text(chromedp.ID("search-status"))); s != "" {
		t.Errorf("a key press without an input event searched: %q", s)
	}
	jsErrors.Check(t)
}

// openSearch opens the search page at url and waits until it is ready:
// its table in and its rehearsal done (the search:ready mark).
func openSearch(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	must(t, chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.ID("search-status"))))
	waitFor(t, ctx, `performance.getEntriesByName("search:ready").length > 0`)
}

// waitSearched waits until the page says it searched for q.
func waitSearched(t *testing.T, ctx context.Context, q string) {
	t.Helper()
	waitFor(t, ctx, `document.getElementById("search-status").textContent.includes("\u201c`+q+`\u201d")`)
}

// TestSearchRehearsesUnseen: as the page opens it loads the table and no
// other index file, and rehearses the ranking and the drawing of a result
// on made-up words before the reader types, unseen: once it marks itself
// ready, no result is drawn, the status is empty, and the next query finds
// what the Go reference finds. A page opened with a query searches it at
// once and is ready too.
func TestSearchRehearsesUnseen(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	src, out := builtBrowse(t)
	ix := index(t, src)
	page := "file://" + filepath.ToSlash(out) + "/search/index.html"
	loaded := `Array.from(document.querySelectorAll("script[src]"), s => s.getAttribute("src")).filter(s => s.includes("/search/")).map(s => s.replace(/^.*\/search\/[0-9a-f]+\//, "")).sort()`
	openSearch(t, ctx, page)
	waitFor(t, ctx, `document.querySelectorAll("#results li").length === 0`) // the rehearsed result goes once painted
	if got := run(t, ctx, chromedp.Evaluate[[]string](loaded)); !slices.Equal(got, []string{"k.js"}) {
		t.Errorf("the page opened and rehearsed loading %q, want the table, k.js, alone", got)
	}
	if s := run(t, ctx, chromedp.Text(chromedp.ID("search-status"))); s != "" {
		t.Errorf("after the rehearsal the status says %q, want nothing", s)
	}
	must(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), "lucia")))
	waitSearched(t, ctx, "lucia")
	want := ix.Query("lucia").Results[0].Doc
	if got := run(t, ctx, chromedp.Evaluate[result](firstResult)); got.Title != want.Title {
		t.Errorf("the first query after the rehearsal found %q first, want %q", got.Title, want.Title)
	}

	openSearch(t, ctx, page+"?q=lucia")
	waitSearched(t, ctx, "lucia")
	if got := run(t, ctx, chromedp.Evaluate[result](firstResult)); got.Title != want.Title {
		t.Errorf("?q=lucia found %q first, want %q", got.Title, want.Title)
	}
	jsErrors.Check(t)
}

// TestSearchLoadsAheadAsAWordIsTyped: typed letter by letter, a word loads
// what a typo in it will need before the key press that makes the typo:
// from its fourth letter, its near files; and a word that matches
// nothing, a typo in its first letters, the term files of the words it
// may become one edit of as it goes on, before it is one edit of them. A
// query opened from a link loads nothing ahead.
func TestSearchLoadsAheadAsAWordIsTyped(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	src, out := builtBrowse(t)
	ix := index(t, src)
	page := "file://" + filepath.ToSlash(out) + "/search/index.html"
	// typed types q and returns the index files the page then loaded,
	// once each of the files in want is among them: the loads ahead start
	// after the results are painted, so they are waited for.
	typed := func(q string, want []string) []string {
		t.Helper()
		openSearch(t, ctx, page)
		must(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), q)))
		waitSearched(t, ctx, q)
		for _, f := range want {
			waitFor(t, ctx, `document.querySelector('script[src$="/`+f+`"]') !== null`)
		}
		return run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("script[src]"), s => s.getAttribute("src").replace(/^.*\/(t|n)\//, "$1/")).filter(s => /^(t|n)\//.test(s)).sort()`))
	}

	// "quin", a start of "quintero", loads the near files of its near
	// keys, and no other.
	nearDir, err := filepath.Glob(filepath.Join(out, "search", "*", "n", "*.js"))
	if err != nil || len(nearDir) == 0 {
		t.Fatalf("no near files: %v", err)
	}
	want := map[string]bool{}
	for _, k := range search.NearKeys("quin") {
		want["n/"+strconv.Itoa(search.NearFile(k, len(nearDir)))+".js"] = true
	}
	got := map[string]bool{}
	for _, f := range typed("quin", slices.Sorted(maps.Keys(want))) {
		if strings.HasPrefix(f, "n/") {
			got[f] = true
		}
	}
	if !maps.Equal(got, want) {
		t.Errorf("typing quin loaded the near files %v, want those of its near keys %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}

	// Opened from a link, the same query loads no near file: nothing is
	// typed next.
	searchFor(t, ctx, page+"?q=quin")
	time.Sleep(200 * time.Millisecond) // as long as the loads ahead would take to start
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('script[src*="/n/"]').length`)); n != 0 {
		t.Errorf("?q=quin loaded %d near files, want none", n)
	}

	// "qiun" is no word one edit from a word of the briefing, but the
	// start of "quintero" with two letters swapped: its term file is
	// loaded as it is typed, before the word is whole.
	if a := ix.Query("qiun"); len(a.Widened) > 0 || len(a.Results) > 0 {
		t.Fatalf("qiun finds %d results, widened to %v; the test needs a start of a word that is no typo yet", len(a.Results), a.Widened)
	}
	if files := typed("qiun", []string{"t/qui.js"}); !slices.Contains(files, "t/qui.js") {
		t.Errorf("typing qiun loaded %v, want t/qui.js among them (quintero)", files)
	}
	jsErrors.Check(t)
}

// TestSearchScriptAgreesWithGo runs queries in the browser and through
// search.Index.Search: the script and the reference ranking give the same
// first results in the same order.
func TestSearchScriptAgreesWithGo(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	src, out := builtBrowse(t)
	ix := index(t, src)
	for _, q := range []string{"releas", "venezuela", "san", "brandt gesture", "presos politicos", "helicoide caracas", "foro penal", "863", "Spanish", "detenc",
		// Repeated words, typos anywhere (widened), partial matches.
		"san martin san", "lucia lucia", "lcuia san martin", "mateo quintrero", "helocoide", "lucia xylophone", "venezuela zzzz tumba", "presso", "qintero", "elena albarran",
		// A count written "1,800" found as a reader types it.
		"1800", "1,800", "1.800"} {
		var want []string
		a := ix.Query(q)
		for i, r := range a.Results {
			if i == 5 {
				break
			}
			want = append(want, r.Doc.Title)
		}
		// And the same note above the results.
		var note []string
		if a.Partial {
			note = append(note, "No record matches every word; these match the most.")
		}
		if len(a.Widened) > 0 {
			note = append(note, "Also showing results for close spellings: "+strings.Join(a.Widened[:min(5, len(a.Widened))], ", ")+".")
		}
		r := searchFor(t, ctx, "file://"+filepath.ToSlash(out)+"/search/index.html?q="+url.QueryEscape(q))
		got := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#results > li > a")).map(a => a.textContent)`))
		if strings.Join(got, " | ") != strings.Join(want, " | ") {
			t.Errorf("%q:\nbrowser: %s\n     Go: %s", q, strings.Join(got, " | "), strings.Join(want, " | "))
		}
		if r.Note != strings.Join(note, " ") {
			t.Errorf("%q: browser's note %q, Go's %q", q, r.Note, strings.Join(note, " "))
		}
	}
	// The last query, "1.800", marks the number as the page writes it.
	if m := run(t, ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#results mark")).map(m => m.textContent).join(" | ")`)); !strings.Contains(m, "1,800") {
		t.Errorf("1.800: the marked words are %q, want 1,800 among them", m)
	}
	jsErrors.Check(t)
}

// TestSearchWithoutJavaScript: the page says search needs JavaScript and
// links to the lists.
func TestSearchWithoutJavaScript(t *testing.T) {
	ctx, _ := browsertest.New(t)
	_, out := builtBrowse(t)
	must(t, chromedp.Do(ctx, browsertest.DisableScripts()))
	must(t, chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(out)+"/search/index.html?q=lucia"), chromedp.WaitReady(chromedp.ID("search-nojs"))))
	text := run(t, ctx, chromedp.Text(chromedp.ID("search-browse")))
	if !strings.Contains(text, "needs JavaScript") || !strings.Contains(text, "Political prisoners") {
		t.Errorf("without JavaScript the page says: %q", text)
	}
}

// searchPage is how many results the search page shows before "Show more
// results" (PAGE in static/search.js).
const searchPage = 5

// facets are what the search page's filters should say for a query: the
// number of prisoners found, and the options of the status and place
// filters ("Released (3)"), from the Go index of the same site.
type facets struct {
	prisoners       int
	statuses, sites map[string]bool
}

// index is the Go reference index of the site in src, in its default
// language.
func index(t *testing.T, src string) *search.Index {
	t.Helper()
	s, _, err := generate(os.DirFS(src), Options{}, discarded())
	if err != nil {
		t.Fatal(err)
	}
	return search.Build(s)
}

func searchFacets(ix *search.Index, q string) facets {
	names := map[string]string{}
	for _, d := range ix.Sites {
		names[d.Slug] = d.Name
	}
	statusNames := map[string]string{"detained": "Detained", "disappeared": "Disappeared (whereabouts unknown)", "house_arrest": "House arrest",
		"conditionally_released": "Conditionally released", "released": "Released", "exiled": "Exiled", "deceased": "Deceased"}
	statuses, sites := map[string]int{}, map[string]int{}
	f := facets{statuses: map[string]bool{}, sites: map[string]bool{}}
	for _, r := range ix.Search(q) {
		if r.Doc.Kind != content.KindPrisoner {
			continue
		}
		f.prisoners++
		statuses[statusNames[r.Doc.Status]]++
		if r.Doc.Site != "" {
			sites[names[r.Doc.Site]]++
		}
	}
	option := func(set map[string]bool, counts map[string]int, all string) {
		total := 0
		for name, n := range counts {
			set[fmt.Sprintf("%s (%d)", name, n)] = true
			total += n
		}
		set[fmt.Sprintf("%s (%d)", all, total)] = true
	}
	option(f.statuses, statuses, "Any status")
	option(f.sites, sites, "Any place")
	return f
}

// TestSearchPageOnAPhone: at 375x812 the search page has one search box
// (its own: the header's is left out there), full width under its label,
// and the first result shows without scrolling, snippet included.
func TestSearchPageOnAPhone(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	_, out := builtBrowse(t)
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(375, 812)))
	r := searchFor(t, ctx, "file://"+filepath.ToSlash(out)+"/search/index.html?q=lucia")
	if r.Title != "Lucía San Martín" {
		t.Fatalf("first result %+v", r)
	}
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)))
	layout := run(t, ctx, chromedp.Evaluate[phoneLayout](`(() => {
  const r = el => document.querySelector(el).getBoundingClientRect();
  return {
    boxes: document.querySelectorAll("input[type=search]").length,
    labelBottom: r("form.search label").bottom, inputTop: r("#q").top,
    inputWidth: r("#q").width + r("form.search button").width, formWidth: r("form.search").width,
    resultBottom: r("#results > li").bottom, height: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  };
})()`))
	if layout.Boxes != 1 {
		t.Errorf("%d search boxes on the search page, want 1", layout.Boxes)
	}
	if layout.InputTop < layout.LabelBottom {
		t.Errorf("the box (top %.0f) is not under its label (bottom %.0f)", layout.InputTop, layout.LabelBottom)
	}
	if layout.InputWidth < layout.FormWidth-16 {
		t.Errorf("the box and its button are %.0f px wide in a %.0f px form", layout.InputWidth, layout.FormWidth)
	}
	if layout.ResultBottom > layout.Height {
		t.Errorf("the first result ends at %.0f px, below the %.0f px screen", layout.ResultBottom, layout.Height)
	}
	if layout.ScrollWidth > layout.ClientWidth {
		t.Errorf("the page scrolls sideways: %.0f px in %.0f", layout.ScrollWidth, layout.ClientWidth)
	}
	// With results, the lists of every record step aside; they are labelled.
	browse := run(t, ctx, chromedp.Evaluate[string](`(() => { const n = document.getElementById("search-browse");
  return (n.hidden ? "hidden" : "shown") + " " + document.getElementById(n.getAttribute("aria-labelledby")).textContent; })()`))
	if browse != "hidden Browse the lists" {
		t.Errorf("the lists after the results: %s", browse)
	}
	// Every result shows a matched word, wherever the match is.
	for _, q := range []string{"releas", "tumba", "caracas", "helocoide", "lawmaker quintero"} {
		searchFor(t, ctx, "file://"+filepath.ToSlash(out)+"/search/index.html?q="+url.QueryEscape(q))
		unmarked := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#results > li")).filter(li => !li.querySelector("mark")).map(li => li.textContent)`))
		if len(unmarked) > 0 {
			t.Errorf("%q: results with no matched word shown: %q", q, unmarked)
		}
	}
	// Every other page keeps the header's box, which leads to this page.
	must(t, chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(out)+"/prisoners/index.html"), chromedp.WaitReady(chromedp.CSS("main"))))
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("header form.search-box input[type=search]").length`)); n != 1 {
		t.Errorf("the prisoners list has %d search boxes in its header, want 1", n)
	}
	jsErrors.Check(t)
}

type phoneLayout struct {
	Boxes                    int
	LabelBottom, InputTop    float64
	InputWidth, FormWidth    float64
	ResultBottom, Height     float64
	ScrollWidth, ClientWidth float64
}
