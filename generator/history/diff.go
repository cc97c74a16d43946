package history

import (
	"fmt"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

// An Item is one change to one field of a record, in no language: Describe
// says it in words.
type Item struct {
	Action Action
	Field  string // the field as the data files name it: "status", "released", "sources"
	// Within names the entry of a list the change is inside of: the custody
	// at a site ("custody" with Ref), an event (Text), a part of a count's
	// breakdown (Code, its name: "women"); zero otherwise.
	Within   Value
	Old, New Value // shown values; zero when not shown (see the package comment)
}

// An Action is what happened to a field.
type Action string

const (
	Published Action = "published" // the record's first public version
	Added     Action = "added"     // a value or list entry where there was none
	Removed   Action = "removed"   // a value or list entry taken away (never shown)
	Corrected Action = "corrected" // a date or a figure replaced by another
	Changed   Action = "changed"   // a status, a level, a short text replaced
	Revised   Action = "revised"   // a text rewritten (summary, body, quote)
)

// A Value is a field's value, as it is shown: a date, a code (a status, a
// verification level), a reference to another record, or text.
type Value struct {
	Date content.Date
	Code string
	Ref  *content.Ref
	Text string
	// Number says that Text is a whole number in digits ("863"), which
	// a page writes as its language writes numbers ("1.000" in Spanish).
	Number bool
}

// IsZero reports whether the value is not shown.
func (v Value) IsZero() bool { return v.Date.IsZero() && v.Code == "" && v.Ref == nil && v.Text == "" }

// String is the value as the data files write it: a date in ISO 8601, a
// code, "kind:slug" for a reference, or the text.
func (v Value) String() string {
	switch {
	case !v.Date.IsZero():
		return v.Date.String()
	case v.Code != "":
		return v.Code
	case v.Ref != nil:
		return string(v.Ref.Kind) + ":" + v.Ref.Slug
	}
	return v.Text
}

// fieldType says how a field is compared and what of it is shown.
type fieldType int

const (
	date    fieldType = iota // old and new shown: "corrected from ... to ..."
	code                     // old and new shown: "changed from detained to released"
	text                     // the new value shown while it is the current one
	prose                    // no value shown: "Summary revised"
	strs                     // entries added are shown while the record holds them
	refs                     // references to other records, likewise
	sources                  // keyed by URL, shown by publisher or title
	custody                  // keyed by site, with its dates inside
	events                   // keyed by title, with its date inside
	coords                   // a site's latitude and longitude
	figure                   // a count's figure: old and new shown, as dates are
	ref                      // one reference to another record
	parts                    // a count's breakdown: named figures
)

// A field is one public field of a kind, and how to read it from a record.
type field struct {
	name string
	typ  fieldType
	get  func(r any) any
}

// fieldsOf lists the public fields of a kind, in the order a change lists
// them. publish, draft, anonymous and updated are not fields: they decide
// what is shown, and are never changes themselves. The lists are made once
// (kindFields) and shared: read only.
func fieldsOf(k content.Kind) []field { return kindFields[k] }

// kindFields are the fields of each kind, made once rather than for each
// record at every build (10,000 lists of closures, 8 MB, held while the
// history is computed). Never written after.
var kindFields = func() map[content.Kind][]field {
	m := make(map[content.Kind][]field)
	for _, k := range content.Kinds {
		m[k] = makeFields(k)
	}
	return m
}()

// makeFields makes the fields of a kind (fieldsOf).
func makeFields(k content.Kind) []field {
	common := []field{
		{"summary", prose, func(r any) any { return meta(r).Summary }},
		{"body", prose, func(r any) any { return meta(r).Body.Text }},
		{"tags", strs, func(r any) any { return meta(r).Tags }},
		{"verification", code, func(r any) any { return meta(r).Verification }},
		{"sources", sources, func(r any) any { return meta(r).Sources }},
	}
	var own []field
	switch k {
	case content.KindPrisoner:
		p := func(r any) *content.Prisoner { return r.(*content.Prisoner) }
		own = []field{
			{"status", code, func(r any) any { return p(r).Status }},
			{"name", text, func(r any) any { return p(r).Name }},
			{"arrested", date, func(r any) any { return p(r).Arrested }},
			{"released", date, func(r any) any { return p(r).Released }},
			{"died", date, func(r any) any { return p(r).Died }},
			{"custody", custody, func(r any) any { return p(r).Custody }},
			{"aliases", strs, func(r any) any { return p(r).Aliases }},
			{"nationality", strs, func(r any) any { return p(r).Nationality }},
			{"occupation", text, func(r any) any { return p(r).Occupation }},
			{"charges", strs, func(r any) any { return p(r).Charges }},
			{"events", events, func(r any) any { return p(r).Events }},
		}
	case content.KindSite:
		s := func(r any) *content.Site { return r.(*content.Site) }
		own = []field{
			{"status", code, func(r any) any { return s(r).Status }},
			{"name", text, func(r any) any { return s(r).Name }},
			{"opened", date, func(r any) any { return s(r).Opened }},
			{"closed", date, func(r any) any { return s(r).Closed }},
			{"kind", text, func(r any) any { return s(r).Type }},
			{"operator", text, func(r any) any { return s(r).Operator }},
			{"city", text, func(r any) any { return s(r).City }},
			{"state", text, func(r any) any { return s(r).State }},
			{"coordinates", coords, func(r any) any {
				if !s(r).HasCoords {
					return ""
				}
				return fmt.Sprintf("%.4f, %.4f", s(r).Lat, s(r).Lon)
			}},
			{"events", events, func(r any) any { return s(r).Events }},
		}
	case content.KindStatement:
		s := func(r any) *content.Statement { return r.(*content.Statement) }
		own = []field{
			{"speaker", text, func(r any) any { return s(r).Speaker }},
			{"date", date, func(r any) any { return s(r).Date }},
			{"quote", prose, func(r any) any { return s(r).Quote }},
			{"translation", prose, func(r any) any { return s(r).Translation }},
			{"role", text, func(r any) any { return s(r).Role }},
			{"organization", text, func(r any) any { return s(r).Organization }},
			{"medium", text, func(r any) any { return s(r).Medium }},
			{"context", prose, func(r any) any { return s(r).Context.Text }},
			{"prisoners", refs, func(r any) any { return s(r).Prisoners }},
			{"sites", refs, func(r any) any { return s(r).Sites }},
		}
	case content.KindEvent:
		e := func(r any) *content.Event { return r.(*content.Event) }
		own = []field{
			{"title", text, func(r any) any { return e(r).Title }},
			{"date", date, func(r any) any { return e(r).Date }},
			{"kind", text, func(r any) any { return e(r).Type }},
			{"prisoners", refs, func(r any) any { return e(r).Prisoners }},
			{"statements", refs, func(r any) any { return e(r).Statements }},
			{"sites", refs, func(r any) any { return e(r).Sites }},
		}
	case content.KindBrief:
		b := func(r any) *content.Brief { return r.(*content.Brief) }
		own = []field{
			{"title", text, func(r any) any { return b(r).Title }},
			{"date", date, func(r any) any { return b(r).Date }},
			{"authors", strs, func(r any) any { return b(r).Authors }},
			{"prisoners", refs, func(r any) any { return b(r).Prisoners }},
			{"statements", refs, func(r any) any { return b(r).Statements }},
			{"sites", refs, func(r any) any { return b(r).Sites }},
		}
	case content.KindCount:
		c := func(r any) *content.Count { return r.(*content.Count) }
		own = []field{
			{"value", figure, func(r any) any { return c(r).Value }},
			{"qualifier", code, func(r any) any { return c(r).Qualifier }},
			{"as_of", date, func(r any) any { return c(r).AsOf }},
			{"since", date, func(r any) any { return c(r).Since }},
			{"counter", text, func(r any) any { return c(r).Counter }},
			{"measure", code, func(r any) any { return c(r).Measure }},
			{"breakdown", parts, func(r any) any { return c(r).Breakdown }},
			{"statement", ref, func(r any) any { return c(r).Statement }},
			{"note", prose, func(r any) any { return c(r).Note.Text }},
		}
	case content.KindPage:
		p := func(r any) *content.Page { return r.(*content.Page) }
		own = []field{
			{"title", text, func(r any) any { return p(r).Title }},
			{"date", date, func(r any) any { return p(r).Date }},
		}
	}
	return append(own, common...)
}

func meta(r any) *content.Record { return r.(interface{ Meta() *content.Record }).Meta() }

// diff lists what changed between two published versions of a record,
// showing only what cur, the record as it is now, makes public: a field
// empty now is never compared, a text or a list entry is shown only while
// cur holds it, and a removed value is never shown. Every text shown is
// cur's.
func diff(fields []field, old, new, cur snapshot) []Item {
	var items []Item
	for i, f := range fields {
		o, n, c := old[i], new[i], cur[i]
		if c.empty(f.typ) {
			continue
		}
		switch f.typ {
		case date:
			items = appendDate(items, f.name, Value{}, o.date, n.date)
		case code:
			o, n := o.code, n.code
			switch {
			case o == n:
			case o == "":
				items = append(items, Item{Action: Added, Field: f.name, New: Value{Code: n}})
			case n == "":
				items = append(items, Item{Action: Removed, Field: f.name})
			default:
				items = append(items, Item{Action: Changed, Field: f.name, Old: Value{Code: o}, New: Value{Code: n}})
			}
		case text, coords:
			if o.fp == n.fp {
				continue
			}
			it := Item{Action: Changed, Field: f.name}
			switch {
			case o.fp == blank:
				it.Action = Added
			case n.fp == blank:
				it.Action = Removed
			}
			if n.fp == c.fp && n.fp != blank {
				it.New = Value{Text: c.show}
			}
			items = append(items, it)
		case prose:
			switch {
			case o.fp == n.fp:
			case o.fp == blank:
				items = append(items, Item{Action: Added, Field: f.name})
			case n.fp == blank:
				items = append(items, Item{Action: Removed, Field: f.name})
			default:
				items = append(items, Item{Action: Revised, Field: f.name})
			}
		case strs:
			items = appendEntries(items, f.name, o.list, n.list, c.list, func(s string) Value { return Value{Text: s} })
		case refs:
			items = appendEntries(items, f.name, o.list, n.list, c.list, func(s string) Value {
				kind, slug, _ := strings.Cut(s, ":")
				return Value{Ref: &content.Ref{Kind: content.Kind(kind), Slug: slug}}
			})
		case figure:
			if o.n != n.n {
				items = append(items, Item{Action: Corrected, Field: f.name, Old: figureValue(o.n), New: figureValue(n.n)})
			}
		case ref:
			items = diffRef(items, f.name, o, n, c)
		case parts:
			items = diffParts(items, f.name, o.list, n.list, c.list)
		case sources:
			items = diffSources(items, o.list, n.list, c.list)
		case custody:
			items = diffCustody(items, o.list, n.list, c.list)
		case events:
			items = diffEvents(items, f.name, o.list, n.list, c.list)
		}
	}
	return items
}
