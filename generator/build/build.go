package build

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/feed"
	"github.com/presos-politicos/briefing/generator/history"
	"github.com/presos-politicos/briefing/generator/host"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/render"
	"github.com/presos-politicos/briefing/generator/search"
	"github.com/presos-politicos/briefing/generator/site"
)

// Options say what to build and where.
type Options struct {
	Src     string // the site folder: site.toml, content/, templates/, static/
	Out     string // the output folder; "" means site.toml's output, inside Src
	Drafts  bool   // include records marked draft = true
	BaseURL string // overrides site.toml's baseURL when not ""
	Host    string // the host whose limits the output must fit, overriding site.toml's host

	// Hosts is the table of hosts' limits Host is looked up in; nil means
	// host.Documented. Tests give smaller limits.
	Hosts []host.Host

	// dir is the site folder on disk, whose git history gives the records'
	// changes; "" for a site in memory, which has none.
	dir string

	// boundMemory bounds the collector's memory by what the loaded site
	// needs (see boundMemory); Build sets it, since its output keeps
	// nothing in memory.
	boundMemory bool

	// archivePart is the most bytes one part of an offline archive may
	// hold; 0 means MaxFileBytes. Tests make it small.
	archivePart int64

	// dataPart is the most bytes a data file holds before it is split;
	// 0 means feed.PartBytes. Tests make it small.
	dataPart int
}

// Result describes a finished build.
type Result struct {
	Out    string // the output folder
	Target string // the folder Out is a symbolic link to, written in its place; "" when Out is no link
	Pages  int    // HTML pages written
	Files  int    // files written, pages included
	Bytes  int64  // bytes written
	// Note says why the site was built without its history of changes (no
	// git, a shallow clone); "" when it has it.
	Note string

	// Host is the host the output was measured against, or "".
	Host string
	// Warnings name each of the host's limits the output is near.
	Warnings []string
}

// Marker is the file every output folder holds, so that a build only ever
// replaces a folder it made itself.
const Marker = ".briefing-output"

