package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/order"
)

// An Entry is one dated thing on the timeline.
type Entry struct {
	// url is the entry's timeline page and anchor, "timeline/2024/#ID":
	// one string for both, the anchor its tail from anchor on (a large
	// site has several entries for each record, and holds them all while
	// it is drawn). Until the entries are placed on their pages, it is the
	// anchor alone.
	url      string
	anchor   int
	Date     content.Date
	Kind     string // one of EntryKinds
	Title    string
	Lang     string // language of Title when it quotes another language
	Record   Link   // the record the entry belongs to
	Involves []Link // other records it names
}

// EntryKinds are the kinds of timeline entries, in the order a day lists them.
var EntryKinds = []string{"arrest", "custody", "event", "site", "statement", "count", "release", "death", "brief"}

// ID is the entry's stable anchor, derived from its date, kind and slug.
func (e *Entry) ID() string { return e.url[e.anchor:] }

// URL is the entry's timeline page and anchor: "timeline/#ID",
// "timeline/2024/#ID".
func (e *Entry) URL() string { return e.url }

// page is the entry's timeline page: "timeline/", "timeline/2024/".
func (e *Entry) page() string { return e.url[:max(e.anchor-1, 0)] }

// entryID derives an entry's anchor from what it is, not where it stands,
// so that links to it survive the timeline growing.
func entryID(d content.Date, kind, slug string, extra ...string) string {
	date := strings.Replace(d.String(), "/", "--", 1) // an interval: 2024-02-01--2024-02-09
	if date == "" {
		date = "undated"
	}
	parts := append([]string{date, kind, slug}, extra...)
	return strings.Join(parts, "-")
}

