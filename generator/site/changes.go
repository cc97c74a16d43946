package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/history"
)

// A Change is one public change to a record, from the content's git
// history (package history), said in the site's language. Its date, time
// and note are its commit's, its ID is made when asked for, and its items
// are shared with every change of the same kind of record that says the
// same (the history's items are shared so, see history's itemTable): at
// 10,000 records with 20 changes each, a site holds 200,000 of them.
type Change struct {
	Record *Link  // one for all the record's changes
	Slug   string // the record's
	Items  []ChangeItem
	// Text is its items' texts in one line, joined by ". ", as a page
	// lists the change: "Status changed from detained to released.
	// Release date added: 8 January 2026" (without the last full stop).
	Text string
	// Status is true when the change is to a prisoner's or a site's status:
	// an entry in the record's own feed.
	Status bool
	nth    int32 // its place among the record's changes, oldest first, from 1
	commit *history.Commit
}

// ID is the change's anchor on the changes page, unique in the site:
// "change-2026-01-08-prisoner-x-3", the third change to prisoner x.
func (c *Change) ID() string {
	return "change-" + c.Date().String() + "-" + string(c.idTail(nil))
}

// idTail is what follows the date in its ID: "prisoner-x-3".
func (c *Change) idTail(b []byte) []byte {
	b = append(b, c.Record.Kind...)
	b = append(b, '-')
	b = append(b, c.Slug...)
	b = append(b, '-')
	return strconv.AppendInt(b, int64(c.nth), 10)
}

// URL is the change's entry on the changes page: "changes/#ID".
func (c *Change) URL() string { return "changes/#" + c.ID() }

// Date is the day of the change: its commit's date.
func (c *Change) Date() content.Date { return content.DateOf(c.commit.Time) }

// Time is its commit's time, for feeds.
func (c *Change) Time() time.Time { return c.commit.Time }

// Note is its commit's Public-note:, "" when none.
func (c *Change) Note() string { return c.commit.Note }

// A ChangeItem is one line of a change: the history's item, and its text.
type ChangeItem struct {
	*history.Item
	Text string // in the site's language: "Status changed from detained to released"
}

// Title says the whole change in one line, as a feed entry does.
func (c *Change) Title() string { return c.Record.Title + ": " + c.Text }

// A describeKey is an item of a kind of record, as Describe reads it: two
// items alike are said alike, and said once (describer).
type describeKey struct {
	kind                      content.Kind
	action                    history.Action
	field                     string
	within, old, new          history.Value
	withinRef, oldRef, newRef content.Ref
}

// describer says items in the site's language, each distinct item once:
// at 10,000 records with 20 changes each most items repeat ("Source
// added: Amnesty International").
type describer struct {
	r    *resolver
	name func(content.Ref) (string, bool)
	said map[describeKey]string
}

func (d *describer) describe(kind content.Kind, it history.Item) string {
	k := describeKey{kind: kind, action: it.Action, field: it.Field, within: it.Within, old: it.Old, new: it.New}
	for _, v := range []struct {
		v   *history.Value
		ref *content.Ref
	}{{&k.within, &k.withinRef}, {&k.old, &k.oldRef}, {&k.new, &k.newRef}} {
		if v.v.Ref != nil {
			*v.ref, v.v.Ref = *v.v.Ref, &content.Ref{} // compared by what it names, not by its address
		}
	}
	if t, ok := d.said[k]; ok {
		return t
	}
	t := it.Describe(d.r.words, kind, d.name, d.r.date)
	d.said[k] = t
	return t
}

