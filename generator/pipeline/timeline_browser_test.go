package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
)

// visible counts the timeline entries a reader sees.
const visible = `Array.from(document.querySelectorAll("li.entry")).filter(li => li.offsetParent !== null).length`

// TestTimelineFilters drives the timeline's filters in headless Chromium,
// over HTTP and from disk.
func TestTimelineFilters(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	_, out := builtBrowse(t)
	want := timelineCounts(t, out)
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()

	// A desktop's width, where the filters stand open (on a phone they
	// fold into a "Filter" control).
	must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)))
	for _, base := range []string{srv.URL + "/", "file://" + filepath.ToSlash(out) + "/"} {
		t.Run(strings.SplitN(base, ":", 2)[0], func(t *testing.T) {
			page := base + "timeline/index.html"
			must(t, chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("timeline-filters"))))
			total := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("li.entry").length`))
			if n := run(t, ctx, chromedp.Evaluate[int](visible)); n != total || total != want.total || total < 15 {
				t.Fatalf("%d of %d entries visible before filtering, want all %d", n, total, want.total)
			}
			status := run(t, ctx, chromedp.Text(chromedp.ID("filter-status")))
			if status != fmt.Sprintf("Showing all %d entries.", want.total) {
				t.Errorf("status = %q", status)
			}

			// Only releases: untick every other kind.
			kinds := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("input[name=kind]")).map(i => i.value)`))
			for _, k := range kinds {
				if k != "release" {
					must(t, chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`input[name=kind][value=`+k+`]`))))
				}
			}
			if n := run(t, ctx, chromedp.Evaluate[int](visible)); n != want.releases || n == 0 {
				t.Errorf("%d entries visible with only releases, want %d", n, want.releases)
			}
			if status := run(t, ctx, chromedp.Text(chromedp.ID("filter-status"))); status != fmt.Sprintf("Showing %d of %d entries.", want.releases, want.total) {
				t.Errorf("status = %q", status)
			}
			loc := run(t, ctx, chromedp.Location())
			if !strings.Contains(loc, "kind=release") {
				if strings.HasPrefix(base, "http") {
					t.Errorf("the filter is not in the address: %s", loc)
				}
			}

			// By year, then by person: the filters combine.
			must(t, chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.ID("timeline-filters"))))
			must(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("filter-year"), "2024")))
			must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("filter-year").dispatchEvent(new Event("change", {bubbles: true}))`)))
			if n := run(t, ctx, chromedp.Evaluate[int](visible)); n != want.byYear["2024"] || n == 0 {
				t.Errorf("%d entries visible in 2024, want %d", n, want.byYear["2024"])
			}
			hiddenYears := run(t, ctx, chromedp.Evaluate[int](`Array.from(document.querySelectorAll("section.year")).filter(s => s.hidden).length`))
			if hiddenYears != len(want.byYear)-1 {
				t.Errorf("%d year sections hidden, want %d (all but 2024)", hiddenYears, len(want.byYear)-1)
			}
			must(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("filter-year"), "")))
			must(t, chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("filter-record"), "sites/el-helicoide/")))
			must(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("filter-record").dispatchEvent(new Event("change", {bubbles: true}))`)))
			if n := run(t, ctx, chromedp.Evaluate[int](visible)); n != want.helicoide || n == 0 {
				t.Errorf("%d entries visible for El Helicoide, want %d", n, want.helicoide)
			}

			// The state comes back from the address.
			shared := page + "?kind=statement&year=2026"
			must(t, chromedp.Do(ctx, chromedp.Navigate(shared), chromedp.WaitVisible(chromedp.ID("timeline-filters"))))
			if n := run(t, ctx, chromedp.Evaluate[int](visible)); n != want.statements2026 || n == 0 {
				t.Errorf("%d entries visible from %s, want the %d statements of 2026", n, shared, want.statements2026)
			}
			year := run(t, ctx, chromedp.Value(chromedp.ID("filter-year")))
			arrests := run(t, ctx, chromedp.Evaluate[bool](`document.querySelector("input[value=arrest]").checked`))
			if year != "2026" || arrests {
				t.Errorf("controls not restored: year %q, arrests ticked %v", year, arrests)
			}

			// A link to one entry lands on it.
			must(t, chromedp.Do(ctx, chromedp.Navigate(page+"#2026-01-08-release-lucia-san-martin"), chromedp.WaitVisible(chromedp.ID("timeline-filters"))))
			target := run(t, ctx, chromedp.Evaluate[string](`document.querySelector(":target") ? document.querySelector(":target").id : ""`))
			if target != "2026-01-08-release-lucia-san-martin" {
				t.Errorf(":target = %q", target)
			}
			jsErrors.Check(t)
		})
	}
}

// timelineEntries are what each filter of TestTimelineFilters should leave
// visible, counted from the build's data/timeline.json rather than written
// down, so that a record added to the fixture does not break the test.
type timelineEntries struct {
	total, releases, helicoide, statements2026 int
	byYear                                     map[string]int
}

func timelineCounts(t *testing.T, out string) timelineEntries {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(out, "data", "timeline.json"))
	if err != nil {
		t.Fatal(err)
	}
	type link struct {
		URL string `json:"url"`
	}
	var entries []struct {
		Kind     string `json:"kind"`
		Date     string `json:"date"`
		Record   link   `json:"record"`
		Involves []link `json:"involves"`
	}
	if err := json.Unmarshal(data, &entries); err != nil {
		t.Fatal(err)
	}
	w := timelineEntries{total: len(entries), byYear: map[string]int{}}
	for _, e := range entries {
		year := e.Date[:4] // an interval sorts, and is filed, by its start
		w.byYear[year]++
		if e.Kind == "release" {
			w.releases++
		}
		if e.Kind == "statement" && year == "2026" {
			w.statements2026++
		}
		links := append([]link{e.Record}, e.Involves...)
		for _, l := range links {
			if strings.HasSuffix(l.URL, "sites/el-helicoide/") {
				w.helicoide++
				break
			}
		}
	}
	return w
}

// TestTimelineWithoutJavaScript: with scripts off, every entry shows and the
// filters, which need the script, stay hidden.
func TestTimelineWithoutJavaScript(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	_, out := builtBrowse(t)
	must(t, chromedp.Do(ctx, browsertest.DisableScripts()))
	must(t, chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(out)+"/timeline/index.html"), chromedp.WaitReady(chromedp.CSS("li.entry"))))
	total := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("li.entry").length`))
	if n := run(t, ctx, chromedp.Evaluate[int](visible)); n != total || n == 0 {
		t.Errorf("%d of %d entries visible without JavaScript", n, total)
	}
	if shown := run(t, ctx, chromedp.Evaluate[bool](`document.getElementById("timeline-filters").offsetParent !== null`)); shown {
		t.Error("the filters show without JavaScript, where they cannot work")
	}
	jsErrors.Check(t)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// waitFor waits until the page's JavaScript expression js is true: the
// browser polls it, on its own timer.
func waitFor(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", js, err)
	}
}
