package render

import (
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

func newPage(s *site.Site, files *Files, tmpl, url, title, description string, updated content.Date) *Page {
	prefix := s.Config.Prefix(s.Lang)
	p := &Page{Site: s, files: files, Template: tmpl, URL: url, Title: title, Description: description, Updated: updated}
	p.Path = prefix + url + "index.html"
	p.Root = strings.Repeat("../", strings.Count(url, "/"))
	p.SiteRoot = p.Root + strings.Repeat("../", strings.Count(prefix, "/"))
	return p
}

// Pages lists every page of the site.
func Pages(s *site.Site, files *Files) []*Page {
	newPage := func(s *site.Site, tmpl, url, title, description string, updated content.Date) *Page {
		return newPage(s, files, tmpl, url, title, description, updated)
	}
	w := s.Words
	lang := (&Page{Site: s}).language()
	pages := []*Page{
		newPage(s, "home.html", "", lang.Title, lang.Description, s.Updated),
		newPage(s, "briefs.html", "briefs/", w.T("Briefs"), w.T("Every brief of the briefing, newest first."), latestOf(s.Briefs)),
		newPage(s, "prisoners.html", "prisoners/", w.T("Political prisoners"), w.T("Every person documented in the briefing, with status, dates and place of detention."), latestOf(s.Prisoners)),
		newPage(s, "statements.html", "statements/", w.T("Statements"), w.T("Official statements on political prisoners, newest first."), latestOf(s.Statements)),
		newPage(s, "sites.html", "sites/", w.T("Detention sites"), w.T("Places where political prisoners are or were held."), latestOf(s.Sites)),
		newPage(s, "search.html", "search/", w.T("Search"), w.T("Search the briefing."), s.Updated),
	}
	pages[len(pages)-1].Needs = NeedsSearchIndex
	for _, tp := range s.TimelinePages {
		title, desc := w.T("Timeline"), w.T("Every dated event of the briefing in one stream, oldest first.")
		if tp.Period.Precision != content.Unknown {
			title, desc = w.F("Timeline: {period}", "period", tp.Title()), w.F("What happened in {period}.", "period", tp.Title())
		}
		p := newPage(s, "timeline.html", tp.URL, title, desc, s.Updated)
		p.Timeline = tp
		pages = append(pages, p)
	}
	{
		// Hosts serve 404.html at any depth, so its links are absolute.
		// Each language has its own (es/404.html), which Cloudflare Pages
		// serves under es/ by itself and nginx and Caddy are told to
		// (README, "Publishing").
		prefix := s.Config.Prefix(s.Lang)
		nf := newPage(s, "404.html", "", w.T("Page not found"), w.T("There is no page at this address."), s.Updated)
		nf.Path = prefix + "404.html"
		nf.SiteRoot = s.Config.BaseURL
		if nf.SiteRoot == "" {
			nf.SiteRoot = "/"
		}
		nf.Root = nf.SiteRoot + prefix
		nf.Unlisted = true
		pages = append(pages, nf)
	}
	pages = append(pages, newPage(s, "counts.html", "counts/", w.T("Reported counts"), w.T("Political prisoners, releases and arrests as each counter reported them, side by side, with their sources."), latestOf(s.Counts)))
	data := newPage(s, "data.html", "data/", w.T("Open data"), w.T("The briefing's records as JSON and CSV files, their fields and their licence."), s.Updated)
	data.Needs = NeedsArchives
	pages = append(pages, data)
	if s.History {
		pages = append(pages, newPage(s, "changes.html", "changes/", w.T("Changes"), w.T("Every public change to the briefing's records, newest first, with its correction notes."), s.Updated))
	}
	for _, b := range s.Briefs {
		p := newPage(s, "brief.html", b.URL, b.Title, or(b.Summary, b.Title), b.Updated)
		p.Brief, p.Sources, p.Verification = b, b.Sources, b.Verification
		pages = append(pages, p)
	}
	for _, v := range s.Prisoners {
		p := newPage(s, "prisoner.html", v.URL, v.Label(), or(v.Summary, v.Label()+": "+w.T(statusLabels[v.Status])), v.Updated)
		p.Prisoner, p.Sources, p.Verification = v, v.Sources, v.Verification
		if s.Config.RecordFeeds {
			p.Feed = v.URL + "feed.xml"
		}
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
		if s.Config.RecordFeeds {
			p.Feed = v.URL + "feed.xml"
		}
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
