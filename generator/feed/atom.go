package feed

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/order"
	"github.com/presos-politicos/briefing/generator/site"
)

// FeedSize is how many entries the site's main feed holds, newest first.
const FeedSize = 50

// mainFeedKinds are the timeline entries the main feed carries.
var mainFeedKinds = []string{"brief", "statement", "count", "release", "death", "arrest"}

// FeedPath is where a record's own feed is: beside its page.
func FeedPath(pageURL string) string { return pageURL + "feed.xml" }

// atom writes the feeds: the site's (feed.xml) and, unless site.toml's
// [feeds] records = false, one per prisoner and per detention site, beside
// their pages. The site's feed holds the newest of its timeline's briefs,
// statements, counts, arrests, releases and deaths and of its records' public
// changes; a record's feed, its history and the changes to its status.
func atom(s *site.Site, out site.Output) error {
	var main []feedEntry
	for _, e := range s.Timeline {
		if slices.Contains(mainFeedKinds, e.Kind) {
			main = append(main, timelineEntry(e))
		}
	}
	for _, c := range s.Changes[:min(len(s.Changes), FeedSize)] { // newest first, as newest sorts
		main = append(main, changeEntry(c))
	}
	main = newest(main, FeedSize)
	d := new(xmlDoc) // one buffer for every feed
	title := s.Config.LanguageOf(s.Lang).Title
	if err := writeFeed(d, s, out, "feed.xml", title, main); err != nil {
		return err
	}
	if !s.Config.RecordFeeds {
		return nil
	}
	for _, p := range s.Prisoners {
		if err := writeFeed(d, s, out, FeedPath(p.URL), p.Label()+" · "+title, recordEntries(p.History, p.Changes)); err != nil {
			return err
		}
	}
	for _, v := range s.Sites {
		if err := writeFeed(d, s, out, FeedPath(v.URL), v.Name+" · "+title, recordEntries(v.History, v.Changes)); err != nil {
			return err
		}
	}
	return nil
}

// A feedEntry is an Atom entry: a timeline entry or a change.
type feedEntry struct {
	id, title, link, category, summary string
	updated                            time.Time
}

func timelineEntry(e *site.Entry) feedEntry {
	return feedEntry{id: e.ID(), title: e.Title, link: e.Record.URL, category: e.Kind, updated: stampTime(e.Date)}
}

// changeEntry is a change as an entry: its id comes from the change's
// anchor, its time is its commit's, and its summary its correction note.
func changeEntry(c *site.Change) feedEntry {
	return feedEntry{id: c.ID(), title: c.Title(), link: c.URL(), category: "change", summary: c.Note(), updated: c.Time()}
}

// recordEntries are a record's feed: its history, and the changes to its
// status, newest first.
func recordEntries(history []*site.Entry, changes []*site.Change) []feedEntry {
	var out []feedEntry
	for _, e := range history {
		out = append(out, timelineEntry(e))
	}
	for _, c := range changes {
		if c.Status {
			e := changeEntry(c)
			e.link = c.Record.URL + "#changes"
			out = append(out, e)
		}
	}
	return newest(out, len(out))
}

// newest sorts entries newest first, those of one time by id (in the
// order they came in when both are equal), and keeps the first n. The
// site's feed keeps 50 of a timeline that grows with the site: those n
// are picked in one pass, not by sorting the whole timeline, which at
// 100,000 prisoners is 300,000 entries. The pass starts from the end of
// the list, where a timeline keeps its newest entries, so that most
// entries are dropped at the first comparison.
func newest(list []feedEntry, n int) []feedEntry {
	if n >= len(list) {
		// A detention site's feed is its whole history, which grows
		// with the site.
		order.Stable(list, newer)
		return list
	}
	if n <= 0 {
		return nil
	}
	top := make([]feedEntry, 0, n+1)
	for _, e := range slices.Backward(list) {
		if len(top) == n && newer(e, top[n-1]) > 0 {
			continue
		}
		// Before the entries it equals, which came after it in list, as
		// a stable sort would place it.
		i := sort.Search(len(top), func(i int) bool { return newer(e, top[i]) <= 0 })
		top = slices.Insert(top, i, e)[:min(len(top)+1, n)]
	}
	return top
}

// newer orders entries newest first, those of one time by id.
func newer(a, b feedEntry) int {
	if c := b.updated.Compare(a.updated); c != 0 {
		return c
	}
	return strings.Compare(a.id, b.id)
}

func writeFeed(d *xmlDoc, s *site.Site, out site.Output, name, title string, entries []feedEntry) error {
	var updated time.Time
	for _, e := range entries {
		if e.updated.After(updated) {
			updated = e.updated
		}
	}
	if updated.IsZero() {
		updated = stampTime(s.Updated)
	}
	d.start()
	d.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	d.elem("  ", "id", entryURN(s, name))
	d.elem("  ", "title", title)
	d.elem("  ", "updated", updated.Format(time.RFC3339))
	d.WriteString("  <author>\n")
	d.elem("    ", "name", or(s.Config.Author, s.Config.LanguageOf(s.Lang).Title))
	d.WriteString("  </author>\n")
	href := func(u string) string { return feedLink(s, name, u) }
	d.empty("  ", "link", "rel", "self", "type", "application/atom+xml", "href", href(name))
	d.empty("  ", "link", "rel", "alternate", "type", "text/html", "href", href(pageOf(name)))
	if s.Config.License != "" {
		d.elem("  ", "rights", s.Config.License)
	}
	for _, e := range entries {
		d.WriteString("  <entry>\n")
		d.elem("    ", "id", entryURN(s, e.id))
		d.elem("    ", "title", e.title)
		d.elem("    ", "updated", e.updated.Format(time.RFC3339))
		d.empty("    ", "link", "rel", "alternate", "type", "text/html", "href", href(e.link))
		d.empty("    ", "category", "term", e.category)
		if e.summary != "" {
			d.elem("    ", "summary", e.summary)
		}
		d.WriteString("  </entry>\n")
	}
	d.WriteString("</feed>\n")
	return out.WriteFile(name, d.Bytes())
}

// stampTime is a date as an Atom timestamp: its first day, at midnight
// UTC. It comes from the content, never the clock, so a rebuild changes
// nothing; a change's comes from its commit.
func stampTime(d content.Date) time.Time {
	if d.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return d.First()
}

// entryURN is a stable id for a feed or an entry: a name-based UUID of the
// site (its base URL, or else its title) and the entry's anchor, so that it
// never changes when the entry's page moves.
func entryURN(s *site.Site, key string) string {
	h := sha1.New()
	h.Write([]byte("briefing-generator\x00" + or(s.Config.BaseURL, s.Config.Title) + "\x00" + key))
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | 0x50 // version 5
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	x := hex.EncodeToString(b)
	return "urn:uuid:" + x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// feedLink is the address, in the feed at name, of u (given from the
// root of the site's language, as records' URLs are): absolute with a
// base URL, else relative to the feed's own folder, against which a feed
// reader resolves it ("../../changes/" in prisoners/x/feed.xml).
func feedLink(s *site.Site, name, u string) string {
	if base := s.Base(); base != "" {
		return base + u
	}
	if rel := strings.Repeat("../", strings.Count(name, "/")) + u; rel != "" {
		return rel
	}
	return "./"
}

// pageOf is the page a feed belongs to.
func pageOf(feed string) string { return feed[:len(feed)-len("feed.xml")] }

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
