package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/presos-politicos/briefing/generator/i18n"

	"github.com/presos-politicos/briefing/generator/site"
)

// The chart of the number held over time is drawn here, at build time, as
// an inline SVG: no script, no request, readable by screen readers through
// its title and description, and styled by the stylesheet's classes so that
// dark mode and print apply to it.

const (
	chartW, chartH                    = 640, 240
	padLeft, padRight                 = 44, 12
	padTop, padBottom                 = 12, 28
	plotW, plotH                      = chartW - padLeft - padRight, chartH - padTop - padBottom
	chartTitleID, chartDescID         = "chart-title", "chart-desc"
	minYearSpacing            float64 = 40 // pixels between year labels, at least
)

// chartSummary says in words what the chart shows.
func chartSummary(words *i18n.Dict, f site.Figures) string {
	if len(f.Series) == 0 {
		return words.T("No documented person has both a known arrest date and a known release date or current detention, so there is nothing to chart yet.")
	}
	first, peak := f.Series[0], f.Series[0]
	for _, p := range f.Series {
		if p.Held > peak.Held {
			peak = p
		}
	}
	last := f.Series[len(f.Series)-1]
	s := words.F("Counted from {first}, the number of documented people held peaks at {peak} on {peakDate} and stands at {now} as of {asOf}.",
		"first", site.Date(words, first.Date), "peak", strconv.Itoa(peak.Held), "peakDate", site.Date(words, peak.Date),
		"now", strconv.Itoa(last.Held), "asOf", site.Date(words, f.AsOf))
	if f.Undated > 0 {
		s += " " + words.F("{count} not counted in it: their arrest date, or the date they were freed, is unknown.", "count", words.Count(f.Undated, "person is", "people are"))
	}
	return s
}

// chart draws the number held over time as a step line from the first
// arrest to the as-of date.
func chart(words *i18n.Dict, f site.Figures) template.HTML {
	if len(f.Series) == 0 {
		return ""
	}
	start := f.Series[0].Date.First()
	end := f.AsOf.Last()
	if last := f.Series[len(f.Series)-1].Date.First(); !end.After(last) {
		end = last.AddDate(0, 0, 1)
	}
	span := end.Sub(start).Hours()
	x := func(t time.Time) float64 { return padLeft + plotW*t.Sub(start).Hours()/span }
	top := 1
	for _, p := range f.Series {
		top = max(top, p.Held)
	}
	top = niceCeil(top)
	y := func(n int) float64 { return padTop + plotH*(1-float64(n)/float64(top)) }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="%s %s">`, chartW, chartH, chartW, chartH, chartTitleID, chartDescID)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, chartTitleID, template.HTMLEscapeString(words.F("Documented people held, {from} to {to}", "from", site.Date(words, f.Series[0].Date), "to", site.Date(words, f.AsOf))))
	fmt.Fprintf(&b, `<desc id="%s">%s</desc>`, chartDescID, template.HTMLEscapeString(chartSummary(words, f)))
	// Horizontal grid lines with their counts.
	for _, n := range slices.Compact([]int{0, top / 2, top}) {
		fmt.Fprintf(&b, `<line class="grid" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, padLeft, chartW-padRight, y(n), y(n))
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%.1f" text-anchor="end">%d</text>`, padLeft-6, y(n)+4, n)
	}
	// A label at each year's start, as many as fit.
	years := end.Year() - start.Year() + 1
	every := 1
	for float64(plotW)/float64(years)*float64(every) < minYearSpacing {
		every++
	}
	for yr := start.Year(); yr <= end.Year(); yr++ {
		t := time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC)
		if t.Before(start) {
			t = start
		}
		if (yr-start.Year())%every != 0 || x(t) > chartW-padRight-30 {
			continue // not every year fits, nor one too close to the right edge
		}
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%d" text-anchor="start">%d</text>`, x(t), chartH-8, yr)
	}
	// The step line.
	fmt.Fprintf(&b, `<path class="line" d="M%.1f %.1f`, x(start), y(0))
	for _, p := range f.Series {
		fmt.Fprintf(&b, " H%.1f V%.1f", x(p.Date.First()), y(p.Held))
	}
	fmt.Fprintf(&b, ` H%.1f"/>`, x(end))
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten, for the axis.
func niceCeil(n int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
	}
}
