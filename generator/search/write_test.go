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
	keys := strings.Fields(meta.Keys)
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
