package pipeline

import (
	"bytes"
	"maps"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/offline"
)

// TestDataFilesInParts: data files too large for one file come in
// numbered parts; each language's data page links every part in order
// and says how they join, every link resolves (Check), and the offline
// archive holds the parts. The files that fit are as a whole build
// writes them.
func TestDataFilesInParts(t *testing.T) {
	src := bilingualSite(t)
	const limit = 1500
	if _, err := Check(Options{Src: src, dataPart: limit}); err != nil {
		t.Fatalf("check: %v", err)
	}
	build := func(opts Options) map[string][]byte {
		t.Helper()
		opts.Out = filepath.Join(t.TempDir(), "public")
		res, err := Build(opts)
		if err != nil {
			t.Fatal(err)
		}
		return testsite.Read(t, res.Out)
	}
	whole := build(Options{Src: src})
	split := build(Options{Src: src, dataPart: limit})
	href := regexp.MustCompile(`href="\.\./data/([^"#]+)"`)
	for prefix, explains := range map[string]string{"": "comes in numbered parts (timeline-1.json", "es/": "viene en partes numeradas (timeline-1.json"} {
		if len(whole[prefix+"data/timeline.json"]) <= limit {
			t.Fatalf("%sdata/timeline.json is too small to test with", prefix)
		}
		var files []string // the data files written, in name order
		for n := range split {
			if dir, file := path.Split(n); dir == prefix+"data/" && file != "index.html" {
				files = append(files, file)
				if len(split[n]) > limit && !bytes.Equal(split[n], whole[n]) {
					t.Errorf("%s is %d bytes, past the limit", n, len(split[n]))
				}
			}
		}
		sort.Strings(files)
		if !slices.Contains(files, "timeline-1.json") || !slices.Contains(files, "timeline-2.json") || slices.Contains(files, "timeline.json") {
			t.Errorf("%sdata/ holds %q: want the timeline in parts", prefix, files)
		}
		page := string(split[prefix+"data/index.html"])
		var linked []string
		for _, m := range href.FindAllStringSubmatch(page, -1) {
			if m[1] != "index.html" {
				linked = append(linked, m[1])
			}
		}
		for i := 1; slices.Contains(files, "timeline-"+string(rune('0'+i))+".json"); i++ {
			at := slices.Index(linked, "timeline-"+string(rune('0'+i))+".json")
			if at < 0 || i > 1 && linked[at-1] != "timeline-"+string(rune('0'+i-1))+".json" {
				t.Errorf("the %sdata page links %q: not the timeline's parts in order", prefix, linked)
			}
		}
		if sort.Strings(linked); !slices.Equal(linked, files) {
			t.Errorf("the %sdata page links %q, want every data file: %q", prefix, linked, files)
		}
		if !strings.Contains(page, explains) {
			t.Errorf("the %sdata page does not explain the parts", prefix)
		}
		if strings.Contains(string(whole[prefix+"data/index.html"]), explains) {
			t.Errorf("the %sdata page of a site without parts explains them", prefix)
		}
		lang := map[string]string{"": "en", "es/": "es"}[prefix]
		zipped := unzipPart(t, offline.Name(lang, 1, 1), offline.Folder(lang), split[offline.Name(lang, 1, 1)])
		for _, f := range files {
			if !bytes.Equal(zipped[prefix+"data/"+f], split[prefix+"data/"+f]) {
				t.Errorf("the %s archive lacks %sdata/%s", lang, prefix, f)
			}
		}
	}
}

// TestLazyIsBuildInParts: with the data files and the sitemap in parts,
// the lazy site serve draws has every file build writes, byte for byte,
// and no other; no offline archive holds a part of the sitemap, which is
// made for hosts after the archives are planned.
func TestLazyIsBuildInParts(t *testing.T) {
	opts := Options{Src: bilingualSite(t), BaseURL: "https://example.org/", dataPart: 1500}
	opts.Out = filepath.Join(t.TempDir(), "public")
	res, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	built := testsite.Read(t, res.Out)
	delete(built, Marker)
	if built["sitemap-1.xml"] == nil {
		t.Fatal("the sitemap is not in parts: the site is too small to test with")
	}
	lazy, err := Prepare(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	names, err := lazy.Names()
	if err != nil {
		t.Fatal(err)
	}
	if want := slices.Sorted(maps.Keys(built)); !slices.Equal(names, want) {
		t.Errorf("the lazy site has %q\nbuild wrote %q", names, want)
	}
	for _, n := range names {
		data, ok, err := lazy.File(n)
		if err != nil || !ok || !bytes.Equal(data, built[n]) {
			t.Errorf("%s: the lazy site gives %d bytes (%v, %v), build wrote %d", n, len(data), ok, err, len(built[n]))
		}
	}
}
