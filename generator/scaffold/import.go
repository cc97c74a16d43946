package scaffold

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
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

// A Problem is something wrong in a spreadsheet, at a row (as the
// spreadsheet numbers it) and a column, or with the site (Row 0).
type Problem struct {
	Row    int
	Column string // the column's name, or ""
	Msg    string
	Err    error // with Row 0: the site's problem, with its own file
	order  int   // the column's place in the row, for sorting
}

func (p Problem) String() string {
	switch {
	case p.Row == 0 && p.Err != nil:
		return p.Err.Error()
	case p.Row == 0:
		return p.Msg
	case p.Column == "":
		return fmt.Sprintf("row %d: %s", p.Row, p.Msg)
	case strings.HasPrefix(p.Column, "column "):
		return fmt.Sprintf("row %d, %s: %s", p.Row, p.Column, p.Msg)
	}
	return fmt.Sprintf("row %d, column %q: %s", p.Row, p.Column, p.Msg)
}

// Problems is every problem of an import, by row and column.
type Problems []Problem

func (ps Problems) Error() string {
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

func sortProblems(ps []Problem) []Problem {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Row, b.Row), cmp.Compare(a.order, b.order))
	})
	return slices.CompactFunc(ps, func(a, b Problem) bool { return a.String() == b.String() })
}

// importable reports whether import makes records of a kind: the kinds
// written in TOML alone.
func importable(k content.Kind) bool { return k != content.KindBrief && k != content.KindPage }

func importKinds() []string {
	var out []string
	for _, k := range content.Kinds {
		if importable(k) {
			out = append(out, k.Dir())
		}
	}
	return out
}

// A column is a spreadsheet column: a key of the schema, or a key of one
// of its tables.
type column struct {
	field content.Field
	table string // the table's key ("sources"), or "" for a key of the record
}

// columns lists a kind's columns by name.
func columns(s content.KindSchema) map[string]column {
	out := make(map[string]column)
	for _, f := range s.Fields {
		switch f.Type {
		case content.TablesField:
			for _, sub := range f.Fields {
				out[tablePrefix(f.Key)+"_"+sub.Key] = column{field: sub, table: f.Key}
			}
		case content.TableField:
			// [private]: any key, as private_<key>
		default:
			out[f.Key] = column{field: f}
		}
	}
	return out
}

