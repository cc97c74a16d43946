package feed

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presos-politicos/briefing/generator/internal/sitetest"
	"github.com/presos-politicos/briefing/generator/site"
)

// manyPrisoners is a site of n prisoners, each arrested and released:
// two timeline entries each.
func manyPrisoners(t *testing.T, n int) *site.Site {
	t.Helper()
	fsys := fstest.MapFS{"site.toml": {Data: []byte("title = \"T\"\n")}}
	for i := range n {
		fsys[fmt.Sprintf("content/prisoners/p%03d.toml", i)] = &fstest.MapFile{Data: fmt.Appendf(nil,
			"name = \"Person %03d\"\nstatus = \"released\"\narrested = 2024-01-%02d\nreleased = 2025-01-02\n", i, i%28+1)}
	}
	s := sitetest.New(t, fsys)
	return s
}

// TestDataParts: a data file past the limit comes in parts, each a
// complete file under the limit, that together hold the whole file's
// records in order; a file that fits keeps its name.
func TestDataParts(t *testing.T) {
	s := manyPrisoners(t, 40)
	whole, split := files{}, files{}
	if parts, err := Write(s, whole, 0); err != nil || len(parts) != 0 {
		t.Fatalf("Write with the default limit: %v, parts %v", err, parts)
	}
	const limit = 2000
	parts, err := Write(s, split, limit)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"data/timeline.json", "data/prisoners.json", "data/prisoners.csv"} {
		if len(whole[name]) <= limit {
			t.Fatalf("%s is %d bytes: too small to test with", name, len(whole[name]))
		}
		if _, ok := split[name]; ok {
			t.Errorf("%s was written whole (%d bytes), past the limit", name, len(split[name]))
		}
		names := parts.Files(name)
		if len(names) < 2 {
			t.Fatalf("%s: parts %q", name, names)
		}
		var joined []byte
		for i, part := range names {
			if want := strings.Replace(name, ".", fmt.Sprintf("-%d.", i+1), 1); part != want {
				t.Errorf("part %d of %s is %s, want %s", i+1, name, part, want)
			}
			data, ok := split[part]
			if !ok || len(data) > limit {
				t.Errorf("%s: written %v, %d bytes (limit %d)", part, ok, len(data), limit)
			}
			if strings.HasSuffix(name, ".json") {
				var list []json.RawMessage
				if err := json.Unmarshal(data, &list); err != nil || len(list) == 0 {
					t.Fatalf("%s is not a JSON array of records (%v):\n%s", part, err, data)
				}
				joined = append(joined, data[2:len(data)-3]...) // between "[\n" and "\n]\n"
				if i < len(names)-1 {
					joined = append(joined, ",\n"...)
				}
				continue
			}
			header, rest, _ := bytes.Cut(data, []byte("\n"))
			if first, _, _ := bytes.Cut(whole[name], []byte("\n")); !bytes.Equal(header, first) {
				t.Errorf("%s starts with %q, not the whole file's byte-order mark and header %q", part, header, first)
			}
			if _, err := csv.NewReader(bytes.NewReader(data)).ReadAll(); err != nil {
				t.Errorf("%s: %v", part, err)
			}
			if i == 0 {
				joined = append(joined, header...)
				joined = append(joined, '\n')
			}
			joined = append(joined, rest...)
		}
		if strings.HasSuffix(name, ".json") {
			joined = append(append([]byte("[\n"), joined...), "\n]\n"...)
		}
		if !bytes.Equal(joined, whole[name]) {
			t.Errorf("the parts of %s do not join into the whole file:\n%s\nwant:\n%s", name, joined, whole[name])
		}
	}
	if _, ok := parts["data/counts.json"]; ok || split["data/counts.json"] == nil {
		t.Errorf("data/counts.json fits and should keep its name: parts %v", parts["data/counts.json"])
	}
	for name, data := range whole {
		if _, ok := parts[name]; !ok && !bytes.Equal(split[name], data) {
			t.Errorf("%s fits, yet changed when others were split", name)
		}
	}
}

