package render

import (
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

func (l *List) newPage(tmpl, url, title, description string, updated content.Date) *Page {
	s := l.s
	prefix := s.Config.Prefix(s.Lang)
	p := &Page{Site: s, files: l.files, Template: tmpl, URL: url, Title: title, Description: description, Updated: updated}
	p.Path = prefix + url + "index.html"
	p.Root = strings.Repeat("../", strings.Count(url, "/"))
	p.SiteRoot = p.Root + strings.Repeat("../", strings.Count(prefix, "/"))
	return p
}

// A List is every page of a site in one language, in a fixed order: the
// site's own pages (the home page, the lists, the timeline, search, 404,
// counts, data, changes), then one page per record. The site's own pages
// are made at once and kept, since the pipeline gives some of them what
// they need (Page.Needs); a record's page is made each time At asks for
// it, so that drawing a large site does not hold a page value for every
// record at once (package pipeline, "Speed and memory").
type List struct {
	s     *site.Site
	files *Files
	own   []*Page
}

// Pages lists every page of the site.
func Pages(s *site.Site, files *Files) *List {
	l := &List{s: s, files: files}
	w := s.Words
	lang := (&Page{Site: s}).language()
	l.own = []*Page{
		l.newPage("home.html", "", lang.Title, lang.Description, s.Updated),
		l.newPage("briefs.html", "briefs/", w.T("Briefs"), w.T("Every brief of the briefing, newest first."), latestOf(s.Briefs)),
		l.newPage("prisoners.html", "prisoners/", w.T("Political prisoners"), w.T("Every person documented in the briefing, with status, dates and place of detention."), latestOf(s.Prisoners)),
		l.newPage("statements.html", "statements/", w.T("Statements"), w.T("Official statements on political prisoners, newest first."), latestOf(s.Statements)),
		l.newPage("sites.html", "sites/", w.T("Detention sites"), w.T("Places where political prisoners are or were held."), latestOf(s.Sites)),
		l.newPage("search.html", "search/", w.T("Search"), w.T("Search the briefing."), s.Updated),
	}
	l.own[len(l.own)-1].Needs = NeedsSearchIndex
	for _, tp := range s.TimelinePages {
		title, desc := w.T("Timeline"), w.T("Every dated event of the briefing in one stream, oldest first.")
		if tp.Period.Precision != content.Unknown {
			title, desc = w.F("Timeline: {period}", "period", tp.Title()), w.F("What happened in {period}.", "period", tp.Title())
		}
		p := l.newPage("timeline.html", tp.URL, title, desc, s.Updated)
		p.Timeline = tp
		l.own = append(l.own, p)
	}
	{
		// Hosts serve 404.html at any depth, so its links are absolute.
		// Each language has its own (es/404.html), which Cloudflare Pages
		// serves under es/ by itself and nginx and Caddy are told to
		// (README, "Publishing").
		prefix := s.Config.Prefix(s.Lang)
		nf := l.newPage("404.html", "", w.T("Page not found"), w.T("There is no page at this address."), s.Updated)
		nf.Path = prefix + "404.html"
		nf.SiteRoot = s.Config.BaseURL
		if nf.SiteRoot == "" {
			nf.SiteRoot = "/"
		}
		nf.Root = nf.SiteRoot + prefix
		nf.Unlisted = true
		l.own = append(l.own, nf)
	}
	l.own = append(l.own, l.newPage("counts.html", "counts/", w.T("Reported counts"), w.T("Political prisoners, releases and arrests as each counter reported them, side by side, with their sources."), latestOf(s.Counts)))
	data := l.newPage("data.html", "data/", w.T("Open data"), w.T("The briefing's records as JSON and CSV files, their fields and their licence."), s.Updated)
	data.Needs = NeedsArchives
	l.own = append(l.own, data)
	if s.History {
		l.own = append(l.own, l.newPage("changes.html", "changes/", w.T("Changes"), w.T("Every public change to the briefing's records, newest first, with its correction notes."), s.Updated))
	}
	return l
}

// Len is the number of pages.
func (l *List) Len() int {
	s := l.s
	return len(l.own) + len(s.Briefs) + len(s.Prisoners) + len(s.Statements) + len(s.Sites) + len(s.Pages)
}

// Own is the site's own pages, the first of the list: the only pages
// that need more than the site (Page.Needs).
func (l *List) Own() []*Page { return l.own }

// Needs is what the i-th page needs besides the site, without making it.
func (l *List) Needs(i int) Need {
	if i < len(l.own) {
		return l.own[i].Needs
	}
	return NeedsSite
}

// At returns the i-th page, 0 <= i < Len(): one of Own, or a record's
// page, made anew at each call.
func (l *List) At(i int) *Page {
	if i < len(l.own) {
		return l.own[i]
	}
	i -= len(l.own)
	s, w := l.s, l.s.Words
	if i < len(s.Briefs) {
		b := s.Briefs[i]
		p := l.newPage("brief.html", b.URL, b.Title, or(b.Summary, b.Title), b.Updated)
		p.Brief, p.Sources, p.Verification = b, b.Sources, b.Verification
		return p
	}
	i -= len(s.Briefs)
	if i < len(s.Prisoners) {
		v := s.Prisoners[i]
		p := l.newPage("prisoner.html", v.URL, v.Label(), or(v.Summary, v.Label()+": "+w.T(statusLabels[v.Status])), v.Updated)
		p.Prisoner, p.Sources, p.Verification = v, v.Sources, v.Verification
		if s.Config.RecordFeeds {
			p.Feed = v.URL + "feed.xml"
		}
		return p
	}
	i -= len(s.Prisoners)
	if i < len(s.Statements) {
		v := s.Statements[i]
		p := l.newPage("statement.html", v.URL, v.Label(), or(v.Summary, v.Quote), v.Updated)
		p.Statement, p.Sources, p.Verification = v, v.Sources, v.Verification
		return p
	}
	i -= len(s.Statements)
	if i < len(s.Sites) {
		v := s.Sites[i]
		p := l.newPage("site.html", v.URL, v.Name, or(v.Summary, v.Name), v.Updated)
		p.DSite, p.Sources, p.Verification = v, v.Sources, v.Verification
		if s.Config.RecordFeeds {
			p.Feed = v.URL + "feed.xml"
		}
		return p
	}
	i -= len(s.Sites)
	v := s.Pages[i]
	p := l.newPage("page.html", v.URL, v.Title, or(v.Summary, v.Title), v.Updated)
	p.Page, p.Sources, p.Verification = v, v.Sources, v.Verification
	return p
}

// All makes every page at once, for serve, which keeps them.
func (l *List) All() []*Page {
	out := make([]*Page, l.Len())
	for i := range out {
		out[i] = l.At(i)
	}
	return out
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
