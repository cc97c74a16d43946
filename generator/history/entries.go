package history

// The changes to the fields that hold a list or a part of a record:
// references, breakdowns, dates, sources, custody and events.

import (
	"slices"
	"strconv"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

func figureValue(n int) Value { return Value{Text: strconv.Itoa(n), Number: true} }

// diffRef compares one reference to another record (a count's
// statement): the new one is named while it is the current one, the old
// one never.
func diffRef(items []Item, name string, o, n, c value) []Item {
	if o.fp == n.fp {
		return items
	}
	it := Item{Action: Changed, Field: name}
	switch {
	case o.fp == blank:
		it.Action = Added
	case n.fp == blank:
		return append(items, Item{Action: Removed, Field: name})
	}
	if n.fp == c.fp {
		kind, slug, _ := strings.Cut(c.show, ":")
		it.New = Value{Ref: &content.Ref{Kind: content.Kind(kind), Slug: slug}}
	}
	return append(items, it)
}

// find returns the index of the first entry of list with the key, or -1.
func find(list []entry, key uint64) int {
	return slices.IndexFunc(list, func(e entry) bool { return e.key == key })
}

// diffParts matches the parts of a count's breakdown by name. A part the
// count still has is named (Within, its name as a code) with its old and
// new figures; one it no longer has is not named.
func diffParts(items []Item, name string, o, n, c []entry) []Item {
	for _, p := range n {
		oi, ci := find(o, p.key), find(c, p.key)
		current := ci >= 0
		switch {
		case oi >= 0 && o[oi].n == p.n:
		case !current && oi < 0:
			items = append(items, Item{Action: Added, Field: name})
		case !current:
			items = append(items, Item{Action: Revised, Field: name})
		case oi < 0:
			items = append(items, Item{Action: Added, Field: name, Within: Value{Code: c[ci].show}, New: figureValue(p.n)})
		default:
			items = append(items, Item{Action: Corrected, Field: name, Within: Value{Code: c[ci].show}, Old: figureValue(o[oi].n), New: figureValue(p.n)})
		}
	}
	for _, p := range o {
		if find(n, p.key) < 0 {
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

// appendEntries lists the entries added to and removed from a list. An
// added entry is shown while the current record holds it; a removed one
// is never shown.
func appendEntries(items []Item, name string, o, n, c []entry, value func(string) Value) []Item {
	for _, e := range n {
		if find(o, e.key) < 0 {
			it := Item{Action: Added, Field: name}
			if ci := find(c, e.key); ci >= 0 {
				it.New = value(c[ci].show)
			}
			items = append(items, it)
		}
	}
	for _, e := range o {
		if find(n, e.key) < 0 {
			items = append(items, Item{Action: Removed, Field: name})
		}
	}
	return items
}

// diffSources matches sources by URL.
func diffSources(items []Item, o, n, c []entry) []Item {
	for _, s := range n {
		show := Value{}
		if ci := find(c, s.key); ci >= 0 {
			show = Value{Text: c[ci].show}
		}
		if oi := find(o, s.key); oi < 0 {
			items = append(items, Item{Action: Added, Field: "sources", New: show})
		} else if o[oi].rest != s.rest {
			items = append(items, Item{Action: Revised, Field: "sources", New: show})
		}
	}
	for _, s := range o {
		if find(n, s.key) < 0 {
			items = append(items, Item{Action: Removed, Field: "sources"})
		}
	}
	return items
}

// diffCustody matches custody periods by site, the first at a site with
// the first, and compares their dates and notes.
func diffCustody(items []Item, o, n, c []entry) []Item {
	type key struct {
		site uint64
		nth  int
	}
	keys := func(list []entry) []key {
		seen := map[uint64]int{}
		out := make([]key, len(list))
		for i, cu := range list {
			seen[cu.key]++
			out[i] = key{cu.key, seen[cu.key]}
		}
		return out
	}
	ok, nk, ck := keys(o), keys(n), keys(c)
	for i, k := range nk {
		ci := slices.Index(ck, k)
		site := Value{}
		if ci >= 0 {
			site = Value{Ref: &content.Ref{Kind: content.KindSite, Slug: c[ci].show}}
		}
		oi := slices.Index(ok, k)
		if oi < 0 {
			items = append(items, Item{Action: Added, Field: "custody", New: site})
			continue
		}
		if ci < 0 {
			if o[oi].from() != n[i].from() || o[oi].to() != n[i].to() || o[oi].rest != n[i].rest {
				items = append(items, Item{Action: Revised, Field: "custody"})
			}
			continue
		}
		if !c[ci].from().IsZero() {
			items = appendDate(items, "custody.from", site, o[oi].from(), n[i].from())
		}
		if !c[ci].to().IsZero() {
			items = appendDate(items, "custody.to", site, o[oi].to(), n[i].to())
		}
		if c[ci].rest != blank && o[oi].rest != n[i].rest {
			action := Revised
			if o[oi].rest == blank {
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
func diffEvents(items []Item, name string, o, n, c []entry) []Item {
	for _, m := range n {
		ci := find(c, m.key)
		show := Value{}
		if ci >= 0 {
			show = Value{Text: c[ci].show}
		}
		oi := find(o, m.key)
		switch {
		case oi < 0:
			items = append(items, Item{Action: Added, Field: name, New: show})
		case ci < 0:
			if o[oi].from() != m.from() || o[oi].rest != m.rest {
				items = append(items, Item{Action: Revised, Field: name})
			}
		default:
			items = appendDate(items, name+".date", show, o[oi].from(), m.from())
			if o[oi].rest != m.rest && c[ci].rest != blank {
				items = append(items, Item{Action: Revised, Field: name + ".body", Within: show})
			}
		}
	}
	for _, m := range o {
		if find(n, m.key) < 0 {
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
