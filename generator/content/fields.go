package content

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unique"
)

// fields reads the keys of one TOML table into typed values, recording an
// error with the key's position for each wrong type or bad value. Every key
// read is remembered, so that done can report the keys nobody asked for as
// unknown, with a suggestion from the known ones.
type fields struct {
	file   string
	m      map[string]any
	prefix string // path of this table: "" or "custody[0]."
	at     Pos    // the table's own position, for keys without one
	pos    map[string]keyPos
	known  []string
	errs   *ErrorList
	// asOf is the figures' as-of date: no date may be more than a year
	// after it (MaxAhead); zero for no limit.
	asOf Date

	// asked, when not nil, records every key read, by its path without
	// indexes ("custody.site"), with path this table's: the schema test
	// holds the decoder to the schema with it.
	asked map[string]bool
	path  string

	// sources, when not nil, keeps the sources decoded from the tables of
	// parsed pieces (see Decoder).
	sources *sourceMemo
}

func (f *fields) keyPos(key string) keyPos {
	if p, ok := f.pos[f.prefix+key]; ok {
		return p
	}
	return keyPos{Key: f.at, Value: f.at}
}

// errorf records an error about the value of key.
func (f *fields) errorf(key, format string, args ...any) {
	e := Errorf(f.keyPos(key).Value, format, args...)
	e.Key = f.prefix + key
	f.errs.Add(e)
}

func (f *fields) get(key string) (any, bool) {
	f.known = append(f.known, key)
	if f.asked != nil {
		f.asked[f.path+key] = true
	}
	v, ok := f.m[key]
	return v, ok
}

// require records an error when a required key is missing.
func (f *fields) require(key string, ok bool, example string) {
	if !ok {
		e := Errorf(f.at, "missing required key %q; add a line such as %s", key, example)
		e.Key = f.prefix + key
		f.errs.Add(e)
	}
}

// missingf records that a required key is missing, with a message of its
// own.
func (f *fields) missingf(key, format string, args ...any) {
	e := Errorf(f.at, format, args...)
	e.Key = f.prefix + key
	f.errs.Add(e)
}

func (f *fields) typeError(key string, v any, want string) {
	f.errorf(key, "%s must be %s, not %s", key, want, tomlType(v))
}

func (f *fields) str(key string) string {
	v, ok := f.get(key)
	if !ok {
		return ""
	}
	s, ok := v.(string)
	if !ok {
		f.typeError(key, v, "a string in quotes")
		return ""
	}
	if !f.controlFree(key, s) {
		return ""
	}
	return keep(strings.TrimSpace(s))
}

// keep returns a string decoded from a file as a record keeps it: a copy
// of its own. The TOML decoder's strings are slices of its copy of the
// whole file, which a record would otherwise keep alive for one name.
func keep(s string) string { return strings.Clone(s) }

// word is keep for a short value that many records share (a status, a
// charge, a slug): one copy for all of them.
func word(s string) string { return unique.Make(s).Value() }

// required reads a string that must be present and not empty.
func (f *fields) required(key, example string) string {
	v, present := f.m[key]
	s := f.str(key)
	if str, isString := v.(string); isString && strings.TrimSpace(str) == "" {
		f.errorf(key, "%s must not be empty", key)
	}
	f.require(key, present, example)
	return s
}

func (f *fields) strs(key string) []string {
	v, ok := f.get(key)
	if !ok {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		f.typeError(key, v, `a list of strings such as ["a", "b"]`)
		return nil
	}
	out := make([]string, 0, len(list))
	for _, item := range list {
		s, ok := item.(string)
		if !ok {
			f.typeError(key, item, "a list of strings")
			return nil
		}
		if !f.controlFree(key, s) {
			return nil
		}
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, word(s))
		}
	}
	return out
}

func (f *fields) boolean(key string, def bool) bool {
	v, ok := f.get(key)
	if !ok {
		return def
	}
	b, ok := v.(bool)
	if !ok {
		f.typeError(key, v, "true or false")
		return def
	}
	return b
}

func (f *fields) float(key string) (float64, bool) {
	v, ok := f.get(key)
	if !ok {
		return 0, false
	}
	switch n := v.(type) {
	case float64:
		return n, true
	case int64:
		return float64(n), true
	}
	f.typeError(key, v, "a number")
	return 0, false
}

// whole reads a whole number that is not negative.
func (f *fields) whole(key string) (int, bool) {
	v, ok := f.get(key)
	if !ok {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		f.typeError(key, v, "a whole number such as 777")
		return 0, false
	}
	if n < 0 {
		f.errorf(key, "%s is %d; a count is not negative", key, n)
		return 0, false
	}
	if n > 1<<31 {
		f.errorf(key, "%s is %d, too large to be a count of people; check the number", key, n)
		return 0, false
	}
	return int(n), true
}

