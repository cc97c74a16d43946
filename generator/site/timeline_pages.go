package site

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
)

// The timeline is one page while it is small. Past the page size of
// site.toml's [timeline], it becomes an index page with a page per year,
// and a year that is itself too big gets a page per month (its entries
// known only to the year stay on the year's page). Anchors do not change
// with the split; only the page an entry is on does.

// TimelinePage is one page of the timeline.
type TimelinePage struct {
	title    string
	words    *i18n.Dict
	URL      string       // "timeline/", "timeline/2024/", "timeline/2024/02/"
	Period   content.Date // the year or month it covers; zero for the whole timeline
	Entries  []*Entry
	Children []*TimelinePage // the index's years, or a split year's months
}

// Title names the period: "2024", "February 2024", or "" for the whole.
func (p *TimelinePage) Title() string { return p.title }

// layout says which page an entry of a given date is on.
type layout struct {
	split   bool
	byMonth map[int]bool // years with a page per month
}

func (l layout) page(d content.Date) string {
	y, m, _ := timelineKey(d)
	switch {
	case !l.split:
		return "timeline/"
	case l.byMonth[y] && m <= 12 && undated(d) != content.Year:
		return fmt.Sprintf("timeline/%04d/%02d/", y, m)
	}
	return fmt.Sprintf("timeline/%04d/", y)
}

// planLayout decides the split from the dates that will be on the
// timeline, before the entries exist, so that links to events (resolved
// while Markdown is rendered) already know their page.
func planLayout(set *content.Set, size int) layout {
	perYear := make(map[int]int)
	total := 0
	count := func(ds ...content.Date) {
		for _, d := range ds {
			if !d.IsZero() {
				perYear[d.Year]++
				total++
			}
		}
	}
	for _, p := range set.Prisoners {
		count(p.Arrested, p.Released, p.Died)
		for i, c := range p.Custody {
			if i > 0 || c.From != p.Arrested {
				count(c.From)
			}
		}
		for _, m := range p.Events {
			count(m.Date)
		}
	}
	for _, v := range set.Sites {
		count(v.Opened, v.Closed)
		for _, m := range v.Events {
			count(m.Date)
		}
	}
	for _, v := range set.Statements {
		count(v.Date)
	}
	for _, v := range set.Briefs {
		count(v.Date)
	}
	for _, v := range set.Events {
		count(v.Date)
	}
	for _, v := range set.Counts {
		count(v.AsOf)
	}
	l := layout{split: total > size, byMonth: make(map[int]bool)}
	for y, n := range perYear {
		if n > size {
			l.byMonth[y] = true
		}
	}
	return l
}

// timelinePages lays the entries out on pages. The first page is always
// timeline/: the whole timeline, or the index of the years.
func (r *resolver) timelinePages(all []*Entry) (pages []*TimelinePage) {
	index := &TimelinePage{URL: "timeline/", words: r.words}
	if !r.layout.split {
		index.Entries = all
		return []*TimelinePage{index}
	}
	defer func() {
		for _, p := range pages {
			p.words, p.title = r.words, Date(r.words, p.Period)
		}
	}()
	pages = []*TimelinePage{index}
	byURL := make(map[string]*TimelinePage)
	for _, e := range all {
		url := e.page()
		p := byURL[url]
		if p == nil {
			y, m, _ := timelineKey(e.Date)
			year := content.Date{Year: y, Precision: content.Year}
			p = &TimelinePage{URL: url, Period: year}
			if url != r.layout.page(year) { // a month page
				p.Period = content.Date{Year: y, Month: time.Month(m), Precision: content.Month}
				yp := byURL[r.layout.page(year)]
				if yp == nil {
					yp = &TimelinePage{URL: r.layout.page(year), Period: year}
					byURL[yp.URL] = yp
					pages = append(pages, yp)
					index.Children = append(index.Children, yp)
				}
				yp.Children = append(yp.Children, p)
			} else {
				index.Children = append(index.Children, p)
			}
			byURL[url] = p
			pages = append(pages, p)
		}
		p.Entries = append(p.Entries, e)
	}
	return pages
}

// Year is one year of a timeline page.
type Year struct {
	Year   int
	Months []Month
}

