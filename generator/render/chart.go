package render

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/site"
)

// The charts are drawn here, at build time, as inline SVG: no script, no
// request, styled by the stylesheet's classes so that dark mode and print
// apply to them. They are drawn for a phone: the view box is as wide as a
// 320-pixel screen's column, so that the 13-unit labels are at least 12
// pixels there, and the stylesheet lets a chart grow only to 23rem (368
// px), where a label is 16 px, the size of the body text, and no larger.
// On a wide screen the key stands beside the chart instead.
//
// What a reader sees, the same on every chart:
//
//   - A title and a description (what it shows, in words, every figure
//     with its counter) for a screen reader; the page gives the numbers
//     beside it in a table or a sentence.
//   - A key under the chart, in HTML so that it wraps and is never cut
//     (chartKey, countChartKey): each series named in words beside a
//     sample of its line and marker, and for the counters' charts, every
//     figure of that series on the same line ("Foro Penal: 863 on 29
//     December 2025; ..."), one line a counter.
//   - Every series its own line and marker, never colour alone: series-0
//     to series-7 (seriesStyles) each have a dash pattern and a marker
//     shape no other has (circle, square, diamond, triangle, triangle
//     down, cross, plus, star) and one of four colours that pass 3:1
//     against the page in light and dark mode; from the ninth series on
//     the markers are filled, so sixteen series are told apart.
//   - Time ticks that never overlap: a label a month, two, three or six,
//     or a year (two, five, ten...) over long spans, whichever first keeps
//     the widest label's room between labels (timeTicks); the year under
//     the first month label and under each January.
//   - A dashed line at the as-of date, with that date written above the
//     plot ("as of 1 March 2026"), clear of the data and the axis.
//
// Three charts: the documented people held over time (a step line from
// arrests and releases, site.Figures), people held per counter, and
// releases per counter, the government's claims named as claims (points at
// the counts, joined by lines).

// chartTexts label the charts.
var chartTexts = []string{"{counter}: {points}.", "Documented people held"}

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
	// The line ends below the number still held when some of them have
	// no known arrest date: say so, beside the headline that counts them.
	if missing := f.Held - last.Held; missing > 0 {
		s += " " + words.F("Of the people still held, {count} not in it, for want of an arrest date.", "count", words.Count(missing, "person is", "people are"))
	}
	return s
}

// chart draws the number of documented people held over time as a step
// line from the first arrest to the as-of date.
func chart(words *i18n.Dict, f site.Figures) template.HTML {
	all := documentedSeries(words, f)
	if all == nil {
		return ""
	}
	title := words.F("Documented people held, {from} {to}", "from", site.DatePhrase(words, site.From, f.Series[0].Date), "to", site.DatePhrase(words, site.To, f.AsOf))
	return draw(words, chartTitleID, chartDescID, title, chartSummary(words, f), all, f.AsOf)
}

// chartKey is the key of chart: its one series, named beside its line.
func chartKey(words *i18n.Dict, f site.Figures) template.HTML {
	return key(documentedSeries(words, f), nil)
}

func documentedSeries(words *i18n.Dict, f site.Figures) []series {
	if len(f.Series) == 0 {
		return nil
	}
	s := series{name: words.T("Documented people held"), step: true}
	for _, p := range f.Series {
		s.points = append(s.points, point{p.Date.First(), p.Held})
	}
	return []series{s}
}

// countChart draws the counts of one measure, one series per counter.
func countChart(words *i18n.Dict, s *site.Site, measure string) template.HTML {
	return countChartOf(words, s, measure).svg
}

// countChartKey is the key of countChart: one line a series, its sample,
// its name and every figure of it, with its date.
func countChartKey(words *i18n.Dict, s *site.Site, measure string) template.HTML {
	return countChartOf(words, s, measure).key
}

// countChartSummary says in words what countChart draws: every count of
// every counter.
func countChartSummary(words *i18n.Dict, s *site.Site, measure string) string {
	return countChartOf(words, s, measure).summary
}

type countChartParts struct {
	svg, key template.HTML
	summary  string
}

func countChartOf(words *i18n.Dict, s *site.Site, measure string) countChartParts {
	list := s.Series(measure)
	if len(list) == 0 {
		return countChartParts{}
	}
	var all []series
	var first, last content.Date
	var sentences, figures []string
	for _, cs := range list {
		name := seriesName(words, measure, cs)
		sr := series{name: name}
		var said []string
		for _, c := range cs.Counts {
			sr.points = append(sr.points, point{c.AsOf.First(), c.Value})
			// "863 on 29 December 2025", "194 in December 2025", "at least
			// 803 between 10 and 11 January 2026"
			said = append(said, site.Figure(words, c.Count)+" "+site.DatePhrase(words, site.On, c.AsOf))
			if first.IsZero() || c.AsOf.Compare(first) < 0 {
				first = c.AsOf
			}
			if c.AsOf.Compare(last) > 0 {
				last = c.AsOf
			}
		}
		points := strings.Join(said, "; ")
		sentences = append(sentences, words.F("{counter}: {points}.", "counter", name, "points", points))
		figures = append(figures, points)
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
	return countChartParts{
		svg: draw(words, id+"-title", id+"-desc", title, summary, all, asOf),
		key: key(all, func(i int, name template.HTML) string {
			return words.F("{counter}: {points}.", "counter", string(name), "points", template.HTMLEscapeString(figures[i]))
		}),
		summary: summary,
	}
}

// key lists the series of a chart, each beside a sample of its line and
// marker (hidden from screen readers: the chart's description names every
// series), in a list that wraps as the page does. line, when given, writes
// a series' line from its escaped name.
func key(all []series, line func(i int, name template.HTML) string) template.HTML {
	if len(all) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<ul class="key">`)
	for i, s := range all {
		fmt.Fprintf(&b, `<li><svg class="swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true"><g class="%s"><line class="line" x1="1" x2="27" y1="6" y2="6"/>`, seriesClass(i))
		if !s.step {
			marker(&b, i, 14, 6)
		}
		b.WriteString(`</g></svg>`)
		name := template.HTML(`<span class="series-name">` + template.HTMLEscapeString(s.name) + `</span>`)
		if line == nil {
			b.WriteString(string(name))
		} else {
			b.WriteString(line(i, name))
		}
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ul>`)
	return template.HTML(b.String())
}

// seriesName names a series in words: the counter, and for releases and
// arrests whether the figures are claimed (the government's) or counted,
// and since when: "Foro Penal, counted since 8 January 2026",
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
