package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/internal/parallel"
)

// MaxFileSize is the largest content file accepted. A record is a few
// kilobytes; anything near this is a mistake such as a pasted PDF.
const MaxFileSize = 1 << 20

// Options change what Load keeps.
type Options struct {
	Drafts bool // keep records marked draft = true
	// Today bounds the dates of a site whose site.toml gives no [figures]
	// as_of: none may be more than a year after it. Zero means the day
	// Load runs.
	Today Date
}

// A Set is every published record of a site, each kind sorted by slug.
type Set struct {
	Config     *Config
	Briefs     []*Brief
	Pages      []*Page
	Prisoners  []*Prisoner
	Statements []*Statement
	Sites      []*Site
	Events     []*Event
	Counts     []*Count

	// Lang is the language of the set's pages; Translations holds the
	// translated records, by language, kind and slug.
	Lang         string
	Translations map[string]map[Kind]map[string]interface{ Meta() *Record }

	// Withheld says why a record that exists is not published ("publish =
	// false", "draft = true"), by kind and slug, so that a reference to it
	// fails with that reason instead of leaking it or reading as a typo.
	Withheld map[Kind]map[string]string

	// Static is the files under static/, by their path inside it, sorted:
	// what a Markdown image may show.
	Static []string

	// Broken names the records whose file could not be read or parsed, by
	// kind and slug, with the file: the record exists, so a reference to it
	// is no mistake of its own, and the file's problem, reported once at
	// the file, is the one to fix.
	Broken map[Kind]map[string]string

	// Drafts names the records left out as drafts (without
	// Options.Drafts), by kind and slug, with the file: serve says so on
	// their pages.
	Drafts map[Kind]map[string]string
}

// Load reads site.toml and every record under content/ in fsys, in
// parallel, and returns the published ones. The error, if any, is an Errors
// listing every problem found.
func Load(fsys fs.FS, opts Options) (*Set, error) { return load(fsys, opts, nil) }

// A Cache keeps the records decoded by its Load, so that the next Load
// decodes only the files that changed (by size and modification time):
// serve's rebuilds. Records are never changed once decoded, so a cached
// record may be shared between two sets.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cached
	seen    map[string]bool // files this load looked at
}

// prune forgets the files the last load did not look at: deleted ones.
func (c *Cache) prune() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.entries {
		if !c.seen[p] {
			delete(c.entries, p)
		}
	}
	c.seen = nil
}

type cached struct {
	size    int64
	mod     time.Time
	asOf    Date // the bound its dates were checked against
	rec     interface{ Meta() *Record }
	publish bool
	ok      bool
	errs    []*Error
}

// Load is Load, reusing what earlier loads decoded of unchanged files.
func (c *Cache) Load(fsys fs.FS, opts Options) (*Set, error) { return load(fsys, opts, c) }

func (c *Cache) get(path string, info fs.FileInfo, asOf Date) (cached, bool) {
	if c == nil {
		return cached{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen == nil {
		c.seen = make(map[string]bool)
	}
	c.seen[path] = true
	e, ok := c.entries[path]
	return e, ok && e.size == info.Size() && e.mod.Equal(info.ModTime()) && e.asOf == asOf
}

func (c *Cache) put(path string, e cached) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[string]cached)
	}
	c.entries[path] = e
}

