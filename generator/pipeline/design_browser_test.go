package pipeline

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
)

// The design's measurements, in headless Chromium on a phone (375x812)
// and a desktop (1280x900). The pages are pageKinds' browse ones.

// badged are the pages that show a prisoner's or a site's status: each
// must show it as a badge with its word.
var badged = map[string]bool{
	"index.html": true, "briefs/first-releases/index.html": true,
	"prisoners/index.html": true, "prisoners/lucia-san-martin/index.html": true,
	"sites/index.html": true, "sites/el-helicoide/index.html": true,
	"timeline/index.html": true, "search/index.html?q=lucia": true,
	"es/index.html": true, "es/prisoners/lucia-san-martin/index.html": true,
	"es/timeline/index.html": true, "es/briefs/first-releases/index.html": true,
}

// design is what the test reads of a page, in one evaluation.
const design = `(() => {
  const header = document.querySelector(".masthead").getBoundingClientRect();
  const badges = Array.from(document.querySelectorAll(".badge"));
  const cells = Array.from(document.querySelectorAll("table.custody td, table.people td, table.prisoners td, table.sites td"));
  const entry = document.querySelector("li.entry[id]");
  let smallest = 0, largest = 0;
  for (const t of document.querySelectorAll("svg.chart text")) {
    const svg = t.ownerSVGElement;
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (svg.getBoundingClientRect().width > 0 && (smallest === 0 || px < smallest)) smallest = px;
    if (svg.getBoundingClientRect().width > 0 && px > largest) largest = px;
  }
  return {
    header: header.height,
    width: document.documentElement.scrollWidth,
    badges: badges.length,
    wordless: badges.filter(b => b.textContent.trim() === "").length,
    empty: cells.filter(c => c.textContent.trim() === "").map(c => c.closest("tr").textContent.trim()),
    entryTop: entry ? entry.getBoundingClientRect().top + window.scrollY : -1,
    chartText: smallest,
    chartTextMax: largest,
    bodyText: parseFloat(getComputedStyle(document.body).fontSize),
    menuLines: new Set(Array.from(document.querySelectorAll(".menu nav a")).map(a => Math.round(a.getBoundingClientRect().top))).size,
  };
})()`

type designFacts struct {
	Header    float64  `json:"header"`
	Width     int      `json:"width"`
	Badges    int      `json:"badges"`
	Wordless  int      `json:"wordless"`
	Empty     []string `json:"empty"`
	EntryTop  float64  `json:"entryTop"`
	ChartText float64  `json:"chartText"`
	// The largest chart text, and the body text's size: a chart drawn
	// wider than its labels allow would write them larger than the text.
	ChartTextMax float64 `json:"chartTextMax"`
	BodyText     float64 `json:"bodyText"`
	MenuLines    int     `json:"menuLines"` // the lines the main menu's links take
}