// date reads a TOML local date (2024-02-09), a string "2024-02" / "2024",
// or an interval "2024-02-01/2024-02-09". A date before MinYear, or more
// than a year after asOf, is an error.
func (f *fields) date(key string) Date {
	v, ok := f.get(key)
	if !ok {
		return Date{}
	}
	var d Date
	switch t := v.(type) {
	case time.Time:
		if t.Location().String() != "date-local" {
			f.errorf(key, "%s must be a date without a time or zone, such as 2024-02-09", key)
			return Date{}
		}
		d = DateOf(t)
		if err := d.valid(d.String()); err != nil {
			f.errorf(key, "%s: %v", key, err)
			return Date{}
		}
	case string:
		var err error
		d, err = ParseDate(strings.TrimSpace(t))
		if err != nil {
			f.errorf(key, "%s: %v", key, err)
			return Date{}
		}
	default:
		f.typeError(key, v, `a date such as 2024-02-09, "2024-02", "2024" or "2024-02-01/2024-02-09"`)
		return Date{}
	}
	if !f.asOf.IsZero() && d.First().After(MaxAhead(f.asOf)) {
		f.errorf(key, "%s: %s is more than a year after the figures' as-of date (%s); check the year", key, d, f.asOf)
		return Date{}
	}
	return d
}

// enum reads a string that must be one of allowed.
func (f *fields) enum(key string, allowed []string) string {
	s := f.str(key)
	if i := slices.Index(allowed, s); i >= 0 {
		return allowed[i]
	}
	if s != "" {
		hint := ""
		if m := Suggest(s, allowed); m != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", m)
		}
		f.errorf(key, "%s %q is not one of %s%s", key, s, strings.Join(allowed, ", "), hint)
		return ""
	}
	return s
}

// refs reads a list of slugs that name records of another kind.
func (f *fields) refs(key string, kind Kind) []Ref {
	p := f.keyPos(key).Value
	var out []Ref
	for _, s := range f.strs(key) {
		out = append(out, Ref{Kind: kind, Slug: s, Pos: p})
	}
	return out
}

// ref reads one slug that names a record of another kind.
func (f *fields) ref(key string, kind Kind) Ref {
	s := f.str(key)
	if s == "" {
		return Ref{}
	}
	return Ref{Kind: kind, Slug: word(s), Pos: f.keyPos(key).Value}
}

// markdown reads a string of Markdown, keeping where its text starts so that
// errors inside it can name their line.
func (f *fields) markdown(key string) Markdown {
	text := f.str(key)
	kp := f.keyPos(key)
	p := kp.Value
	if kp.TextLine != 0 {
		p = Pos{File: p.File, Line: kp.TextLine, Col: 1}
	}
	return Markdown{Text: TextOf(text), Pos: p}
}

// tables reads an array of tables ([[custody]]).
func (f *fields) tables(key string) []*fields {
	list := f.tableList(key)
	if list == nil {
		return nil
	}
	out := make([]*fields, len(list))
	for i, m := range list {
		out[i] = f.tableAt(key, i, m)
	}
	return out
}

// tableList reads an array of tables as the TOML decoder made it: nil
// when it is absent, or not one (an error then).
func (f *fields) tableList(key string) []map[string]any {
	v, ok := f.get(key)
	if !ok {
		return nil
	}
	list, ok := v.([]map[string]any)
	if !ok {
		f.typeError(key, v, "a list of tables written as [["+key+"]]")
		return nil
	}
	return list
}

// tableAt reads m, the table at index i of the array of tables key.
func (f *fields) tableAt(key string, i int, m map[string]any) *fields {
	path := f.prefix + key + "[" + strconv.Itoa(i) + "]"
	at := f.at
	if p, ok := f.pos[path]; ok {
		at = p.Key
	}
	return &fields{file: f.file, m: m, prefix: path + ".", at: at, pos: f.pos, errs: f.errs, asOf: f.asOf, asked: f.asked, path: f.path + key + "."}
}

// table reads a table ([markdown]) or returns nil when it is absent.
func (f *fields) table(key string) *fields {
	v, ok := f.get(key)
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		f.typeError(key, v, "a table written as ["+key+"]")
		return nil
	}
	return &fields{file: f.file, m: m, prefix: f.prefix + key + ".", at: f.keyPos(key).Key, pos: f.pos, errs: f.errs, asOf: f.asOf, asked: f.asked, path: f.path + key + "."}
}

// skip accepts key without reading it: the [private] table is never read,
// so that nothing in it can reach an output.
func (f *fields) skip(key string) {
	f.get(key)
}

// done reports every key that was not read as unknown.
func (f *fields) done() {
	var keys []string // none, mostly
	for k := range f.m {
		if !slices.Contains(f.known, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		hint := ""
		if m := Suggest(k, f.known); m != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", m)
		} else {
			hint = "; known keys are " + strings.Join(sorted(f.known), ", ")
		}
		e := Errorf(f.keyPos(k).Key, "unknown key %q%s", k, hint)
		e.Key = f.prefix + k
		f.errs.Add(e)
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// tomlType names the TOML type of a decoded value for error messages.
func tomlType(v any) string {
	switch t := v.(type) {
	case string:
		return "a string"
	case int64:
		return "a number"
	case float64:
		return "a number"
	case bool:
		return "true/false"
	case time.Time:
		if t.Location().String() == "date-local" {
			return "a date"
		}
		return "a date and time"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "a list of tables"
	}
	return fmt.Sprintf("%T", v)
}

// Suggest returns the candidate most likely meant by s: one a typo away
// (an edit or a swap of neighbours per four letters) or one that contains s
// or is contained in it. It returns "" when none is close.
func Suggest(s string, candidates []string) string {
	ls := strings.ToLower(s)
	best, bestD := "", max(1, len(s)/4)+1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editDistance(ls, lc)
		if len(ls) >= 3 && d >= bestD && (strings.Contains(lc, ls) || strings.Contains(ls, lc)) {
			d = bestD - 1
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each count one.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
