package site

import (
	"cmp"
	"slices"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

// order sorts every list the way readers expect it.
func (r *resolver) order() {
	s := r.site
	newest := func(a, b content.Date, sa, sb string) int {
		return cmp.Or(b.Compare(a), strings.Compare(sa, sb))
	}
	slices.SortFunc(s.Briefs, func(a, b *Brief) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
	slices.SortFunc(s.Statements, func(a, b *Statement) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
	slices.SortFunc(s.Events, func(a, b *Event) int { return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.Slug, b.Slug)) })
	sortCounts(s.Counts)
	sortByName(s.Prisoners, func(p *Prisoner) string {
		if p.Anonymous {
			return "\uffff" // people whose name is withheld last
		}
		return p.Name
	}, func(p *Prisoner) string { return p.Slug })
	sortByName(s.Sites, func(v *DetentionSite) string { return v.Name }, func(v *DetentionSite) string { return v.Slug })
	for _, p := range s.Prisoners {
		slices.SortFunc(p.Briefs, func(a, b *Brief) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
		slices.SortFunc(p.Statements, func(a, b *Statement) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
	}
	for _, v := range s.Sites {
		slices.SortFunc(v.Briefs, func(a, b *Brief) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
		slices.SortFunc(v.Statements, func(a, b *Statement) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
	}
}

// sortByName sorts a list as a reader sorts names: without regard to case
// or accents, then by the name as written, then by slug. Each name is
// folded once, not at every comparison.
func sortByName[T any](list []T, name, slug func(T) string) {
	type keyed struct {
		folded, name, slug string
		v                  T
	}
	ks := make([]keyed, len(list))
	for i, v := range list {
		n := name(v)
		ks[i] = keyed{content.Fold(n), n, slug(v), v}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.folded, b.folded), strings.Compare(a.name, b.name), strings.Compare(a.slug, b.slug))
	})
	for i, k := range ks {
		list[i] = k.v
	}
}
