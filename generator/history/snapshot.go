package history

import (
	"strconv"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

// A snapshot is what a comparison needs of one version of a record: each
// public field of its kind (fieldsOf), in that order, reduced to what diff
// compares. A text is kept as its fingerprint, since a past text is never
// shown (see the package comment): what a change shows of a text is the
// current record's, which alone keeps its words (show). Dates, codes and
// figures, whose old values are shown, are kept as they are. A snapshot is
// small, and is what the cache keeps of a version (see cache_groups.go).
type snapshot []value

// A value is one field of a snapshot.
type value struct {
	fp   uint64       // text, prose, coords, ref: the text's fingerprint (the current record's prose: blank or present)
	code string       // code
	date content.Date // date
	n    int          // figure
	list []entry      // strs, refs, parts, sources, custody, events
	show string       // the current record only: its text, as shown (not prose, which is never shown)
}

// An entry is one entry of a list field. It is small: a version holds
// many (every source), and most have no date.
type entry struct {
	key   uint64           // what it is matched by: its text, reference, URL, site, title or part's name
	rest  uint64           // the rest of it: a whole source, a custody's note, an event's body
	dates *[2]content.Date // a custody's dates; an event's date (the first); nil for none
	n     int              // a part's figure
	show  string           // the current record only: its text, reference, site, title or part's name; a source's publisher or title
}

// from and to are an entry's dates, zero for none.
func (e entry) from() content.Date {
	if e.dates == nil {
		return content.Date{}
	}
	return e.dates[0]
}

func (e entry) to() content.Date {
	if e.dates == nil {
		return content.Date{}
	}
	return e.dates[1]
}

// withDates returns e with the dates from and to.
func (e entry) withDates(from, to content.Date) entry {
	if from != (content.Date{}) || to != (content.Date{}) {
		e.dates = &[2]content.Date{from, to}
	}
	return e
}

// sameEntry reports whether two entries are alike, dates included.
func sameEntry(a, b entry) bool {
	return a.key == b.key && a.rest == b.rest && a.n == b.n && a.show == b.show && a.from() == b.from() && a.to() == b.to()
}

// fingerprint is the FNV-1a hash of a text: two versions' texts are
// compared by it. Within one field of one record, two different texts
// share one with a chance of one in 2^64.
func fingerprint(s string) uint64 { return fnvAdd(14695981039346656037, s) }

// fnvAdd adds s to h, an FNV-1a hash: the fingerprint of a text made of
// several is taken without putting them together.
func fnvAdd[S string | []byte](h uint64, s S) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

var blank = fingerprint("")

// snap reduces a record (a version, or the current record when cur is
// true) to its snapshot.
func snap(fields []field, r any, cur bool) snapshot {
	s := make(snapshot, len(fields))
	for i, f := range fields {
		s[i] = valueOf(f.typ, f.get(r), cur)
	}
	return s
}

// present stands, in the current record's snapshot, for a long text
// (prose, an event's body) that is there: what a change shows of one never
// depends on the current text but on whether there is one (diff), so that
// its text is not read back from the build's file of texts
// (content.Text.Blank), a system call for each, for every record at every
// build. It is never compared with a version's fingerprint.
var present = fingerprint("\x00present")

// presence is blank for a prose text that is empty or white space, and
// present otherwise.
func presence(v any) uint64 {
	switch t := v.(type) {
	case content.Text:
		if !t.Blank() {
			return present
		}
	case string:
		if strings.TrimSpace(t) != "" {
			return present
		}
	}
	return blank
}

// proseText is the text of a prose field, which its field gives as a
// string or a content.Text.
func proseText(v any) string {
	if t, ok := v.(content.Text); ok {
		return t.String()
	}
	return v.(string)
}

func valueOf(t fieldType, v any, cur bool) value {
	shown := func(s string) string {
		if cur {
			return s
		}
		return ""
	}
	switch t {
	case date:
		return value{date: v.(content.Date)}
	case code:
		return value{code: v.(string)}
	case text, coords:
		s := v.(string)
		return value{fp: fingerprint(s), show: shown(s)}
	case prose:
		if cur {
			return value{fp: presence(v)}
		}
		return value{fp: fingerprint(strings.TrimSpace(proseText(v)))}
	case figure:
		return value{n: v.(int)}
	case ref:
		r := v.(content.Ref)
		if r.Slug == "" {
			return value{fp: blank}
		}
		s := refKey(r)
		return value{fp: fingerprint(s), show: shown(s)}
	}
	var list []entry
	switch t {
	case strs:
		list = make([]entry, 0, len(v.([]string)))
		for _, s := range v.([]string) {
			list = append(list, entry{key: fingerprint(s), show: shown(s)})
		}
	case refs:
		list = make([]entry, 0, len(v.([]content.Ref)))
		for _, r := range v.([]content.Ref) {
			s := refKey(r)
			list = append(list, entry{key: fingerprint(s), show: shown(s)})
		}
	case parts:
		list = make([]entry, 0, len(v.([]content.Part)))
		for _, p := range v.([]content.Part) {
			list = append(list, entry{key: fingerprint(p.Name), n: p.Value, show: shown(p.Name)})
		}
	case sources:
		list = make([]entry, 0, len(v.([]content.Source)))
		var date [96]byte
		for _, s := range v.([]content.Source) {
			// The whole source: its fields, each ended by a NUL, then
			// its date.
			h := fingerprint("")
			for _, f := range [...]string{s.Title, s.URL, s.Publisher, s.Archive} {
				h = fnvAdd(fnvAdd(h, f), "\x00")
			}
			h = fnvAdd(h, dateBytes(date[:0], s.Date))
			list = append(list, entry{key: fingerprint(s.URL), rest: h, show: shown(cmpOr(s.Publisher, s.Title))})
		}
	case custody:
		list = make([]entry, 0, len(v.([]content.Custody)))
		for _, c := range v.([]content.Custody) {
			list = append(list, entry{key: fingerprint(c.Site.Slug), rest: fingerprint(c.Note), show: shown(c.Site.Slug)}.withDates(c.From, c.To))
		}
	case events:
		list = make([]entry, 0, len(v.([]content.Milestone)))
		for _, m := range v.([]content.Milestone) {
			rest := presence(m.Body.Text)
			if !cur {
				rest = fingerprint(strings.TrimSpace(m.Body.Text.String()))
			}
			list = append(list, entry{key: fingerprint(m.Title), rest: rest, show: shown(m.Title)}.withDates(m.Date, content.Date{}))
		}
	}
	if len(list) == 0 {
		list = nil // as an empty list always was: the cache's encoding and empty tell no difference
	}
	return value{list: list}
}

func refKey(r content.Ref) string { return string(r.Kind) + ":" + r.Slug }

// dateBytes appends every field of a date, so that two dates are equal
// exactly when their texts are.
func dateBytes(b []byte, d content.Date) []byte {
	for _, n := range [...]int{d.Year, int(d.Month), d.Day, int(d.Precision), int(d.End.Year), int(d.End.Month), int(d.End.Day), int(d.End.Precision)} {
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, ' ')
	}
	return b
}

// empty reports whether a field's current value is empty: such a field is
// private now, or dropped (an anonymous person's), and its past is not
// shown.
func (v value) empty(t fieldType) bool {
	switch t {
	case date:
		return v.date.IsZero()
	case code:
		return strings.TrimSpace(v.code) == ""
	case prose:
		return v.fp == blank // the current record's is blank or present
	case text, coords, ref:
		return strings.TrimSpace(v.show) == ""
	case figure:
		return false // a count's figure, which every count has
	}
	return len(v.list) == 0
}