// changes resolves every record's history into its Changes, newest first,
// and the site's, newest first.
func (r *resolver) changes(h *history.History) {
	if h == nil {
		return
	}
	s := r.site
	s.History = true
	name := func(ref content.Ref) (string, bool) {
		l, ok := r.find(ref.Kind, ref.Slug)
		return l.Title, ok
	}
	d := &describer{r: r, name: name, said: make(map[describeKey]string)}
	type itemsKey struct {
		kind  content.Kind
		items *history.Item // the first of the history's items, which changes alike share
		n     int
	}
	type described struct {
		items  []ChangeItem
		text   string
		status bool
	}
	said := make(map[itemsKey]described) // the items of changes alike, said once
	resolve := func(kind content.Kind, slug string, record Link) []*Change {
		link := &record
		list := h.Of(s.Lang, kind, slug)
		out := make([]*Change, 0, len(list))
		for i, c := range list {
			rc := &Change{Record: link, Slug: slug, nth: int32(i + 1), commit: c.Commit}
			var key itemsKey
			if len(c.Items) > 0 {
				key = itemsKey{kind, &c.Items[0], len(c.Items)}
			}
			ds, ok := said[key]
			if !ok {
				ds.items = make([]ChangeItem, 0, len(c.Items))
				for k, it := range c.Items {
					ds.items = append(ds.items, ChangeItem{Item: &c.Items[k], Text: d.describe(kind, it)})
					if it.Field == "status" && (kind == content.KindPrisoner || kind == content.KindSite) {
						ds.status = true
					}
				}
				ds.text = joinTexts(ds.items)
				if key.items != nil {
					said[key] = ds
				}
			}
			rc.Items, rc.Text, rc.Status = ds.items, ds.text, ds.status
			out = append(out, rc)
		}
		slices.Reverse(out) // newest first
		s.Changes = append(s.Changes, out...)
		return out
	}
	for _, p := range s.Prisoners {
		p.Changes = resolve(content.KindPrisoner, p.Slug, p.Link())
	}
	for _, v := range s.Sites {
		v.Changes = resolve(content.KindSite, v.Slug, v.Link())
	}
	for _, v := range s.Statements {
		v.Changes = resolve(content.KindStatement, v.Slug, v.Link())
	}
	for _, v := range s.Briefs {
		v.Changes = resolve(content.KindBrief, v.Slug, v.Link())
	}
	for _, v := range s.Events {
		v.Changes = resolve(content.KindEvent, v.Slug, v.Link())
	}
	for _, v := range s.Pages {
		v.Changes = resolve(content.KindPage, v.Slug, v.Link())
	}
	for _, v := range s.Counts {
		v.Changes = resolve(content.KindCount, v.Slug, v.Link())
	}
	sortChanges(s.Changes)
}

// sortChanges sorts changes newest first, then by ID. Every ID is
// another (a record's kind, slug and the change's place in its list), so
// that the order is total and the sort need not be stable (at 10,000
// records with 20 changes each, a stable sort's merges were half the time
// of resolving the changes). Each change's key is made once for the sort,
// and let go after it: its time, its date (changes at the same instant
// have the same date, but for commits made in time zones on either side of
// midnight; an ID's date is written so that its text sorts as its number
// does), and the part of its ID after its date.
func sortChanges(list []*Change) {
	type sortKey struct {
		sec       int64
		nsec, day int32
		tail      string
		c         *Change
	}
	keys := make([]sortKey, len(list))
	for i, c := range list {
		d := c.Date()
		keys[i] = sortKey{c.commit.Time.Unix(), int32(c.commit.Time.Nanosecond()), int32(d.Year*10000 + int(d.Month)*100 + d.Day), string(c.idTail(nil)), c}
	}
	slices.SortFunc(keys, func(a, b sortKey) int {
		return cmp.Or(cmp.Compare(b.sec, a.sec), cmp.Compare(b.nsec, a.nsec), cmp.Compare(a.day, b.day), strings.Compare(a.tail, b.tail))
	})
	for i, k := range keys {
		list[i] = k.c
	}
}

// joinTexts joins the texts of a change's items by ". ".
func joinTexts(items []ChangeItem) string {
	if len(items) == 1 {
		return items[0].Text
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = it.Text
	}
	return strings.Join(parts, ". ")
}

// lastChange is the date of a record's latest public change, or the zero
// Date without history.
func lastChange(list []*Change) content.Date {
	if len(list) == 0 {
		return content.Date{}
	}
	return list[0].Date()
}
