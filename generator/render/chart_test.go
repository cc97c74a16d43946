package render

import (
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
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
		Undated: 4,
	}
	en, _ := i18n.Load(nil, i18n.English)
	svg := string(chart(en, f))
	// Drawn for a phone: 300 units wide; the plot runs from the first
	// month's start (x=36) to the as-of date (x=290), 254 units for 365
	// days: July 1 (day 182) is at 36 + 254*182/365 = 162.7. The axis runs
	// to 5 (1, 2 or 5 times a power of ten), a tick at every month, a
	// label every second one (12 months in 254 units), the year under the
	// first, and the as-of mark at the end.
	for _, want := range []string{
		`<svg class="chart" width="300" height="216" viewBox="0 0 300 216" role="img" aria-labelledby="chart-title chart-desc">`,
		`<title id="chart-title">Documented people held, from January 1, 2024 to December 31, 2024</title>`,
		`<text class="tick" x="32" y="22.5">Documented people held</text>`,
		`<path class="line" d="M36.0 182.0 H36.0 V152.2 H162.7 V92.6 H226.7 V122.4 H290.0"/>`,
		`<text class="tick" x="36.0" y="198.0" text-anchor="middle">Jan</text><text class="tick" x="36.0" y="212.0" text-anchor="middle">2024</text>`,
		`<line class="asof" x1="290.0" x2="290.0" y1="33" y2="182.0"/>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s\n%s", want, svg)
		}
	}
	if n := strings.Count(svg, `text-anchor="middle">`); n != 7 {
		t.Errorf("%d month and year labels, want 6 months and a year", n)
	}
	summary := chartSummary(en, f)
	want := "Counted since January 1, 2024, the number of documented people held peaks at 3 on July 1, 2024 and stands at 2 as of December 31, 2024. 4 people are not counted in it: their arrest date, or the date they were freed, is unknown."
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
	// "1,000" is 4 digits and a comma: 4*8.32+4.16 = 37.4 units wide, so
	// the plot starts at 43.4 and the label ends 4 units before it.
	for _, want := range []string{
		`<line class="grid" x1="43.4" x2="290" y1="33.0" y2="33.0"/><text class="tick" x="39.4" y="37.5" text-anchor="end">1,000</text>`,
		`<text class="tick" x="43.4" y="198.0" text-anchor="middle">Dec</text>`, // the first month, where the plot starts
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s\n%s", want, svg)
		}
	}
	if w := tickWidth("1,000"); 39.4-w < 0 {
		t.Errorf("the label 1,000 starts at %.1f, outside the chart", 39.4-w)
	}
}

func TestNiceCeil(t *testing.T) {
	for in, want := range map[int]int{1: 1, 2: 2, 3: 5, 6: 10, 11: 20, 863: 1000, 1001: 2000} {
		if got := niceCeil(in); got != want {
			t.Errorf("niceCeil(%d) = %d, want %d", in, got, want)
		}
	}
}
