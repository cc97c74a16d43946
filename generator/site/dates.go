package site

import (
	"strconv"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
)

// dates sets each record's last-updated date and the site's.
func (r *resolver) dates() {
	s := r.site
	latest := func(ds ...content.Date) content.Date {
		var m content.Date
		for _, d := range ds {
			if d.Compare(m) > 0 {
				m = d
			}
		}
		return m
	}
	or := func(updated content.Date, ds ...content.Date) content.Date {
		if !updated.IsZero() {
			return updated
		}
		return latest(ds...)
	}
	// With history, a record was last updated on its latest public
	// change, whatever its own dates say. The figures run to the latest
	// date of the content itself, never to a commit's.
	var all, own []content.Date
	set := func(dst *content.Date, changes []*Change, updated content.Date, ds ...content.Date) {
		d := or(updated, ds...)
		own = append(own, d)
		*dst = or(lastChange(changes), d)
		all = append(all, *dst)
	}
	for _, p := range s.Prisoners {
		ds := []content.Date{p.Arrested, p.Released, p.Died}
		for _, c := range p.Prisoner.Custody {
			ds = append(ds, c.From, c.To)
		}
		for _, m := range p.Events {
			ds = append(ds, m.Date)
		}
		set(&p.Updated, p.Changes, p.Prisoner.Updated, ds...)
	}
	for _, v := range s.Sites {
		ds := []content.Date{v.Opened, v.Closed}
		for _, m := range v.Events {
			ds = append(ds, m.Date)
		}
		set(&v.Updated, v.Changes, v.Site.Updated, ds...)
	}
	for _, v := range s.Statements {
		set(&v.Updated, v.Changes, v.Statement.Updated, v.Date)
	}
	for _, v := range s.Briefs {
		set(&v.Updated, v.Changes, v.Brief.Updated, v.Date)
	}
	for _, v := range s.Events {
		set(&v.Updated, v.Changes, v.Event.Updated, v.Date)
	}
	for _, v := range s.Pages {
		set(&v.Updated, v.Changes, v.Page.Updated, v.Date)
	}
	for _, v := range s.Counts {
		// A count's own date is its as-of date, which the figures already
		// run to; a revision of it is a change like any other.
		v.Updated = or(lastChange(v.Changes), or(v.Count.Updated, v.AsOf))
		all = append(all, v.Updated)
	}
	s.Updated = latest(all...)
	r.contentUpdated = latest(own...)
	// A record with no date of its own shows the date the briefing was
	// last updated, so that every page says how current it is.
	for _, p := range s.Prisoners {
		p.Updated = or(p.Updated, s.Updated)
	}
	for _, v := range s.Sites {
		v.Updated = or(v.Updated, s.Updated)
	}
	for _, v := range s.Pages {
		v.Updated = or(v.Updated, s.Updated)
	}
}

// date writes a date as the site's language does.
func (r *resolver) date(d content.Date) string { return Date(r.words, d) }

// Date writes a date as the language of words does; an interval as a
// reader would say it: "between 1 and 9 February 2024", "after 8 January
// 2026" (from a day to the end of its month or year), "by 20 January 2026"
// (from the start of a month or year to a day in it). English dates are
// written day first, as the briefing's own texts write them (and
// shared/DESIGN.md: "after 8 January 2026").
func Date(words *i18n.Dict, d content.Date) string {
	if !d.IsInterval() {
		return words.Date(d.Year, d.Month, d.Day, int(d.Precision))
	}
	a, b := d.Start(), d.Finish()
	month := func(m time.Month) string { return words.Month(m) }
	switch {
	case a.Precision == content.Day && b.Precision < content.Day && b.Last().Equal(endOf(a, b.Precision)):
		return words.F("after {date}", "date", Date(words, a))
	case a.Precision < content.Day && b.Precision == content.Day && a.First().Equal(startOf(b, a.Precision)):
		return words.F("by {date}", "date", Date(words, b))
	case a.Precision == content.Day && b.Precision == content.Day && a.Year == b.Year && a.Month == b.Month:
		return words.F("between {day1} and {day2} {month} {year}", "month", month(a.Month), "day1", strconv.Itoa(a.Day), "day2", strconv.Itoa(b.Day), "year", strconv.Itoa(a.Year))
	case a.Precision == content.Day && b.Precision == content.Day && a.Year == b.Year:
		return words.F("between {day1} {month1} and {day2} {month2} {year}", "month1", month(a.Month), "day1", strconv.Itoa(a.Day), "month2", month(b.Month), "day2", strconv.Itoa(b.Day), "year", strconv.Itoa(a.Year))
	case a.Precision == content.Month && b.Precision == content.Month && a.Year == b.Year:
		return words.F("between {month1} and {month2} {year}", "month1", month(a.Month), "month2", month(b.Month), "year", strconv.Itoa(a.Year))
	case a.Precision == content.Day && b.Precision == content.Day:
		return words.F("between {startDay} and {endDay}", "startDay", Date(words, a), "endDay", Date(words, b))
	case a.Precision == content.Day: // "entre el 8 de enero de 2026 y febrero de 2026"
		return words.F("between {startDay} and {end}", "startDay", Date(words, a), "end", Date(words, b))
	case b.Precision == content.Day:
		return words.F("between {start} and {endDay}", "start", Date(words, a), "endDay", Date(words, b))
	}
	return words.F("between {start} and {end}", "start", Date(words, a), "end", Date(words, b))
}

