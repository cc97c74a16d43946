package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
)

// Counts are figures that others reported (content.Count), shown as each
// counter gave them and never merged. They are listed on the counts page
// (counts/), one row each with the anchor count-<slug>, which is what a
// count: link and the count's timeline entry point to.
//
// Counts of one measure are grouped "at about the same time": in date
// order, a count joins the group the previous one is in when its as-of day
// is at most SameTimeDays after the group's first (an imprecise date by its
// last day) and the group has no count of its counter yet, so that a group
// holds one count per counter, and counts of one counter over time are
// never set against each other. A group "differs" when its counters give
// different numbers: the counts page puts them side by side and says so.
//
// A counter is the government when its name says so: it contains
// "government" or "gobierno" (in any case), as in "Government of
// Venezuela". Its release counts are releases the government claims; the
// others' are releases counted by rights groups and other organisations.

// SameTimeDays is how far apart, at most, the as-of days of two counts may
// be for them to be about the same time.
const SameTimeDays = 3

// Count is a resolved count.
type Count struct {
	*content.Count
	Anchor    string // "count-<slug>"
	URL       string // its row on the counts page: "counts/#count-<slug>"
	Body      HTML
	Note      HTML
	Statement *Statement // the statement that announced it, if any
	Updated   content.Date
	label     string
}

// Label names the count: "Foro Penal: 863 held, December 29, 2025".
func (c *Count) Label() string { return c.label }

func (c *Count) Link() Link                { return Link{content.KindCount, c.Label(), c.URL} }
func (c *Count) LastUpdated() content.Date { return c.Updated }
func (c *Count) Government() bool          { return IsGovernment(c.Counter) }
func (c *Count) SourceURL() string         { return firstSource(c.Sources) }
func firstSource(ss []content.Source) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0].URL
}

// IsGovernment reports whether a counter is the government (see above).
func IsGovernment(counter string) bool {
	l := strings.ToLower(counter)
	return strings.Contains(l, "government") || strings.Contains(l, "gobierno")
}

var _ = i18n.Register("at least {n}", "about {n}", "{counter}: {value} held, {date}",
	"{counter}: {value} released, {date}", "{counter}: {value} arrests, {date}")

// Figure writes a count's value with its qualifier: "863", "at least 803",
// "about 626".
func Figure(words *i18n.Dict, c *content.Count) string {
	n := strconv.Itoa(c.Value)
	switch c.Qualifier {
	case "at_least":
		return words.F("at least {n}", "n", n)
	case "about":
		return words.F("about {n}", "n", n)
	}
	return n
}

func (r *resolver) countLabel(c *content.Count) string {
	return r.words.F("{counter}: {value} "+c.Measure+", {date}", "counter", c.Counter, "value", Figure(r.words, c), "date", r.date(c.AsOf))
}

// CountGroup is counts of one measure at about the same time, by as-of
// date then counter.
type CountGroup struct {
	Measure string
	Counts  []*Count
}

// Differ reports whether the group's counters give different numbers.
func (g CountGroup) Differ() bool {
	for _, c := range g.Counts[1:] {
		if c.Value != g.Counts[0].Value {
			return true
		}
	}
	return false
}

// Counters lists the group's counters, each once, in order.
func (g CountGroup) Counters() []string {
	var out []string
	for _, c := range g.Counts {
		if !slices.Contains(out, c.Counter) {
			out = append(out, c.Counter)
		}
	}
	return out
}

// Span is the as-of date of the group's first count.
func (g CountGroup) Span() content.Date { return g.Counts[0].AsOf }

// CountsOf returns the counts of a measure grouped at about the same time
// (SameTimeDays), oldest first.
func (s *Site) CountsOf(measure string) []CountGroup {
	var list []*Count
	for _, c := range s.Counts {
		if c.Measure == measure {
			list = append(list, c)
		}
	}
	var out []CountGroup
	for _, c := range list {
		if n := len(out); n > 0 {
			g := out[n-1]
			if days(g.Counts[0].AsOf, c.AsOf) <= SameTimeDays && !slices.ContainsFunc(g.Counts, func(o *Count) bool { return o.Counter == c.Counter }) {
				out[n-1].Counts = append(out[n-1].Counts, c)
				continue
			}
		}
		out = append(out, CountGroup{Measure: measure, Counts: []*Count{c}})
	}
	return out
}

// Disagreements are the groups of every measure whose counters differ.
func (s *Site) Disagreements() []CountGroup {
	var out []CountGroup
	for _, m := range content.Measures {
		for _, g := range s.CountsOf(m) {
			if g.Differ() {
				out = append(out, g)
			}
		}
	}
	return out
}

// days is the number of days from a's as-of day to b's, each by its last day.
func days(a, b content.Date) int {
	return int(b.Last().Sub(a.Last()).Hours() / 24)
}

// Latest returns the latest count of a measure of each counter, by counter.
func (s *Site) Latest(measure string) []*Count {
	latest := make(map[string]*Count)
	for _, c := range s.Counts {
		if c.Measure == measure {
			latest[c.Counter] = c // s.Counts is oldest first
		}
	}
	out := make([]*Count, 0, len(latest))
	for _, c := range latest {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b *Count) int { return strings.Compare(a.Counter, b.Counter) })
	return out
}

// CounterSeries is one counter's counts of one measure over time.
type CounterSeries struct {
	Counter string
	Counts  []*Count // oldest first
}

// Series returns each counter's counts of a measure, by counter.
func (s *Site) Series(measure string) []CounterSeries {
	var out []CounterSeries
	for _, c := range s.Counts {
		if c.Measure != measure {
			continue
		}
		i := slices.IndexFunc(out, func(cs CounterSeries) bool { return cs.Counter == c.Counter })
		if i < 0 {
			out = append(out, CounterSeries{Counter: c.Counter})
			i = len(out) - 1
		}
		out[i].Counts = append(out[i].Counts, c)
	}
	slices.SortFunc(out, func(a, b CounterSeries) int { return strings.Compare(a.Counter, b.Counter) })
	return out
}

// sortCounts orders counts by as-of date, then counter, then slug.
func sortCounts(list []*Count) {
	slices.SortFunc(list, func(a, b *Count) int {
		return cmp.Or(a.AsOf.Compare(b.AsOf), strings.Compare(a.Counter, b.Counter), strings.Compare(a.Slug, b.Slug))
	})
}
