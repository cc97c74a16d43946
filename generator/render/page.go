package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/search"
	"github.com/presos-politicos/briefing/generator/site"
)

// A Page is what a template sees: the site, where the page stands, and the
// record or list it shows. URLs are relative to the root of the page's
// language ("prisoners/x/"); a language other than the default lives under
// its prefix ("es/").
type Page struct {
	Site         *site.Site
	Template     string // the page template: "prisoner.html"
	Path         string // the output file, from the site's root: "es/prisoners/x/index.html"
	URL          string // relative to the language's root: "prisoners/x/"
	Root         string // from this page to the language's root: "../../"
	SiteRoot     string // from this page to the site's root, where the shared files are
	Title        string
	Description  string
	Updated      content.Date
	Sources      []content.Source
	Verification string

	Brief     *site.Brief
	Prisoner  *site.Prisoner
	Statement *site.Statement
	DSite     *site.DetentionSite
	Page      *site.Page
	Timeline  *site.TimelinePage

	// Needs is what the page is drawn from besides the site, which the
	// pipeline makes first and sets: the search page links its
	// language's search index (Search), the data page lists the parts of
	// its language's offline archive (Archives).
	Needs    Need
	Search   search.Meta // where the search index is, for the search page
	Archives []Archive   // the offline archive of the page's language, in parts, for the data page
	// DataParts names the parts of each data file of the page's language
	// too large for one file, by the file's name ("data/timeline.json"),
	// for the data page: see DataFiles.
	DataParts map[string][]string
	Feed      string // the page's own Atom feed, if it has one: "prisoners/x/feed.xml"
	// Unlisted keeps the page out of the sitemap: the 404 page, which
	// hosts serve at any address that has no page.
	Unlisted bool
	files    *Files

	tmpl     *template.Template // the page's template set, while it is drawn
	partials *sync.Map          // partials drawn in this run, by key
}

// Partial draws a partial template (the header, the footer) once for all
// the pages that would draw it alike, and reuses it: what it shows depends
// only on the page's depth (its links are relative) and, for the pages the
// navigation names, on which one is current. Record pages share one
// rendering per depth.
func (p *Page) Partial(name string) (template.HTML, error) {
	key := name + "\x00" + p.Root
	if p.Prisoner == nil && p.Brief == nil && p.Statement == nil && p.DSite == nil {
		key += "\x00" + p.URL + "\x00" + p.Template
	}
	if h, ok := p.partials.Load(key); ok {
		return h.(template.HTML), nil
	}
	var buf bytes.Buffer
	if err := p.tmpl.ExecuteTemplate(&buf, name, p); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	p.partials.Store(key, h)
	return h, nil
}

// Files is what the build made besides the pages, that pages link to.
// The search page also links the search index, which the pipeline sets on
// it (Page.Search) once the index is written.
type Files struct {
	Assets map[string]Asset // the files of static/ by name: "style.css"; CSS and JavaScript are fingerprinted
}

// A Need is what a page is drawn from besides the site.
type Need int

const (
	NeedsSite        Need = iota // the site alone
	NeedsSearchIndex             // its language's search index (Page.Search)
	NeedsArchives                // its language's offline archive, every other file of the language drawn (Page.Archives)
)

// An Archive is one file of the offline archive of a language: the whole
// archive, or one of its numbered parts, which unzip into one folder.
type Archive struct {
	Name  string // at the site's root: "briefing-offline-en.zip", "briefing-offline-en-2-of-3.zip"
	Bytes int64  // about: the data page that lists it is drawn before it is written
	Part  int    // 1, 2, ...
	Parts int    // how many parts the language's archive has
	Alone bool   // the first part holds every file but the records' and works by itself
}

// Size is the archive's size for readers, as their language writes
// numbers: "12.4 MB", "12,4 MB".
func (a Archive) Size(words *i18n.Dict) string {
	if a.Bytes < 1_000_000 {
		return words.Number(int((a.Bytes+999)/1000)) + " kB"
	}
	return words.Decimal(float64(a.Bytes)/1e6) + " MB"
}

