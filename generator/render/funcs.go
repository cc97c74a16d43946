package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/site"
)

// funcs are the functions templates may call besides the Page methods,
// in the language of words.
func funcs(words *i18n.Dict) template.FuncMap {
	label := func(m map[string]string, k string) string {
		if l, ok := m[k]; ok {
			return words.T(l)
		}
		return k
	}
	dates := dateTags{words: words, m: make(map[content.Date]template.HTML)}
	return template.FuncMap{
		"date":              dates.tag,
		"dateIn":            dates.in,
		"counterIn":         func(counter string) string { return site.CounterIn(words, counter) },
		"heading":           func(h template.HTML) template.HTML { return template.HTML(site.Heading(string(h))) },
		"status":            func(s string) string { return label(statusLabels, s) },
		"badge":             func(s string) template.HTML { return badge(s, label(statusLabels, s)) },
		"verification":      func(s string) string { return label(verificationLabels, s) },
		"kind":              func(k content.Kind) string { return label(kindLabels, string(k)) },
		"entryKind":         func(k string) string { return label(entryKindLabels, k) },
		"join":              strings.Join,
		"base":              path.Base,
		"count":             words.Count,
		"number":            words.Number, // 48,727 / 48.727
		"size":              func(a Archive) string { return a.Size(words) },
		"t":                 words.T,
		"tg":                words.G, // said of a person: {{tg "Named in" .Gender}} (i18n.Dict.G)
		"sub":               func(a, b int) int { return a - b },
		"chart":             func(f site.Figures) template.HTML { return chart(words, f) },
		"figure":            func(c *content.Count) string { return site.Figure(words, c) },
		"countChart":        func(s *site.Site, m string) template.HTML { return countChart(words, s, m) },
		"countChartSummary": func(s *site.Site, m string) string { return countChartSummary(words, s, m) },
		"countChartKey":     func(s *site.Site, m string) template.HTML { return countChartKey(words, s, m) },
		"chartKey":          func(f site.Figures) template.HTML { return chartKey(words, f) },
		"measure":           func(m string) string { return label(measureLabels, m) },
		"measureCaption":    func(m string) string { return label(measureCaptions, m) },
		"part": func(key string) string {
			name, usual := content.PartName(key)
			if usual {
				return words.T(name)
			}
			return name
		},
		"chartSummary": func(f site.Figures) string { return chartSummary(words, f) },
		"searchLabels": func() string { return searchLabels(words) },
	}
}

// searchLabels are the texts the search script shows, as JSON for a data
// attribute: kinds, statuses and its messages, in the page's language.
func searchLabels(words *i18n.Dict) string {
	tr := func(m map[string]string) map[string]string {
		out := make(map[string]string, len(m))
		for k, v := range m {
			out[k] = words.T(v)
		}
		return out
	}
	msgs := make(map[string]string, len(searchMessages))
	for _, m := range searchMessages {
		msgs[m] = words.T(m)
	}
	data, _ := json.Marshal(map[string]any{"kinds": tr(kindLabels), "statuses": tr(statusLabels), "messages": msgs})
	return string(data)
}

// texts lists every interface text the code of this package, and of the
// packages it draws on, may ask for: with the words the templates count
// (see parse), what a language file is checked for.
func texts() []string {
	out := slices.Concat(searchMessages, pageTexts, chartTexts, chartSummaryTexts, site.Texts())
	for _, m := range []map[string]string{statusLabels, verificationLabels, kindLabels, entryKindLabels, measureLabels, measureCaptions, content.PartNames} {
		for _, v := range m {
			out = append(out, v)
		}
	}
	return out
}

// pageTexts are the titles and descriptions Pages gives.
var pageTexts = []string{
	"Briefs", "Every brief of the briefing, newest first.", "Political prisoners",
	"Every person documented in the briefing, with status, dates and place of detention.", "Statements",
	"Official statements on political prisoners, newest first.", "Detention sites",
	"Places where political prisoners are or were held.", "Search", "Search the briefing.", "Timeline",
	"Every dated event of the briefing in one stream, oldest first.", "Timeline: {period}", "What happened in {period}.",
	"Page not found", "There is no page at this address.", "Open data",
	"The briefing's records as JSON and CSV files, their fields and their licence.",
	"Changes", "Every public change to the briefing's records, newest first, with its correction notes.",
	"No documented person has both a known arrest date and a known release date or current detention, so there is nothing to chart yet.",
	"{count} not counted in it: their arrest date, or the date they were freed, is unknown.", "person is", "people are",
	"Of the people still held, {count} not in it, for want of an arrest date.",
	"Reported counts", "Political prisoners, releases and arrests as each counter reported them, side by side, with their sources.",
}

