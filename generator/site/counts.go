package site

import (
	"cmp"
	"slices"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
)

// Counts are figures that others reported (content.Count), shown as each
// counter gave them and never merged. They are listed on the counts page
// (counts/), one row each with the anchor count-<slug>, which is what a
// count: link and the count's timeline entry point to.
//
// Counts are grouped only when they count the same thing over the same
// period: the same measure, as-of days at most SameTimeDays apart (an
// imprecise date by its last day), and, for releases and arrests, the same
// start: both with a `since`, at most SameTimeDays apart. A release count
// without a `since` (the government's, mostly) counts from a start nobody
// gave, so it is never said to differ from another: it has its own row. "24 released overnight" and "at least 400 released since
// December" are not the same count and never sit in one group. In date
// order, a count joins the first group whose every count it matches and
// that has no count of its counter yet, so that a group holds one count
// per counter, and counts of one counter over time are never set against
// each other. A group "differs" when its counters give different numbers:
// the counts page puts them side by side and says so.
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
	Body      *HTML
	Note      *HTML
	Statement *Statement // the statement that announced it, if any
	Updated   content.Date
	Changes   []*Change // its public changes, newest first, shown in its row
	label     string
}

// Label names the count: "Foro Penal: 863 held, 29 December 2025".
func (c *Count) Label() string { return c.label }

func (c *Count) Link() Link                { return Link{Kind: content.KindCount, Title: c.Label(), URL: c.URL} }
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

// CounterIn names a counter inside a sentence: a name that needs an
// article ("Government of Venezuela", "Gobierno de Venezuela") gets it
// ("releases claimed by the Government of Venezuela"); a proper name
// ("Foro Penal") stays as it is.
func CounterIn(words *i18n.Dict, counter string) string {
	if strings.HasPrefix(counter, "Government") || strings.HasPrefix(counter, "Gobierno") {
		return words.F("the {counter}", "counter", counter)
	}
	return counter
}

// countTexts write a count and its figure.
var countTexts = []string{"the {counter}", "at least {n}", "about {n}", "{counter}: {value} held, {date}",
	"{counter}: {value} released, {date}", "{counter}: {value} arrests, {date}",
	"{counter}: {value} held {since}, {date}", "{counter}: {value} released {since}, {date}", "{counter}: {value} arrests {since}, {date}"}

// Figure writes a count's value with its qualifier: "863", "at least 803",
// "about 626".
func Figure(words *i18n.Dict, c *content.Count) string {
	n := words.Number(c.Value)
	switch c.Qualifier {
	case "at_least":
		return words.F("at least {n}", "n", n)
	case "about":
		return words.F("about {n}", "n", n)
	}
	return n
}

// countLabel names a count: "Foro Penal: 863 held, 29 December 2025", and
// with its start when it has one, so that two counts of one day from
// different starts are told apart: "Foro Penal: 24 released from a day
// between 11 and 12 January 2026, between 12 and 13 January 2026".
func (r *resolver) countLabel(c *content.Count) string {
	if !c.Since.IsZero() {
		return r.words.F("{counter}: {value} "+c.Measure+" {since}, {date}", "counter", c.Counter, "value", Figure(r.words, c),
			"since", DatePhrase(r.words, Since, c.Since), "date", r.date(c.AsOf))
	}
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
next:
	for _, c := range list {
		for i, g := range out {
			if g.fits(c) {
				out[i].Counts = append(out[i].Counts, c)
				continue next
			}
		}
		out = append(out, CountGroup{Measure: measure, Counts: []*Count{c}})
	}
	return out
}

// fits reports whether c counts what every count of the group counts, and
// its counter has no count in the group yet.
func (g CountGroup) fits(c *Count) bool {
	for _, o := range g.Counts {
		if o.Counter == c.Counter || !SameCount(o.Count, c.Count) {
			return false
		}
	}
	return true
}

// SameCount reports whether two counts count the same thing over the same
// period: the same measure, as of about the same time, and from the same
// start (see above).
func SameCount(a, b *content.Count) bool {
	if a.Measure != b.Measure || abs(days(a.AsOf, b.AsOf)) > SameTimeDays {
		return false
	}
	if a.Measure == "held" {
		return true
	}
	// A running total's period is its start: without one on both sides,
	// nothing says the two count the same period.
	return !a.Since.IsZero() && !b.Since.IsZero() && abs(days(a.Since, b.Since)) <= SameTimeDays
}

func abs(n int) int { return max(n, -n) }

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

// CounterSeries is one counter's counts of one measure over time, all from
// one start (Since): a running total since 8 January and one since
// December are two series, never one line.
type CounterSeries struct {
	Counter string
	Since   content.Date // zero when the counts give no start
	Counts  []*Count     // oldest first
}

// Series returns each counter's counts of a measure, one series per
// counter and start, by counter then start (the unknown start first).
func (s *Site) Series(measure string) []CounterSeries {
	var out []CounterSeries
	for _, c := range s.Counts {
		if c.Measure != measure {
			continue
		}
		i := slices.IndexFunc(out, func(cs CounterSeries) bool { return cs.Counter == c.Counter && cs.Since == c.Since })
		if i < 0 {
			out = append(out, CounterSeries{Counter: c.Counter, Since: c.Since})
			i = len(out) - 1
		}
		out[i].Counts = append(out[i].Counts, c)
	}
	slices.SortFunc(out, func(a, b CounterSeries) int {
		return cmp.Or(strings.Compare(a.Counter, b.Counter), a.Since.Compare(b.Since))
	})
	return out
}

// sortCounts orders counts by as-of date, then counter, then slug.
func sortCounts(list []*Count) {
	slices.SortFunc(list, func(a, b *Count) int {
		return cmp.Or(a.AsOf.Compare(b.AsOf), strings.Compare(a.Counter, b.Counter), strings.Compare(a.Slug, b.Slug))
	})
}
