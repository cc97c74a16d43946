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
	// The plot runs 365 days from January 1 to December 31 over 584 px from
	// x=44 (July 1 is day 182: x = 44 + 584*182/365 = 335.2), 200 px high
	// from y=12, and the axis runs to 5 (1, 2 or 5 times a power of ten).
	for _, want := range []string{
		`<svg class="chart" width="640" height="240" viewBox="0 0 640 240" role="img" aria-labelledby="chart-title chart-desc">`,
		`<title id="chart-title">Documented people held, January 1, 2024 to December 31, 2024</title>`,
		`<path class="line" d="M44.0 212.0 H44.0 V172.0 H335.2 V92.0 H482.4 V132.0 H628.0"/>`,
		`<text class="tick" x="38" y="16.0" text-anchor="end">5</text>`,
		`<text class="tick" x="44.0" y="232" text-anchor="start">2024</text>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("chart lacks %s\n%s", want, svg)
		}
	}
	summary := chartSummary(en, f)
	want := "Counted from January 1, 2024, the number of documented people held peaks at 3 on July 1, 2024 and stands at 2 as of December 31, 2024. 4 people are not counted in it: their arrest date, or the date they were freed, is unknown."
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

func TestNiceCeil(t *testing.T) {
	for in, want := range map[int]int{1: 1, 2: 2, 3: 5, 6: 10, 11: 20, 863: 1000, 1001: 2000} {
		if got := niceCeil(in); got != want {
			t.Errorf("niceCeil(%d) = %d, want %d", in, got, want)
		}
	}
}
