package site

import (
	"slices"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/history"
	"github.com/presos-politicos/briefing/generator/i18n"
)

// Site is the whole briefing, resolved: every published record with its
// URL, rendered Markdown, references and back-references, the timeline and
// the figures. It is read-only once New returns.
type Site struct {
	Config     *content.Config
	Lang       string           // the language of the pages
	Words      *i18n.Dict       // interface text in that language
	Briefs     []*Brief         // newest first
	Prisoners  []*Prisoner      // by name; people whose name is withheld last
	Statements []*Statement     // newest first
	Sites      []*DetentionSite // by name
	Events     []*Event         // oldest first
	Counts     []*Count         // by as-of date, then counter
	Pages      []*Page          // by slug
	Timeline   []*Entry         // oldest first
	// TimelinePages are the timeline's pages; the first is timeline/.
	TimelinePages []*TimelinePage
	Figures       Figures
	Updated       content.Date // the latest date in the content
	// History is true when the site was built with the history of its
	// records (package history); Changes are then their public changes,
	// newest first.
	History bool
	Changes []*Change
	// Links are the links of its Markdown that only the built site can
	// vouch for (see MarkdownLink), in the order of the texts.
	Links []MarkdownLink
}

// A Link names a record and where its page is.
type Link struct {
	Kind  content.Kind
	Title string
	URL   string // relative to the site's root: "prisoners/x/"
	// Status is a prisoner's status, for the badge beside the link; ""
	// for other records.
	Status string
}

// Brief is a resolved brief.
type Brief struct {
	*content.Brief
	URL        string
	Body       *HTML
	Prisoners  []*Prisoner
	Statements []*Statement
	Sites      []*DetentionSite
	Changes    []*Change // its public changes, newest first
	Updated    content.Date
}

// Page is a resolved standing page.
type Page struct {
	*content.Page
	URL     string
	Body    *HTML
	Changes []*Change // its public changes, newest first
	Updated content.Date
}

// Prisoner is a resolved prisoner with what the site derives about them.
type Prisoner struct {
	*content.Prisoner
	label      string
	URL        string
	Body       *HTML
	Events     []Milestone
	Custody    []*Stay
	Days       int  // days deprived of liberty, at least; 0 when unknown
	Held       bool // still deprived of liberty (detained, disappeared, house arrest)
	Briefs     []*Brief
	Statements []*Statement
	Mentions   []*Event  // standalone events that name them
	History    []*Entry  // their own dated history, oldest first
	Changes    []*Change // its public changes, newest first
	Updated    content.Date
}

// Stay is a custody period of one prisoner at one site.
type Stay struct {
	Prisoner *Prisoner
	Site     *DetentionSite
	From, To content.Date
	Days     int // at least; 0 when a date is unknown
	Note     string
	// First and Last say whether this is the prisoner's first or last
	// stay: where From or To is unknown, the arrest or the release (or
	// "still held") bounds it.
	First, Last bool
}

// DetentionSite is a resolved detention site.
type DetentionSite struct {
	*content.Site
	URL        string
	Body       *HTML
	Events     []Milestone
	Held       []*Stay // who was held here, by start date
	Briefs     []*Brief
	Statements []*Statement
	Mentions   []*Event
	History    []*Entry
	Changes    []*Change // its public changes, newest first
	Updated    content.Date

	// link is Link alone, one slice that every timeline entry naming
	// only this site shares: whoever appends to it gets a slice of its
	// own, since it is full.
	link []Link
}

// Statement is a resolved statement.
type Statement struct {
	*content.Statement
	label     string
	QuoteLang string // the language of the quote: its language, else the site's default
	URL       string
	Body      *HTML
	Context   *HTML
	Prisoners []*Prisoner
	Sites     []*DetentionSite
	Briefs    []*Brief
	Mentions  []*Event
	Changes   []*Change // its public changes, newest first
	Updated   content.Date
}

// Event is a resolved standalone event. It has no page: its URL is its
// entry on the timeline.
type Event struct {
	*content.Event
	URL        string
	Anchor     string
	Body       *HTML
	Prisoners  []*Prisoner
	Statements []*Statement
	Sites      []*DetentionSite
	Changes    []*Change // its public changes, newest first
	Updated    content.Date
}

