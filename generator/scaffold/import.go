package scaffold

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// Import turns the rows of a spreadsheet (CSV, header row first) into one
// TOML record each, for the TOML kinds: prisoners, statements, sites,
// events, counts.
//
// The columns are the keys of the kind's schema (content.Schemas), every
// one of them: name, status, arrested... Lists are written with ";"
// between items; dates in the content format (2024-02-09, 2024-02 or
// 2024); true or false as true/false, yes/no, sí/no or verdadero/falso. A
// table per row may be given with the table's name, singular, before each
// key: source_title, source_url; custody_site, custody_from; event_date,
// event_title; and [private] notes as private_<key>. A "slug" column names
// each file; without one, the slug is made from the schema's naming keys
// (the name, the speaker, the title; a count's counter, measure and as-of
// date).
//
// Every row is checked in one run as the loader and the site check a file,
// with the rest of the site: its own values and its references to other
// records, the other rows' included. If any row has a problem, Import
// returns them all as Problems, by row and column, and writes nothing; it
// also writes nothing unless write is true: a dry run lists what it would
// write. It never replaces an existing file. See csv.go for the files it
// reads.
func Import(src string, kind content.Kind, r io.Reader, write bool, out io.Writer) error {
	if !importable(kind) {
		return fmt.Errorf("import makes %s, not %ss", strings.Join(importKinds(), ", "), kind)
	}
	if err := content.NoLink(os.DirFS(src), content.ContentDir+"/"+kind.Dir()); err != nil {
		return err // the build would not read what it wrote there
	}
	sh, problems, err := readSheet(r)
	if err != nil {
		return err
	}
	schema := content.SchemaOf(kind)
	cols := columns(schema)
	header := sh.rows[0]
	seenCol := make(map[string]int)
	for i, h := range header {
		h = strings.TrimSpace(strings.ToLower(h))
		header[i] = h
		switch _, known := cols[h]; {
		case !utf8.ValidString(h):
			// said by readSheet
		case h == "":
			problems = append(problems, Problem{Row: sh.lines[0], Column: fmt.Sprintf("column %d", i+1), order: i, Msg: "the header names no field; name it, or delete the column"})
		case seenCol[h] > 0:
			problems = append(problems, Problem{Row: sh.lines[0], Column: h, order: i, Msg: fmt.Sprintf("column %d names %q too; keep one", seenCol[h], h)})
		case h == "slug" || known || privateColumn(schema, h):
		default:
			hint := ""
			if m := content.Suggest(h, columnNames(cols)); m != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", m)
			}
			problems = append(problems, Problem{Row: sh.lines[0], Column: fmt.Sprintf("column %d", i+1), order: i,
				Msg: fmt.Sprintf("unknown field %q%s; fields for %ss are slug, %s", h, hint, kind, strings.Join(columnNames(cols), ", "))})
		}
		seenCol[h] = i + 1
	}
	if len(problems) > 0 {
		return Problems(sortProblems(problems))
	}

	var recs []*imported
	added := make(map[string][]byte)
	seen := make(map[string]int)
	for n, row := range sh.rows[1:] {
		rowNo := sh.lines[n+1]
		if blank(row) {
			continue
		}
		if len(row) != len(header) {
			problems = append(problems, Problem{Row: rowNo, Msg: fmt.Sprintf("%d cells for %d columns", len(row), len(header))})
			continue
		}
		values := make(map[string]string)
		order := make(map[string]int)
		for i, h := range header {
			values[h] = strings.TrimSpace(row[i])
			order[h] = i
		}
		rec := &imported{row: rowNo, order: order}
		slug := values["slug"]
		switch {
		case slug != "" && !content.ValidSlug(slug):
			problems = append(problems, rec.problem("slug", fmt.Sprintf("slug %q is not a slug: use lower-case letters, digits and hyphens, such as rocio-san-miguel", slug)))
			slug = ""
		case slug == "":
			var words []string
			for _, k := range schema.Naming {
				words = append(words, values[k])
			}
			slug = content.Slug(strings.Join(words, " "), 0)
			if slug == "" && strings.TrimSpace(strings.Join(words, "")) != "" {
				problems = append(problems, rec.problem(schema.Naming[0], fmt.Sprintf("no slug can be made from %q; give a slug column", strings.Join(words, " "))))
			}
		}
		if slug != "" {
			if first, dup := seen[slug]; dup {
				problems = append(problems, rec.problem("slug", fmt.Sprintf("slug %q is also row %d's; give one of them a slug column", slug, first)))
				slug = ""
			} else {
				seen[slug] = rowNo
				rec.name = fileName(kind, slug)
				if _, err := os.Stat(filepath.Join(src, rec.name)); err == nil {
					problems = append(problems, rec.problem("", fmt.Sprintf("%s exists already; it is never replaced", filepath.ToSlash(rec.name))))
					slug = ""
				}
			}
		}
		problems = append(problems, rec.write(schema, values)...)
		// A row without a slug of its own is still checked, under a name
		// no file has.
		file := rec.name
		if slug == "" {
			file = fileName(kind, fmt.Sprintf("import-row-%d", rowNo))
			rec.name = ""
		}
		rec.file = filepath.ToSlash(file)
		added[rec.file] = rec.data
		recs = append(recs, rec)
	}
	problems = append(problems, checkWithSite(src, added, recs)...)
	if len(problems) > 0 {
		return Problems(sortProblems(problems))
	}
	for _, rec := range recs {
		if !write {
			fmt.Fprintf(out, "would write %s (row %d):\n%s\n", rec.name, rec.row, indent(rec.data))
			continue
		}
		if err := writeNew(filepath.Join(src, rec.name), rec.data); err != nil {
			return err
		}
		fmt.Fprintf(out, "wrote %s (row %d)\n", rec.name, rec.row)
	}
	if !write {
		noun := "records"
		if len(recs) == 1 {
			noun = "record"
		}
		fmt.Fprintf(out, "%d %s; nothing written (dry run): add -write to write them\n", len(recs), noun)
	}
	return nil
}