// dateTexts are the texts that write a date or an interval.
var dateTexts = []string{"after {date}", "by {date}", "between {day1} and {day2} {month} {year}",
	"between {day1} {month1} and {day2} {month2} {year}", "between {month1} and {month2} {year}", "between {startDay} and {endDay}", "between {start} and {end}",
	"between {startDay} and {end}", "between {start} and {endDay}"}

// endOf is the last day of the month or year (precision p) that holds d.
func endOf(d content.Date, p content.Precision) time.Time {
	return content.Date{Year: d.Year, Month: d.Month, Precision: p}.Last()
}

// startOf is the first day of the month or year (precision p) that holds d.
func startOf(d content.Date, p content.Precision) time.Time {
	return content.Date{Year: d.Year, Month: d.Month, Precision: p}.First()
}

// LastUpdated returns the date the record was last updated; it lets code
// treat every kind alike.
func (b *Brief) LastUpdated() content.Date         { return b.Updated }
func (p *Page) LastUpdated() content.Date          { return p.Updated }
func (p *Prisoner) LastUpdated() content.Date      { return p.Updated }
func (s *Statement) LastUpdated() content.Date     { return s.Updated }
func (s *DetentionSite) LastUpdated() content.Date { return s.Updated }
func (e *Event) LastUpdated() content.Date         { return e.Updated }

// Prepositions a date may follow in a sentence (DateIn).
const (
	On    = "on"    // "on 9 February 2024", "in February 2024", "between 1 and 9 February 2024"
	AsOf  = "as of" // "as of 9 February 2024", "between 1 and 9 February 2024"
	Since = "since" // "since 9 February 2024", "from a day between 1 and 9 February 2024"
	From  = "from"  // the start of a span: "from 1 February 2024" (an interval by its start)
	To    = "to"    // the end of a span: "to 9 February 2024" (an interval by its end)
)

var datePrepositions = []string{On, AsOf, Since, From, To}

// DateIn is the text to translate, with {date} in it, for a date after a
// preposition, and the date to fill it with. A language says "on" a day but
// "in" a month, and nothing before an interval, which carries its own
// "between": each preposition has a text per shape of date (day, month,
// year, interval), so that each language can write its own ("el 9 de
// febrero", "en febrero de 2024", "entre el 1 y el 9 de febrero"). From and
// To take an interval by its start and its end.
func DateIn(prep string, d content.Date) (text string, shown content.Date) {
	switch prep {
	case From:
		d = d.Start()
	case To:
		d = d.Finish()
	}
	return datePatterns[prep][shape(d)], d
}

// DatePhrase writes a date after a preposition (DateIn) as text.
func DatePhrase(words *i18n.Dict, prep string, d content.Date) string {
	text, shown := DateIn(prep, d)
	return words.F(text, "date", Date(words, shown))
}

func shape(d content.Date) int {
	if d.IsInterval() {
		return 0
	}
	return int(d.Precision)
}

// datePatterns are, per preposition, the texts for an interval, a year, a
// month and a day (by content.Precision); From and To never see an
// interval.
var datePatterns = map[string][4]string{
	On:    {"{date}|on, interval", "in {date}|year", "in {date}|month", "on {date}|day"},
	AsOf:  {"{date}|as of, interval", "as of {date}|year", "as of {date}|month", "as of {date}|day"},
	Since: {"from a day {date}|since, interval", "since {date}|year", "since {date}|month", "since {date}|day"},
	From:  {"from {date}|day", "from {date}|year", "from {date}|month", "from {date}|day"},
	To:    {"to {date}|day", "to {date}|year", "to {date}|month", "to {date}|day"},
}