func load(fsys fs.FS, opts Options, cache *Cache) (*Set, error) {
	defer cache.prune()
	var errs ErrorList
	static := checkFolders(fsys, &errs)
	if err := NoLink(fsys, ConfigFile); err != nil {
		return nil, errs.Err() // never read through a link
	}
	cfg, err := LoadConfig(fsys)
	if err != nil {
		var es Errors
		if !errors.As(err, &es) {
			return nil, err
		}
		for _, e := range es {
			errs.Add(e)
		}
	}
	if cfg == nil {
		return nil, errs.Err()
	}
	files, err := contentFiles(fsys, cfg, &errs)
	if err != nil {
		return nil, err
	}
	asOf := cfg.AsOf
	if asOf.IsZero() {
		asOf = opts.Today
	}
	if asOf.IsZero() {
		asOf = DateOf(time.Now())
	}
	for i := range files {
		files[i].asOf = asOf
	}
	s := &Set{Config: cfg, Static: static, Withheld: make(map[Kind]map[string]string)}
	// Duplicates are found in file order, before loading, so that the
	// message names the same first file on every run.
	slugs := make(map[Kind]map[string]string) // slug -> file
	var originals, translations []contentFile
	var dup []bool // by index in originals
	for _, cf := range files {
		if cf.lang != "" {
			translations = append(translations, cf)
			continue
		}
		if slugs[cf.kind] == nil {
			slugs[cf.kind] = make(map[string]string)
		}
		other, seen := slugs[cf.kind][cf.slug]
		if !seen {
			slugs[cf.kind][cf.slug] = cf.path
		}
		originals = append(originals, cf)
		dup = append(dup, seen)
		if seen {
			errs.Addf(Pos{File: cf.path}, "%s %q is also defined in %s; a slug names one record of its kind", cf.kind, cf.slug, other)
		}
	}
	var mu sync.Mutex // guards s
	parallel.Do(len(originals), func(i int) error {
		cf := originals[i]
		rec, publish, ok := loadCached(fsys, cf, &errs, cache)
		if dup[i] {
			return nil
		}
		mu.Lock()
		defer mu.Unlock()
		switch {
		case !ok:
			s.Broken = mark(s.Broken, cf.kind, cf.slug, cf.path)
		case !publish:
			s.withhold(cf.kind, cf.slug, "publish = false")
		case rec.Meta().Draft && !opts.Drafts:
			s.withhold(cf.kind, cf.slug, "draft = true")
			s.Drafts = mark(s.Drafts, cf.kind, cf.slug, cf.path)
		default:
			s.add(rec)
		}
		return nil
	})
	s.sort()
	s.Lang = cfg.Language
	for _, r := range s.Records() {
		r.Meta().Lang = cfg.Language
	}
	for _, cf := range translations {
		s.translate(fsys, cf, slugs[cf.kind][cf.slug], &errs)
	}
	return s, errs.Err()
}

// Records lists every record of the set, kind by kind: briefs, pages,
// prisoners, statements, sites, events and counts.
func (s *Set) Records() []interface{ Meta() *Record } {
	var out []interface{ Meta() *Record }
	for _, list := range [][]interface{ Meta() *Record }{recs(s.Briefs), recs(s.Pages), recs(s.Prisoners), recs(s.Statements), recs(s.Sites), recs(s.Events), recs(s.Counts)} {
		out = append(out, list...)
	}
	return out
}

func recs[T interface{ Meta() *Record }](list []T) []interface{ Meta() *Record } {
	out := make([]interface{ Meta() *Record }, len(list))
	for i, v := range list {
		out[i] = v
	}
	return out
}

// untranslatable are the keys a translation may not set: what is published
// is decided in the original.
var untranslatable = []string{"publish", "draft", "anonymous", "private"}

// translate loads a translation: the original's fields, with those the
// translation sets in their place, decoded as one record in its language.
func (s *Set) translate(fsys fs.FS, cf contentFile, original string, errs *ErrorList) {
	if original == "" {
		errs.Addf(Pos{File: cf.path}, "a translation of %s, which does not exist; name the file after the original's slug", path.Base(strings.Replace(cf.path, "."+cf.lang+".", ".", 1)))
		return
	}
	if _, withheld := s.Withheld[cf.kind][cf.slug]; withheld {
		return // never published, in any language
	}
	if _, broken := s.Broken[cf.kind][cf.slug]; broken {
		// Only the translation's own parse errors: the rest waits for the
		// original to parse.
		if info, err := fs.Stat(fsys, cf.path); err == nil {
			readFile(fsys, cf, info, errs)
		}
		return
	}
	info, err := fs.Stat(fsys, original)
	if err != nil {
		errs.AddStagef(Parse, Pos{File: original}, "%s", Unreadable(err))
		return
	}
	fo, ro, ok := readFile(fsys, contentFile{kind: cf.kind, slug: cf.slug, path: original, asOf: cf.asOf}, info, errs)
	if !ok {
		return
	}
	if info, err = fs.Stat(fsys, cf.path); err != nil {
		errs.AddStagef(Parse, Pos{File: cf.path}, "%s", Unreadable(err))
		return
	}
	ft, rt, ok := readFile(fsys, cf, info, errs)
	if !ok {
		return
	}
	rec := mergeTranslation(fo, ro, ft, rt, cf, original, errs)
	if s.Translations == nil {
		s.Translations = make(map[string]map[Kind]map[string]interface{ Meta() *Record })
	}
	if s.Translations[cf.lang] == nil {
		s.Translations[cf.lang] = make(map[Kind]map[string]interface{ Meta() *Record })
	}
	if s.Translations[cf.lang][cf.kind] == nil {
		s.Translations[cf.lang][cf.kind] = make(map[string]interface{ Meta() *Record })
	}
	s.Translations[cf.lang][cf.kind][cf.slug] = rec
}