// An Asset is a static file published under a name that carries a hash of
// its content ("style.3f2a9c1b.css"), so that hosts may cache it forever.
//
// Pages carry no Subresource Integrity attributes: Chromium refuses a file
// with one when the page is opened from disk (it wants a CORS request,
// which file: URLs cannot make), and the site must work from disk. For the
// site's own files SRI adds nothing: whoever can change them can change
// the page that names them.
type Asset struct {
	Path string // relative to the site's root
}

// Asset links a static file by its published, fingerprinted name.
func (p *Page) Asset(name string) string {
	if a, ok := p.files.Assets[name]; ok {
		return p.SiteRoot + a.Path
	}
	return p.SiteRoot + name
}

// DataFiles lists the files that hold the data files of the page's
// language ("data/timeline.json"), in order: the numbered parts of one too
// large for one file ("data/timeline-1.json", ...), else the file itself.
func (p *Page) DataFiles(names ...string) []string {
	var out []string
	for _, n := range names {
		if parts, ok := p.DataParts[n]; ok {
			out = append(out, parts...)
		} else {
			out = append(out, n)
		}
	}
	return out
}

// Static links a file of static/ that is not fingerprinted (favicon.svg).
func (p *Page) Static(name string) string { return p.SiteRoot + name }

// ShareImage is the image that links to the page show when shared: static/
// share-LANG.png in a language that has one, else static/share.png.
func (p *Page) ShareImage() string {
	if name := "share-" + p.Site.Lang + ".png"; p.files != nil {
		if _, ok := p.files.Assets[name]; ok {
			return name
		}
	}
	return "share.png"
}

// Kind is the page's kind, its template's name without ".html": "prisoner",
// "timeline", "404". The layout names it on <body> for the stylesheet.
func (p *Page) Kind() string { return strings.TrimSuffix(p.Template, ".html") }

// Lang is the language of the page.
func (p *Page) Lang() string { return p.Site.Lang }

// SiteTitle is the site's title in the page's language.
func (p *Page) SiteTitle() string { return p.language().Title }

// SiteDescription is the site's description in the page's language.
func (p *Page) SiteDescription() string { return p.language().Description }

func (p *Page) language() content.Language { return p.Site.Config.LanguageOf(p.Site.Lang) }

// An Alternate is the same page in another language.
type Alternate struct {
	Lang, Name string // "es", "Español"
	Href       string // relative to this page: the language switch works from disk and on mirrors
	Canonical  string // absolute with a base URL, else Href: for an hreflang link (the layout leaves them to the sitemap)
	Current    bool
}

// Alternates lists the page in every language of the site, this one
// included, for the language switch.
func (p *Page) Alternates() []Alternate {
	if p.Template == "404.html" {
		return nil
	}
	langs := p.Site.Config.Languages
	if len(langs) < 2 {
		return nil
	}
	out := make([]Alternate, len(langs))
	for i, l := range langs {
		href := p.SiteRoot + p.Site.Config.Prefix(l.Code) + site.File(p.URL)
		canonical := href
		if b := p.Site.Config.BaseURL; b != "" {
			canonical = b + p.Site.Config.Prefix(l.Code) + p.URL
		}
		out[i] = Alternate{Lang: l.Code, Name: l.Name, Href: href, Canonical: canonical, Current: l.Code == p.Site.Lang}
		if out[i].Name == "" {
			out[i].Name = l.Code
		}
	}
	return out
}

// ContentLang is the language of the record the page shows when it differs
// from the page's: a record not translated yet.
func (p *Page) ContentLang() string {
	var r *content.Record
	switch {
	case p.Prisoner != nil:
		r = p.Prisoner.Meta()
	case p.Brief != nil:
		r = p.Brief.Meta()
	case p.Statement != nil:
		r = p.Statement.Meta()
	case p.DSite != nil:
		r = p.DSite.Meta()
	case p.Page != nil:
		r = p.Page.Meta()
	}
	if r == nil || r.Lang == "" || r.Lang == p.Site.Lang {
		return ""
	}
	return r.Lang
}

// SourceLang is the language of the sources' titles, for their lang
// attribute, when it is not the page's: an editor writes them in the
// record's original file, in the site's default language, and a
// translation does not translate them.
func (p *Page) SourceLang() string {
	if p.Site.Config.Language == p.Site.Lang {
		return ""
	}
	return p.Site.Config.Language
}

