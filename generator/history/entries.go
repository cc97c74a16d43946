package history

// The changes to the fields that hold a list or a part of a record:
// references, breakdowns, dates, sources, custody and events.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

func figureValue(n int) Value { return Value{Text: strconv.Itoa(n), Number: true} }

// diffRef compares one reference to another record (a count's
// statement): the new one is named while it is the current one, the old
// one never.
func diffRef(items []Item, name string, o, n, c content.Ref) []Item {
	if o.Kind == n.Kind && o.Slug == n.Slug {
		return items
	}
	it := Item{Action: Changed, Field: name}
	switch {
	case o.Slug == "":
		it.Action = Added
	case n.Slug == "":
		return append(items, Item{Action: Removed, Field: name})
	}
	if n.Kind == c.Kind && n.Slug == c.Slug {
		it.New = Value{Ref: &content.Ref{Kind: n.Kind, Slug: n.Slug}}
	}
	return append(items, it)
}

// diffParts matches the parts of a count's breakdown by name. A part the
// count still has is named (Within, its name as a code) with its old and
// new figures; one it no longer has is not named.
func diffParts(items []Item, name string, o, n, c []content.Part) []Item {
	find := func(list []content.Part, part string) int {
		return slices.IndexFunc(list, func(p content.Part) bool { return p.Name == part })
	}
	for _, p := range n {
		oi, current := find(o, p.Name), find(c, p.Name) >= 0
		switch {
		case oi >= 0 && o[oi].Value == p.Value:
		case !current && oi < 0:
			items = append(items, Item{Action: Added, Field: name})
		case !current:
			items = append(items, Item{Action: Revised, Field: name})
		case oi < 0:
			items = append(items, Item{Action: Added, Field: name, Within: Value{Code: p.Name}, New: figureValue(p.Value)})
		default:
			items = append(items, Item{Action: Corrected, Field: name, Within: Value{Code: p.Name}, Old: figureValue(o[oi].Value), New: figureValue(p.Value)})
		}
	}
	for _, p := range o {
		if find(n, p.Name) < 0 {
			items = append(items, Item{Action: Removed, Field: name})
		}
	}
	return items
}

func appendDate(items []Item, name string, within Value, o, n content.Date) []Item {
	switch {
	case o == n:
	case o.IsZero():
		items = append(items, Item{Action: Added, Field: name, Within: within, New: Value{Date: n}})
	case n.IsZero():
		items = append(items, Item{Action: Removed, Field: name, Within: within})
	default:
		items = append(items, Item{Action: Corrected, Field: name, Within: within, Old: Value{Date: o}, New: Value{Date: n}})
	}
	return items
}

func keys[T any](list []T, key func(T) string) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = key(v)
	}
	return out
}

// appendEntries lists the entries added to and removed from a list. An
// added entry is shown while the current record holds it; a removed one
// is never shown.
func appendEntries(items []Item, name string, o, n, c []string, value func(string) Value) []Item {
	for _, s := range n {
		if !slices.Contains(o, s) {
			it := Item{Action: Added, Field: name}
			if slices.Contains(c, s) {
				it.New = value(s)
			}
			items = append(items, it)
		}
	}
	for _, s := range o {
		if !slices.Contains(n, s) {
			items = append(items, Item{Action: Removed, Field: name})
		}
	}
	return items
}

func diffSources(items []Item, o, n, c []content.Source) []Item {
	byURL := func(list []content.Source, url string) (content.Source, bool) {
		for _, s := range list {
			if s.URL == url {
				return s, true
			}
		}
		return content.Source{}, false
	}
	for _, s := range n {
		cs, current := byURL(c, s.URL)
		show := Value{}
		if current {
			show = Value{Text: cmpOr(cs.Publisher, cs.Title)}
		}
		if os, had := byURL(o, s.URL); !had {
			items = append(items, Item{Action: Added, Field: "sources", New: show})
		} else if os != s {
			items = append(items, Item{Action: Revised, Field: "sources", New: show})
		}
	}
	for _, s := range o {
		if _, kept := byURL(n, s.URL); !kept {
			items = append(items, Item{Action: Removed, Field: "sources"})
		}
	}
	return items
}

// diffCustody matches custody periods by site, the first at a site with
// the first, and compares their dates and notes.
func diffCustody(items []Item, o, n, c []content.Custody) []Item {
	key := func(list []content.Custody) []string {
		seen := map[string]int{}
		out := make([]string, len(list))
		for i, cu := range list {
			seen[cu.Site.Slug]++
			out[i] = fmt.Sprintf("%s#%d", cu.Site.Slug, seen[cu.Site.Slug])
		}
		return out
	}
	ok, nk, ck := key(o), key(n), key(c)
	for i, k := range nk {
		ci := slices.Index(ck, k)
		site := Value{}
		if ci >= 0 {
			site = Value{Ref: &content.Ref{Kind: content.KindSite, Slug: n[i].Site.Slug}}
		}
		oi := slices.Index(ok, k)
		if oi < 0 {
			items = append(items, Item{Action: Added, Field: "custody", New: site})
			continue
		}
		if ci < 0 {
			if o[oi].From != n[i].From || o[oi].To != n[i].To || o[oi].Note != n[i].Note {
				items = append(items, Item{Action: Revised, Field: "custody"})
			}
			continue
		}
		if !c[ci].From.IsZero() {
			items = appendDate(items, "custody.from", site, o[oi].From, n[i].From)
		}
		if !c[ci].To.IsZero() {
			items = appendDate(items, "custody.to", site, o[oi].To, n[i].To)
		}
		if c[ci].Note != "" && o[oi].Note != n[i].Note {
			action := Revised
			if o[oi].Note == "" {
				action = Added
			}
			items = append(items, Item{Action: action, Field: "custody.note", Within: site})
		}
	}
	for _, k := range ok {
		if !slices.Contains(nk, k) {
			items = append(items, Item{Action: Removed, Field: "custody"})
		}
	}
	return items
}

// diffEvents matches a record's dated events by title.
func diffEvents(items []Item, name string, o, n, c []content.Milestone) []Item {
	find := func(list []content.Milestone, title string) int {
		return slices.IndexFunc(list, func(m content.Milestone) bool { return m.Title == title })
	}
	for _, m := range n {
		ci := find(c, m.Title)
		show := Value{}
		if ci >= 0 {
			show = Value{Text: m.Title}
		}
		oi := find(o, m.Title)
		switch {
		case oi < 0:
			items = append(items, Item{Action: Added, Field: name, New: show})
		case ci < 0:
			if o[oi].Date != m.Date || strings.TrimSpace(o[oi].Body.Text) != strings.TrimSpace(m.Body.Text) {
				items = append(items, Item{Action: Revised, Field: name})
			}
		default:
			items = appendDate(items, name+".date", show, o[oi].Date, m.Date)
			if strings.TrimSpace(o[oi].Body.Text) != strings.TrimSpace(m.Body.Text) && strings.TrimSpace(c[ci].Body.Text) != "" {
				items = append(items, Item{Action: Revised, Field: name + ".body", Within: show})
			}
		}
	}
	for _, m := range o {
		if find(n, m.Title) < 0 {
			items = append(items, Item{Action: Removed, Field: name})
		}
	}
	return items
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