// mergeTranslation decodes a translation: the original's fields (fo, ro),
// with those the translation (ft, rt) sets in their place, as one record in
// the translation's language.
func mergeTranslation(fo *fields, ro Record, ft *fields, rt Record, cf contentFile, original string, errs *ErrorList) interface{ Meta() *Record } {
	for _, k := range untranslatable {
		if _, set := ft.m[k]; set {
			ft.errorf(k, "%s cannot be translated; set it in the original, %s", k, original)
		}
	}
	merged := &fields{file: cf.path, m: make(map[string]any), at: ft.at, pos: make(map[string]keyPos), errs: errs, asOf: cf.asOf}
	for k, v := range fo.m {
		merged.m[k] = v
	}
	for k, p := range fo.pos {
		merged.pos[k] = p
	}
	for k, v := range ft.m {
		if slices.Contains(untranslatable, k) {
			continue
		}
		merged.m[k] = v
		// The translation's positions replace the original's for what it sets.
		for pk := range merged.pos {
			if pk == k || strings.HasPrefix(pk, k+".") || strings.HasPrefix(pk, k+"[") {
				delete(merged.pos, pk)
			}
		}
	}
	for k, p := range ft.pos {
		merged.pos[k] = p
	}
	r := rt
	r.Lang = cf.lang
	if strings.TrimSpace(rt.Body.Text) == "" {
		r.Body = ro.Body
	}
	rec, _ := decode(merged, r)
	return rec
}

// In returns the set in another language of the site: each record's
// translation where it has one, else the original, whose Lang says it is
// not translated.
func (s *Set) In(lang string) *Set {
	if lang == s.Lang {
		return s
	}
	t := s.Translations[lang]
	out := &Set{Config: s.Config, Withheld: s.Withheld, Static: s.Static, Broken: s.Broken, Drafts: s.Drafts, Lang: lang}
	out.Briefs = pick(s.Briefs, t[KindBrief])
	out.Pages = pick(s.Pages, t[KindPage])
	out.Prisoners = pick(s.Prisoners, t[KindPrisoner])
	out.Statements = pick(s.Statements, t[KindStatement])
	out.Sites = pick(s.Sites, t[KindSite])
	out.Events = pick(s.Events, t[KindEvent])
	out.Counts = pick(s.Counts, t[KindCount])
	return out
}

func pick[T interface{ Meta() *Record }](list []T, translated map[string]interface{ Meta() *Record }) []T {
	out := make([]T, len(list))
	for i, v := range list {
		out[i] = v
		if tr, ok := translated[v.Meta().Slug].(T); ok {
			out[i] = tr
		}
	}
	return out
}

func (s *Set) withhold(kind Kind, slug, why string) {
	s.Withheld = mark(s.Withheld, kind, slug, why)
}

// mark sets m[kind][slug], making the maps it needs.
func mark(m map[Kind]map[string]string, kind Kind, slug, v string) map[Kind]map[string]string {
	if m == nil {
		m = make(map[Kind]map[string]string)
	}
	if m[kind] == nil {
		m[kind] = make(map[string]string)
	}
	m[kind][slug] = v
	return m
}

func (s *Set) add(rec interface{ Meta() *Record }) {
	switch r := rec.(type) {
	case *Brief:
		s.Briefs = append(s.Briefs, r)
	case *Page:
		s.Pages = append(s.Pages, r)
	case *Prisoner:
		s.Prisoners = append(s.Prisoners, r)
	case *Statement:
		s.Statements = append(s.Statements, r)
	case *Site:
		s.Sites = append(s.Sites, r)
	case *Event:
		s.Events = append(s.Events, r)
	case *Count:
		s.Counts = append(s.Counts, r)
	}
}

