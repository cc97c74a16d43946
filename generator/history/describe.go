package history

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
)

// Sentences say a change as a reader would: "Status changed from detained
// to released", "Release date added: 8 January 2026". Each is an
// interface text, translated like every other (templates/i18n/<lang>.toml);
// the name of a field is a text of its own, written to stand inside the
// sentence ("release date" / "la fecha de excarcelación"), and the
// sentence starts with a capital once filled.
var sentences = map[Action][3]string{ // without a value, with the new one, with both
	Published: {"First published", "", ""},
	Added:     {"{field} added", "{field} added: {new}", ""},
	Removed:   {"{field} removed", "", ""},
	Corrected: {"{field} corrected", "{field} corrected to {new}", "{field} corrected from {old} to {new}"},
	Changed:   {"{field} changed", "{field} changed to {new}", "{field} changed from {old} to {new}"},
	Revised:   {"{field} revised", "{field} revised: {new}", ""},
}

// fieldNames are the names of fields inside a sentence, by their data name
// and, where one name serves several kinds, kind.
var fieldNames = map[string]string{
	"status": "status", "name": "name", "arrested": "arrest date", "released": "release date", "died": "date of death",
	"custody": "place of detention", "aliases": "alias", "nationality": "nationality",
	"occupation": "occupation", "charges": "charge", "events": "dated event",
	"summary": "summary", "body": "text", "tags": "tag", "verification": "verification level",
	"sources": "source|field", "opened": "opening date", "closed": "closing date",
	"site.kind": "kind of site", "operator": "operator", "city": "city", "state": "state or region",
	"coordinates": "coordinates", "speaker": "speaker", "date": "date", "quote": "quote",
	"translation": "translation", "role": "role", "organization": "organization", "medium": "medium",
	"context": "context", "prisoners": "person named", "sites": "detention site named",
	"statements": "statement named", "title": "title", "event.kind": "kind of event", "authors": "author",
	"custody.from": "start date", "custody.to": "end date", "custody.note": "note",
	"events.date": "date", "events.body": "text",
	"value": "figure", "qualifier": "kind of figure", "as_of": "as-of date", "since": "start of the count",
	"counter": "counter|field", "measure": "what is counted", "breakdown": "part of the breakdown",
	"breakdown.part": "figure", "statement": "announcing statement", "note": "note",
}

// codeNames are the values of statuses and verification levels inside a
// sentence.
var codeNames = map[string]string{
	"detained": "detained", "disappeared": "disappeared (whereabouts unknown)", "house_arrest": "under house arrest",
	"conditionally_released": "conditionally released", "released": "released", "exiled": "exiled",
	"deceased": "deceased", "operating": "operating", "closure_announced": "closure announced", "closed": "closed",
	"confirmed": "confirmed by two independent sources", "reported": "reported by one source", "unverified": "unverified",
	"exact": "exact|figure", "at_least": "minimum|figure", "about": "approximate|figure",
}

// measureNames are what a count counts (its measure), inside a sentence.
var measureNames = map[string]string{"held": "people held|measure", "released": "releases|measure", "arrests": "arrests|measure"}

// Within a list entry: "Custody at El Helicoide: end date corrected from
// ... to ...".
const (
	withinCustody = "Custody at {site}: {change}"
	withinEvent   = "“{event}”: {change}"
	withinPart    = "Breakdown, {part}: {change}"
)

// Texts lists every interface text Describe may ask for, so that a
// language file can be checked for them all (i18n.Dict.Check), not only for
// those a given history happens to show.
func Texts() []string {
	var out []string
	for _, s := range sentences {
		for _, t := range s {
			if t != "" {
				out = append(out, t)
			}
		}
	}
	for _, m := range []map[string]string{fieldNames, codeNames, measureNames, content.PartNames} {
		for _, t := range m {
			out = append(out, t)
		}
	}
	return append(out, withinCustody, withinEvent, withinPart)
}

// Describe says an item in the language of words. name gives the name of
// a record an item refers to (a detention site, a person), and false for
// one that is not published: such a value is not shown. date writes a
// date as the pages do, an interval whole ("between 11 and 12 January
// 2026").
func (it Item) Describe(words *i18n.Dict, kind content.Kind, name func(content.Ref) (string, bool), date func(content.Date) string) string {
	codes := codeNames
	if kind == content.KindCount && it.Field == "measure" {
		codes = measureNames
	}
	value := func(v Value) string {
		switch {
		case !v.Date.IsZero():
			return date(v.Date)
		case v.Code != "":
			if n, ok := codes[v.Code]; ok {
				return words.T(n)
			}
			return v.Code
		case v.Ref != nil:
			n, _ := name(*v.Ref)
			return n
		case v.Number:
			if n, err := strconv.Atoi(v.Text); err == nil {
				return words.Number(n)
			}
		}
		return v.Text
	}
	old, new := value(it.Old), value(it.New)
	form := 0
	switch {
	case new != "" && old != "":
		form = 2
	case new != "":
		form = 1
	}
	s := sentences[it.Action]
	for form > 0 && s[form] == "" {
		form--
	}
	field := it.Field
	switch {
	case field == "kind":
		field = map[content.Kind]string{content.KindSite: "site.kind", content.KindEvent: "event.kind"}[kind]
	case field == "breakdown" && it.Within.Code != "":
		field = "breakdown.part"
	}
	label := fieldNames[field]
	if label == "" {
		label = it.Field
	} else {
		label = words.T(label)
	}
	text := words.F(s[form], "field", label, "old", old, "new", new)
	if w := it.Within; !w.IsZero() {
		if w.Code != "" {
			part, usual := content.PartName(w.Code) // as the counts page names it
			if usual {
				part = words.T(part)
			}
			return upper(words.F(withinPart, "part", part, "change", text))
		}
		if w.Ref != nil {
			return upper(words.F(withinCustody, "site", value(w), "change", text))
		}
		return upper(words.F(withinEvent, "event", value(w), "change", text))
	}
	return upper(text)
}

// upper starts a sentence with a capital.
func upper(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
