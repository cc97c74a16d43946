package site

import (
	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/order"
)

// Figures are the headline counts. They are a documented minimum: only
// people the briefing has a record of are counted.
type Figures struct {
	AsOf     content.Date // the date the counts are current to
	Total    int          // every published prisoner record, anonymous ones included
	Held     int          // still deprived of liberty
	ByStatus []StatusCount
	Series   []Point // the number held over time, from arrests and releases
	Undated  int     // people left out of Series: arrest date unknown, or custody ended on an unknown date
}

// StatusCount is how many prisoners have one status.
type StatusCount struct {
	Status string
	Count  int
}

// Point is the number held from a date on.
type Point struct {
	Date content.Date
	Held int
}

// asOf is site.toml's [figures] as_of, or else the latest date in the
// content.
func (r *resolver) asOf() content.Date {
	if !r.set.Config.AsOf.IsZero() {
		return r.set.Config.AsOf
	}
	return r.contentUpdated
}

func (r *resolver) figures() Figures {
	f := Figures{AsOf: r.now, Total: len(r.site.Prisoners)}
	counts := make(map[string]int)
	type change struct {
		date  content.Date
		delta int
	}
	var changes []change
	for _, p := range r.site.Prisoners {
		counts[p.Status]++
		if p.Held {
			f.Held++
		}
		switch end := p.CustodyEnd(); {
		case p.Arrested.IsZero(), !p.Held && end.IsZero():
			f.Undated++
		default:
			// Counted from the last day the arrest may have been on, to
			// the first day the release (or the death in custody) may
			// have been on: a minimum.
			changes = append(changes, change{content.DateOf(p.Arrested.Last()), +1})
			if !end.IsZero() {
				changes = append(changes, change{content.DateOf(end.First()), -1})
			}
		}
	}
	for _, s := range content.PrisonerStatuses {
		if counts[s] > 0 {
			f.ByStatus = append(f.ByStatus, StatusCount{s, counts[s]})
		}
	}
	order.Stable(changes, func(a, b change) int { return a.date.Compare(b.date) })
	held := 0
	for _, c := range changes {
		held += c.delta
		if n := len(f.Series); n > 0 && f.Series[n-1].Date == c.date {
			f.Series[n-1].Held = held
			continue
		}
		f.Series = append(f.Series, Point{c.date, held})
	}
	return f
}