// Rel returns the link from this page to a page or file given relative to
// the site's root ("prisoners/x/", "timeline/#id", "style.css"). Links to
// folders name their index.html, so that a copy opened from disk works.
func (p *Page) Rel(u string) string { return p.Root + site.File(u) }

// HTML returns rendered Markdown with its links made relative to this page.
func (p *Page) HTML(h *site.HTML) template.HTML {
	s := strings.ReplaceAll(h.String(), `href="`+site.RootMarker, `href="`+p.Root)
	s = strings.ReplaceAll(s, `src="`+site.RootMarker, `src="`+p.Root)
	s = strings.ReplaceAll(s, `href="`+site.SiteRootMarker, `href="`+p.SiteRoot)
	s = strings.ReplaceAll(s, `src="`+site.SiteRootMarker, `src="`+p.SiteRoot)
	return template.HTML(s)
}

// Absolute is an absolute address of a shared file under the base URL, or
// "" without one.
func (p *Page) Absolute(u string) string {
	if p.Site.Config.BaseURL == "" {
		return ""
	}
	return p.Site.Config.BaseURL + u
}

// Canonical is the page's absolute address, when site.toml gives a base URL.
func (p *Page) Canonical() string {
	if p.Site.Config.BaseURL == "" {
		return ""
	}
	return p.Site.Base() + p.URL
}

// Mentions are the records that name the page's record.
type Mentions struct {
	Briefs     []*site.Brief
	Statements []*site.Statement
	Events     []*site.Event
}

// NamedIn lists the records that name the page's record.
func (p *Page) NamedIn() Mentions {
	switch {
	case p.Prisoner != nil:
		return Mentions{p.Prisoner.Briefs, p.Prisoner.Statements, p.Prisoner.Mentions}
	case p.DSite != nil:
		return Mentions{p.DSite.Briefs, p.DSite.Statements, p.DSite.Mentions}
	case p.Statement != nil:
		return Mentions{Briefs: p.Statement.Briefs, Events: p.Statement.Mentions}
	}
	return Mentions{}
}

// Gender is the gender the page's person record gives ("female", "male"),
// for the interface words that agree with it ({{tg "Named in" .Gender}});
// "" on any other page, or when the record gives none.
func (p *Page) Gender() string {
	if p.Prisoner != nil {
		return p.Prisoner.Gender
	}
	return ""
}

// History is the dated history of the page's record: its entries on the
// timeline and its own dated events, with their texts.
type History struct {
	Entries []*site.Entry
	Events  []site.Milestone
}

// History returns the page's record's history.
func (p *Page) History() History {
	switch {
	case p.Prisoner != nil:
		return History{p.Prisoner.History, p.Prisoner.Events}
	case p.DSite != nil:
		return History{p.DSite.History, p.DSite.Events}
	}
	return History{}
}

// Changes are the public changes to the page's record, newest first (see
// package history); on the changes page, the newest of the site's, at most
// ChangesShown.
func (p *Page) Changes() []*site.Change {
	switch {
	case p.Template == "changes.html":
		return p.Site.Changes[:min(len(p.Site.Changes), ChangesShown)]
	case p.Prisoner != nil:
		return p.Prisoner.Changes
	case p.DSite != nil:
		return p.DSite.Changes
	case p.Statement != nil:
		return p.Statement.Changes
	case p.Brief != nil:
		return p.Brief.Changes
	case p.Page != nil:
		return p.Page.Changes
	}
	return nil
}

// ChangesShown is how many changes the changes page lists, newest first:
// every record's page has its own, and data/changes.json all of them.
const ChangesShown = 300

// Statuses are the prisoner statuses, for the data page.
func (p *Page) Statuses() []string { return content.PrisonerStatuses }

// Measures are what counts count, in the order the counts page shows them.
func (p *Page) Measures() []string { return content.Measures }

// EntryKinds are the kinds of timeline entries, for the data page.
func (p *Page) EntryKinds() []string { return site.EntryKinds }

// Is reports whether the page is the one at url, for marking the current
// item of the navigation.
func (p *Page) Is(url string) bool { return p.URL == url }
