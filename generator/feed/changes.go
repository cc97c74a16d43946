package feed

import (
	"iter"
	"time"

	"github.com/presos-politicos/briefing/generator/site"
)

// change is one row of data/changes.json: one public change to one field
// of a record, newest first. old and new are the values shown on the
// page, as the data files write values (a date in ISO 8601, a status
// code, "kind:slug" for a reference); a value that is not shown is left
// out, as is a removed one.
type change struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Time   string `json:"time"`
	Record link   `json:"record"`
	Slug   string `json:"slug"`
	Change string `json:"change"`
	Field  string `json:"field,omitempty"`
	Within string `json:"within,omitempty"`
	Old    string `json:"old,omitempty"`
	New    string `json:"new,omitempty"`
	Text   string `json:"text"`
	Note   string `json:"note,omitempty"`
	URL    string `json:"url"`
}

// changes yields the rows of data/changes.json one at a time: at 10,000
// records with 20 changes each, the whole list would be a slice of
// 200,000 rows, grown and copied as it is made. Each is the same row,
// written anew (writeJSON writes it before it asks for the next), and
// yielded by its address, which a jsonAppender holds without a copy of
// its own.
//
// A commit's date and time are written once for the changes it made, which
// follow one another (s.Changes is newest first), and a record's link once
// for its changes: at that scale, each written anew was a tenth of the
// file's time.
func changes(s *site.Site) iter.Seq[*change] {
	return func(yield func(*change) bool) {
		var (
			at         time.Time // the time date and clock were written for
			date, tm   string
			record     *site.Link // the record rec was written for
			rec        link
			row        change
			changesURL = abs(s, "changes/#") // each change's URL() is this, then its ID
		)
		for _, c := range s.Changes {
			if t := c.Time(); t != at || date == "" {
				at, date, tm = t, c.Date().String(), t.Format(time.RFC3339)
			}
			if c.Record != record {
				record, rec = c.Record, toLink(s, *c.Record)
			}
			id := c.ID()
			row = change{ID: id, Date: date, Time: tm, Record: rec,
				Slug: c.Slug, Note: c.Note(), URL: changesURL + id} // the same for each of its items
			for _, it := range c.Items {
				row.Change, row.Field, row.Within = string(it.Action), it.Field, it.Within.String()
				row.Old, row.New, row.Text = it.Old.String(), it.New.String(), it.Text
				if !yield(&row) {
					return
				}
			}
		}
	}
}

// writeChanges writes data/changes.json for a site built with its
// history; a site without has no such file, rather than an empty one that
// would say nothing changed.
func writeChanges(s *site.Site, w *partWriter) error {
	if !s.History {
		return nil
	}
	return writeJSON(w, "data/changes.json", changes(s))
}
