package render

import (
	"cmp"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/site"
)

func day(t *testing.T, s string) content.Date {
	t.Helper()
	d, err := content.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestChart(t *testing.T) {
	f := site.Figures{
		AsOf: day(t, "2024-12-31"),
		Series: []site.Point{
			{Date: day(t, "2024-01-01"), Held: 1},
			{Date: day(t, "2024-07-01"), Held: 3},
			{Date: day(t, "2024-10-01"), Held: 2},
		},
		Held:    3, // one of them with no known arrest date
		Undated: 4,
	}
	en, _ := i18n.Load(nil, i18n.English)
	svg := string(chart(en, f))
	// Drawn for a phone: 300 units wide; the plot runs from the first
	// month's start (x=36) to the as-of date (x=290), 254 units for 365
	// days: July 1 (day 182) is at 36 + 254*182/365 = 162.7. The axis runs
	// to 5 (1, 2 or 5 times a power of ten); a tick at every month, a
	// label every second one (a label and its gap, 33.3+6 units, are more
	// than a month's 21.6), the year under the first; the as-of mark at
	// the end, its date above the plot. The key is HTML, not in the SVG.
	for _, want := range []string{
		`<svg class="chart" width="300" height="207" viewBox="0 0 300 207" role="img" aria-labelledby="chart-title chart-desc">`,
		`<title id="chart-title">Documented people held, from 1 January 2024 to 31 December 2024</title>`,
		`<path class="line" d="M36.0 171.0 H36.0 V141.2 H162.7 V81.6 H226.7 V111.4 H290.0"/>`,
		`<text class="tick" x="36.0" y="189.0" text-anchor="middle">Jan</text><text class="tick" x="36.0" y="203.0" text-anchor="middle">2024</text><text class="tick" x="77.8" y="189.0" text-anchor="middle">Mar</text>`,
		`<line class="asof" x1="290.0" x2="290.0" y1="16" y2="171.0"/><text class="tick asof-label" x="290.0" y="13" text-anchor="end">as of 31 December 2024</text>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s\n%s", want, svg)
		}
	}
	if strings.Contains(svg, "<text class=\"tick\" x=\"32\" y=\"22.5\">") || strings.Contains(svg, ">Documented people held</text>") {
		t.Error("the key is drawn inside the chart, where a long name is cut")
	}
	wantKey := `<ul class="key"><li><svg class="swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true"><g class="series-0"><line class="line" x1="1" x2="27" y1="6" y2="6"/></g></svg><span class="series-name">Documented people held</span></li></ul>`
	if k := string(chartKey(en, f)); k != wantKey {
		t.Errorf("key:\n got %s\nwant %s", k, wantKey)
	}
	if n := strings.Count(svg, `text-anchor="middle">`); n != 7 {
		t.Errorf("%d month and year labels, want 6 months and a year", n)
	}
	summary := chartSummary(en, f)
	want := "Counted since 1 January 2024, the number of documented people held peaks at 3 on 1 July 2024 and stands at 2 as of 31 December 2024. 4 people are not counted in it: their arrest date, or the date they were freed, is unknown. Of the people still held, 1 person is not in it, for want of an arrest date."
	if summary != want {
		t.Errorf("summary:\n got %s\nwant %s", summary, want)
	}
	if !strings.Contains(svg, "<desc id=\"chart-desc\">"+summary+"</desc>") {
		t.Error("the chart's description is not its summary")
	}
	if chart(en, site.Figures{}) != "" {
		t.Error("an empty series draws a chart")
	}
}

// TestChartFitsItsCounts checks that the widest count on the axis,
// "1,000", is drawn inside the chart, the plot starting right of it.
func TestChartFitsItsCounts(t *testing.T) {
	en, _ := i18n.Load(nil, i18n.English)
	f := site.Figures{AsOf: day(t, "2026-03-01"), Series: []site.Point{{Date: day(t, "2025-12-29"), Held: 863}}}
	svg := string(chart(en, f))
	// "1,000" is 4 digits and a comma: (4*0.64+0.36)*13 = 38.0 units
	// wide, so the plot starts at 44 and the label ends 4 units before it.
	for _, want := range []string{
		`<line class="grid" x1="44" x2="290" y1="22.0" y2="22.0"/><text class="tick" x="40" y="26.5" text-anchor="end">1,000</text>`,
		`<text class="tick" x="44.0" y="189.0" text-anchor="middle">Dec</text>`, // the first month, where the plot starts
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s\n%s", want, svg)
		}
	}
	if w := textWidth("1,000"); 40-w < 0 {
		t.Errorf("the label 1,000 starts at %.1f, outside the chart", 40-w)
	}
}

func TestNiceCeil(t *testing.T) {
	for in, want := range map[int]int{1: 1, 2: 2, 3: 5, 6: 10, 11: 20, 863: 1000, 1001: 2000} {
		if got := niceCeil(in); got != want {
			t.Errorf("niceCeil(%d) = %d, want %d", in, got, want)
		}
	}
}

// tickText is a label of a chart: where it is drawn and what it says.
var tickText = regexp.MustCompile(`<text class="tick[^"]*" x="([0-9.]+)" y="([0-9.]+)"(?: text-anchor="(\w+)")?>([^<]*)</text>`)

// TestChartLabelsNeverOverlap draws the chart over spans from days to
// decades, in both languages, and checks that no two labels on the same
// line overlap and that every label is inside the chart, as textWidth
// measures them (the widest a reader's font may draw them).
func TestChartLabelsNeverOverlap(t *testing.T) {
	en, _ := i18n.Load(nil, i18n.English)
	es := spanish(t, templates(t, func(_, text string) string { return text }))
	spans := [][2]string{
		{"2026-01-08", "2026-01-20"}, {"2025-12-29", "2026-03-01"}, {"2025-11-30", "2026-03-01"},
		{"2024-01-01", "2024-12-31"}, {"2024-02-09", "2025-01-01"}, {"2023-10-15", "2026-03-01"},
		{"2021-07-02", "2026-03-01"}, {"2019-03-15", "2026-03-01"}, {"1999-01-01", "2026-03-01"},
		{"1950-06-01", "2026-03-01"},
	}
	for _, words := range []*i18n.Dict{en, es} {
		for _, span := range spans {
			f := site.Figures{AsOf: day(t, span[1]), Series: []site.Point{{Date: day(t, span[0]), Held: 1200}}}
			svg := string(chart(words, f))
			type extent struct {
				from, to float64
				text     string
			}
			lines := map[string][]extent{}
			for _, m := range tickText.FindAllStringSubmatch(svg, -1) {
				x, _ := strconv.ParseFloat(m[1], 64)
				w := textWidth(html.UnescapeString(m[4]))
				e := extent{x, x + w, m[4]}
				switch m[3] {
				case "middle":
					e.from, e.to = x-w/2, x+w/2
				case "end":
					e.from, e.to = x-w, x
				}
				if e.from < 0 || e.to > chartW {
					t.Errorf("%s to %s: %q drawn from %.1f to %.1f, outside the chart's 0 to %d", span[0], span[1], m[4], e.from, e.to, chartW)
				}
				lines[m[2]] = append(lines[m[2]], e)
			}
			labels := 0
			for y, es := range lines {
				slices.SortFunc(es, func(a, b extent) int { return cmp.Compare(a.from, b.from) })
				for i := 1; i < len(es); i++ {
					if es[i].from < es[i-1].to+2 {
						t.Errorf("%s to %s, line y=%s: %q (to %.1f) and %q (from %.1f) overlap", span[0], span[1], y, es[i-1].text, es[i-1].to, es[i].text, es[i].from)
					}
				}
				labels += len(es)
			}
			if labels < 5 { // three counts, the as-of date and at least one time label
				t.Errorf("%s to %s: %d labels\n%s", span[0], span[1], labels, svg)
			}
		}
	}
	// The briefing's own timeline, July 2021 to March 2026: too long for
	// months, so a label a year, and no month.
	svg := string(chart(en, site.Figures{AsOf: day(t, "2026-03-01"), Series: []site.Point{{Date: day(t, "2021-07-02"), Held: 13}}}))
	var got []string
	for _, m := range tickText.FindAllStringSubmatch(svg, -1) {
		if m[3] == "middle" {
			got = append(got, m[4])
		}
	}
	if want := []string{"2022", "2023", "2024", "2025", "2026"}; !slices.Equal(got, want) {
		t.Errorf("time labels over four years and a half: %q, want %q", got, want)
	}
}

// TestChartSeriesEachHaveTheirOwnStyle: every series of a chart of up to
// sixteen has a class and marker no other has, and the stylesheet gives
// each of the eight classes a colour and a dash pattern of its own.
func TestChartSeriesEachHaveTheirOwnStyle(t *testing.T) {
	en, _ := i18n.Load(nil, i18n.English)
	start := day(t, "2026-01-01").First()
	var all []series
	for i := range 2 * seriesStyles {
		all = append(all, series{name: fmt.Sprintf("Counter %d", i), points: []point{{start, i}, {start.AddDate(0, 0, 10), i + 1}}})
	}
	svg := string(draw(en, "t", "d", "title", "desc", all, day(t, "2026-02-01")))
	seen := map[string]int{}
	groups := regexp.MustCompile(`<g class="(series-\d+)"><path class="line" d="[^"]*"/>(.*?)</g>`).FindAllStringSubmatch(svg, -1)
	if len(groups) != len(all) {
		t.Fatalf("%d series drawn, want %d\n%s", len(groups), len(all), svg)
	}
	for i, g := range groups {
		var b strings.Builder
		marker(&b, i, 0, 0)
		shape := regexp.MustCompile(`^<(\w+) class="([^"]+)"`).FindStringSubmatch(b.String())
		if g[1] != seriesClass(i) || !strings.Contains(g[2], `<`+shape[1]+` class="`+shape[2]+`"`) {
			t.Errorf("series %d drawn as %s with %s, want %s with %s", i, g[1], g[2], seriesClass(i), b.String())
		}
		style := g[1] + " " + b.String() // the class and the marker's shape, drawn at 0,0
		if j, ok := seen[style]; ok {
			t.Errorf("series %d and %d look the same: %s", j, i, style)
		}
		seen[style] = i
	}
	css, err := os.ReadFile(filepath.Join(testsite.Root, "static", "style.css"))
	if err != nil {
		t.Fatal(err)
	}
	dashes := map[string]int{}
	for i := range seriesStyles {
		class := fmt.Sprintf(".series-%d", i)
		if !regexp.MustCompile(regexp.QuoteMeta(class) + `[,\s][^{]*\{ --c: var\(--[a-z-]+\); \}`).Match(css) {
			t.Errorf("the stylesheet gives %s no colour", class)
		}
		dash := "solid"
		if m := regexp.MustCompile(regexp.QuoteMeta(class) + ` \.line \{ stroke-dasharray: ([0-9 ]+); \}`).FindSubmatch(css); m != nil {
			dash = string(m[1])
		}
		if j, ok := dashes[dash]; ok {
			t.Errorf("series-%d and series-%d have the same line (%s)", j, i, dash)
		}
		dashes[dash] = i
	}
}
