package build

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/presos-politicos/briefing/generator/render"
)

// Lazy is a site loaded and resolved but not yet drawn: a page is rendered
// when it is asked for, and the search index, feeds and data files when
// the first of them is. It is what serve rebuilds after every save, so that
// a rebuild costs loading and resolving, not drawing every page.
type Lazy struct {
	p         *prepared
	static    *files // static files, fingerprinted
	assets    map[string]render.Asset
	pages     map[string]*render.Page
	renderers map[string]*render.Renderer // by language

	once  sync.Once
	extra *files // search index, feeds, data files, sitemap
	err   error
	drawn sync.Map // rendered pages by path

	planned  sync.Once
	all      map[string][]byte // every file but the data pages, once planned
	parts    []archivePart
	planErr  error
	zipMu    sync.Mutex
	archives map[string][]byte // the offline archives made so far, by name
}

// Prepare loads and resolves the site for lazy rendering. cache keeps what
// earlier calls decoded and rendered, so that only changed files are read
// again and only changed Markdown rendered again.
func Prepare(opts Options, cache *Cache) (*Lazy, error) {
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, err
	}
	fsys := os.DirFS(src)
	opts.dir = src
	p, err := prepare(fsys, opts, cache)
	if err != nil {
		return nil, err
	}
	static := newFiles()
	assets, err := copyStatic(fsys, static)
	if err != nil {
		return nil, err
	}
	l := &Lazy{p: p, static: static, assets: assets, pages: make(map[string]*render.Page), renderers: make(map[string]*render.Renderer)}
	// The pages link the assets at once; the search page also needs the
	// index, which it waits for (see File).
	for _, ls := range p.langs {
		l.renderers[ls.site.Lang] = ls.renderer
		for _, pg := range render.Pages(ls.site, &render.Files{Assets: assets}) {
			l.pages[pg.Path] = pg
		}
	}
	return l, nil
}

// Draft reports whether the page at name would be that of a record left
// out as a draft, and names its file.
func (l *Lazy) Draft(name string) (file string, ok bool) {
	file, ok = l.p.drafts[name]
	return file, ok
}

// extras makes the search index, feeds, data files and sitemap, once.
func (l *Lazy) extras() (*files, error) {
	l.once.Do(func() {
		out := newFiles()
		for _, ls := range l.p.langs {
			index, parts, err := ls.extras(out)
			if err != nil {
				l.err = err
				return
			}
			for _, pg := range l.pages {
				switch {
				case pg.Site != ls.site:
				case pg.Template == "search.html":
					pg.Search = index
				case pg.Template == "data.html":
					pg.DataParts = parts
				}
			}
		}
		var pages []*render.Page
		for _, pg := range l.pages {
			pages = append(pages, pg)
		}
		sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
		l.err = errors.Join(sitemap(l.p.langs[0].site, infos(pages), out), headers(l.assets, out))
		l.extra = out
	})
	return l.extra, l.err
}

// File returns a file of the site, drawing it if it is a page. ok is false
// for a file the site does not have.
func (l *Lazy) File(name string) (data []byte, ok bool, err error) {
	if data, ok := l.static.m[name]; ok {
		return data, true, nil
	}
	if pg, ok := l.pages[name]; ok {
		if pg.Template == "search.html" {
			if _, err := l.extras(); err != nil {
				return nil, false, err
			}
		}
		if pg.Template == "data.html" {
			if err := l.plan(); err != nil {
				return nil, false, err
			}
		}
		if d, ok := l.drawn.Load(name); ok {
			return d.([]byte), true, nil
		}
		var buf bytes.Buffer
		if err := l.renderers[pg.Lang()].Page(&buf, pg); err != nil {
			return nil, false, err
		}
		l.drawn.Store(name, buf.Bytes())
		return buf.Bytes(), true, nil
	}
	if isArchive(name) {
		return l.archive(name)
	}
	extra, err := l.extras()
	if err != nil {
		return nil, false, err
	}
	data, ok = extra.m[name]
	return data, ok, nil
}

// plan draws every page but the data pages and decides the parts of each
// language's offline archive, which the data pages list, once: the first
// look at a data page or an archive costs a whole build.
func (l *Lazy) plan() error {
	l.planned.Do(func() {
		all := make(map[string][]byte)
		var dataPages []*render.Page
		for name, pg := range l.pages {
			if pg.Template == "404.html" {
				continue
			}
			if pg.Template == "data.html" {
				dataPages = append(dataPages, pg)
				continue
			}
			data, _, err := l.File(name)
			if err != nil {
				l.planErr = err
				return
			}
			all[name] = data
		}
		extra, err := l.extras()
		if err != nil {
			l.planErr = err
			return
		}
		for n, d := range extra.m {
			if n != "sitemap.xml" && n != "robots.txt" && n != HeadersFile {
				all[n] = d
			}
		}
		static := make(map[string]bool)
		for n, d := range l.static.m {
			all[n] = d
			static[n] = true
		}
		sizes := (&files{m: all}).compressedSizes()
		cfg := l.p.langs[0].site.Config
		for _, pg := range dataPages {
			parts, err := planLanguage(sizes, cfg, pg.Lang(), static, pg, MaxFileBytes)
			if err != nil {
				l.planErr = err
				return
			}
			l.parts = append(l.parts, parts...)
		}
		l.all = all
	})
	return l.planErr
}

// archive makes one part of an offline archive, from every file of the
// site.
func (l *Lazy) archive(name string) ([]byte, bool, error) {
	if err := l.plan(); err != nil {
		return nil, false, err
	}
	l.zipMu.Lock()
	defer l.zipMu.Unlock()
	if data, ok := l.archives[name]; ok {
		return data, true, nil
	}
	for _, p := range l.parts {
		if p.Name != name {
			continue
		}
		var buf bytes.Buffer
		err := writeZip(&buf, p.folder, p.files, func(n string) ([]byte, error) {
			if data, ok := l.all[n]; ok {
				return data, nil
			}
			data, _, err := l.File(n) // a data page
			return data, err
		}, l.p.langs[0].site.Updated.First())
		if err != nil {
			return nil, false, err
		}
		if l.archives == nil {
			l.archives = make(map[string][]byte)
		}
		l.archives[name] = buf.Bytes()
		return buf.Bytes(), true, nil
	}
	return nil, false, nil
}

// Pages is the number of pages the site has.
func (l *Lazy) Pages() int { return len(l.pages) }
