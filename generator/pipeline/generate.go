package pipeline

import (
	"errors"
	"io/fs"
	"slices"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/feed"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/internal/parallel"
	"github.com/presos-politicos/briefing/generator/offline"
	"github.com/presos-politicos/briefing/generator/render"
	"github.com/presos-politicos/briefing/generator/search"
	"github.com/presos-politicos/briefing/generator/site"
)

// generate is the one function that decides the files of the site and
// their bytes. It loads, resolves and draws the site in fsys, in every
// language, and hands each file to out as it is made, in this order: the
// static files; for each language, its search index beside its feeds and
// data files, then its pages (on every core), then its search page, which links
// the index, then its data page, which lists the parts of the offline
// archive decided from the compressed sizes of the rest; the sitemap and
// robots.txt; _headers; last the offline archives, from out's spool.
// Every content, template and translation problem is reported at once.
//
// The languages are resolved and drawn one after the other, the default
// last, and each is let go once drawn, its translated records with it, so
// that a build holds one language's site at a time. When the content or a
// language has a problem, every language is resolved, so that all
// problems are reported together; a language resolved without one has
// nothing to add (a language already drawn is resolved again from the
// originals alone, whose problems the default language reports too).
//
// It returns the site in the default language, and a note when the site
// was built without its history (readHistory). With opts.texts, the
// site's long texts are read from there: generateWithTexts closes it once
// the files are made.
func generate(fsys fs.FS, opts Options, out *files) (*site.Site, string, error) {
	readHistory := startHistory(opts)
	set, errs := load(fsys, opts, nil, opts.texts)
	if set == nil || len(errs) > 0 {
		readHistory(nil)
		_, err := resolveAll(fsys, set, nil, nil, errs)
		return nil, "", err
	}
	hist, note := readHistory(set)
	out.sink.Begin(set.Config)
	langs := set.Config.Languages
	order := append(slices.Clone(langs[1:]), langs[0]) // the default last: its site is returned
	var assets map[string]render.Asset
	static := make(recorder)
	byLang := make(map[string][]pageInfo)
	var dicts []*i18n.Dict
	var last *site.Site
	for i, lang := range order {
		last = nil // the language drawn before is let go before this one is resolved
		l, lerrs := resolve(fsys, set, lang.Code, nil, hist)
		if len(lerrs) > 0 {
			_, err := resolveAll(fsys, set, nil, hist, nil) // for its problems: the changes make none
			return nil, "", err
		}
		// The site holds the language's changes now; the history lets go
		// of its own (but for the lists this language shares with the
		// default one, which is resolved last).
		hist.Drop(lang.Code)
		out.links = append(out.links, l.site.Links...)
		if i == 0 {
			if opts.Loaded != nil {
				opts.Loaded(set.Len())
			}
			var err error
			if assets, err = copyStatic(fsys, recording{out, static}); err != nil {
				return nil, "", err
			}
		}
		infos, err := l.render(assets, out, opts.dataPart, func(data *render.Page) error {
			parts, err := offline.ForLanguage(out.spool, set.Config, lang.Code, static, data, opts.budget())
			out.plan(parts)
			return err
		})
		if err != nil {
			return nil, "", err
		}
		byLang[lang.Code] = infos
		dicts = append(dicts, l.words)
		last = l.site
		// The records in this language are not needed again: the next
		// language is resolved from the originals and its own translations.
		delete(set.Translations, lang.Code)
	}
	// The interface texts the pages asked for that a language lacks.
	var missing []error
	for _, d := range dicts {
		if err := d.MissingError(); err != nil {
			missing = append(missing, err)
		}
	}
	if err := errors.Join(missing...); err != nil {
		return nil, "", err
	}
	var all []pageInfo
	for _, lang := range langs {
		all = append(all, byLang[lang.Code]...)
	}
	if err := sitemap(last, all, out, opts.dataPart); err != nil {
		return nil, "", err
	}
	if err := headers(assets, out); err != nil {
		return nil, "", err
	}
	if err := out.writeArchives(last.Updated.First()); err != nil {
		return nil, "", err
	}
	return last, note, nil
}

// generateWithTexts is generate with the site's long texts kept in a
// temporary file in dir (the system's when ""), which it removes once
// every file is made, before build swaps the new output in: what Build
// and Check run. (serve keeps texts in memory, for its caches.)
func generateWithTexts(fsys fs.FS, opts Options, out *files, dir string) (*site.Site, string, error) {
	texts, err := content.NewTexts(dir)
	if err != nil {
		return nil, "", err
	}
	opts.texts = texts
	s, note, err := generate(fsys, opts, out)
	if err == nil {
		err = texts.Err()
	}
	if cerr := texts.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, "", err
	}
	return s, note, nil
}

// prefixed writes under a language's folder.
type prefixed struct {
	out    site.Output
	prefix string
}

