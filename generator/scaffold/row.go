package scaffold

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

// This file makes a row of a spreadsheet a record: the columns of a kind,
// from its schema, and the TOML of a row, with where each line came from.

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