// TestDesign measures every page kind at both widths, in light and dark
// mode: the masthead at most 120 px tall on a phone, no sideways scroll,
// status badges with their word, no empty cell in the custody, people and
// prisoners tables, the timeline's first entry within a screen and a half
// on a phone, chart text at least 12 px and no larger than the body
// text, and on a desktop the menu's links on one line, in every language.
func TestDesign(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	_, out := builtBrowse(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	for _, scheme := range []string{"light", "dark"} {
		must(t, chromedp.Do(ctx, browsertest.ColorScheme(scheme)))
		for _, size := range [][2]int64{{375, 812}, {1280, 900}} {
			phone := size[0] < 600
			for _, page := range pageKinds["browse"] {
				where := fmt.Sprintf("%s at %dx%d (%s)", page, size[0], size[1], scheme)
				must(t, chromedp.Do(ctx, chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(srv.URL+"/"+page), chromedp.WaitReady(chromedp.CSS("main"))))
				if strings.Contains(page, "?q=") {
					waitFor(t, ctx, `document.querySelectorAll("#results li").length > 0`)
				}
				f := run(t, ctx, chromedp.Evaluate[designFacts](design))
				if phone && f.Header > 120 {
					t.Errorf("%s: the masthead is %.0f px tall, over 120", where, f.Header)
				}
				if f.Width > int(size[0]) {
					t.Errorf("%s: the page is %d px wide: it scrolls sideways", where, f.Width)
				}
				if badged[page] && f.Badges == 0 {
					t.Errorf("%s: no status badge", where)
				}
				if f.Wordless > 0 {
					t.Errorf("%s: %d status badges without their word", where, f.Wordless)
				}
				for _, row := range f.Empty {
					t.Errorf("%s: an empty cell in the row %q", where, row)
				}
				if phone && strings.HasSuffix(page, "timeline/index.html") {
					if f.EntryTop < 0 || f.EntryTop > 1.5*float64(size[1]) {
						t.Errorf("%s: the first entry is %.0f px down, below a screen and a half (%.0f px)", where, f.EntryTop, 1.5*float64(size[1]))
					}
				}
				if f.ChartText != 0 && f.ChartText < 12 {
					t.Errorf("%s: chart text drawn at %.1f px, under 12", where, f.ChartText)
				}
				if !phone && f.MenuLines != 1 {
					t.Errorf("%s: the menu's links take %d lines, not one", where, f.MenuLines)
				}
				if f.ChartTextMax > f.BodyText+0.1 {
					t.Errorf("%s: chart text drawn at %.1f px, larger than the body text (%.1f px)", where, f.ChartTextMax, f.BodyText)
				}
			}
		}
	}
	// The home page has a chart: make sure it was measured at all.
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(375, 812), chromedp.Navigate(srv.URL+"/timeline/index.html"), chromedp.WaitReady(chromedp.CSS("main"))))
	must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".chart-fold > summary"))))
	if f := run(t, ctx, chromedp.Evaluate[designFacts](design)); f.ChartText < 12 {
		t.Errorf("the timeline's chart, unfolded on a phone: text at %.1f px, under 12", f.ChartText)
	}
	jsErrors.Check(t)
}

// TestMenuWithoutJavaScript: on a phone, with scripts off, the menu opens
// and shows the navigation.
func TestMenuWithoutJavaScript(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	_, out := builtBrowse(t)
	must(t, chromedp.Do(ctx, browsertest.DisableScripts(), chromedp.EmulateViewport(375, 812)))
	must(t, chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(out)+"/prisoners/lucia-san-martin/index.html"), chromedp.WaitReady(chromedp.CSS("main"))))
	shown := `document.querySelector(".menu nav a").checkVisibility()`
	if run(t, ctx, chromedp.Evaluate[bool](shown)) {
		t.Error("the menu is open before it is asked for")
	}
	must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".menu summary"))))
	if !run(t, ctx, chromedp.Evaluate[bool](shown)) {
		t.Error("the menu does not open without JavaScript")
	}
	// On a desktop the navigation stands open.
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Reload()))
	if !run(t, ctx, chromedp.Evaluate[bool](shown)) {
		t.Error("the navigation is folded on a desktop")
	}
	jsErrors.Check(t)
}

