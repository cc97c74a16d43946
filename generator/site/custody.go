package site

import (
	"slices"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/order"
)

// heldStatuses are the statuses of people still deprived of liberty.
var heldStatuses = []string{"detained", "disappeared", "house_arrest"}

// custody resolves custody periods, fills each site's list of who was held
// there, and counts days in custody.
func (r *resolver) custody() {
	asOf := r.now
	for _, p := range r.site.Prisoners {
		p.Held = slices.Contains(heldStatuses, p.Status)
		end := p.CustodyEnd()
		if end.IsZero() && p.Held {
			end = asOf
		}
		if !p.Arrested.IsZero() && !end.IsZero() {
			p.Days = minDays(p.Arrested, end)
		}
		for i, c := range p.Prisoner.Custody {
			site := r.detentionSite(c.Site)
			if site == nil {
				continue
			}
			stay := &Stay{Prisoner: p, Site: site, From: c.From, To: c.To, Note: c.Note,
				First: i == 0, Last: i == len(p.Prisoner.Custody)-1}
			to := c.To
			if to.IsZero() && i == len(p.Prisoner.Custody)-1 {
				to = end // the last stay lasts until release or death, or until now
			}
			if !c.From.IsZero() && !to.IsZero() {
				stay.Days = minDays(c.From, to)
			}
			p.Custody = append(p.Custody, stay)
			site.Held = append(site.Held, stay)
		}
	}
	for _, v := range r.site.Sites {
		order.Stable(v.Held, func(a, b *Stay) int {
			if c := a.From.Compare(b.From); c != 0 {
				return c
			}
			return strings.Compare(a.Prisoner.Slug, b.Prisoner.Slug)
		})
	}
}

// minDays is the least number of days between two dates known to their
// precisions: from the last day from may stand for to the first day to may.
func minDays(from, to content.Date) int {
	d := int(to.First().Sub(from.Last()).Hours() / 24)
	return max(d, 0)
}