// TestCut: parts stay within the limit with what each part adds; a
// record larger than a part is a part by itself; a count limit cuts too.
// Records of 10, 10, 40, 5, 5 and 5 bytes; want is the index of the first
// record of each part.
func TestCut(t *testing.T) {
	sizes := []int{10, 10, 40, 5, 5, 5}
	for _, tc := range []struct {
		fixed, limit, max int
		want              []int
	}{
		{0, 20, 0, []int{0, 2, 3}},
		{5, 20, 0, []int{0, 1, 2, 3}},
		{6, 20, 0, []int{0, 1, 2, 3, 5}},
		{0, 100, 2, []int{0, 2, 4}},
		{0, 1000, 0, []int{0}},
	} {
		out := files{}
		w := newPartWriter(out, tc.limit)
		head := strings.Repeat("h", tc.fixed)
		f := w.begin("data/x.txt", head, "", "", head, tc.max)
		for i, n := range sizes {
			if err := f.add([]byte(strings.Repeat(string(rune('a'+i)), n))); err != nil {
				t.Fatal(err)
			}
		}
		names, err := f.close()
		if err != nil {
			t.Fatal(err)
		}
		var got []int
		for _, name := range names {
			data := out[name]
			if len(data) > max(tc.limit, tc.fixed+40) {
				t.Errorf("limit %d: %s is %d bytes", tc.limit, name, len(data))
			}
			got = append(got, int(data[tc.fixed]-'a'))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("fixed %d, limit %d, max %d: parts start at records %v, want %v", tc.fixed, tc.limit, tc.max, got, tc.want)
		}
		if len(names) == 1 && names[0] != "data/x.txt" {
			t.Errorf("one part is named %s, want the file's own name", names[0])
		}
	}
}

// TestSitemapParts: past the limit of bytes or of addresses, sitemap.xml
// is an index of parts that together list every address once.
func TestSitemapParts(t *testing.T) {
	var pages []Page
	for i := range 25 {
		pages = append(pages, Page{URL: fmt.Sprintf("prisoners/p%02d/", i), Lastmod: "2025-01-02",
			Alternates: [][2]string{{"en", fmt.Sprintf("prisoners/p%02d/", i)}, {"es", fmt.Sprintf("es/prisoners/p%02d/", i)}}})
	}
	const base = "https://example.org/b/"
	whole := files{}
	if err := Sitemap(base, pages, whole, 0); err != nil {
		t.Fatal(err)
	}
	type urlset struct {
		XMLName xml.Name
		Locs    []string `xml:"url>loc"`
		Parts   []string `xml:"sitemap>loc"`
	}
	read := func(data []byte) urlset {
		var u urlset
		if err := xml.Unmarshal(data, &u); err != nil {
			t.Fatalf("%v:\n%s", err, data)
		}
		return u
	}
	all := read(whole["sitemap.xml"]).Locs
	if len(all) != 25 {
		t.Fatalf("the whole sitemap lists %d addresses", len(all))
	}
	for _, tc := range []struct {
		limit, maxURLs, parts int
	}{
		{2500, 50_000, 4}, // by bytes: 7 addresses of about 340 bytes a part
		{1 << 20, 10, 3},  // by addresses
	} {
		out := files{}
		if err := sitemap(base, pages, out, tc.limit, tc.maxURLs); err != nil {
			t.Fatal(err)
		}
		index := read(out["sitemap.xml"])
		if index.XMLName.Local != "sitemapindex" || len(index.Parts) != tc.parts {
			t.Fatalf("limit %d, %d addresses: sitemap.xml is a %s of %d parts, want an index of %d:\n%s", tc.limit, tc.maxURLs, index.XMLName.Local, len(index.Parts), tc.parts, out["sitemap.xml"])
		}
		var got []string
		for i, loc := range index.Parts {
			name := fmt.Sprintf("sitemap-%d.xml", i+1)
			if loc != base+name {
				t.Errorf("the index lists %s, want %s", loc, base+name)
			}
			part := read(out[name])
			if part.XMLName.Local != "urlset" || len(part.Locs) > tc.maxURLs || len(out[name]) > tc.limit {
				t.Errorf("%s: a %s of %d addresses, %d bytes", name, part.XMLName.Local, len(part.Locs), len(out[name]))
			}
			if !bytes.Contains(out[name], []byte(`xmlns:xhtml=`)) {
				t.Errorf("%s lacks the namespace of its alternates", name)
			}
			got = append(got, part.Locs...)
		}
		if !slices.Equal(got, all) {
			t.Errorf("the parts list %q, want %q", got, all)
		}
		if !bytes.Equal(out["robots.txt"], whole["robots.txt"]) {
			t.Errorf("robots.txt = %q", out["robots.txt"])
		}
	}
}
