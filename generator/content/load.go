package content

import (
	"errors"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"

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
	// Texts, when not nil, keeps the records' long Markdown texts out of
	// memory (see Text); build and check give one, serve does not.
	Texts *Texts
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

	// Texts keeps the records' long Markdown texts (Options.Texts), and
	// package site their renderings; nil keeps them in memory.
	Texts *Texts

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
	if cache == nil { // a cached record would outlive the Texts
		s.Texts = opts.Texts
	}
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
		if ok {
			s.Texts.Markdown(rec)
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
		s.translate(fsys, cf, slugs[cf.kind][cf.slug], s.Texts, &errs)
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

// Len is the number of records of the set, of every kind.
func (s *Set) Len() int {
	return len(s.Briefs) + len(s.Pages) + len(s.Prisoners) + len(s.Statements) + len(s.Sites) + len(s.Events) + len(s.Counts)
}

func recs[T interface{ Meta() *Record }](list []T) []interface{ Meta() *Record } {
	out := make([]interface{ Meta() *Record }, len(list))
	for i, v := range list {
		out[i] = v
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