// Milestone is a dated event in a prisoner's or a site's history.
type Milestone struct {
	content.Milestone
	Body *HTML
}

// WithheldName is shown in place of the name of an anonymous prisoner
// (translated, as every interface text).
const WithheldName = "Name withheld"

// recordTexts are the texts that name records and what befell them.
var recordTexts = []string{WithheldName, "{name} arrested", "{name} moved to {site}", "{name} held at {site}",
	"{name}: {event}", "{name} released", "{name} died in custody", "{name} died", "{site} opened", "{site} closed", "{site}: {event}", "{speaker}: “{quote}”"}

// Label returns the name to show: the name, or WithheldName.
func (p *Prisoner) Label() string { return p.label }

func (p *Prisoner) Link() Link {
	return Link{Kind: content.KindPrisoner, Title: p.Label(), URL: p.URL, Status: p.Status}
}
func (b *Brief) Link() Link         { return Link{Kind: content.KindBrief, Title: b.Title, URL: b.URL} }
func (p *Page) Link() Link          { return Link{Kind: content.KindPage, Title: p.Title, URL: p.URL} }
func (s *DetentionSite) Link() Link { return Link{Kind: content.KindSite, Title: s.Name, URL: s.URL} }

func (s *Statement) Link() Link {
	return Link{Kind: content.KindStatement, Title: s.Label(), URL: s.URL}
}
func (e *Event) Link() Link        { return Link{Kind: content.KindEvent, Title: e.Title, URL: e.URL} }
func (s *Statement) Label() string { return s.label }

// languagePaths are the first segments of the paths that each language
// has its own of (under its prefix, es/): the home page, the folders of
// render's pages, the search index, the feed. A test of the pipeline
// checks that every file under a language's prefix starts with one.
var languagePaths = []string{"", "briefs", "prisoners", "statements", "sites", "counts", "timeline", "search", "changes", "data", "feed.xml", "404.html"}

// sharedPaths are the first segments of the site's files that every
// language shares, and of the content's own folders.
var sharedPaths = []string{"events", "pages", "static", "sitemap.xml", "robots.txt", "_headers"}

// PageURL is the URL of a record's own page, from its language's root:
// "prisoners/rocio-san-miguel/", a page's "about/". An event and a count
// have no page of their own (an event is an entry of the timeline, a count
// a row of the counts page): ok is false.
func PageURL(kind content.Kind, slug string) (url string, ok bool) {
	switch kind {
	case content.KindEvent, content.KindCount:
		return "", false
	case content.KindPage:
		return slug + "/", true
	}
	return kind.Dir() + "/" + slug + "/", true
}

// pageURL is PageURL for a kind that has pages.
func pageURL(kind content.Kind, slug string) string {
	u, _ := PageURL(kind, slug)
	return u
}

// LanguagePath reports whether first, the first segment of a path from
// the site's root, is one that each language has its own of; any other
// path from the root is a file every language shares.
func LanguagePath(first string) bool { return slices.Contains(languagePaths, first) }

// reserved reports whether a page's slug is a path the site uses for
// something else.
func reserved(slug string) bool {
	return slug != "" && (LanguagePath(slug) || slices.Contains(sharedPaths, slug))
}

// New resolves a loaded set into a Site. Every unknown or unpublished
// reference is an error with its position; all are returned at once as a
// content.Errors.
// Interface text (timeline titles, "Name withheld", dates) is in English.
func New(set *content.Set) (*Site, error) { return NewCached(set, nil, nil, nil) }