// generate loads, resolves and renders the site in fsys to out, in every
// language, with its static files, search indexes, feeds and data files.
// Every content, template and translation problem is reported at once.
//
// The languages are resolved and drawn one after the other, the default
// last, and each is let go once drawn, so that a build holds one
// language's site at a time. When the content or a language has a
// problem, every language is resolved, so that all problems are reported
// together; a language resolved without one has nothing to add.
//
// It returns the site in the default language, and a note when the site
// was built without its history (readHistory).
func generate(fsys fs.FS, opts Options, out render.Output) (*site.Site, string, error) {
	readHistory := startHistory(opts.dir)
	set, errs := load(fsys, opts, nil)
	if set == nil || len(errs) > 0 {
		readHistory(nil)
		_, err := resolveAll(fsys, set, nil, nil, errs)
		return nil, "", err
	}
	hist, note := readHistory(set)
	langs := set.Config.Languages
	order := append(slices.Clone(langs[1:]), langs[0]) // the default last: its site is returned
	var assets map[string]render.Asset
	static := make(recorder)
	budget := opts.archivePart
	if budget == 0 {
		budget = MaxFileBytes
	}
	byLang := make(map[string][]pageInfo)
	var dicts []*i18n.Dict
	var last *site.Site
	for i, lang := range order {
		l, lerrs := resolve(fsys, set, lang.Code, nil, hist)
		if len(lerrs) > 0 {
			_, err := resolveAll(fsys, set, nil, hist, nil)
			return nil, "", err
		}
		l.dataPart = opts.dataPart
		if i == 0 {
			if opts.boundMemory {
				defer boundMemory()()
			}
			var err error
			if assets, err = copyStatic(fsys, recording{out, static}); err != nil {
				return nil, "", err
			}
		}
		// The data page names the parts of the language's offline
		// archive: they are decided once the rest is drawn.
		var plan func(*render.Page) error
		if a, ok := out.(archiver); ok {
			plan = func(data *render.Page) error {
				parts, err := planLanguage(a.compressedSizes(), set.Config, lang.Code, static, data, budget)
				a.addArchive(parts)
				return err
			}
		}
		pages, err := l.render(assets, out, plan)
		if err != nil {
			return nil, "", err
		}
		byLang[lang.Code] = infos(pages)
		dicts = append(dicts, l.words)
		last = l.site
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
	if err := sitemap(last, all, out); err != nil {
		return nil, "", err
	}
	if err := headers(assets, out); err != nil {
		return nil, "", err
	}
	return last, note, nil
}

// prepared is a site loaded and resolved in each of its languages, the
// default first, with its templates parsed: what every output is made from.
type prepared struct {
	langs []*langSite
	// drafts are the files of the records left out as drafts, by the path
	// their page would have, in every language.
	drafts map[string]string
}

// langSite is the site in one language.
type langSite struct {
	site     *site.Site
	renderer *render.Renderer
	words    *i18n.Dict
	dataPart int // see Options.dataPart
}

// A Cache keeps what one build decoded and rendered for the next: the
// records of unchanged files, and Markdown whose text and links are
// unchanged. serve keeps one across its rebuilds.
type Cache struct {
	content content.Cache
	site    site.Cache

	// The records' history is read once, by the first build, and kept:
	// serve does not read git again at every save.
	historyRead bool
	history     *history.History
	historyNote string
}

// prepare loads and resolves the site in each language and parses its
// templates, reporting every problem at once. cache, when not nil, keeps
// what was decoded and rendered between calls.
func prepare(fsys fs.FS, opts Options, cache *Cache) (*prepared, error) {
	var sc *site.Cache
	if cache != nil {
		sc = &cache.site
	}
	set, errs := load(fsys, opts, cache)
	var hist *history.History
	if set != nil && len(errs) == 0 {
		if cache == nil {
			hist, _ = readHistory(opts.dir, set)
		} else {
			if !cache.historyRead {
				cache.history, cache.historyNote = readHistory(opts.dir, set)
				cache.historyRead = true
			}
			hist = cache.history
		}
	}
	return resolveAll(fsys, set, sc, hist, errs)
}

// load reads the content. The set is nil when nothing can be built.
func load(fsys fs.FS, opts Options, cache *Cache) (*content.Set, []error) {
	var cc *content.Cache
	if cache != nil {
		cc = &cache.content
	}
	set, err := cc.Load(fsys, content.Options{Drafts: opts.Drafts})
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	if set != nil && opts.BaseURL != "" {
		set.Config.BaseURL = strings.TrimSuffix(opts.BaseURL, "/") + "/"
	}
	return set, errs
}

// resolveAll resolves the site in every language, adding their problems
// to errs, and reports them all.
func resolveAll(fsys fs.FS, set *content.Set, sc *site.Cache, hist *history.History, errs []error) (*prepared, error) {
	if set == nil {
		return nil, mergeErrors(errs)
	}
	p := &prepared{drafts: draftPages(set)}
	for _, lang := range set.Config.Languages {
		l, lerrs := resolve(fsys, set, lang.Code, sc, hist)
		errs = append(errs, lerrs...)
		if l != nil {
			p.langs = append(p.langs, l)
		}
	}
	sc.Prune()
	if len(errs) > 0 {
		return nil, mergeErrors(errs)
	}
	return p, nil
}

// draftPages maps the page each draft would have, in every language, to
// its file. An event has no page of its own.
func draftPages(set *content.Set) map[string]string {
	out := make(map[string]string)
	for kind, slugs := range set.Drafts {
		for slug, file := range slugs {
			var page string
			switch kind {
			case content.KindEvent, content.KindCount:
				continue // no page of its own
			case content.KindPage:
				page = slug + "/index.html"
			default:
				page = kind.Dir() + "/" + slug + "/index.html"
			}
			for _, l := range set.Config.Languages {
				out[set.Config.Prefix(l.Code)+page] = file
			}
		}
	}
	return out
}

// resolve resolves the site in one language and parses its templates.
func resolve(fsys fs.FS, set *content.Set, lang string, sc *site.Cache, hist *history.History) (*langSite, []error) {
	words, err := i18n.Load(fsys, lang)
	if err != nil {
		return nil, []error{err}
	}
	var errs []error
	s, err := site.NewCached(set.In(lang), words, sc, hist)
	if err != nil {
		errs = append(errs, err)
	}
	r, err := render.New(fsys, words)
	if err != nil {
		errs = append(errs, err)
	}
	return &langSite{site: s, renderer: r, words: words}, errs
}

// prefixed writes under a language's folder.
type prefixed struct {
	out    render.Output
	prefix string
}

func (p prefixed) WriteFile(name string, data []byte) error {
	return p.out.WriteFile(p.prefix+name, data)
}

// render writes the language's pages, and meanwhile its search index,
// feeds and data files: the search page, which links the index, is drawn
// after them, and the data page, which lists the parts of the offline
// archive, last, once plan (when not nil) has decided them. It returns
// the pages, for the sitemap.
func (l *langSite) render(assets map[string]render.Asset, out render.Output, plan func(data *render.Page) error) ([]*render.Page, error) {
	pages := render.Pages(l.site, &render.Files{Assets: assets})
	var search, data, rest []*render.Page
	for _, pg := range pages {
		switch pg.Template {
		case "search.html":
			search = append(search, pg)
		case "data.html":
			data = append(data, pg)
		default:
			rest = append(rest, pg)
		}
	}
	var (
		index     render.SearchIndex
		dataParts feed.Parts
		extrasErr error
		done      = make(chan struct{})
	)
	go func() {
		defer close(done)
		index, dataParts, extrasErr = l.extras(out)
	}()
	err := l.renderer.Render(rest, out)
	<-done
	if err != nil || extrasErr != nil {
		return nil, errors.Join(err, extrasErr)
	}
	for _, pg := range search {
		pg.Search = index
	}
	if err := l.renderer.Render(search, out); err != nil {
		return nil, err
	}
	for _, pg := range data {
		pg.DataParts = dataParts
		if plan != nil {
			if err := plan(pg); err != nil {
				return nil, err
			}
		}
	}
	return pages, l.renderer.Render(data, out)
}

// recorder notes the names of the files written through a recording.
type recorder map[string]bool

// recording writes to out and notes each name; not for concurrent use.
type recording struct {
	out   render.Output
	names recorder
}

func (r recording) WriteFile(name string, data []byte) error {
	r.names[name] = true
	return r.out.WriteFile(name, data)
}

// extras writes the language's search index, feeds and data files, and
// returns where the search page finds the index and the parts of the data
// files too large for one file, which the data page lists.
func (l *langSite) extras(out render.Output) (render.SearchIndex, feed.Parts, error) {
	out = prefixed{out, l.site.Config.Prefix(l.site.Lang)}
	meta, err := search.Build(l.site).Write(out)
	if err != nil {
		return render.SearchIndex{}, nil, err
	}
	parts, err := feed.Write(l.site, out, l.dataPart)
	if err != nil {
		return render.SearchIndex{}, nil, err
	}
	return render.SearchIndex{Dir: meta.Dir, Keys: meta.Keys, NearFiles: meta.NearFiles, Kinds: meta.Kinds, ChunkSize: meta.ChunkSize}, parts, nil
}

// pageInfo is what the sitemap needs of a page, so that a language's
// pages can be let go once drawn.
type pageInfo struct {
	template, url, lang, path string
	updated                   content.Date
}

func infos(pages []*render.Page) []pageInfo {
	out := make([]pageInfo, len(pages))
	for i, p := range pages {
		out[i] = pageInfo{p.Template, p.URL, p.Lang(), p.Path, p.Updated}
	}
	return out
}

// sitemap writes the sitemap of the pages of every language, each with
// its alternates, and robots.txt.
func sitemap(s *site.Site, pages []pageInfo, out render.Output) error {
	byURL := make(map[string][][2]string)
	for _, p := range pages {
		if p.template != "404.html" {
			byURL[p.url] = append(byURL[p.url], [2]string{p.lang, strings.TrimSuffix(p.path, "index.html")})
		}
	}
	var list []feed.Page
	for _, p := range pages {
		if p.template == "404.html" {
			continue
		}
		fp := feed.Page{URL: strings.TrimSuffix(p.path, "index.html"), Lastmod: p.updated.Datetime()}
		if alts := byURL[p.url]; len(alts) > 1 {
			fp.Alternates = alts
		}
		list = append(list, fp)
	}
	return feed.Sitemap(s.Config.BaseURL, list, out)
}

// mergeErrors joins content errors into one sorted list, keeping other
// errors (templates, output) after them, each once: every language parses
// the same templates, and one broken template is one mistake.
func mergeErrors(errs []error) error {
	var list content.ErrorList
	var other []error
	seen := make(map[string]bool)
	for _, err := range errs {
		var es content.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				list.Add(e)
			}
			continue
		}
		if !seen[err.Error()] {
			seen[err.Error()] = true
			other = append(other, err)
		}
	}
	if err := list.Err(); err != nil {
		other = append([]error{err}, other...)
	}
	return errors.Join(other...)
}