// timeline builds the stream of every dated thing, oldest first, and each
// prisoner's and site's own history.
func (r *resolver) timeline() []*Entry {
	s := r.site
	var all []*Entry
	add := func(e *Entry, owners ...interface{ addHistory(*Entry) }) {
		if e.Date.IsZero() {
			return
		}
		all = append(all, e)
		for _, o := range owners {
			o.addHistory(e)
		}
	}
	for _, p := range s.Prisoners {
		// The arrest is the arrival at the first site when they coincide.
		arrestOwners := []interface{ addHistory(*Entry) }{p}
		var first []Link
		if len(p.Custody) > 0 {
			c := p.Custody[0]
			first = c.Site.link
			if c.From.IsZero() || c.From == p.Arrested {
				arrestOwners = append(arrestOwners, c.Site)
			}
		}
		add(&Entry{url: entryID(p.Arrested, "arrest", p.Slug), Date: p.Arrested, Kind: "arrest",
			Title: r.words.F("{name} arrested", "name", p.Label()), Record: p.Link(), Involves: first}, arrestOwners...)
		for i, c := range p.Custody {
			verb := "{name} moved to {site}"
			if i == 0 {
				if c.From.IsZero() || c.From == p.Arrested {
					continue
				}
				verb = "{name} held at {site}"
			}
			add(&Entry{url: entryID(c.From, "custody", p.Slug, c.Site.Slug), Date: c.From, Kind: "custody",
				Title: r.words.F(verb, "name", p.Label(), "site", c.Site.Name), Record: p.Link(), Involves: c.Site.link}, p, c.Site)
		}
		for _, m := range p.Events {
			add(&Entry{url: entryID(m.Date, "history", p.Slug, content.Slug(m.Title, 6)), Date: m.Date, Kind: "event",
				Title: r.words.F("{name}: {event}", "name", p.Label(), "event", m.Title), Record: p.Link()}, p)
		}
		var last []interface{ addHistory(*Entry) }
		var lastSite []Link
		if n := len(p.Custody); n > 0 {
			last = append(last, p.Custody[n-1].Site)
			lastSite = p.Custody[n-1].Site.link
		}
		if !p.Released.IsZero() { // most are still held: no title made to be dropped
			add(&Entry{url: entryID(p.Released, "release", p.Slug), Date: p.Released, Kind: "release",
				Title: r.words.F("{name} released", "name", p.Label()), Record: p.Link(), Involves: lastSite}, append(last, p)...)
		}
		if !p.Died.IsZero() { // a death in custody names the last place of detention
			verb, involved, owners := "{name} died", []Link(nil), []interface{ addHistory(*Entry) }{p}
			if p.DiedInCustody() {
				verb, involved, owners = "{name} died in custody", lastSite, append(last, p)
			}
			add(&Entry{url: entryID(p.Died, "death", p.Slug), Date: p.Died, Kind: "death",
				Title: r.words.F(verb, "name", p.Label()), Record: p.Link(), Involves: involved}, owners...)
		}
	}
	for _, v := range s.Sites {
		add(&Entry{url: entryID(v.Opened, "site", v.Slug, "opened"), Date: v.Opened, Kind: "site",
			Title: r.words.F("{site} opened", "site", v.Name), Record: v.Link()}, v)
		add(&Entry{url: entryID(v.Closed, "site", v.Slug, "closed"), Date: v.Closed, Kind: "site",
			Title: r.words.F("{site} closed", "site", v.Name), Record: v.Link()}, v)
		for _, m := range v.Events {
			add(&Entry{url: entryID(m.Date, "site", v.Slug, content.Slug(m.Title, 6)), Date: m.Date, Kind: "site",
				Title: r.words.F("{site}: {event}", "site", v.Name, "event", m.Title), Record: v.Link()}, v)
		}
	}
	for _, st := range s.Statements {
		e := &Entry{url: entryID(st.Date, "statement", st.Slug), Date: st.Date, Kind: "statement",
			Title: r.words.F("{speaker}: “{quote}”", "speaker", st.Speaker, "quote", Shorten(st.Quote, 90)), Record: st.Link(), Involves: involves(st.Prisoners, st.Sites)}
		if st.QuoteLang != s.Lang {
			e.Lang = st.QuoteLang
		}
		add(e, owners(st.Prisoners, st.Sites)...)
	}
	for _, b := range s.Briefs {
		add(&Entry{url: entryID(b.Date, "brief", b.Slug), Date: b.Date, Kind: "brief",
			Title: b.Title, Record: b.Link(), Involves: involves(b.Prisoners, b.Sites)})
	}
	for _, e := range s.Events {
		links := involves(e.Prisoners, e.Sites)
		for _, st := range e.Statements {
			links = append(links, st.Link())
		}
		add(&Entry{url: e.Anchor, Date: e.Date, Kind: "event", Title: e.Title, Record: e.Link(), Involves: links},
			owners(e.Prisoners, e.Sites)...)
	}
	for _, c := range s.Counts {
		var with []Link
		if c.Statement != nil {
			with = []Link{c.Statement.Link()}
		}
		add(&Entry{url: entryID(c.AsOf, "count", c.Slug), Date: c.AsOf, Kind: "count", Title: c.Label(), Record: c.Link(), Involves: with})
	}
	sortEntries(all)
	uniqueIDs(all)
	for _, e := range all {
		page := r.layout.page(e.Date)
		e.url, e.anchor = page+"#"+e.url, len(page)+1
	}
	for _, p := range s.Prisoners {
		sortEntries(p.History)
	}
	for _, v := range s.Sites {
		sortEntries(v.History)
	}
	// Custody at the first site on the day of arrest is told by the
	// arrest entry; a site's history may hold entries not on the timeline
	// only if they share its anchor, which they do not.
	return all
}

func (p *Prisoner) addHistory(e *Entry)      { p.History = append(p.History, e) }
func (v *DetentionSite) addHistory(e *Entry) { v.History = append(v.History, e) }

func involves(ps []*Prisoner, sites []*DetentionSite) []Link {
	var out []Link
	for _, p := range ps {
		out = append(out, p.Link())
	}
	for _, v := range sites {
		out = append(out, v.Link())
	}
	return out
}

func owners(ps []*Prisoner, sites []*DetentionSite) []interface{ addHistory(*Entry) } {
	var out []interface{ addHistory(*Entry) }
	for _, p := range ps {
		out = append(out, p)
	}
	for _, v := range sites {
		out = append(out, v)
	}
	return out
}

