package render

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/site"
)

// The charts are drawn here, at build time, as inline SVG: no script, no
// request, styled by the stylesheet's classes so that dark mode and print
// apply to them. They are drawn for a phone: the view box is as wide as a
// 320-pixel screen's column, so that the 13-unit labels are at least 12
// pixels there, and the stylesheet lets a chart grow only to 1.6 times
// that. Each has a title and a description (what it shows, in words),
// month ticks, a dashed mark at the as-of date, and each series named in
// words in a legend beside a marker of its own shape, never by colour
// alone; the page gives the numbers beside it in a table or a sentence.
//
// Three charts: the documented people held over time (a step line from
// arrests and releases, site.Figures), people held per counter, and
// releases per counter, the government's claims named as claims (points at
// the counts, joined by lines).

const (
	chartW                = 300
	plotH                 = 149 // the plot's height; the legend adds a line a series
	padLeft, padRight     = 36, 10
	padTop                = 10
	legendLine            = 17 // height of a legend line
	legendGap             = 6  // between the legend and the plot's top count
	axisH                 = 34 // month ticks and the year under them
	minMonthSpacing       = 34.0
	markerSize            = 4.0
	chartTitleID          = "chart-title"
	chartDescID           = "chart-desc"
	countChartIDPrefix    = "chart-"
	documentedSeriesClass = "series-0"
)

// chartTexts label the charts.
var chartTexts = []string{"as of", "{counter}: {points}.", "Documented people held"}

// chartSummary says in words what the chart of documented people held shows.
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
	s := words.F("Counted {first}, the number of documented people held peaks at {peak} {peakDate} and stands at {now} {asOf}.",
		"first", site.DatePhrase(words, site.Since, first.Date), "peak", words.Number(peak.Held), "peakDate", site.DatePhrase(words, site.On, peak.Date),
		"now", words.Number(last.Held), "asOf", site.DatePhrase(words, site.AsOf, f.AsOf))
	if f.Undated > 0 {
		s += " " + words.F("{count} not counted in it: their arrest date, or the date they were freed, is unknown.", "count", words.Count(f.Undated, "person is", "people are"))
	}
	return s
}

// chart draws the number of documented people held over time as a step
// line from the first arrest to the as-of date.
func chart(words *i18n.Dict, f site.Figures) template.HTML {
	if len(f.Series) == 0 {
		return ""
	}
	s := series{name: words.T("Documented people held"), step: true}
	for _, p := range f.Series {
		s.points = append(s.points, point{p.Date.First(), p.Held})
	}
	title := words.F("Documented people held, {from} {to}", "from", site.DatePhrase(words, site.From, f.Series[0].Date), "to", site.DatePhrase(words, site.To, f.AsOf))
	return draw(words, chartTitleID, chartDescID, title, chartSummary(words, f), []series{s}, f.AsOf)
}

// countChart draws the counts of one measure, one series per counter.
func countChart(words *i18n.Dict, s *site.Site, measure string) template.HTML {
	svg, _ := countChartAndSummary(words, s, measure)
	return svg
}

// countChartSummary says in words what countChart draws: every count of
// every counter.
func countChartSummary(words *i18n.Dict, s *site.Site, measure string) string {
	_, summary := countChartAndSummary(words, s, measure)
	return summary
}

func countChartAndSummary(words *i18n.Dict, s *site.Site, measure string) (template.HTML, string) {
	list := s.Series(measure)
	if len(list) == 0 {
		return "", ""
	}
	var all []series
	var first, last content.Date
	var sentences []string
	for _, cs := range list {
		name := seriesName(words, measure, cs)
		sr := series{name: name}
		var said []string
		for _, c := range cs.Counts {
			sr.points = append(sr.points, point{c.AsOf.First(), c.Value})
			// "863 on December 29, 2025", "194 in December 2025", "at least
			// 803 between January 10 and 11, 2026"
			said = append(said, site.Figure(words, c.Count)+" "+site.DatePhrase(words, site.On, c.AsOf))
			if first.IsZero() || c.AsOf.Compare(first) < 0 {
				first = c.AsOf
			}
			if c.AsOf.Compare(last) > 0 {
				last = c.AsOf
			}
		}
		sentences = append(sentences, words.F("{counter}: {points}.", "counter", name, "points", strings.Join(said, "; ")))
		all = append(all, sr)
	}
	asOf := s.Figures.AsOf
	if asOf.Compare(last) < 0 {
		asOf = last
	}
	from, to := site.DatePhrase(words, site.From, first), site.DatePhrase(words, site.To, asOf)
	title := words.F("People held as political prisoners, per counter, {from} {to}", "from", from, "to", to)
	if measure == "released" {
		title = words.F("Releases: verified by rights groups and claimed by the government, {from} {to}", "from", from, "to", to)
	}
	id := countChartIDPrefix + measure
	summary := strings.Join(sentences, " ")
	return draw(words, id+"-title", id+"-desc", title, summary, all, asOf), summary
}