// Month is the entries of one month; after them, under a heading of their
// own, the entries known only to that month; after the months, those known
// only to the year.
type Month struct {
	ID      string // "2024-02", "2024-02-day-unknown", "2024-month-unknown": for an anchor
	Name    string // "February 2024", "February 2024, day not known", "2024, month not known"
	Entries []*Entry
}

// timelineTexts name the timeline's months whose days, or years whose months, are not known.
var timelineTexts = []string{"{month}, day not known", "{year}, month not known"}

// Groups groups the page's entries by year and month, in order (see
// TimelineCompare).
func (p *TimelinePage) Groups() []Year {
	var years []Year
	for _, e := range p.Entries {
		y0, m0, _ := timelineKey(e.Date)
		if n := len(years); n == 0 || years[n-1].Year != y0 {
			years = append(years, Year{Year: y0})
		}
		y := &years[len(years)-1]
		var id, name string
		switch undated(e.Date) {
		case content.Year:
			id = strconv.Itoa(y0) + "-month-unknown"
			name = p.words.F("{year}, month not known", "year", strconv.Itoa(y0))
		case content.Month:
			m := content.Date{Year: y0, Month: time.Month(m0), Precision: content.Month}
			id = m.String() + "-day-unknown"
			name = p.words.F("{month}, day not known", "month", Date(p.words, m))
		default:
			m := content.Date{Year: y0, Month: time.Month(m0), Precision: content.Month}
			id, name = m.String(), Date(p.words, m)
		}
		if n := len(y.Months); n == 0 || y.Months[n-1].ID != id {
			y.Months = append(y.Months, Month{ID: id, Name: Heading(name)})
		}
		mo := &y.Months[len(y.Months)-1]
		mo.Entries = append(mo.Entries, e)
	}
	return years
}

// Heading writes text as a heading starts: with a capital ("febrero de
// 2024" within a sentence, "Febrero de 2024" as a heading). Markup before
// the first letter (an HTML text such as "<time …>febrero</time>") is
// skipped.
func Heading(text string) string {
	for i := 0; i < len(text); {
		if text[i] == '<' {
			j := strings.IndexByte(text[i:], '>')
			if j < 0 {
				return text
			}
			i += j + 1
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		return text[:i] + string(unicode.ToUpper(r)) + text[i+n:]
	}
	return text
}

// KindCount is how many entries of one kind a page has.
type KindCount struct {
	Kind  string
	Count int
}

// Kinds counts the page's entries by kind, in EntryKinds order.
func (p *TimelinePage) Kinds() []KindCount {
	var out []KindCount
	for _, k := range EntryKinds {
		n := 0
		for _, e := range p.Entries {
			if e.Kind == k {
				n++
			}
		}
		if n > 0 {
			out = append(out, KindCount{k, n})
		}
	}
	return out
}

// Years lists the years the page's entries fall in.
func (p *TimelinePage) Years() []int {
	var out []int
	for _, e := range p.Entries {
		if y, _, _ := timelineKey(e.Date); len(out) == 0 || out[len(out)-1] != y {
			out = append(out, y)
		}
	}
	return out
}

// Records lists the prisoners and sites the page's entries involve, by
// name, for the filter by person or site.
func (p *TimelinePage) Records() []Link {
	seen := make(map[string]bool)
	var out []Link
	for _, e := range p.Entries {
		for _, l := range e.Records() {
			if (l.Kind == content.KindPrisoner || l.Kind == content.KindSite) && !seen[l.URL] {
				seen[l.URL] = true
				out = append(out, l)
			}
		}
	}
	// Prisoners, then sites, each by name.
	sortByName(out, func(l Link) string {
		if l.Kind == content.KindPrisoner {
			return "0" + l.Title
		}
		return "1" + l.Title
	}, func(l Link) string { return l.URL })
	return out
}

// Records is the entry's record followed by those it involves.
func (e *Entry) Records() []Link { return append([]Link{e.Record}, e.Involves...) }

// RecordURLs joins the URLs of Records with spaces, for the filters.
func (e *Entry) RecordURLs() string {
	var urls []string
	for _, l := range e.Records() {
		urls = append(urls, l.URL)
	}
	return strings.Join(urls, " ")
}
