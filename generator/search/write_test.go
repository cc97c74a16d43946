package search

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

type files map[string][]byte

func (f files) WriteFile(name string, data []byte) error { f[name] = data; return nil }

var callRE = regexp.MustCompile(`^__briefingSearch\.(\w+)\((.*)\);\n$`)

// args decodes the JSON arguments of a written loader call.
func args(t *testing.T, data []byte) (string, []json.RawMessage) {
	t.Helper()
	m := callRE.FindSubmatch(data)
	if m == nil {
		t.Fatalf("not a loader call: %.80s", data)
	}
	var out []json.RawMessage
	if err := json.Unmarshal([]byte("["+string(m[2])+"]"), &out); err != nil {
		t.Fatal(err)
	}
	return string(m[1]), out
}

func TestShards(t *testing.T) {
	ix := fixture(t, nil)
	out := files{}
	meta, err := ix.Write(out)
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^search/[0-9a-f]{12}/$`).MatchString(meta.Dir) {
		t.Errorf("dir = %s", meta.Dir)
	}
	if meta.Kinds != "prisoner:0-2 site:3-4 statement:5-5 brief:6-6 event:7-8 count:9-13" {
		t.Errorf("kinds = %s", meta.Kinds)
	}
	keys := meta.Keys
	for _, k := range keys {
		data, ok := out[meta.Dir+"t/"+FileName(k)+".js"]
		if !ok {
			t.Errorf("key %s has no file", k)
			continue
		}
		fn, a := args(t, data)
		var terms map[string][]json.RawMessage
		json.Unmarshal(a[1], &terms)
		if fn != "shard" || len(terms) == 0 {
			t.Errorf("key %s: %s with %d terms", k, fn, len(terms))
		}
		for term := range terms {
			if !strings.HasPrefix(term, k) {
				t.Errorf("term %s in the file of %s", term, k)
			}
		}
	}
	// "perez": in the title of Ana (doc 0) only; the brief calls her "Ana".
	_, a := args(t, out[meta.Dir+"t/per.js"])
	var terms map[string][]json.RawMessage
	json.Unmarshal(a[1], &terms)
	if got := string(terms["perez"][0]) + " " + string(terms["perez"][2]) + " " + string(terms["perez"][3]); got != `[0] [] "pérez"` {
		t.Errorf("perez = %s", got)
	}
	var shown map[string][]any
	json.Unmarshal(a[2], &shown)
	if d := shown["0"]; len(d) != 5 || d[1] != "Ana Pérez" || d[2] != "prisoners/ana-perez/" || d[3] != "detained" {
		t.Errorf("display of doc 0 = %v", d)
	}
	// Chunks hold every document; facets every prisoner.
	if _, a := args(t, out[meta.Dir+"d/0.js"]); string(a[0]) != "0" {
		t.Errorf("chunk 0 = %s", a[0])
	}
	_, a = args(t, out[meta.Dir+"f.js"])
	var f struct {
		Statuses  []string
		Sites     [][2]string
		Prisoners string
	}
	json.Unmarshal(a[0], &f)
	// Ana: detained (a) at La Tumba (site 1); Luis: released (e) at El
	// Helicoide (0); the anonymous person: detained, no site.
	if f.Prisoners != "a01e00azz" {
		t.Errorf("facets = %q", f.Prisoners)
	}
	// The version changes with the content, and only with it.
	again := files{}
	meta2, _ := fixture(t, nil).Write(again)
	changed := files{}
	meta3, _ := fixture(t, map[string]string{"content/events/x.toml": "date = 2020-01-01\ntitle = \"X\"\n"}).Write(changed)
	if meta2.Dir != meta.Dir || meta3.Dir == meta.Dir {
		t.Errorf("versions: %s, %s, %s", meta.Dir, meta2.Dir, meta3.Dir)
	}
}

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{"roc": "roc", "86": "86", "ßa": "_c39f61", "жур": "_d0b6d183d180"} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNearFiles: every word of two letters or more is listed under each
// of its NearKeys, in the near file NearFile names, and near keys share
// files, about NearFileBytes each, rather than one file per key.
func TestNearFiles(t *testing.T) {
	ix := fixture(t, nil)
	out := files{}
	meta, err := ix.Write(out)
	if err != nil {
		t.Fatal(err)
	}
	nears := map[string][]string{}
	nearFiles, size := 0, 0
	for name, data := range out {
		rest, ok := strings.CutPrefix(name, meta.Dir+"n/")
		if !ok {
			continue
		}
		nearFiles++
		size += len(data)
		fn, a := args(t, data)
		var lists map[string][]string
		json.Unmarshal(a[1], &lists)
		for k, terms := range lists {
			if want := fmt.Sprintf("%d.js", NearFile(k, meta.NearFiles)); fn != "near" || rest != want || string(a[0])+".js" != want {
				t.Errorf("near key %q in %s (%s(%s)), want %s", k, name, fn, a[0], want)
			}
			nears[k] = terms
		}
	}
	if nearFiles != meta.NearFiles || nearFiles < 1 || len(nears) < 4*nearFiles || size/nearFiles > 2*NearFileBytes {
		t.Errorf("%d near files (meta says %d) for %d near keys, %d bytes", nearFiles, meta.NearFiles, len(nears), size)
	}
	for term := range ix.terms {
		if utf8.RuneCountInString(term) < TypoMin-1 {
			continue
		}
		for _, k := range NearKeys(term) {
			if !slices.Contains(nears[k], term) {
				t.Errorf("%q is not listed under its near key %q", term, k)
			}
		}
	}
}

// TestNearFile pins the hash that static/search.js computes too: FNV-1a,
// 32 bits, of the key's UTF-8 bytes.
func TestNearFile(t *testing.T) {
	for _, tt := range []struct {
		key  string
		n    int
		want int
	}{{"rod", 97, 72}, {"ßa", 97, 52}, {"", 97, 64}, {"rod", 1, 0}} {
		if got := NearFile(tt.key, tt.n); got != tt.want {
			t.Errorf("NearFile(%q, %d) = %d, want %d", tt.key, tt.n, got, tt.want)
		}
	}
}

// TestTable: the table file lists the keys of the term files, compactly,
// and how many near and name files there are; the search page's own
// attributes hold none of it, so that they do not grow with the index.
func TestTable(t *testing.T) {
	ix := fixture(t, nil)
	out := files{}
	meta, err := ix.Write(out)
	if err != nil {
		t.Fatal(err)
	}
	fn, a := args(t, out[meta.Dir+"k.js"])
	var text string
	var near, names int
	json.Unmarshal(a[0], &text)
	json.Unmarshal(a[1], &near)
	json.Unmarshal(a[2], &names)
	if fn != "table" || near != meta.NearFiles || names != meta.NameFiles || names < 1 {
		t.Errorf("%s(…, %d, %d), meta says %d near and %d name files", fn, near, names, meta.NearFiles, meta.NameFiles)
	}
	if got := expandKeys(text); !slices.Equal(got, meta.Keys) {
		t.Errorf("table keys %q expand to %v, want %v", text, got, meta.Keys)
	}
}

func TestCompactKeys(t *testing.T) {
	keys := []string{"86", "ab", "rod", "rom", "ros", "ña", "ñan", "ñaz", "жур"}
	const want = "86 ab ro:dms ña ña:nz жу:р"
	if got := compactKeys(keys); got != want {
		t.Errorf("compactKeys = %q, want %q", got, want)
	}
	if got := expandKeys(want); !slices.Equal(got, keys) {
		t.Errorf("expanded: %v", got)
	}
}

// expandKeys reads the table's keys as static/search.js does.
func expandKeys(text string) []string {
	var out []string
	for _, tok := range strings.Fields(text) {
		group, last, ok := strings.Cut(tok, ":")
		if !ok {
			out = append(out, tok)
			continue
		}
		for _, r := range last {
			out = append(out, group+string(r))
		}
	}
	return out
}

// TestNameFiles: the name file of a query's pair holds the display record
// of every document whose name (or alias) holds all its words, so that
// the first results of a name typed whole need no chunk.
func TestNameFiles(t *testing.T) {
	ix := fixture(t, map[string]string{
		"content/prisoners/suarez.toml": "name = \"Julián Suárez Suárez\"\nstatus = \"detained\"\naliases = [\"Juli Rodríguez\"]\n",
	})
	out := files{}
	meta, err := ix.Write(out)
	if err != nil {
		t.Fatal(err)
	}
	recs := map[int]map[string][]any{}
	size := 0
	for i := range meta.NameFiles {
		data, ok := out[meta.Dir+"p/"+fmt.Sprint(i)+".js"]
		if !ok {
			t.Fatalf("name file %d is missing", i)
		}
		size += len(data)
		fn, a := args(t, data)
		m := map[string][]any{}
		recs[i] = m
		if err := json.Unmarshal(a[1], &m); fn != "names" || string(a[0]) != fmt.Sprint(i) || err != nil {
			t.Errorf("name file %d: %s(%s), %v", i, fn, a[0], err)
		}
	}
	if size/meta.NameFiles > 2*NameFileBytes {
		t.Errorf("%d name files of %d bytes on average", meta.NameFiles, size/meta.NameFiles)
	}
	hasKey := func(k string) bool { return slices.Contains(meta.Keys, k) }
	for _, tt := range []struct{ q, title, pair string }{
		{"julian suarez suarez", "Julián Suárez Suárez", "jul sua"},
		{"suárez suárez", "Julián Suárez Suárez", "sua sua"},
		{"rodriguez juli", "Julián Suárez Suárez", "jul rod"}, // the alias
		{"ana perez", "Ana Pérez", "ana per"},
		{"perez ana xylophone", "Ana Pérez", "ana per"}, // a word with no term file has no part in it
	} {
		pair := QueryPair(Tokens(tt.q), hasKey)
		if pair != tt.pair {
			t.Errorf("%q: pair %q, want %q", tt.q, pair, tt.pair)
			continue
		}
		file := recs[NameFile(pair, meta.NameFiles)]
		found := false
		for _, r := range ix.Query(tt.q).Results {
			d := file[fmt.Sprint(r.Doc.ID)]
			if d == nil && r.Name != NoName {
				t.Errorf("%q: %s, a whole name, is not in the name file of %q", tt.q, r.Doc.Title, pair)
			}
			found = found || r.Doc.Title == tt.title && d != nil && d[1] == tt.title
		}
		if !found {
			t.Errorf("%q: %s is not found, or not in the name file of %q", tt.q, tt.title, pair)
		}
	}
	if p := QueryPair(Tokens("perez"), hasKey); p != "" {
		t.Errorf("one word has a pair: %q", p)
	}
}

func TestNamePairs(t *testing.T) {
	got := NamePairs([]string{"suarez", "julian", "suarez", "sanchez"})
	want := []string{"jul san", "jul sua", "san sua", "sua sua"}
	if !slices.Equal(got, want) {
		t.Errorf("NamePairs = %v, want %v", got, want)
	}
}