// seriesName names a series in words: the counter, and for releases and
// arrests whether the figures are claimed (the government's) or counted,
// and since when: "Foro Penal, counted since January 8, 2026",
// "Government of Venezuela, claimed, start not given".
func seriesName(words *i18n.Dict, measure string, cs site.CounterSeries) string {
	if measure == "held" {
		return cs.Counter
	}
	how := "counted"
	if site.IsGovernment(cs.Counter) {
		how = "claimed"
	}
	if cs.Since.IsZero() {
		return words.F("{counter}, "+how+", start not given", "counter", cs.Counter)
	}
	return words.F("{counter}, "+how+" {since}", "counter", cs.Counter, "since", site.DatePhrase(words, site.Since, cs.Since))
}

// chartSummaryTexts say in words what the charts show.
var chartSummaryTexts = []string{"{counter}, counted, start not given", "{counter}, claimed, start not given", "{counter}, counted {since}", "{counter}, claimed {since}",
	"Counted {first}, the number of documented people held peaks at {peak} {peakDate} and stands at {now} {asOf}.", "Documented people held, {from} {to}",
	"People held as political prisoners, per counter, {from} {to}", "Releases: verified by rights groups and claimed by the government, {from} {to}"}

type point struct {
	t time.Time
	v int
}

type series struct {
	name   string
	points []point // by date
	step   bool    // a step line (a running count) rather than points joined
}