// checkWithSite loads and resolves the site with the rows' records added,
// as a build would, and returns the problems, a row's by its row and
// column. A problem already said (a required cell left empty) is not
// repeated.
func checkWithSite(src string, added map[string][]byte, recs []*imported) []Problem {
	byFile := make(map[string]*imported)
	for _, rec := range recs {
		byFile[rec.file] = rec
	}
	fsys := overlay{base: os.DirFS(src), files: added}
	set, err := content.Load(fsys, content.Options{Drafts: true})
	if set != nil {
		_, rerr := site.New(set)
		err = errors.Join(err, rerr)
	}
	var problems []Problem
	for _, e := range contentErrors(err) {
		rec, ok := byFile[e.Pos.File]
		if !ok {
			problems = append(problems, Problem{Err: e})
			continue
		}
		if rec.said[e.Key] {
			continue // a required cell left empty: write said so
		}
		col, known := rec.keys[e.Key]
		if !known && e.Pos.Col > 1 {
			// A value's place, such as a reference's: its line's column.
			col = rec.lines[e.Pos.Line]
		}
		problems = append(problems, rec.problem(col, e.Msg))
	}
	for _, e := range otherErrors(err) {
		problems = append(problems, Problem{Err: e})
	}
	return problems
}

// contentErrors returns the content errors in err, which may join several.
func contentErrors(err error) content.Errors {
	var out content.Errors
	walkErrors(err, func(e error) {
		var es content.Errors
		if errors.As(e, &es) {
			out = append(out, es...)
		}
	})
	return out
}

// otherErrors returns the errors in err that are not content errors.
func otherErrors(err error) []error {
	var out []error
	walkErrors(err, func(e error) {
		var es content.Errors
		if !errors.As(e, &es) {
			out = append(out, e)
		}
	})
	return out
}

// walkErrors calls fn with each error joined in err.
func walkErrors(err error, fn func(error)) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			walkErrors(e, fn)
		}
		return
	}
	fn(err)
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func indent(data []byte) string {
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n")
}