// StaticDir is the folder of files copied as they are.
const StaticDir = "static"

// copyStatic copies static/ to the top of the site and lists its files by
// name. CSS and JavaScript files get a hash of their content in their
// name, so that hosts can cache them forever; other files keep theirs.
func copyStatic(fsys fs.FS, out render.Output) (map[string]render.Asset, error) {
	assets := make(map[string]render.Asset)
	err := fs.WalkDir(fsys, StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 || !d.Type().IsRegular() {
			return fmt.Errorf("%s: only regular files are copied; replace the link with the file", p)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, StaticDir+"/")
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(data)
			a := render.Asset{Path: strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext}
			assets[name] = a
			name = a.Path
		} else {
			assets[name] = render.Asset{Path: name}
		}
		return out.WriteFile(name, data)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return assets, nil
	}
	return assets, err
}

// Build builds the site into a fresh folder beside the output folder and
// swaps it in only when the whole build succeeded: a failed build leaves the
// previous output as it was.
func Build(opts Options) (*Result, error) { return BuildContext(context.Background(), opts) }

// BuildContext is Build, stopped when ctx is done: the build returns the
// context's error, removes its temporary folder and leaves the previous
// output as it was. main cancels it on SIGINT and SIGTERM.
func BuildContext(ctx context.Context, opts Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, err
	}
	fsys := os.DirFS(src)
	given, err := outputDir(fsys, src, opts.Out)
	if err != nil {
		return nil, err
	}
	outDir, err := followLink(given)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	if err := safeOutput(src, outDir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(outDir), 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(outDir), "."+filepath.Base(outDir)+".new-")
	if err != nil {
		return nil, fmt.Errorf("cannot make the new site's folder beside %s: %w; a build writes beside the output folder and swaps it in, so that folder's parent must be writable", outDir, err)
	}
	defer os.RemoveAll(tmp) // gone after a successful swap; the leftovers otherwise
	if err := writeFile(filepath.Join(tmp, Marker), []byte(buildingMarker(os.Getpid()))); err != nil {
		return nil, err
	}
	removeLeftovers(outDir)
	spool, err := newZipSpool(filepath.Join(tmp, ".offline-zip-spool"))
	if err != nil {
		return nil, err
	}
	defer spool.f.Close()
	d := newDir(tmp)
	d.spool = spool
	d.ctx = ctx
	if _, err := os.Stat(filepath.Join(outDir, Marker)); err == nil {
		d.prev = outDir // safeOutput made sure it is ours
	}
	opts.boundMemory = true
	opts.dir = src
	s, note, err := generate(fsys, opts, d)
	if err != nil {
		return nil, err
	}
	d.spool = nil
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := writeArchives(tmp, spool, d, s.Updated.First()); err != nil {
		return nil, err
	}
	if err := d.WriteFile(Marker, []byte(markerText)); err != nil {
		return nil, err
	}
	res := &Result{Out: given, Files: len(d.sizes), Bytes: d.bytes, Note: note}
	if outDir != given {
		res.Target = outDir
	}
	for n := range d.sizes {
		if path.Ext(n) == ".html" {
			res.Pages++
		}
	}
	if err := fitHost(opts, s.Config.Host, d.sizes, res); err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := swap(tmp, outDir); err != nil {
		return nil, err
	}
	return res, nil
}

