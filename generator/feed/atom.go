package feed

import (
	"crypto/sha1"
	"encoding/hex"
	"slices"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// FeedSize is how many entries the site's main feed holds, newest first.
const FeedSize = 50

// mainFeedKinds are the timeline entries the main feed carries.
var mainFeedKinds = []string{"brief", "statement", "count", "release", "arrest"}

// FeedPath is where a record's own feed is: beside its page.
func FeedPath(pageURL string) string { return pageURL + "feed.xml" }

// atom writes the feeds: the site's (feed.xml) and, unless site.toml's
// [feeds] records = false, one per prisoner and per detention site, beside
// their pages.
func atom(s *site.Site, out Output) error {
	var main []*site.Entry
	for _, e := range s.Timeline {
		if slices.Contains(mainFeedKinds, e.Kind) {
			main = append(main, e)
		}
	}
	main = newestFirst(main)
	main = main[:min(len(main), FeedSize)]
	d := new(xmlDoc) // one buffer for every feed
	if err := writeFeed(d, s, out, "feed.xml", s.Config.Title, main); err != nil {
		return err
	}
	if !s.Config.RecordFeeds {
		return nil
	}
	for _, p := range s.Prisoners {
		if err := writeFeed(d, s, out, FeedPath(p.URL), p.Label()+" · "+s.Config.Title, newestFirst(p.History)); err != nil {
			return err
		}
	}
	for _, v := range s.Sites {
		if err := writeFeed(d, s, out, FeedPath(v.URL), v.Name+" · "+s.Config.Title, newestFirst(v.History)); err != nil {
			return err
		}
	}
	return nil
}

// newestFirst orders entries by the day their stamp gives (the first day
// of their date), newest first; entries of one day in the timeline's order
// reversed. An entry known only to its year, which the timeline tells
// after the year's months, is stamped with the year's first day and goes
// with it.
func newestFirst(es []*site.Entry) []*site.Entry {
	out := slices.Clone(es)
	slices.Reverse(out)
	slices.SortStableFunc(out, func(a, b *site.Entry) int { return b.Date.First().Compare(a.Date.First()) })
	return out
}

func writeFeed(d *xmlDoc, s *site.Site, out Output, name, title string, entries []*site.Entry) error {
	var newest content.Date
	for _, e := range entries {
		if e.Date.Compare(newest) > 0 {
			newest = e.Date
		}
	}
	if newest.IsZero() {
		newest = s.Updated
	}
	d.start()
	d.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	d.elem("  ", "id", entryURN(s, name))
	d.elem("  ", "title", title)
	d.elem("  ", "updated", stamp(newest))
	d.WriteString("  <author>\n")
	d.elem("    ", "name", or(s.Config.Author, s.Config.Title))
	d.WriteString("  </author>\n")
	d.empty("  ", "link", "rel", "self", "type", "application/atom+xml", "href", abs(s, name))
	d.empty("  ", "link", "rel", "alternate", "type", "text/html", "href", abs(s, pageOf(name)))
	if s.Config.License != "" {
		d.elem("  ", "rights", s.Config.License)
	}
	for _, e := range entries {
		d.WriteString("  <entry>\n")
		d.elem("    ", "id", entryURN(s, e.ID))
		d.elem("    ", "title", e.Title)
		d.elem("    ", "updated", stamp(e.Date))
		d.empty("    ", "link", "rel", "alternate", "type", "text/html", "href", abs(s, e.Record.URL))
		d.empty("    ", "category", "term", e.Kind)
		d.WriteString("  </entry>\n")
	}
	d.WriteString("</feed>\n")
	return out.WriteFile(name, d.Bytes())
}

// stamp is a date as an Atom timestamp: its first day, at midnight UTC.
// It comes from the content, never the clock, so a rebuild changes nothing.
func stamp(d content.Date) string {
	if d.IsZero() {
		return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)
	}
	return d.First().Format(time.RFC3339)
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

// pageOf is the page a feed belongs to.
func pageOf(feed string) string { return feed[:len(feed)-len("feed.xml")] }

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
