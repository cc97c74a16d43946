package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode/utf8"
)

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
	return parseSource(cf, string(src), errs, parseTOML)
}

// parseSource parses a record file's TOML (the front matter of a Markdown
// kind, whose body goes into the record) with parse, without decoding it.
// text is the file's, as it was read (a file on disk, or a past version's
// blob), never copied for TOML kinds.
func parseSource(cf contentFile, text string, errs *ErrorList, parse func(file, src string, lineOffset int, errs *ErrorList) (*fields, bool)) (*fields, Record, bool) {
	r := Record{Kind: cf.kind, Slug: cf.slug, File: cf.path, Lang: cf.lang}
	if !utf8.ValidString(text) {
		line, col := invalidUTF8([]byte(text))
		errs.AddStagef(Parse, Pos{File: cf.path, Line: line, Col: col}, "invalid UTF-8; save the file as UTF-8")
		return nil, r, false
	}
	if !checkControl(cf.path, text, errs) {
		return nil, r, false
	}
	front, lineOffset := text, 0
	if cf.kind == KindBrief || cf.kind == KindPage {
		fm, body, err := splitFrontMatter([]byte(text))
		if err != nil {
			errs.AddStagef(Parse, Pos{File: cf.path, Line: 1, Col: 1}, "%v", err)
			return nil, r, false
		}
		front, lineOffset = string(fm), 1
		r.Body = Markdown{Text: TextOf(string(body)), Pos: Pos{File: cf.path, Line: 1, Col: 1}}
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
