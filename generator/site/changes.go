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
// history (package history), said in the site's language.
type Change struct {
	ID     string // anchor on the changes page: "change-2026-01-08-prisoner-x-3"
	URL    string // its entry on the changes page: "changes/#ID"
	Date   content.Date
	Time   time.Time // the commit's time, for feeds
	Record Link
	Slug   string // the record's
	Items  []ChangeItem
	Note   string // the commit's Public-note:, "" when none
	// Status is true when the change is to a prisoner's or a site's status:
	// an entry in the record's own feed.
	Status bool
}

// A ChangeItem is one line of a change.
type ChangeItem struct {
	history.Item
	Text string // in the site's language: "Status changed from detained to released"
}

// Title says the whole change in one line, as a feed entry does.
func (c *Change) Title() string {
	parts := make([]string, len(c.Items))
	for i, it := range c.Items {
		parts[i] = it.Text
	}
	return c.Record.Title + ": " + strings.Join(parts, ". ")
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
	resolve := func(kind content.Kind, slug string, link Link) []*Change {
		list := h.Of(s.Lang, kind, slug)
		out := make([]*Change, 0, len(list))
		for i, c := range list {
			rc := &Change{Date: c.Date(), Time: c.Commit.Time, Record: link, Slug: slug, Note: c.Note()}
			rc.ID = "change-" + rc.Date.String() + "-" + string(kind) + "-" + slug + "-" + strconv.Itoa(i+1)
			rc.URL = "changes/#" + rc.ID
			for _, it := range c.Items {
				rc.Items = append(rc.Items, ChangeItem{Item: it, Text: it.Describe(r.words, kind, name, r.date)})
				if it.Field == "status" && (kind == content.KindPrisoner || kind == content.KindSite) {
					rc.Status = true
				}
			}
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
	slices.SortStableFunc(s.Changes, func(a, b *Change) int {
		return cmp.Or(b.Time.Compare(a.Time), strings.Compare(a.ID, b.ID))
	})
}

// lastChange is the date of a record's latest public change, or the zero
// Date without history.
func lastChange(list []*Change) content.Date {
	if len(list) == 0 {
		return content.Date{}
	}
	return list[0].Date
}