// sortEntries orders entries by date (TimelineCompare), then kind, then
// anchor: an order that depends only on the entries themselves. Entries
// equal in all three (one anchor made twice, which uniqueIDs then tells
// apart) keep the order they came in.
//
// Each entry's place in the timeline and its kind are worked out once, not
// at every comparison, and the order they came in is the last key of a
// sort that need not be stable, as in package order: a stable sort's
// merging grows faster than n log n, and at 100,000 prisoners the
// timeline's 400,000 entries took it 3 of the build's 250 processor
// seconds.
func sortEntries(es []*Entry) {
	type keyed struct {
		place    timelinePlace
		kind, at int
		e        *Entry
	}
	ks := make([]keyed, len(es))
	for i, e := range es {
		ks[i] = keyed{placeOf(e.Date), slices.Index(EntryKinds, e.Kind), i, e}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(a.place.compare(b.place), cmp.Compare(a.kind, b.kind),
			strings.Compare(a.e.ID(), b.e.ID()), cmp.Compare(a.at, b.at))
	})
	for i, k := range ks {
		es[i] = k.e
	}
}

// TimelineCompare orders dates as the timeline tells them: by day, an
// interval by its earliest day; an entry known only to its month after the
// dated entries of that month, and one known only to its year after the
// months of that year, so that nothing imprecise claims to come first.
func TimelineCompare(a, b content.Date) int { return placeOf(a).compare(placeOf(b)) }

// A timelinePlace is where a date stands in the timeline (timelineKey),
// then the date itself, for dates that stand in one place.
type timelinePlace struct {
	year, month, day int
	date             content.Date
}

func placeOf(d content.Date) timelinePlace {
	y, m, day := timelineKey(d)
	return timelinePlace{y, m, day, d}
}

func (a timelinePlace) compare(b timelinePlace) int {
	return cmp.Or(cmp.Compare(a.year, b.year), cmp.Compare(a.month, b.month), cmp.Compare(a.day, b.day), a.date.Compare(b.date))
}

// timelineKey places a date in the timeline: its year, its month (13 for
// a date known only to its year) and its day (32 for a date known only to
// its month).
func timelineKey(d content.Date) (year, month, day int) {
	if d.IsInterval() || d.Precision == content.Day {
		f := d.First()
		return f.Year(), int(f.Month()), f.Day()
	}
	switch d.Precision {
	case content.Month:
		return d.Year, int(d.Month), 32
	case content.Year:
		return d.Year, 13, 0
	}
	return 0, 0, 0
}

// Undated says which part of a timeline entry's date is not known, for
// its group: content.Month for an entry known only to its month,
// content.Year for one known only to its year, else content.Day.
func undated(d content.Date) content.Precision {
	if d.IsInterval() {
		return content.Day
	}
	return d.Precision
}

// uniqueIDs makes anchors unique where two entries would share one, by
// numbering the later ones.
func uniqueIDs(es []*Entry) {
	seen := make(map[string]int)
	for _, e := range es {
		seen[e.url]++
		if n := seen[e.url]; n > 1 {
			e.url += "-" + strconv.Itoa(n)
		}
	}
}

// Shorten cuts s at a word boundary to at most n characters, with an
// ellipsis where it cut.
func Shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)[:n]
	cut := strings.LastIndexByte(string(runes), ' ')
	if cut <= 0 {
		return string(runes) + "…"
	}
	return strings.TrimRight(string(runes)[:cut], " ,;:.") + "…"
}

// LatestReleases returns up to n people with a release date, latest first.
func (s *Site) LatestReleases(n int) []*Prisoner {
	var out []*Prisoner
	for _, p := range s.Prisoners {
		if !p.Released.IsZero() {
			out = append(out, p)
		}
	}
	order.Stable(out, func(a, b *Prisoner) int { return b.Released.Compare(a.Released) })
	return out[:min(n, len(out))]
}
