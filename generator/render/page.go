package render

import (
	"bytes"
	"html/template"
	"strings"
	"sync"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// A Page is what a template sees: the site, where the page stands, and the
// record or list it shows.
type Page struct {
	Site         *site.Site
	Template     string // the page template: "prisoner.html"
	Path         string // the output file: "prisoners/x/index.html"
	URL          string // relative to the site's root: "prisoners/x/"
	Root         string // from this page to the root: "../../"
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

	Search SearchIndex // where the search index is, for the search page
	Feed   string      // the page's own Atom feed, if it has one: "prisoners/x/feed.xml"
	files  *Files

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
type Files struct {
	Search SearchIndex
	Assets map[string]Asset // static CSS and JavaScript by name: "style.css"
}

// SearchIndex is where the search page finds the index files; package
// search makes them, package build passes them on.
type SearchIndex struct {
	Dir, Keys, Kinds string
	ChunkSize        int
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
		return p.Root + a.Path
	}
	return p.Root + name
}

// Rel returns the link from this page to a page or file given relative to
// the site's root ("prisoners/x/", "timeline/#id", "style.css"). Links to
// folders name their index.html, so that a copy opened from disk works.
func (p *Page) Rel(u string) string { return p.Root + site.File(u) }

// HTML returns rendered Markdown with its links made relative to this page.
func (p *Page) HTML(h site.HTML) template.HTML {
	s := strings.ReplaceAll(string(h), `href="`+site.RootMarker, `href="`+p.Root)
	s = strings.ReplaceAll(s, `src="`+site.RootMarker, `src="`+p.Root)
	return template.HTML(s)
}

// Absolute is an absolute address under the base URL, or "" without one.
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
	return p.Site.Config.BaseURL + p.URL
}

// Statuses are the prisoner statuses, for the data page.
func (p *Page) Statuses() []string { return content.PrisonerStatuses }

// EntryKinds are the kinds of timeline entries, for the data page.
func (p *Page) EntryKinds() []string { return site.EntryKinds }

// Is reports whether the page is the one at url, for marking the current
// item of the navigation.
func (p *Page) Is(url string) bool { return p.URL == url }

func newPage(s *site.Site, files *Files, tmpl, url, title, description string, updated content.Date) *Page {
	p := &Page{Site: s, files: files, Template: tmpl, URL: url, Title: title, Description: description, Updated: updated}
	p.Path = url + "index.html"
	p.Root = strings.Repeat("../", strings.Count(url, "/"))
	return p
}

// Pages lists every page of the site.
func Pages(s *site.Site, files *Files) []*Page {
	newPage := func(s *site.Site, tmpl, url, title, description string, updated content.Date) *Page {
		return newPage(s, files, tmpl, url, title, description, updated)
	}
	desc := s.Config.Description
	pages := []*Page{
		newPage(s, "home.html", "", s.Config.Title, desc, s.Updated),
		newPage(s, "briefs.html", "briefs/", "Briefs", "Every brief of "+s.Config.Title+", newest first.", latestOf(s.Briefs)),
		newPage(s, "prisoners.html", "prisoners/", "Political prisoners", "Every person documented in "+s.Config.Title+", with status, dates and place of detention.", latestOf(s.Prisoners)),
		newPage(s, "statements.html", "statements/", "Statements", "Official statements on political prisoners, newest first.", latestOf(s.Statements)),
		newPage(s, "sites.html", "sites/", "Detention sites", "Places where political prisoners are or were held.", latestOf(s.Sites)),
		newPage(s, "search.html", "search/", "Search", "Search the briefing.", s.Updated),
	}
	for _, tp := range s.TimelinePages {
		title, desc := "Timeline", "Every dated event of "+s.Config.Title+" in one stream, oldest first."
		if tp.Period.Precision != content.Unknown {
			title, desc = "Timeline: "+tp.Title(), "What happened in "+tp.Title()+", from "+s.Config.Title+"."
		}
		p := newPage(s, "timeline.html", tp.URL, title, desc, s.Updated)
		p.Timeline = tp
		pages = append(pages, p)
	}
	nf := newPage(s, "404.html", "", "Page not found", "There is no page at this address.", s.Updated)
	nf.Path = "404.html"
	nf.Root = s.Config.BaseURL // served at any depth, so its links are absolute
	if nf.Root == "" {
		nf.Root = "/"
	}
	pages = append(pages, nf)
	pages = append(pages, newPage(s, "data.html", "data/", "Open data", "The briefing's records as JSON and CSV files, their fields and their licence.", s.Updated))
	for _, p := range pages {
		if p.Template == "search.html" {
			p.Search = files.Search
		}
	}
	for _, b := range s.Briefs {
		p := newPage(s, "brief.html", b.URL, b.Title, or(b.Summary, b.Title), b.Updated)
		p.Brief, p.Sources, p.Verification = b, b.Sources, b.Verification
		pages = append(pages, p)
	}
	for _, v := range s.Prisoners {
		p := newPage(s, "prisoner.html", v.URL, v.Label(), or(v.Summary, v.Label()+": "+statusLabels[v.Status]), v.Updated)
		p.Prisoner, p.Sources, p.Verification = v, v.Sources, v.Verification
		p.Feed = v.URL + "feed.xml"
		pages = append(pages, p)
	}
	for _, v := range s.Statements {
		p := newPage(s, "statement.html", v.URL, v.Label(), or(v.Summary, v.Quote), v.Updated)
		p.Statement, p.Sources, p.Verification = v, v.Sources, v.Verification
		pages = append(pages, p)
	}
	for _, v := range s.Sites {
		p := newPage(s, "site.html", v.URL, v.Name, or(v.Summary, v.Name), v.Updated)
		p.DSite, p.Sources, p.Verification = v, v.Sources, v.Verification
		p.Feed = v.URL + "feed.xml"
		pages = append(pages, p)
	}
	for _, v := range s.Pages {
		p := newPage(s, "page.html", v.URL, v.Title, or(v.Summary, v.Title), v.Updated)
		p.Page, p.Sources, p.Verification = v, v.Sources, v.Verification
		pages = append(pages, p)
	}
	return pages
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func latestOf[T interface{ LastUpdated() content.Date }](list []T) content.Date {
	var d content.Date
	for _, v := range list {
		if u := v.LastUpdated(); u.Compare(d) > 0 {
			d = u
		}
	}
	return d
}