// TestPrisonersList filters and sorts the list of prisoners, and the
// language switch keeps the view.
func TestPrisonersList(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	src, out := builtBrowse(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	// What the list should show comes from the site itself, so that a
	// record added to the fixture does not break the test: every person in
	// the list's order, those ever held at El Helicoide, and the latest
	// arrest.
	s, _, err := generate(os.DirFS(src), Options{}, discarded())
	if err != nil {
		t.Fatal(err)
	}
	var all, helicoide []string
	latest, latestName := "", ""
	for _, p := range s.Prisoners {
		all = append(all, p.Label())
		for _, c := range p.Custody {
			if c.Site.Slug == "el-helicoide" {
				helicoide = append(helicoide, p.Label())
				break
			}
		}
		if a := p.Arrested.String(); !p.Arrested.IsZero() && a > latest {
			latest, latestName = a, p.Label()
		}
	}
	visibleRows := `Array.from(document.querySelectorAll("#prisoners tbody tr")).filter(r => !r.hidden).map(r => r.querySelector("th").textContent.trim()).join("|")`
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/prisoners/index.html"), chromedp.WaitVisible(chromedp.ID("list-tools"))))
	if got := run(t, ctx, chromedp.Evaluate[string](visibleRows)); got != strings.Join(all, "|") {
		t.Errorf("rows before filtering: %s", got)
	}
	// By place: only those held at El Helicoide.
	must(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("filter-place"), "sites/el-helicoide/")))
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("filter-place").dispatchEvent(new Event("change"))`)))
	if got := run(t, ctx, chromedp.Evaluate[string](visibleRows)); got != strings.Join(helicoide, "|") {
		t.Errorf("rows held at El Helicoide: %s", got)
	}
	if got := run(t, ctx, chromedp.Text(chromedp.ID("list-status"))); got != fmt.Sprintf("Showing %d of %d people.", len(helicoide), len(all)) {
		t.Errorf("status = %q", got)
	}
	// Sorted by arrest, latest first: the unknown dates last.
	must(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("filter-place"), "")))
	must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("filter-place").dispatchEvent(new Event("change"))`)))
	must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`th[data-sort=arrested] button`))))
	must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`th[data-sort=arrested] button`))))
	if got := run(t, ctx, chromedp.Evaluate[string](visibleRows)); !strings.HasPrefix(got, latestName+"|") {
		t.Errorf("rows by arrest, latest first: %s", got)
	}
	if got := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("th[data-sort=arrested]").getAttribute("aria-sort")`)); got != "descending" {
		t.Errorf("aria-sort = %q", got)
	}
	// The language switch keeps the view.
	must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.languages a[hreflang=es]`)), chromedp.WaitVisible(chromedp.ID("list-tools"))))
	// (Go's file server answers index.html by its folder.)
	if loc := run(t, ctx, chromedp.Location()); !strings.HasSuffix(loc, "/es/prisoners/?sort=arrested&desc=1") {
		t.Errorf("after the language switch: %s", loc)
	}
	jsErrors.Check(t)
}

// TestLanguageSwitchKeepsQuery: the language switch keeps a search's
// query and the timeline's filters.
func TestLanguageSwitchKeepsQuery(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	_, out := builtBrowse(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))
	for from, want := range map[string]string{
		"search/index.html?q=lucia":                   "/es/search/index.html?q=lucia",
		"timeline/index.html?kind=release&year=2026":  "/es/timeline/index.html?kind=release&year=2026",
		"es/timeline/index.html?kind=arrest":          "/timeline/index.html?kind=arrest",
		"es/search/index.html?q=excarcelacion":        "/search/index.html?q=excarcelacion",
		"prisoners/lucia-san-martin/index.html?x=1#a": "/es/prisoners/lucia-san-martin/index.html",
	} {
		must(t, chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+from), chromedp.WaitReady(chromedp.CSS("main"))))
		must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.languages a[hreflang]`)), chromedp.WaitReady(chromedp.CSS("main"))))
		// Go's file server answers index.html by its folder.
		loc := strings.TrimPrefix(run(t, ctx, chromedp.Location()), srv.URL)
		if want = strings.Replace(want, "/index.html", "/", 1); loc != want {
			t.Errorf("the language switch from %s leads to %s, want %s", from, loc, want)
		}
	}
	jsErrors.Check(t)
}

// TestNotFoundPages: build writes a 404 page per language, in its
// language, with links that work at any depth.
func TestNotFoundPages(t *testing.T) {
	_, out := builtBrowse(t)
	for name, want := range map[string]string{"404.html": `<html lang="en">`, "es/404.html": `<html lang="es">`} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s is not in its language: want %s", name, want)
		}
	}
	es, _ := os.ReadFile(filepath.Join(out, "es/404.html"))
	for _, want := range []string{"Página no encontrada", `href="/es/prisoners/index.html"`, `href="/style.`} {
		if !strings.Contains(string(es), want) {
			t.Errorf("es/404.html lacks %s", want)
		}
	}
}

// TestShareImages: each language's pages name its own share image, which
// the build publishes.
func TestShareImages(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Src: browseSrc(t), Out: out, BaseURL: "https://example.org/"}); err != nil {
		t.Fatal(err)
	}
	for page, want := range map[string]string{
		"index.html":    `<meta property="og:image" content="https://example.org/share.png">`,
		"es/index.html": `<meta property="og:image" content="https://example.org/share-es.png">`,
		"es/prisoners/lucia-san-martin/index.html": `<meta property="og:image" content="https://example.org/share-es.png">`,
	} {
		data, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), want) {
			t.Errorf("%s lacks %s", page, want)
		}
	}
	for _, f := range []string{"share.png", "share-es.png", "favicon.svg"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
}
