package scaffold

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// Import turns the rows of a spreadsheet (CSV, header row first) into one
// TOML record each, for prisoners, statements, sites or events.
//
// The header names the fields, as in the content format: name, status,
// arrested... Lists are written with ";" between items. Dates are in the
// content format: 2024-02-09, 2024-02 or 2024. A "slug" column names each
// file; without one, the slug is made from the name or title. One source
// per row may be given as source_title, source_url, source_publisher and
// source_date; for prisoners, one place of detention as custody_site,
// custody_from and custody_to.
//
// Every row is checked as the loader checks a file. If any row is bad,
// Import reports them all, with their row numbers, and writes nothing;
// it also writes nothing unless write is true: a dry run lists what it
// would write. It never replaces an existing file.
func Import(src string, kind content.Kind, r io.Reader, write bool, out io.Writer) error {
	fields, ok := importFields[kind]
	if !ok {
		return fmt.Errorf("import makes prisoners, statements, sites and events, not %ss", kind)
	}
	if err := content.NoLink(os.DirFS(src), content.ContentDir+"/"+kind.Dir()); err != nil {
		return err // the build would not read what it wrote there
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	// Rows are numbered as the spreadsheet numbers them: by line, blank
	// lines included.
	var rows [][]string
	var lines []int
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("reading the spreadsheet: %w", err)
		}
		line, _ := cr.FieldPos(0)
		rows, lines = append(rows, row), append(lines, line)
	}
	if len(rows) == 0 {
		return errors.New("the spreadsheet is empty: its first row must name the fields")
	}
	header := rows[0]
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	var problems []string
	for i, h := range header {
		h = strings.TrimSpace(strings.ToLower(h))
		header[i] = h
		if h != "slug" && !slices.Contains(fields.all(), h) {
			hint := ""
			if m := content.Suggest(h, fields.all()); m != "" {
				hint = fmt.Sprintf(" (did you mean %q?)", m)
			}
			problems = append(problems, fmt.Sprintf("row 1, column %d: unknown field %q%s; fields for %ss are slug, %s", i+1, h, hint, kind, strings.Join(fields.all(), ", ")))
		}
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}

	type record struct {
		row  int
		name string
		data []byte
	}
	var records []record
	seen := make(map[string]int)
	for n, row := range rows[1:] {
		rowNo := lines[n+1]
		if blank(row) {
			continue
		}
		if len(row) != len(header) {
			problems = append(problems, fmt.Sprintf("row %d: %d cells for %d columns", rowNo, len(row), len(header)))
			continue
		}
		values := make(map[string]string)
		for i, h := range header {
			values[h] = strings.TrimSpace(row[i])
		}
		slug := values["slug"]
		if slug == "" {
			var words []string
			for _, c := range fields.naming {
				words = append(words, values[c])
			}
			slug = content.Slug(strings.Join(words, " "), 0)
		}
		if !content.ValidSlug(slug) {
			problems = append(problems, fmt.Sprintf("row %d: no valid slug (give a slug column, or a %s to make one from)", rowNo, strings.Join(fields.naming, " and ")))
			continue
		}
		if first, dup := seen[slug]; dup {
			problems = append(problems, fmt.Sprintf("row %d: slug %q is also row %d's", rowNo, slug, first))
			continue
		}
		seen[slug] = rowNo
		name := fileName(kind, slug)
		data, err := toTOML(fields, values)
		if err != nil {
			problems = append(problems, fmt.Sprintf("row %d: %v", rowNo, err))
			continue
		}
		if msgs := validate(kind, slug, data); len(msgs) > 0 {
			for _, m := range msgs {
				problems = append(problems, fmt.Sprintf("row %d: %s", rowNo, m))
			}
			continue
		}
		if _, err := os.Stat(filepath.Join(src, name)); err == nil {
			problems = append(problems, fmt.Sprintf("row %d: %s exists already; it is never replaced", rowNo, name))
			continue
		}
		records = append(records, record{rowNo, name, data})
	}
	if len(records) > 0 {
		// The rows that are good alone, now with the rest of the site, so
		// that a reference to a record that does not exist is caught here,
		// not at the next build.
		byFile := make(map[string]int)
		added := make(map[string][]byte)
		for _, rec := range records {
			byFile[filepath.ToSlash(rec.name)] = rec.row
			added[filepath.ToSlash(rec.name)] = rec.data
		}
		problems = append(problems, withSite(src, added, byFile)...)
		slices.SortStableFunc(problems, func(a, b string) int { return rowOf(a) - rowOf(b) })
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s\nnothing was written: fix the rows above and import again", strings.Join(problems, "\n"))
	}
	for _, rec := range records {
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
		fmt.Fprintf(out, "%d records; nothing written (dry run): add -write to write them\n", len(records))
	}
	return nil
}

// fieldSet describes the columns of a kind.
type fieldSet struct {
	naming  []string // the columns a slug is made from
	scalars []string // strings
	dates   []string
	lists   []string
	numbers []string
	tables  map[string][]string // prefix -> fields: "source" -> title, url...
}

func (f fieldSet) all() []string {
	out := slices.Concat(f.scalars, f.dates, f.lists, f.numbers)
	for prefix, fs := range f.tables {
		for _, x := range fs {
			out = append(out, prefix+"_"+x)
		}
	}
	slices.Sort(out)
	return out
}

var sourceTable = []string{"title", "url", "publisher", "date"}

