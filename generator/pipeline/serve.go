package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/presos-politicos/briefing/generator/offline"
	"github.com/presos-politicos/briefing/generator/render"
	"github.com/presos-politicos/briefing/generator/site"
)

// Lazy is a site loaded and resolved but not yet drawn, for serve: a file
// is made when it is asked for, from only what it needs, with the same
// functions as generate, so that it has the bytes build writes. A page is
// drawn alone; the search index, feeds, data files, sitemap and _headers
// are made together when the first of them (or a search page) is asked
// for; a data page or an offline archive, which depend on the compressed
// size of every other file of the language, draw the whole site once.
type Lazy struct {
	p        *prepared
	budget   int64 // the most bytes one part of an offline archive may hold
	dataPart int   // see Options.dataPart
	static   *memory
	assets   map[string]render.Asset
	pages    map[string]*render.Page
	ordered  []*render.Page   // every page, in generate's order
	byLang   [][]*render.Page // each language's pages, as p.langs
	names    *files           // every name made so far, to refuse one made twice, as build does

	once  sync.Once
	extra *memory // each language's search index, feeds and data files
	hosts *memory // for hosts, made after the languages: the sitemap, robots.txt, _headers; no archive holds them
	err   error
	drawn sync.Map // drawn pages by path

	planned sync.Once
	spool   *offline.Spool // every file but those for hosts, compressed
	parts   []offline.Part
	planErr error
	zipMu   sync.Mutex
	zips    map[string][]byte // the offline archives made so far, by name
}

// Prepare loads and resolves the site for lazy drawing. cache keeps what
// earlier calls decoded and rendered, so that only changed files are read
// again and only changed Markdown rendered again.
func Prepare(opts Options, cache *Cache) (*Lazy, error) {
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, err
	}
	fsys := os.DirFS(src)
	opts.dir = src
	if err := checkHistoryCache(opts.HistoryCache, src); err != nil {
		return nil, err
	}
	p, err := prepare(fsys, opts, cache)
	if err != nil {
		return nil, err
	}
	static := newMemory()
	assets, err := copyStatic(fsys, static)
	if err != nil {
		return nil, err
	}
	l := &Lazy{p: p, budget: opts.budget(), dataPart: opts.dataPart, static: static, assets: assets, pages: make(map[string]*render.Page), names: newFiles(nil, nil)}
	if err := l.claim(static.names()...); err != nil {
		return nil, err
	}
	for _, ls := range p.langs {
		pages := render.Pages(ls.site, &render.Files{Assets: assets}).All()
		for _, pg := range pages {
			if err := l.claim(pg.Path); err != nil {
				return nil, err
			}
			l.pages[pg.Path] = pg
		}
		l.ordered = append(l.ordered, pages...)
		l.byLang = append(l.byLang, pages)
	}
	return l, nil
}

// Draft reports whether the page at name would be that of a record left
// out as a draft, and names its file.
func (l *Lazy) Draft(name string) (file string, ok bool) {
	file, ok = l.p.drafts[name]
	return file, ok
}

// Pages is the number of pages the site has.
func (l *Lazy) Pages() int { return len(l.pages) }

// File returns a file of the site, making it. ok is false for a file the
// site does not have.
func (l *Lazy) File(name string) (data []byte, ok bool, err error) {
	if data, ok := l.static.get(name); ok {
		return data, true, nil
	}
	if pg, ok := l.pages[name]; ok {
		data, err := l.page(pg)
		return data, err == nil, err
	}
	if offline.IsArchive(name) {
		return l.archive(name)
	}
	if _, err := l.extras(); err != nil {
		return nil, false, err
	}
	if data, ok = l.extra.get(name); ok {
		return data, true, nil
	}
	data, ok = l.hosts.get(name)
	return data, ok, nil
}

// Names lists every file of the site, making the offline archives.
func (l *Lazy) Names() ([]string, error) {
	if err := l.plan(); err != nil {
		return nil, err
	}
	names := slices.Concat(l.static.names(), l.extra.names(), l.hosts.names())
	for n := range l.pages {
		names = append(names, n)
	}
	for _, p := range l.parts {
		names = append(names, p.Name)
	}
	slices.Sort(names)
	return names, nil
}

// claim notes the names of files made, refusing a name made twice (a
// file in static/ that would shadow a page, a feed or the sitemap), as
// build does.
func (l *Lazy) claim(names ...string) error {
	for _, n := range names {
		if err := l.names.note(n, 0); err != nil {
			return err
		}
	}
	return nil
}