func columnNames(cols map[string]column) []string {
	names := make([]string, 0, len(cols))
	for n := range cols {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// tablePrefix names a table's columns: "sources" -> "source".
func tablePrefix(key string) string { return strings.TrimSuffix(key, "s") }

// privateColumn reports whether a column is a key of a free table such as
// [private]: private_contact.
func privateColumn(s content.KindSchema, h string) bool {
	for _, f := range s.Fields {
		if f.Type == content.TableField {
			if key, ok := strings.CutPrefix(h, f.Key+"_"); ok && bareKey(key) {
				return true
			}
		}
	}
	return false
}

func bareKey(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !('a' <= r && r <= 'z' || '0' <= r && r <= '9' || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// imported is one row made a record.
type imported struct {
	row   int
	name  string // where it is written, or "" when it cannot be
	file  string // where it is checked (slash path)
	data  []byte
	order map[string]int    // the place of each column
	lines map[int]string    // the column of each line of data
	keys  map[string]string // the column of each key path: "sources[0].url"
	said  map[string]bool   // the keys whose problem write reported, by path
}

func (rec *imported) problem(col, msg string) Problem {
	order, ok := rec.order[col]
	if !ok {
		order = len(rec.order) // a column the spreadsheet lacks: last
	}
	return Problem{Row: rec.row, Column: col, Msg: msg, order: order}
}

// write makes the record's TOML from a row, in the order of the schema,
// remembering which column each line comes from.
func (rec *imported) write(s content.KindSchema, v map[string]string) []Problem {
	var b strings.Builder
	var problems []Problem
	rec.lines = make(map[int]string)
	rec.keys = make(map[string]string)
	rec.said = make(map[string]bool)
	lineNo := 1
	put := func(col, key, value string) {
		b.WriteString(key + " = " + value + "\n")
		rec.lines[lineNo] = col
		lineNo++
	}
	value := func(col, path string, f content.Field, s string) (string, bool) {
		rec.said[path] = true // until it is written
		switch f.Type {
		case content.DateField:
			return dateValue(s), true
		case content.WholeField:
			n := strings.NewReplacer(".", "", ",", "", " ", "").Replace(s) // 1.234 or 1,234: thousands
			if _, err := strconv.ParseInt(n, 10, 64); err != nil {         // the loader judges its size
				problems = append(problems, rec.problem(col, fmt.Sprintf("%s %q is not a whole number", f.Key, s)))
				return "", false
			}
			return n, true
		case content.NumberField:
			n := strings.Replace(s, ",", ".", 1) // a decimal comma
			if _, err := strconv.ParseFloat(n, 64); err != nil {
				problems = append(problems, rec.problem(col, fmt.Sprintf("%s %q is not a number", f.Key, s)))
				return "", false
			}
			return n, true
		case content.BoolField:
			switch strings.ToLower(s) {
			case "true", "yes", "sí", "si", "verdadero", "1":
				return "true", true
			case "false", "no", "falso", "0":
				return "false", true
			}
			problems = append(problems, rec.problem(col, fmt.Sprintf("%s %q is not true or false", f.Key, s)))
			return "", false
		case content.ListField, content.RefsField:
			var items []string
			for _, it := range strings.Split(s, ";") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, quote(it))
				}
			}
			return "[" + strings.Join(items, ", ") + "]", true
		}
		return quote(s), true
	}
	required := func(col, key string, f content.Field, what string) {
		rec.said[key] = true
		problems = append(problems, rec.problem(col, fmt.Sprintf("empty, but every %s needs %s %s", what, article(f.Key), strings.ReplaceAll(f.Key, "_", " "))))
	}
	var tables []content.Field
	for _, f := range s.Fields {
		switch f.Type {
		case content.TablesField, content.TableField:
			tables = append(tables, f)
			continue
		}
		if v[f.Key] == "" {
			if f.Required {
				required(f.Key, f.Key, f, string(s.Kind))
			}
			continue
		}
		if val, ok := value(f.Key, f.Key, f, v[f.Key]); ok {
			delete(rec.said, f.Key)
			put(f.Key, f.Key, val)
		}
	}
	for _, t := range tables {
		prefix := tablePrefix(t.Key) + "_"
		var given bool
		for col, s := range v {
			if strings.HasPrefix(col, prefix) && s != "" {
				given = true
			}
		}
		if !given {
			if t.Required {
				col := prefix + t.Fields[0].Key
				rec.said[t.Key] = true
				problems = append(problems, rec.problem(col, fmt.Sprintf("empty, but every %s needs a %s: give its %s", s.Kind, tablePrefix(t.Key), requiredColumns(prefix, t))))
			}
			continue
		}
		b.WriteString("\n")
		lineNo++
		if t.Type == content.TableField {
			b.WriteString("[" + t.Key + "]\n")
			lineNo++
			var keys []string
			for col := range v {
				if k, ok := strings.CutPrefix(col, prefix); ok && v[col] != "" {
					keys = append(keys, k)
				}
			}
			slices.Sort(keys)
			for _, k := range keys {
				if val, ok := value(prefix+k, t.Key+"."+k, content.Field{Key: k, Type: t.Item}, v[prefix+k]); ok {
					put(prefix+k, k, val)
				}
			}
			continue
		}
		b.WriteString("[[" + t.Key + "]]\n")
		lineNo++
		for _, sub := range t.Fields {
			col := prefix + sub.Key
			rec.keys[t.Key+"[0]."+sub.Key] = col
			if v[col] == "" {
				if sub.Required {
					required(col, t.Key+"[0]."+sub.Key, sub, tablePrefix(t.Key))
				}
				continue
			}
			path := t.Key + "[0]." + sub.Key
			if val, ok := value(col, path, sub, v[col]); ok {
				delete(rec.said, path)
				put(col, sub.Key, val)
			}
		}
	}
	rec.data = []byte(b.String())
	return problems
}

// requiredColumns names the required columns of a table: "source_title
// and source_url".
func requiredColumns(prefix string, t content.Field) string {
	var cols []string
	for _, f := range t.Fields {
		if f.Required {
			cols = append(cols, prefix+f.Key)
		}
	}
	return strings.Join(cols, " and ")
}

// article is "a" or "an" before a word.
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiou", rune(w[0])) {
		return "an"
	}
	return "a"
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

// dateValue writes a date as the content format does: a TOML date when the
// day is known, else a string.
func dateValue(s string) string {
	if d, err := content.ParseDate(s); err == nil && d.Precision == content.Day && !d.IsInterval() {
		return s
	}
	return quote(s)
}

// quote writes a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
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