var importFields = map[content.Kind]fieldSet{
	content.KindPrisoner: {
		naming:  []string{"name"},
		scalars: []string{"name", "status", "gender", "occupation", "summary", "verification"},
		dates:   []string{"arrested", "released"},
		lists:   []string{"aliases", "nationality", "charges", "tags"},
		tables:  map[string][]string{"source": sourceTable, "custody": {"site", "from", "to", "note"}},
	},
	content.KindStatement: {
		naming:  []string{"speaker"},
		scalars: []string{"speaker", "quote", "role", "organization", "medium", "language", "translation", "summary", "verification"},
		dates:   []string{"date"},
		lists:   []string{"prisoners", "sites", "tags"},
		tables:  map[string][]string{"source": sourceTable},
	},
	content.KindSite: {
		naming:  []string{"name"},
		scalars: []string{"name", "kind", "operator", "city", "state", "status", "summary", "verification"},
		dates:   []string{"opened", "closed"},
		numbers: []string{"lat", "lon"},
		lists:   []string{"tags"},
		tables:  map[string][]string{"source": sourceTable},
	},
	content.KindCount: {
		naming:  []string{"counter", "measure", "as_of"},
		scalars: []string{"counter", "measure", "qualifier", "statement", "note", "summary", "verification"},
		dates:   []string{"as_of", "since"},
		numbers: []string{"value"},
		lists:   []string{"tags"},
		tables:  map[string][]string{"source": sourceTable},
	},
	content.KindEvent: {
		naming:  []string{"title"},
		scalars: []string{"title", "kind", "summary", "verification"},
		dates:   []string{"date"},
		lists:   []string{"prisoners", "statements", "sites", "tags"},
		tables:  map[string][]string{"source": sourceTable},
	},
}

// toTOML writes a row as a record, keys in the order of the content format.
func toTOML(f fieldSet, v map[string]string) ([]byte, error) {
	var b strings.Builder
	for _, k := range f.scalars {
		if s := v[k]; s != "" {
			fmt.Fprintf(&b, "%s = %s\n", k, quote(s))
		}
	}
	for _, k := range f.dates {
		if s := v[k]; s != "" {
			b.WriteString(k + " = " + dateValue(s) + "\n")
		}
	}
	for _, k := range f.numbers {
		if s := v[k]; s != "" {
			if _, err := strconv.ParseFloat(s, 64); err != nil {
				return nil, fmt.Errorf("%s %q is not a number", k, s)
			}
			b.WriteString(k + " = " + s + "\n")
		}
	}
	for _, k := range f.lists {
		if s := v[k]; s != "" {
			var items []string
			for _, it := range strings.Split(s, ";") {
				if it = strings.TrimSpace(it); it != "" {
					items = append(items, quote(it))
				}
			}
			b.WriteString(k + " = [" + strings.Join(items, ", ") + "]\n")
		}
	}
	prefixes := make([]string, 0, len(f.tables))
	for p := range f.tables {
		prefixes = append(prefixes, p)
	}
	slices.Sort(prefixes)
	for _, prefix := range prefixes {
		table := prefix
		if prefix == "source" {
			table = "sources"
		}
		var lines []string
		for _, k := range f.tables[prefix] {
			s := v[prefix+"_"+k]
			if s == "" {
				continue
			}
			if k == "date" || k == "from" || k == "to" {
				lines = append(lines, k+" = "+dateValue(s))
			} else {
				lines = append(lines, k+" = "+quote(s))
			}
		}
		if len(lines) > 0 {
			b.WriteString("\n[[" + table + "]]\n" + strings.Join(lines, "\n") + "\n")
		}
	}
	return []byte(b.String()), nil
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

// validate loads a record as the site's loader would, alone, and returns
// its problems without their file positions.
func validate(kind content.Kind, slug string, data []byte) []string {
	name := filepath.ToSlash(fileName(kind, slug))
	fsys := fstest.MapFS{
		"site.toml": {Data: []byte("title = \"import\"\n")},
		name:        {Data: data},
	}
	_, err := content.Load(fsys, content.Options{Drafts: true})
	var es content.Errors
	if !errors.As(err, &es) {
		if err != nil {
			return []string{err.Error()}
		}
		return nil
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Msg)
	}
	return out
}

// withSite resolves the site at src with the added records and returns the
// problems, naming a new record's by its row.
func withSite(src string, added map[string][]byte, rows map[string]int) []string {
	fsys := fstest.MapFS{}
	root := os.DirFS(src)
	if data, err := fs.ReadFile(root, content.ConfigFile); err == nil {
		fsys[content.ConfigFile] = &fstest.MapFile{Data: data}
	}
	fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if data, err := fs.ReadFile(root, p); err == nil {
				fsys[p] = &fstest.MapFile{Data: data}
			}
		}
		return nil
	})
	for name, data := range added {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	set, err := content.Load(fsys, content.Options{Drafts: true})
	if set != nil {
		_, rerr := site.New(set)
		err = errors.Join(err, rerr)
	}
	if err == nil {
		return nil
	}
	var out []string
	for _, line := range strings.Split(err.Error(), "\n") {
		file, msg, _ := strings.Cut(line, ": ")
		file, _, _ = strings.Cut(file, ":")
		if row, ok := rows[file]; ok {
			out = append(out, fmt.Sprintf("row %d: %s", row, msg))
		} else {
			out = append(out, line)
		}
	}
	return out
}

// rowOf reads the row number of a problem, for sorting.
func rowOf(problem string) int {
	var n int
	fmt.Sscanf(problem, "row %d", &n)
	return n
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
	return "    " + strings.Join(lines, "\n    ")
}
