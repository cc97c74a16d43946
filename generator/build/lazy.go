package build

import (
	"bytes"
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
	pages     map[string]*render.Page
	renderers map[string]*render.Renderer // by language

	once   sync.Once
	extra  *files // search index, feeds, data files, sitemap
	err    error
	drawn  sync.Map // rendered pages by path
	zipped []byte
	zipMu  sync.Mutex
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
	l := &Lazy{p: p, static: static, pages: make(map[string]*render.Page), renderers: make(map[string]*render.Renderer)}
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
			index, err := ls.extras(out)
			if err != nil {
				l.err = err
				return
			}
			for _, pg := range l.pages {
				if pg.Template == "search.html" && pg.Site == ls.site {
					pg.Search = index
				}
			}
		}
		var pages []*render.Page
		for _, pg := range l.pages {
			pages = append(pages, pg)
		}
		sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
		l.err = sitemap(l.p.langs[0].site, infos(pages), out)
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
	if name == OfflineZip {
		return l.zip()
	}
	extra, err := l.extras()
	if err != nil {
		return nil, false, err
	}
	data, ok = extra.m[name]
	return data, ok, nil
}

// zip makes the offline archive from every file of the site.
func (l *Lazy) zip() ([]byte, bool, error) {
	l.zipMu.Lock()
	defer l.zipMu.Unlock()
	if l.zipped != nil {
		return l.zipped, true, nil
	}
	all := &Memory{Files: make(map[string][]byte), Site: l.p.langs[0].site}
	for name := range l.pages {
		data, _, err := l.File(name)
		if err != nil {
			return nil, false, err
		}
		all.Files[name] = data
	}
	extra, err := l.extras()
	if err != nil {
		return nil, false, err
	}
	for n, d := range extra.m {
		all.Files[n] = d
	}
	for n, d := range l.static.m {
		all.Files[n] = d
	}
	z, err := all.Zip()
	l.zipped = z
	return z, err == nil, err
}

// Pages is the number of pages the site has.
func (l *Lazy) Pages() int { return len(l.pages) }