func (s *Set) sort() {
	sortBySlug(s.Briefs)
	sortBySlug(s.Pages)
	sortBySlug(s.Prisoners)
	sortBySlug(s.Statements)
	sortBySlug(s.Sites)
	sortBySlug(s.Events)
	sortBySlug(s.Counts)
}

func sortBySlug[T interface{ Meta() *Record }](list []T) {
	slices.SortFunc(list, func(a, b T) int { return strings.Compare(a.Meta().Slug, b.Meta().Slug) })
}

type contentFile struct {
	kind Kind
	slug string
	lang string // for a translation: its language; "" for an original
	path string
	asOf Date // no date in it may be more than a year after this
}

// contentFiles lists the record files under content/, recording an error
// for each file that cannot be a record.
func contentFiles(fsys fs.FS, cfg *Config, errs *ErrorList) ([]contentFile, error) {
	var files []contentFile
	known := make(map[string]Kind)
	for _, k := range Kinds {
		known[k.Dir()] = k
	}
	if NoLink(fsys, ContentDir) != nil {
		return nil, nil // checkFolders reported it; nothing is read through it
	}
	err := fs.WalkDir(fsys, ContentDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "content" && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipAll
			}
			return err
		}
		name := d.Name()
		if ignored(name) && p != "content" {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			e := linkError(fsys, p)
			e.Stage = Parse
			errs.Add(e)
			return nil
		}
		dir := path.Dir(p)
		if d.IsDir() {
			if dir == "content" {
				if _, ok := known[name]; !ok {
					errs.AddStagef(Parse, Pos{File: p}, "unknown folder; content holds %s", kindDirs())
					return fs.SkipDir
				}
			} else if p != "content" {
				errs.AddStagef(Parse, Pos{File: p}, "unexpected folder; records are files directly in %s", dir)
				return fs.SkipDir
			}
			return nil
		}
		kind, ok := known[path.Base(dir)]
		if !ok || path.Dir(dir) != "content" {
			errs.AddStagef(Parse, Pos{File: p}, "unexpected file; content holds only the folders %s", kindDirs())
			return nil
		}
		ext := path.Ext(name)
		want := ".toml"
		if kind == KindBrief || kind == KindPage {
			want = ".md"
		}
		if ext != want {
			errs.AddStagef(Parse, Pos{File: p}, "a %s is a %s file; rename it to %s%s", kind, want, strings.TrimSuffix(name, ext), want)
			return nil
		}
		slug := strings.TrimSuffix(name, ext)
		lang := ""
		if base, l, ok := strings.Cut(slug, "."); ok {
			if !cfg.Has(l) || l == cfg.Language {
				errs.AddStagef(Parse, Pos{File: p}, "%q looks like a translation into %q of %s, but site.toml configures no language %q", name, l, base+ext, l)
				return nil
			}
			slug, lang = base, l
		}
		if !ValidSlug(slug) {
			errs.AddStagef(Parse, Pos{File: p}, "file name %q is not a valid slug: use lower-case letters, digits and single hyphens, such as rocio-san-miguel%s", name, want)
			return nil
		}
		files = append(files, contentFile{kind: kind, slug: slug, lang: lang, path: p})
		return nil
	})
	return files, err
}

// ignored reports whether a name is an editor's or system's file that is
// not content: hidden files, backups and swap files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "#") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || name == "Thumbs.db"
}

func kindDirs() string {
	var dirs []string
	for _, k := range Kinds {
		dirs = append(dirs, k.Dir()+"/")
	}
	return strings.Join(dirs, ", ")
}

// loadCached decodes a file, or takes its decoding from the cache when the
// file has not changed.
func loadCached(fsys fs.FS, cf contentFile, errs *ErrorList, cache *Cache) (rec interface{ Meta() *Record }, publish, ok bool) {
	info, err := fs.Stat(fsys, cf.path)
	if err != nil {
		errs.AddStagef(Parse, Pos{File: cf.path}, "%s", Unreadable(err))
		return nil, false, false
	}
	if e, hit := cache.get(cf.path, info, cf.asOf); hit {
		for _, err := range e.errs {
			errs.Add(err)
		}
		return e.rec, e.publish, e.ok
	}
	var own ErrorList
	rec, publish, ok = loadFile(fsys, cf, info, &own)
	var mine []*Error
	if err := own.Err(); err != nil {
		mine = err.(Errors)
		for _, e := range mine {
			errs.Add(e)
		}
	}
	cache.put(cf.path, cached{size: info.Size(), mod: info.ModTime(), asOf: cf.asOf, rec: rec, publish: publish, ok: ok, errs: mine})
	return rec, publish, ok
}