func (p prefixed) WriteFile(name string, data []byte) error {
	return p.out.WriteFile(p.prefix+name, data)
}

// render writes the language's search index, feeds and data files, then
// its pages: the pages that need the index (the search page) are drawn
// after the others, and those that list the parts of the offline archive
// (the data page) last, once plan has decided them. The extras are made
// before the pages rather than beside them, so that a build holds the
// search index or a page being drawn, never both: each grows with the
// site. It returns what the sitemap needs of each page.
func (l *langSite) render(assets map[string]render.Asset, out site.Output, dataPart int, plan func(data *render.Page) error) ([]pageInfo, error) {
	index, dataParts, err := l.extras(out, dataPart)
	if err != nil {
		return nil, err
	}
	pages := render.Pages(l.site, &render.Files{Assets: assets})
	supply(pages.Own(), index, dataParts)
	infos := make([]pageInfo, pages.Len())
	note := func(i int, pg *render.Page) { infos[i] = info(pg) }
	for _, need := range []render.Need{render.NeedsSite, render.NeedsSearchIndex} {
		if err := l.renderer.Render(pages, need, out, note); err != nil {
			return nil, err
		}
	}
	for _, pg := range pages.Own() {
		if pg.Needs == render.NeedsArchives {
			if err := plan(pg); err != nil {
				return nil, err
			}
		}
	}
	return infos, l.renderer.Render(pages, render.NeedsArchives, out, note)
}

// supply gives the pages of one language what they need of its extras:
// the search page its index, the data page the parts of its data files.
// (The parts of the offline archive come later; see render.NeedsArchives.)
// Only the site's own pages need more than the site (render.List.Own).
func supply(pages []*render.Page, index search.Meta, dataParts feed.Parts) {
	for _, pg := range pages {
		switch pg.Needs {
		case render.NeedsSearchIndex:
			pg.Search = index
		case render.NeedsArchives:
			pg.DataParts = dataParts
		}
	}
}

// extras writes the language's search index, feeds and data files, the
// index beside the rest, and returns where the search page finds the
// index and the parts of the data files too large for one file (of at
// most dataPart bytes; 0 means feed.PartBytes), which the data page lists.
func (l *langSite) extras(out site.Output, dataPart int) (search.Meta, feed.Parts, error) {
	out = prefixed{out, l.site.Config.Prefix(l.site.Lang)}
	var (
		meta              search.Meta
		parts             feed.Parts
		indexErr, feedErr error
	)
	parallel.Do(2, func(i int) error {
		if i == 0 {
			meta, indexErr = search.Build(l.site).Write(out)
		} else {
			parts, feedErr = feed.Write(l.site, out, dataPart)
		}
		return nil
	})
	if err := errors.Join(indexErr, feedErr); err != nil {
		return search.Meta{}, nil, err
	}
	return meta, parts, nil
}

// recorder notes the names of the files written through a recording.
type recorder map[string]bool

// recording writes to out and notes each name; not for concurrent use.
type recording struct {
	out   site.Output
	names recorder
}

func (r recording) WriteFile(name string, data []byte) error {
	r.names[name] = true
	return r.out.WriteFile(name, data)
}

// pageInfo is what the sitemap needs of a page, so that each page can be
// let go once drawn: its URL in its language, where it is from the site's
// root (its folder), and when it last changed.
type pageInfo struct {
	url, lang, loc, lastmod string
	unlisted                bool
}

func info(p *render.Page) pageInfo {
	if p.Unlisted {
		return pageInfo{unlisted: true}
	}
	loc := strings.TrimSuffix(p.Path, "index.html")
	if loc == p.URL {
		loc = p.URL // the record's own string, not the page's: the page is let go
	}
	return pageInfo{url: p.URL, lang: p.Lang(), loc: loc, lastmod: p.Updated.Datetime()}
}

func infos(pages []*render.Page) []pageInfo {
	out := make([]pageInfo, len(pages))
	for i, p := range pages {
		out[i] = info(p)
	}
	return out
}

// sitemap writes the sitemap of the pages of every language but those
// unlisted (the 404 pages), each with
// its alternates, and robots.txt, in parts past dataPart bytes (see
// Options.dataPart).
func sitemap(s *site.Site, pages []pageInfo, out site.Output, dataPart int) error {
	byURL := make(map[string][][2]string)
	for _, p := range pages {
		if !p.unlisted {
			byURL[p.url] = append(byURL[p.url], [2]string{p.lang, p.loc})
		}
	}
	var list []feed.Page
	for _, p := range pages {
		if p.unlisted {
			continue
		}
		fp := feed.Page{URL: p.loc, Lastmod: p.lastmod}
		if alts := byURL[p.url]; len(alts) > 1 {
			fp.Alternates = alts
		}
		list = append(list, fp)
	}
	return feed.Sitemap(s.Config.BaseURL, list, out, dataPart)
}