// searchMessages are what static/search.js says, by their English text.
var searchMessages = []string{
	"No results for “{q}”.", "1 result for “{q}”", "{n} results for “{q}”", ", showing the first {n}.",
	"Type a name, a place or another word to search for.", "Words in the briefing that are close: ",
	"All kinds", "Any status", "Any place", "Search could not load its index ({error}). The lists below have every record.",
	"Partial match: {n} of {m} words", "Also known as:", "In the name:", "In the record:", "In the text:",
	"No record matches every word; these match the most.", "Also showing results for close spellings: {words}.",
}

// dateTags draws each date once per language: pages show the same dates
// over and over (a timeline entry's date is on its page, on every page of
// the records it involves and in their histories), and drawing one was a
// tenth of the time spent drawing pages.
type dateTags struct {
	words *i18n.Dict
	mu    sync.RWMutex
	m     map[content.Date]template.HTML
}

// in writes a date after a preposition (site.DateIn): "as of <time>…</time>".
func (c *dateTags) in(prep string, d content.Date) template.HTML {
	text, shown := site.DateIn(prep, d)
	before, after, _ := strings.Cut(c.words.T(text), "{date}")
	return template.HTML(template.HTMLEscapeString(before)) + c.tag(shown) + template.HTML(template.HTMLEscapeString(after))
}

func (c *dateTags) tag(d content.Date) template.HTML {
	c.mu.RLock()
	h, ok := c.m[d]
	c.mu.RUnlock()
	if !ok {
		h = timeTag(c.words, d)
		c.mu.Lock()
		c.m[d] = h
		c.mu.Unlock()
	}
	return h
}

// timeTag writes a date as <time datetime> at its precision. HTML has no
// intervals: an interval's datetime is its start, the earliest day it may
// be, and its text says the whole interval ("between 1 and 9 February
// 2024").
func timeTag(words *i18n.Dict, d content.Date) template.HTML {
	if d.IsZero() {
		return ""
	}
	return template.HTML(fmt.Sprintf(`<time datetime="%s">%s</time>`, d.Datetime(), template.HTMLEscapeString(site.Date(words, d))))
}

// badge draws a status as a badge: its word, and a colour the stylesheet
// gives its class (never the colour alone).
func badge(status, word string) template.HTML {
	if status == "" {
		return ""
	}
	return template.HTML(`<span class="badge badge-` + template.HTMLEscapeString(status) + `">` + template.HTMLEscapeString(word) + `</span>`)
}

var statusLabels = map[string]string{
	"detained":               "Detained",
	"disappeared":            "Disappeared (whereabouts unknown)",
	"house_arrest":           "House arrest",
	"conditionally_released": "Conditionally released",
	"released":               "Released",
	"exiled":                 "Exiled",
	"deceased":               "Deceased",
	"operating":              "Operating",
	"closure_announced":      "Closure announced",
	"closed":                 "Closed",
}

var verificationLabels = map[string]string{
	"confirmed":  "Confirmed by two independent sources",
	"reported":   "Reported by one source",
	"unverified": "Unverified",
}

var kindLabels = map[string]string{
	"brief":     "Brief",
	"page":      "Page",
	"prisoner":  "Prisoner",
	"statement": "Statement",
	"site":      "Detention site",
	"event":     "Event",
	"count":     "Reported count",
}

var measureLabels = map[string]string{
	"held":     "Political prisoners held",
	"released": "Releases",
	"arrests":  "Arrests",
}

var measureCaptions = map[string]string{
	"held":     "People held as political prisoners on the date, as each counter reported",
	"released": "Releases counted since a date, as each counter reported",
	"arrests":  "Political arrests counted since a date, as each counter reported",
}

var entryKindLabels = map[string]string{
	"arrest":    "Arrest",
	"custody":   "Custody",
	"event":     "Event",
	"site":      "Detention site",
	"statement": "Statement",
	"release":   "Release",
	"death":     "Death",
	"brief":     "Brief",
	"count":     "Reported count",
}