// page draws a page, once what it needs is made.
func (l *Lazy) page(pg *render.Page) ([]byte, error) {
	switch pg.Needs {
	case render.NeedsSearchIndex:
		if _, err := l.extras(); err != nil {
			return nil, err
		}
	case render.NeedsArchives:
		if err := l.plan(); err != nil {
			return nil, err
		}
	}
	if d, ok := l.drawn.Load(pg.Path); ok {
		return d.([]byte), nil
	}
	var buf bytes.Buffer
	if err := l.lang(pg.Lang()).renderer.Page(&buf, pg); err != nil {
		return nil, err
	}
	l.drawn.Store(pg.Path, buf.Bytes())
	return buf.Bytes(), nil
}

func (l *Lazy) lang(code string) *langSite {
	for _, ls := range l.p.langs {
		if ls.site.Lang == code {
			return ls
		}
	}
	return nil
}

// extras makes the search indexes, feeds, data files, sitemap and
// _headers, once, and gives the pages what they need of them (supply).
func (l *Lazy) extras() (*memory, error) {
	l.once.Do(func() {
		out := newMemory()
		for i, ls := range l.p.langs {
			index, parts, err := ls.extras(out, l.dataPart)
			if err != nil {
				l.err = err
				return
			}
			supply(l.byLang[i], index, parts)
		}
		l.extra, l.hosts = out, newMemory()
		l.err = sitemap(l.p.langs[0].site, infos(l.ordered), l.hosts, l.dataPart)
		if l.err == nil {
			l.err = headers(l.assets, l.hosts)
		}
		if l.err == nil {
			l.err = l.claim(slices.Concat(l.extra.names(), l.hosts.names())...)
		}
	})
	return l.extra, l.err
}

// plan makes every file but the data pages, spools them, and decides the
// parts of each language's offline archive, which the data pages list,
// once: the first look at a data page or an archive costs a whole build.
func (l *Lazy) plan() error {
	l.planned.Do(func() {
		extra, err := l.extras()
		if err != nil {
			l.planErr = err
			return
		}
		spool := offline.NewMemorySpool()
		add := func(name string, data []byte) {
			if err == nil {
				err = spool.Add(name, data)
			}
		}
		static := make(recorder)
		for _, n := range l.static.names() {
			d, _ := l.static.get(n)
			add(n, d)
			static[n] = true
		}
		var dataPages []*render.Page
		for _, pg := range l.ordered {
			if pg.Needs == render.NeedsArchives {
				dataPages = append(dataPages, pg)
				continue
			}
			d, perr := l.page(pg)
			if perr != nil {
				l.planErr = perr
				return
			}
			add(pg.Path, d)
		}
		for _, n := range extra.names() {
			d, _ := extra.get(n)
			add(n, d)
		}
		if err != nil {
			l.planErr = err
			return
		}
		cfg := l.p.langs[0].site.Config
		for _, pg := range dataPages {
			parts, err := offline.ForLanguage(spool, cfg, pg.Lang(), static, pg, l.budget)
			if err != nil {
				l.planErr = err
				return
			}
			l.parts = append(l.parts, parts...)
			for _, part := range parts {
				if err := l.claim(part.Name); err != nil {
					l.planErr = err
					return
				}
			}
		}
		for _, pg := range dataPages {
			var buf bytes.Buffer
			if err := l.lang(pg.Lang()).renderer.Page(&buf, pg); err != nil {
				l.planErr = err
				return
			}
			l.drawn.Store(pg.Path, buf.Bytes())
			add(pg.Path, buf.Bytes())
		}
		l.spool, l.planErr = spool, err
	})
	return l.planErr
}

// archive makes one part of an offline archive.
func (l *Lazy) archive(name string) ([]byte, bool, error) {
	if err := l.plan(); err != nil {
		return nil, false, err
	}
	l.zipMu.Lock()
	defer l.zipMu.Unlock()
	if data, ok := l.zips[name]; ok {
		return data, true, nil
	}
	for _, p := range l.parts {
		if p.Name != name {
			continue
		}
		var buf bytes.Buffer
		if _, err := l.spool.Write(&buf, p, l.p.langs[0].site.Updated.First()); err != nil {
			return nil, false, err
		}
		if l.zips == nil {
			l.zips = make(map[string][]byte)
		}
		l.zips[name] = buf.Bytes()
		return buf.Bytes(), true, nil
	}
	return nil, false, nil
}

// memory keeps files in memory, for serve; safe for concurrent use.
type memory struct {
	mu sync.Mutex
	m  map[string][]byte
}

func newMemory() *memory { return &memory{m: make(map[string][]byte)} }

func (m *memory) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[name] = bytes.Clone(data)
	return nil
}

func (m *memory) get(name string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	d, ok := m.m[name]
	return d, ok
}

func (m *memory) names() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]string, 0, len(m.m))
	for n := range m.m {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

var _ site.Output = (*memory)(nil)
