package content

import (
	"io/fs"
	"path"
	"slices"
	"strings"
)

// untranslatable are the keys a translation may not set: what is published
// is decided in the original, and so are a person's status and the dates
// of their arrest, release and death, which are facts, not words, and
// must read the same in every language.
var untranslatable = []string{"publish", "draft", "anonymous", "private", "status", "arrested", "released", "died"}

// translate loads a translation: the original's fields, with those the
// translation sets in their place, decoded as one record in its language.
func (s *Set) translate(fsys fs.FS, cf contentFile, original string, texts *Texts, errs *ErrorList) {
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
	texts.Markdown(rec)
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
	if strings.TrimSpace(rt.Body.Text.String()) == "" {
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
	out := &Set{Config: s.Config, Texts: s.Texts, Withheld: s.Withheld, Static: s.Static, Broken: s.Broken, Drafts: s.Drafts, Lang: lang}
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