// draw draws series over time, from the first point to the as-of date.
func draw(words *i18n.Dict, titleID, descID, title, desc string, all []series, asOf content.Date) template.HTML {
	start, end := all[0].points[0].t, asOf.Last()
	top := 1
	for _, s := range all {
		for _, p := range s.points {
			if p.t.Before(start) {
				start = p.t
			}
			if p.t.After(end) {
				end = p.t
			}
			top = max(top, p.v)
		}
	}
	start = time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC) // from the month's start
	if !end.After(start) {
		end = start.AddDate(0, 1, 0)
	}
	top = niceCeil(top)
	ticks := slices.Compact([]int{0, top / 2, top})
	// The plot starts right of its widest count, so that "1,000" is not cut.
	left := float64(padLeft)
	for _, n := range ticks {
		left = max(left, tickWidth(words.Number(n))+6)
	}
	left = math.Round(left*10) / 10
	plotW := chartW - left - padRight
	legendH := legendLine * len(all)
	plotTop := padTop + legendH + legendGap
	chartH := plotTop + plotH + axisH
	span := end.Sub(start).Hours()
	x := func(t time.Time) float64 { return left + plotW*t.Sub(start).Hours()/span }
	y := func(n int) float64 { return float64(plotTop) + float64(plotH)*(1-float64(n)/float64(top)) }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="%s %s">`, chartW, chartH, chartW, chartH, titleID, descID)
	fmt.Fprintf(&b, `<title id="%s">%s</title>`, titleID, template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<desc id="%s">%s</desc>`, descID, template.HTMLEscapeString(desc))
	// The legend: each series by name, beside its marker and line.
	for i, s := range all {
		ly := float64(padTop + legendLine*i + 8)
		fmt.Fprintf(&b, `<g class="series-%d">`, i%4)
		fmt.Fprintf(&b, `<line class="line" x1="%d" x2="%d" y1="%.1f" y2="%.1f"/>`, padLeft-30, padLeft-10, ly, ly)
		if !s.step {
			marker(&b, i, float64(padLeft-20), ly)
		}
		fmt.Fprintf(&b, `<text class="tick" x="%d" y="%.1f">%s</text></g>`, padLeft-4, ly+4.5, template.HTMLEscapeString(s.name))
	}
	// Horizontal grid lines with their counts.
	for _, n := range ticks {
		fmt.Fprintf(&b, `<line class="grid" x1="%g" x2="%d" y1="%.1f" y2="%.1f"/>`, left, chartW-padRight, y(n), y(n))
		fmt.Fprintf(&b, `<text class="tick" x="%g" y="%.1f" text-anchor="end">%s</text>`, left-4, y(n)+4.5, words.Number(n))
	}
	// A tick at each month's start, labelled as often as they fit, and the
	// year under the first label of each year.
	months := 0
	for t := start; !t.After(end); t = t.AddDate(0, 1, 0) {
		months++
	}
	every := 1
	for plotW/float64(months)*float64(every) < minMonthSpacing {
		every++
	}
	base := float64(plotTop + plotH)
	lastYear := 0
	for i, t := 0, start; !t.After(end); i, t = i+1, t.AddDate(0, 1, 0) {
		fmt.Fprintf(&b, `<line class="grid" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f"/>`, x(t), x(t), base, base+4)
		if i%every != 0 || x(t) > chartW-padRight-12 {
			continue
		}
		fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x(t), base+16, template.HTMLEscapeString(shortMonth(words, t.Month())))
		if t.Year() != lastYear {
			fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="middle">%d</text>`, x(t), base+30, t.Year())
			lastYear = t.Year()
		}
	}
	// The as-of mark.
	ax := x(asOf.Last())
	fmt.Fprintf(&b, `<line class="asof" x1="%.1f" x2="%.1f" y1="%d" y2="%.1f"/>`, ax, ax, plotTop, base)
	fmt.Fprintf(&b, `<text class="tick" x="%.1f" y="%.1f" text-anchor="end">%s</text>`, ax-3, float64(plotTop)+12, template.HTMLEscapeString(words.T("as of")))
	// The series.
	for i, s := range all {
		fmt.Fprintf(&b, `<g class="series-%d">`, i%4)
		if s.step {
			fmt.Fprintf(&b, `<path class="line" d="M%.1f %.1f`, x(s.points[0].t), y(0))
			for _, p := range s.points {
				fmt.Fprintf(&b, " H%.1f V%.1f", x(p.t), y(p.v))
			}
			fmt.Fprintf(&b, ` H%.1f"/>`, x(end))
		} else {
			b.WriteString(`<path class="line" d="`)
			for j, p := range s.points {
				if j > 0 {
					b.WriteByte(' ')
				}
				cmd := "L"
				if j == 0 {
					cmd = "M"
				}
				fmt.Fprintf(&b, "%s%.1f %.1f", cmd, x(p.t), y(p.v))
			}
			b.WriteString(`"/>`)
			for _, p := range s.points {
				marker(&b, i, x(p.t), y(p.v))
			}
		}
		b.WriteString(`</g>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// tickWidth is how wide a count is drawn in the ticks' 13-unit type, at
// most: a digit is 0.64 of the type's size in the widest sans-serif
// figures a reader's system may have (DejaVu Sans), a separator ("," or
// ".") half that.
func tickWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			w += 0.64 * 13
		} else {
			w += 0.32 * 13
		}
	}
	return w
}

// marker draws the point of series i: a circle, a square, a diamond or a
// triangle, so that series differ by shape as well as colour.
func marker(b *strings.Builder, i int, cx, cy float64) {
	r := markerSize
	switch i % 4 {
	case 0:
		fmt.Fprintf(b, `<circle class="marker" cx="%.1f" cy="%.1f" r="%.1f"/>`, cx, cy, r)
	case 1:
		fmt.Fprintf(b, `<rect class="marker" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, cx-r, cy-r, 2*r, 2*r)
	case 2:
		fmt.Fprintf(b, `<path class="marker" d="M%.1f %.1f L%.1f %.1f L%.1f %.1f L%.1f %.1fZ"/>`, cx, cy-r-1, cx+r+1, cy, cx, cy+r+1, cx-r-1, cy)
	default:
		fmt.Fprintf(b, `<path class="marker" d="M%.1f %.1f L%.1f %.1f L%.1f %.1fZ"/>`, cx, cy-r-1, cx+r+1, cy+r, cx-r-1, cy+r)
	}
}

// shortMonth is a month's name cut to three letters: "Jan", "ene".
func shortMonth(words *i18n.Dict, m time.Month) string {
	r := []rune(words.Month(m))
	return string(r[:min(3, len(r))])
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
