package feed

import (
	"encoding/json"
	"iter"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// entry is one timeline entry in data/timeline.json.
type entry struct {
	ID        string `json:"id"`
	Date      string `json:"date"`
	Precision string `json:"precision"`
	Kind      string `json:"kind"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Anchor    string `json:"anchor"`
	Record    link   `json:"record"`
	Involves  []link `json:"involves"`
	Language  string `json:"language,omitempty"`
}

type link struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

var precisions = []string{"", "year", "month", "day"}

// precision names how much of a date is known: year, month, day, or
// interval for a date known to lie between two.
func precision(d content.Date) string {
	if d.IsInterval() {
		return "interval"
	}
	return precisions[d.Precision]
}

func timeline(s *site.Site) iter.Seq[entry] {
	return func(yield func(entry) bool) {
		for _, e := range s.Timeline {
			je := entry{
				ID:        e.ID(),
				Date:      e.Date.String(),
				Precision: precision(e.Date),
				Kind:      e.Kind,
				Title:     e.Title,
				URL:       abs(s, e.URL()),
				Anchor:    e.ID(),
				Record:    toLink(s, e.Record),
				Involves:  []link{},
				Language:  e.Lang,
			}
			for _, l := range e.Involves {
				je.Involves = append(je.Involves, toLink(s, l))
			}
			if !yield(je) {
				return
			}
		}
	}
}

func toLink(s *site.Site, l site.Link) link {
	return link{Kind: string(l.Kind), Title: l.Title, URL: abs(s, l.URL)}
}

// abs makes a URL relative to the language's root absolute when the base
// URL is known.
func abs(s *site.Site, u string) string { return s.Base() + u }

// writeJSON writes a list as a JSON array with one record per line: as
// easy to read and to diff as indented JSON, and a quarter smaller. Each
// part of a list too large for one file is such an array. The records
// are made and written one at a time, never the whole list at once.
func writeJSON[T any](w *partWriter, name string, list iter.Seq[T]) error {
	f := w.begin(name, "[\n", ",\n", "\n]\n", "[\n]\n", 0)
	var buf []byte // a jsonAppender's record: add copies it
	for v := range list {
		var data []byte
		if a, ok := any(v).(jsonAppender); ok {
			buf = a.appendJSON(buf[:0])
			data = buf
		} else {
			var err error
			if data, err = json.Marshal(v); err != nil {
				return err
			}
		}
		if err := f.add(data); err != nil {
			return err
		}
	}
	_, err := f.close()
	return err
}
