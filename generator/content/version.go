package content

import (
	"path"
	"reflect"
	"strings"
	"unsafe"
)

// A Version is a record as one past version of its file decoded it: what
// package history compares, commit by commit. It is decoded exactly as
// Load decodes the file today, so that an old version and the current
// record are alike field for field.
type Version struct {
	Record  interface{ Meta() *Record }
	Publish bool // false for publish = false
	Draft   bool
}

// Published reports whether the version would have been on the site: it
// decoded without error, and is neither publish = false nor a draft.
func (v Version) Published() bool { return v.Record != nil && v.Publish && !v.Draft }

// RecordFile says what a path under the site folder holds: the kind, slug
// and language ("" for an original) of a record file, or ok false for any
// other file.
func RecordFile(p string) (kind Kind, slug, lang string, ok bool) {
	dir, name := path.Split(p)
	if !strings.HasPrefix(dir, "content/") || strings.Count(dir, "/") != 2 || ignored(name) {
		return "", "", "", false
	}
	for _, k := range Kinds {
		if dir != "content/"+k.Dir()+"/" {
			continue
		}
		want := ".toml"
		if k == KindBrief || k == KindPage {
			want = ".md"
		}
		base, found := strings.CutSuffix(name, want)
		if !found {
			return "", "", "", false
		}
		if b, l, has := strings.Cut(base, "."); has {
			base, lang = b, l
		}
		if !ValidSlug(base) {
			return "", "", "", false
		}
		return k, base, lang, true
	}
	return "", "", "", false
}

// DecodeVersion decodes a past version of a record file: src is the
// original's text at path, and trans, when lang is not "", the text of
// its translation into lang at that time. A version that does not decode
// (invalid TOML, a missing required key) has a nil Record: it was never
// published as such. Anonymous prisoners lose their identifying fields as
// in Load.
func DecodeVersion(p, src, lang, trans string) Version {
	return NewDecoder().Decode(p, src, lang, trans)
}

// A Decoder decodes versions of record files (DecodeVersion), keeping
// what it parsed: the versions of a file share most of their text, and
// files share some of theirs (a status, a source cited in many), so each
// piece of text is parsed once (see chunks). Package history uses one per
// core, for every file. It is not safe for concurrent use.
type Decoder struct {
	orig, trans chunks
	sources     sourceMemo
}

// NewDecoder returns a Decoder.
func NewDecoder() *Decoder {
	return &Decoder{orig: make(chunks), trans: make(chunks), sources: make(sourceMemo)}
}

// sourceMemo keeps the sources decoded from the [[sources]] tables of
// parsed pieces, by table: a record's versions mostly add sources to the
// ones before, and each is decoded once rather than once per version. A
// table is a piece's and never changes (see merge); the memo holds it, so
// that its address is not reused. Only a source decoded without error is
// kept, so that a version with a mistake still reports it.
type sourceMemo map[unsafe.Pointer]memoSource

type memoSource struct {
	table  map[string]any
	asOf   Date
	source Source
}

// source decodes the source at index i of the record f's sources, table,
// or returns it as decoded before, without reading the table again;
// without a memo (Load) it decodes it.
func (m *sourceMemo) source(f *fields, i int, table map[string]any) Source {
	if m == nil {
		return source(f.tableAt("sources", i, table))
	}
	key := reflect.ValueOf(table).UnsafePointer()
	if e, ok := (*m)[key]; ok && e.asOf == f.asOf {
		return e.source
	}
	before := f.errs.count()
	s := source(f.tableAt("sources", i, table))
	if f.errs.count() == before {
		if len(*m) >= maxPieces {
			clear(*m)
		}
		(*m)[key] = memoSource{table: table, asOf: f.asOf, source: s}
	}
	return s
}

// Decode is DecodeVersion.
func (d *Decoder) Decode(p, src, lang, trans string) Version {
	kind, slug, _, ok := RecordFile(p)
	if !ok {
		return Version{}
	}
	var errs ErrorList
	cf := contentFile{kind: kind, slug: slug, path: p}
	fo, ro, ok := parseSource(cf, src, &errs, d.orig.parse)
	if !ok {
		return Version{}
	}
	fo.sources = &d.sources
	if lang == "" {
		rec, publish := decode(fo, ro)
		if errs.Err() != nil {
			return Version{}
		}
		return Version{Record: rec, Publish: publish, Draft: rec.Meta().Draft}
	}
	// publish and draft are the original's: a translation cannot set them.
	_, publish := decode(fo, ro)
	tp := strings.TrimSuffix(p, path.Ext(p)) + "." + lang + path.Ext(p)
	tcf := contentFile{kind: kind, slug: slug, lang: lang, path: tp}
	ft, rt, ok := parseSource(tcf, trans, &errs, d.trans.parse)
	if !ok {
		return Version{}
	}
	ft.sources = &d.sources
	rec := mergeTranslation(fo, ro, ft, rt, tcf, p, &errs)
	if errs.Err() != nil {
		return Version{}
	}
	return Version{Record: rec, Publish: publish, Draft: rec.Meta().Draft}
}
