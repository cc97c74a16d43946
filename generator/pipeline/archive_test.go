package pipeline

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/linkcheck"
	"github.com/presos-politicos/briefing/generator/offline"
)

// unzipPart returns the files of one archive, by their names in the site,
// and fails on a member outside the archive's one folder.
func unzipPart(t *testing.T, name, folder string, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := make(map[string][]byte)
	for _, f := range zr.File {
		n, ok := strings.CutPrefix(f.Name, folder)
		if !ok {
			t.Errorf("%s: %s is not in the folder %s", name, f.Name, folder)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		out[n], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// brokenLinks lists the links of the unzipped files that lead nowhere,
// but for those allowed to: a link to a file the site has outside this
// archive (the other language, another part) for which allowed is true.
func brokenLinks(unzipped, site map[string][]byte, base string, allowed func(target string) bool) []string {
	var out []string
	for _, p := range linkcheck.Files(unzipped, base) {
		if p.NoFile {
			if _, ok := site[p.Target]; ok && allowed(p.Target) {
				continue
			}
		}
		out = append(out, p.Error())
	}
	return out
}

// TestOfflineArchive: a small site's archive is one file per language,
// holding every file of the site that readers need, whose every link
// resolves; check makes the same bytes; the data page lists it, and the
// footer links the data page.
func TestOfflineArchive(t *testing.T) {
	files := buildMirror(t)
	name := "briefing-offline-en.zip"
	unzipped := unzipPart(t, name, "briefing-offline-en/", files[name])
	for n, d := range files {
		switch {
		case n == name || n == Marker || n == "sitemap.xml" || n == "robots.txt" || n == HeadersFile || n == "404.html":
			if _, ok := unzipped[n]; ok {
				t.Errorf("the archive holds %s", n)
			}
		case !bytes.Equal(unzipped[n], d):
			t.Errorf("%s differs in the archive, or is not in it", n)
		}
	}
	for _, p := range brokenLinks(unzipped, files, mirror, offline.IsArchive) {
		t.Errorf("in the archive: %s", p)
	}
	again, _, _, err := inMemory(Options{Src: testsite.Dir(t), BaseURL: strings.TrimSuffix(mirror, "/")})
	if err != nil || !bytes.Equal(again[name], files[name]) {
		t.Errorf("the archive made in memory differs from the one the build wrote (%v)", err)
	}
	data := string(files["data/index.html"])
	if !strings.Contains(data, `<a href="../briefing-offline-en.zip" download>briefing-offline-en.zip</a> (`) || strings.Contains(data, "numbered parts") {
		t.Errorf("the data page does not list the one archive:\n%s", data)
	}
	if !strings.Contains(string(files["prisoners/ana-perez/index.html"]), `<a href="../../data/index.html#offline">Download the whole site to read offline</a>`) {
		t.Error("the footer does not link the download")
	}
}

// partsSite builds a 400-prisoner site in two languages with parts of at
// most partBudget bytes, and returns its folder and files.
func partsSite(t *testing.T) (string, map[string][]byte) {
	t.Helper()
	src := t.TempDir()
	size := corpus.Scaled(400)
	size.Spanish = true
	if err := corpus.Write(src, size); err != nil {
		t.Fatal(err)
	}
	testsite.Templates(t, src)
	res, err := Build(Options{Src: src, Out: filepath.Join(t.TempDir(), "public"), archivePart: partBudget})
	if err != nil {
		t.Fatal(err)
	}
	return src, testsite.Read(t, res.Out)
}

const partBudget = 1000 << 10

// TestOfflineArchiveInParts: an archive too big for one file comes in
// numbered parts per language, each under the limit; the first works
// alone (home, lists, timeline, search, data files), all of them together
// hold the language's whole site, whose every link resolves but those to
// the other language; the data page lists the parts. In Chromium, search
// works from the first part alone, and from every part together.
func TestOfflineArchiveInParts(t *testing.T) {
	src, files := partsSite(t)
	t.Run("browser", func(t *testing.T) { offlinePartsInBrowser(t, files) })
	partName := regexp.MustCompile(`^briefing-offline-(en|es)-(\d+)-of-(\d+)\.zip$`)
	parts := map[string][]string{}
	for n, d := range files {
		if m := partName.FindStringSubmatch(n); m != nil {
			parts[m[1]] = append(parts[m[1]], n)
			if len(d) > partBudget {
				t.Errorf("%s is %d bytes, over the %d a part may be", n, len(d), partBudget)
			}
		} else if offline.IsArchive(n) {
			t.Errorf("%s: a whole archive beside parts", n)
		}
	}
	for _, lang := range []string{"en", "es"} {
		prefix := map[string]string{"en": "", "es": "es/"}[lang]
		n := len(parts[lang])
		if n < 3 {
			t.Fatalf("%s: %d parts, want 3 or more to test", lang, n)
		}
		folder := "briefing-offline-" + lang + "/"
		all := make(map[string][]byte)
		var first map[string][]byte
		for i := 1; i <= n; i++ {
			name := fmt.Sprintf("briefing-offline-%s-%d-of-%d.zip", lang, i, n)
			part := unzipPart(t, name, folder, files[name])
			if i == 1 {
				first = part
			}
			for f, d := range part {
				if _, dup := all[f]; dup {
					t.Errorf("%s is in two parts", f)
				}
				all[f] = d
			}
			if !strings.Contains(string(files[prefix+"data/index.html"]), `href="`+strings.Repeat("../", strings.Count(prefix, "/")+1)+name+`" download>`) {
				t.Errorf("the %s data page does not link %s", lang, name)
			}
		}
		// The first part alone: the core of the site, working by itself.
		for _, want := range []string{"index.html", "prisoners/index.html", "timeline/index.html", "search/index.html", "data/index.html", "data/prisoners.json"} {
			if _, ok := first[prefix+want]; !ok {
				t.Errorf("%s: the first part lacks %s", lang, prefix+want)
			}
		}
		isRecord := func(target string) bool {
			return regexp.MustCompile(`^(?:briefs|prisoners|statements|sites)/[^/]+/`).MatchString(strings.TrimPrefix(target, prefix))
		}
		otherLang := func(target string) bool {
			return offline.IsArchive(target) || (prefix == "") == strings.HasPrefix(target, "es/")
		}
		for _, p := range brokenLinks(first, files, "/", func(target string) bool { return otherLang(target) || isRecord(target) && all[target] != nil }) {
			t.Errorf("%s, the first part alone: %s", lang, p)
		}
		// Every part together: the language's whole site.
		for f, d := range files {
			if otherLang(f) || f == Marker || f == "sitemap.xml" || f == "robots.txt" || f == HeadersFile || filepath.Base(f) == "404.html" {
				if _, ok := all[f]; ok && !offline.IsArchive(f) && !otherLang(f) {
					t.Errorf("%s: the archive holds %s", lang, f)
				}
				continue
			}
			if !bytes.Equal(all[f], d) {
				t.Errorf("%s: %s differs in the archive, or is not in it", lang, f)
			}
		}
		for _, p := range brokenLinks(all, files, "/", otherLang) {
			t.Errorf("%s, every part: %s", lang, p)
		}
	}
	if data := string(files["data/index.html"]); !strings.Contains(data, "numbered parts") || !strings.Contains(data, "The first part works by itself") {
		t.Error("the data page does not explain the parts")
	}
	// A spool in memory plans and makes the same parts, byte for byte.
	all, _, _, err := inMemory(Options{Src: src, archivePart: partBudget})
	if err != nil {
		t.Fatal(err)
	}
	again := make(map[string][]byte)
	for n, d := range all {
		if offline.IsArchive(n) {
			again[n] = d
		}
	}
	if len(again) != len(parts["en"])+len(parts["es"]) {
		t.Errorf("in memory %d parts, build %d", len(again), len(parts["en"])+len(parts["es"]))
	}
	for n, d := range again {
		if !bytes.Equal(d, files[n]) {
			t.Errorf("%s made in memory differs from the one the build wrote", n)
		}
	}
}

// offlinePartsInBrowser unzips each language's first part alone, then
// every part, to disk, and searches from there in Chromium: the first part
// finds a prisoner; with every part, the result's page opens.
func offlinePartsInBrowser(t *testing.T, files map[string][]byte) {
	ctx, jsErrors := browsertest.New(t)
	for _, lang := range []string{"en", "es"} {
		prefix := map[string]string{"en": "", "es": "es/"}[lang]
		dir := t.TempDir()
		var names []string
		for n := range files {
			if strings.HasPrefix(n, "briefing-offline-"+lang+"-") {
				names = append(names, n)
			}
		}
		for i := 1; i <= len(names); i++ {
			name := fmt.Sprintf("briefing-offline-%s-%d-of-%d.zip", lang, i, len(names))
			for f, d := range unzipPart(t, name, "", files[name]) {
				p := filepath.Join(dir, filepath.FromSlash(f))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, d, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if i > 1 && i < len(names) {
				continue
			}
			root := "file://" + filepath.ToSlash(dir) + "/briefing-offline-" + lang + "/" + prefix
			r := searchFor(t, ctx, root+"search/index.html?q="+url.QueryEscape("perez"))
			if r.Title == "" || !strings.HasPrefix(r.Href, "../prisoners/") {
				t.Fatalf("%s, %d of %d parts unzipped: search found %+v", lang, i, len(names), r)
			}
			if i == len(names) {
				target := root + "search/" + r.Href
				must(t, chromedp.Do(ctx, chromedp.Navigate(target)))
				if h1 := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("h1").textContent`)); h1 != r.Title {
					t.Errorf("%s: %s shows %q, want %q", lang, target, h1, r.Title)
				}
			}
			jsErrors.Check(t)
		}
	}
}