// outputDir resolves the output folder: the one given, or site.toml's
// output inside the site folder.
func outputDir(fsys fs.FS, src, out string) (string, error) {
	if out == "" {
		cfg, err := content.LoadConfig(fsys)
		if err != nil {
			return "", err
		}
		out = cfg.Output
		if !filepath.IsAbs(out) {
			out = filepath.Join(src, out)
		}
	}
	return filepath.Abs(out)
}

// followLink returns the folder that out names: out itself, or, when out
// is a symbolic link (public linked to the folder a web server serves),
// the folder it leads to. The build swaps that folder, so readers are
// served the new site; replacing the link would leave the old one live,
// unpublished records included.
func followLink(out string) (string, error) {
	info, err := os.Lstat(out)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return out, nil
	}
	target, err := filepath.EvalSymlinks(out)
	if err != nil {
		dest, _ := os.Readlink(out)
		return "", fmt.Errorf("output folder %s is a symbolic link to %s, which does not exist; create that folder, or remove the link", out, dest)
	}
	if info, err := os.Stat(target); err != nil || !info.IsDir() {
		return "", fmt.Errorf("output folder %s is a symbolic link to %s, which is not a folder; point the link at a folder, or remove it", out, target)
	}
	return target, nil
}

// safeOutput refuses an output folder that would destroy something the
// build did not make: the site folder, one of its parents, or a folder that
// holds files but no Marker.
func safeOutput(src, out string) error {
	rel, err := filepath.Rel(out, src)
	if err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("output folder %s holds the site's own files; choose another with -out", out)
	}
	for _, d := range []string{"content", "templates", "static"} {
		if r, err := filepath.Rel(filepath.Join(src, d), out); err == nil && !strings.HasPrefix(r, "..") {
			return fmt.Errorf("output folder %s is inside the site's %s/ folder; choose another with -out", out, d)
		}
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("output folder %s holds files this program did not write (no %s in it); empty or remove it, or choose another with -out", out, Marker)
	}
	return nil
}

// swap puts the new folder in place of the old in two renames, then removes
// the old one.
func swap(fresh, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".old-")
		if err != nil {
			return err
		}
		old = filepath.Join(o, "site")
		if err := os.Rename(out, old); err != nil {
			os.Remove(o)
			return err
		}
		defer os.RemoveAll(o)
	}
	if err := os.Rename(fresh, out); err != nil {
		if old != "" {
			os.Rename(old, out) // put the previous site back
		}
		return err
	}
	return nil
}