// NewCached is New for the language of set, with words in that language
// (nil for English), reusing the Markdown that earlier calls with the same
// cache rendered where the text and what its links name are unchanged:
// serve's rebuilds. hist, when not nil, is the records' public history:
// each record's Changes, and its last-updated date, come from it.
func NewCached(set *content.Set, words *i18n.Dict, cache *Cache, hist *history.History) (*Site, error) {
	if words == nil {
		words, _ = i18n.Load(nil, i18n.English)
	}
	md := newMarkdown(set.Config.RawHTML)
	if cache == nil { // a cached rendering would outlive the set's Texts
		md.texts = set.Texts
	}
	r := &resolver{
		words:      words,
		cache:      cache,
		set:        set,
		md:         md,
		prisoners:  make(map[string]*Prisoner),
		statements: make(map[string]*Statement),
		sites:      make(map[string]*DetentionSite),
		briefs:     make(map[string]*Brief),
		events:     make(map[string]*Event),
		pages:      make(map[string]*Page),
		counts:     make(map[string]*Count),
	}
	s := &Site{Config: set.Config, Lang: set.Lang, Words: words}
	r.site = s
	for _, p := range set.Prisoners {
		w := &Prisoner{Prisoner: p, label: p.Name, URL: pageURL(content.KindPrisoner, p.Slug)}
		if p.Anonymous {
			w.label = words.T(WithheldName)
		}
		s.Prisoners = append(s.Prisoners, w)
		r.prisoners[p.Slug] = w
	}
	for _, st := range set.Statements {
		w := &Statement{Statement: st, label: st.Speaker + ", " + r.date(st.Date), URL: pageURL(content.KindStatement, st.Slug), QuoteLang: st.Language}
		if w.QuoteLang == "" {
			w.QuoteLang = set.Config.Language
		}
		s.Statements = append(s.Statements, w)
		r.statements[st.Slug] = w
	}
	for _, si := range set.Sites {
		w := &DetentionSite{Site: si, URL: pageURL(content.KindSite, si.Slug)}
		w.link = []Link{w.Link()}
		s.Sites = append(s.Sites, w)
		r.sites[si.Slug] = w
	}
	for _, b := range set.Briefs {
		w := &Brief{Brief: b, URL: pageURL(content.KindBrief, b.Slug)}
		s.Briefs = append(s.Briefs, w)
		r.briefs[b.Slug] = w
	}
	r.layout = planLayout(set, set.Config.TimelinePageSize)
	for _, e := range set.Events {
		w := &Event{Event: e, Anchor: entryID(e.Date, "event", e.Slug)}
		w.URL = r.layout.page(e.Date) + "#" + w.Anchor
		s.Events = append(s.Events, w)
		r.events[e.Slug] = w
	}
	for _, c := range set.Counts {
		w := &Count{Count: c, Anchor: "count-" + c.Slug, label: r.countLabel(c)}
		w.URL = "counts/#" + w.Anchor
		s.Counts = append(s.Counts, w)
		r.counts[c.Slug] = w
	}
	for _, p := range set.Pages {
		w := &Page{Page: p, URL: pageURL(content.KindPage, p.Slug)}
		switch {
		case reserved(p.Slug):
			r.errs.Addf(content.Pos{File: p.File}, "a page cannot be called %q: the site uses /%s/ for something else; rename the file", p.Slug, p.Slug)
		case set.Config.Has(p.Slug) && set.Config.Prefix(p.Slug) != "":
			r.errs.Addf(content.Pos{File: p.File}, "a page cannot be called %q: the site's pages in that language are under /%s/; rename the file", p.Slug, p.Slug)
		}
		s.Pages = append(s.Pages, w)
		r.pages[p.Slug] = w
	}

	r.md.isPage = func(slug string) bool { _, ok := r.pages[slug]; return ok }
	r.md.static = func(name string) bool { _, ok := slices.BinarySearch(set.Static, name); return ok }
	r.convertAll()
	r.link()
	r.changes(hist)
	r.dates()
	r.now = r.asOf()
	r.custody()
	s.Figures = r.figures()
	r.order()
	s.Timeline = r.timeline()
	s.TimelinePages = r.timelinePages(s.Timeline)
	return s, r.errs.Err()
}

// Page returns the standing page with the given slug, or nil, so that
// templates can link to "methodology" only where the site has one.
func (s *Site) Page(slug string) *Page {
	for _, p := range s.Pages {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// Base is the absolute address of the root of the site's language: the
// base URL, with the language's prefix; "" without a base URL.
func (s *Site) Base() string {
	if s.Config.BaseURL == "" {
		return ""
	}
	return s.Config.BaseURL + s.Config.Prefix(s.Lang)
}
