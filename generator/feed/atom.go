package feed

import (
	"crypto/sha1"
	"encoding/xml"
	"fmt"
	"slices"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// FeedSize is how many entries the site's main feed holds, newest first.
const FeedSize = 50

// mainFeedKinds are the timeline entries the main feed carries.
var mainFeedKinds = []string{"brief", "statement", "release", "arrest"}

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  atomPerson  `xml:"author"`
	Links   []atomLink  `xml:"link"`
	Rights  string      `xml:"rights,omitempty"`
	Entries []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomEntry struct {
	ID       string       `xml:"id"`
	Title    string       `xml:"title"`
	Updated  string       `xml:"updated"`
	Link     atomLink     `xml:"link"`
	Category atomCategory `xml:"category"`
	Summary  string       `xml:"summary,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// FeedPath is where a record's own feed is: beside its page.
func FeedPath(pageURL string) string { return pageURL + "feed.xml" }

// atom writes the feeds: the site's (feed.xml) and one per prisoner and per
// detention site, beside their pages.
func atom(s *site.Site, out Output) error {
	var main []*site.Entry
	for _, e := range s.Timeline {
		if slices.Contains(mainFeedKinds, e.Kind) {
			main = append(main, e)
		}
	}
	slices.Reverse(main) // newest first
	main = main[:min(len(main), FeedSize)]
	if err := writeFeed(s, out, "feed.xml", s.Config.Title, main); err != nil {
		return err
	}
	for _, p := range s.Prisoners {
		if err := writeFeed(s, out, FeedPath(p.URL), p.Label()+" · "+s.Config.Title, newestFirst(p.History)); err != nil {
			return err
		}
	}
	for _, v := range s.Sites {
		if err := writeFeed(s, out, FeedPath(v.URL), v.Name+" · "+s.Config.Title, newestFirst(v.History)); err != nil {
			return err
		}
	}
	return nil
}

func newestFirst(es []*site.Entry) []*site.Entry {
	out := slices.Clone(es)
	slices.Reverse(out)
	return out
}

func writeFeed(s *site.Site, out Output, name, title string, entries []*site.Entry) error {
	f := atomFeed{
		ID:     entryURN(s, name),
		Title:  title,
		Author: atomPerson{Name: or(s.Config.Author, s.Config.Title)},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: abs(s, name)},
			{Rel: "alternate", Type: "text/html", Href: abs(s, pageOf(name))},
		},
		Rights: s.Config.License,
	}
	var newest content.Date
	for _, e := range entries {
		if e.Date.Compare(newest) > 0 {
			newest = e.Date
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:       entryURN(s, e.ID),
			Title:    e.Title,
			Updated:  stamp(e.Date),
			Link:     atomLink{Rel: "alternate", Type: "text/html", Href: abs(s, e.Record.URL)},
			Category: atomCategory{Term: e.Kind},
		})
	}
	if newest.IsZero() {
		newest = s.Updated
	}
	f.Updated = stamp(newest)
	data, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return out.WriteFile(name, append([]byte(xml.Header), append(data, '\n')...))
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
	return fmt.Sprintf("urn:uuid:%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// pageOf is the page a feed belongs to.
func pageOf(feed string) string { return feed[:len(feed)-len("feed.xml")] }

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