// loadFile reads and decodes one record file.
func loadFile(fsys fs.FS, cf contentFile, info fs.FileInfo, errs *ErrorList) (rec interface{ Meta() *Record }, publish, ok bool) {
	f, r, ok := readFile(fsys, cf, info, errs)
	if !ok {
		return nil, false, false
	}
	rec, publish = decode(f, r)
	return rec, publish, true
}

// readFile reads a record file and parses its TOML, without decoding it
// into a record: for Markdown kinds, the body goes into the record.
func readFile(fsys fs.FS, cf contentFile, info fs.FileInfo, errs *ErrorList) (*fields, Record, bool) {
	r := Record{Kind: cf.kind, Slug: cf.slug, File: cf.path, Lang: cf.lang}
	if info.Size() > MaxFileSize {
		errs.AddStagef(Parse, Pos{File: cf.path}, "file is %d bytes, over the %d-byte limit for a record; split it or remove pasted material", info.Size(), MaxFileSize)
		return nil, r, false
	}
	src, err := fs.ReadFile(fsys, cf.path)
	if err != nil {
		errs.AddStagef(Parse, Pos{File: cf.path}, "%s", Unreadable(err))
		return nil, r, false
	}
	return parseSource(cf, src, errs, parseTOML)
}

// parseSource parses a record file's TOML (the front matter of a Markdown
// kind, whose body goes into the record) with parse, without decoding it.
func parseSource(cf contentFile, src []byte, errs *ErrorList, parse func(file, src string, lineOffset int, errs *ErrorList) (*fields, bool)) (*fields, Record, bool) {
	r := Record{Kind: cf.kind, Slug: cf.slug, File: cf.path, Lang: cf.lang}
	if !utf8.Valid(src) {
		line, col := invalidUTF8(src)
		errs.AddStagef(Parse, Pos{File: cf.path, Line: line, Col: col}, "invalid UTF-8; save the file as UTF-8")
		return nil, r, false
	}
	if !checkControl(cf.path, src, errs) {
		return nil, r, false
	}
	front, lineOffset := string(src), 0
	if cf.kind == KindBrief || cf.kind == KindPage {
		fm, body, err := splitFrontMatter(src)
		if err != nil {
			errs.AddStagef(Parse, Pos{File: cf.path, Line: 1, Col: 1}, "%v", err)
			return nil, r, false
		}
		front, lineOffset = string(fm), 1
		r.Body = Markdown{Text: string(body), Pos: Pos{File: cf.path, Line: 1, Col: 1}}
	}
	f, ok := parse(cf.path, front, lineOffset, errs)
	if ok {
		f.asOf = cf.asOf
	}
	return f, r, ok
}

// decode makes a record of its kind from parsed fields.
func decode(f *fields, r Record) (rec interface{ Meta() *Record }, publish bool) {
	switch r.Kind {
	case KindBrief:
		return decodeBrief(f, r)
	case KindPage:
		return decodePage(f, r)
	case KindPrisoner:
		return decodePrisoner(f, r)
	case KindStatement:
		return decodeStatement(f, r)
	case KindSite:
		return decodeSite(f, r)
	case KindEvent:
		return decodeEvent(f, r)
	case KindCount:
		return decodeCount(f, r)
	}
	panic(fmt.Sprintf("content: no decoder for kind %q", r.Kind))
}

// Unreadable says why a file cannot be read, without repeating its name:
// "cannot read the file: permission denied". render says it of templates.
func Unreadable(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrPermission) {
		return "cannot read the file: permission denied; give yourself read access to it (chmod u+r)"
	}
	return "cannot read the file: " + err.Error()
}

// invalidUTF8 returns the line and column of the first invalid byte.
func invalidUTF8(src []byte) (line, col int) {
	line, col = 1, 1
	for len(src) > 0 {
		r, n := utf8.DecodeRune(src)
		if r == utf8.RuneError && n <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 0
		}
		col++
		src = src[n:]
	}
	return line, col
}
