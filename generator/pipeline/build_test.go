package pipeline

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func TestBuildFixture(t *testing.T) {
	src := testsite.Dir(t)
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	if res.Out != filepath.Join(src, "public") {
		t.Errorf("output folder = %s, want site.toml's default public", res.Out)
	}
	files := testsite.Read(t, res.Out)
	for _, want := range []string{
		"index.html", "404.html", Marker, "briefing-offline-en.zip", HeadersFile, "feed.xml", "robots.txt", "data/index.html", "data/prisoners.json", "data/prisoners.csv",
		"briefs/index.html", "briefs/b/index.html",
		"prisoners/index.html", "prisoners/ana-perez/index.html", "prisoners/luis-gomez/index.html", "prisoners/anon-1/index.html",
		"statements/index.html", "statements/count/index.html",
		"sites/index.html", "sites/el-helicoide/index.html", "sites/la-tumba/index.html",
		"timeline/index.html", "search/index.html", "counts/index.html",
	} {
		if _, ok := files[want]; !ok {
			t.Errorf("missing %s", want)
		}
	}
	if res.Pages != 17 {
		t.Errorf("pages = %d, want 17", res.Pages)
	}
	absolute := regexp.MustCompile(`(?:href|src|action)="(/[^"]*|https?://[^"]*)"`)
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(data)
		for _, want := range []string{
			`<html lang="en">`,
			`<meta http-equiv="Content-Security-Policy" content="default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'">`,
			`<meta name="referrer" content="no-referrer">`,
			`<meta name="description" content="`,
			`Last updated <time datetime="`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		if name == "404.html" {
			continue
		}
		for _, m := range absolute.FindAllStringSubmatch(page, -1) {
			// Only sources and other sites may be absolute, and only as links.
			if strings.HasPrefix(m[1], "/") || !strings.HasPrefix(m[0], "href") {
				t.Errorf("%s: %s is not relative", name, m[0])
			}
		}
		if strings.Contains(page, "<script") && !strings.Contains(page, `<script src="`) {
			t.Errorf("%s has an inline script", name)
		}
	}
	ana := string(files["prisoners/ana-perez/index.html"])
	for _, want := range []string{
		`<a href="../../sites/el-helicoide/index.html">El Helicoide</a>`,
		`<time datetime="2024-02-09">9 February 2024</time>`,
		`at least 327 days`,
		`<a href="../../briefs/b/index.html">A brief</a>`,
	} {
		if !strings.Contains(ana, want) {
			t.Errorf("Ana's page lacks %s", want)
		}
	}
	// An alias is shown on the record's page: the reader knows it is the same person.
	if luis := string(files["prisoners/luis-gomez/index.html"]); !strings.Contains(luis, "<dt>Also known as</dt><dd>Lucho Gómez</dd>") {
		t.Errorf("Luis's page does not show his alias")
	}
	if nf := string(files["404.html"]); !strings.Contains(nf, `href="/prisoners/index.html"`) {
		t.Errorf("404.html's links must be absolute (hosts serve it at any depth):\n%s", nf)
	}
	anon := string(files["prisoners/anon-1/index.html"])
	if strings.Contains(anon, "Hidden Person") || !strings.Contains(anon, "Name withheld") {
		t.Errorf("anonymous page leaks the name or lacks Name withheld")
	}
	for name, data := range files {
		if bytes.Contains(data, []byte("Hidden Person")) {
			t.Errorf("%s contains an anonymous person's name", name)
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	src := testsite.Dir(t)
	a, err := Build(Options{Src: src, Out: filepath.Join(t.TempDir(), "a")})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(Options{Src: src, Out: filepath.Join(t.TempDir(), "b")})
	if err != nil {
		t.Fatal(err)
	}
	ta, tb := testsite.Read(t, a.Out), testsite.Read(t, b.Out)
	if len(ta) != len(tb) {
		t.Fatalf("%d files, then %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

func TestFailedBuildLeavesOutputUntouched(t *testing.T) {
	src := testsite.Dir(t)
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	before := testsite.Read(t, res.Out)
	p := filepath.Join(src, "content/prisoners/ana-perez.toml")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(data, []byte(`status = "detained"`), []byte(`status = "jailed"`), 1), 0o644)
	os.WriteFile(filepath.Join(src, "templates/statement.html"), []byte(`{{define "main"}}{{.Nope}}{{end}}`), 0o644)
	if _, err := Build(Options{Src: src}); err == nil {
		t.Fatal("broken build succeeded")
	}
	after := testsite.Read(t, res.Out)
	if len(after) != len(before) {
		t.Errorf("%d files before the failed build, %d after", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed", name)
		}
	}
	entries, _ := os.ReadDir(src)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public.") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}
	// A template error fails at render time; a failed render also leaves
	// the output untouched.
	os.WriteFile(p, data, 0o644)
	if _, err := Build(Options{Src: src}); err == nil || !strings.Contains(err.Error(), "templates/statement.html:1:") {
		t.Errorf("template error = %v; want one at templates/statement.html:1", err)
	}
	for name, data := range before {
		if !bytes.Equal(data, testsite.Read(t, res.Out)[name]) {
			t.Errorf("%s changed after a failed render", name)
		}
	}
}

func TestRefusesUnsafeOutput(t *testing.T) {
	src := testsite.Dir(t)
	other := t.TempDir()
	os.WriteFile(filepath.Join(other, "thesis.doc"), []byte("precious"), 0o644)
	links := t.TempDir()
	os.Symlink(src, filepath.Join(links, "to-site"))
	os.Symlink(other, filepath.Join(links, "to-other"))
	os.Symlink(filepath.Join(links, "nowhere"), filepath.Join(links, "dangling"))
	os.Symlink(filepath.Join(other, "thesis.doc"), filepath.Join(links, "to-file"))
	tests := []struct{ out, want string }{
		{filepath.Join(links, "to-site"), "holds the site's own files"},
		{filepath.Join(links, "to-other"), "holds files this program did not write"},
		{filepath.Join(links, "dangling"), "is a symbolic link to " + filepath.Join(links, "nowhere") + ", which does not exist; create that folder, or remove the link"},
		{filepath.Join(links, "to-file"), "which is not a folder"},
		{src, "holds the site's own files"},
		{filepath.Dir(src), "holds the site's own files"},
		{filepath.Join(src, "content", "out"), "inside the site's content/ folder"},
		{other, "holds files this program did not write"},
	}
	for _, tt := range tests {
		_, err := Build(Options{Src: src, Out: tt.out})
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Build -out %s: err = %v, want %q", tt.out, err, tt.want)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(other, "thesis.doc")); string(data) != "precious" {
		t.Error("a refused build touched the folder")
	}
}

func TestCheckFindsBrokenLinks(t *testing.T) {
	src := testsite.Dir(t)
	if _, err := Check(Options{Src: src}); err != nil {
		t.Fatalf("Check on a good site: %v", err)
	}
	os.WriteFile(filepath.Join(src, "templates/search.html"), []byte(`{{define "main"}}<h1>S</h1><a href="../nowhere/index.html">x</a> <a href="../timeline/index.html#no-such-entry">y</a> <a href="/prisoners/index.html">z</a> <a href="../prisoners/">w</a>{{end}}`), 0o644)
	_, err := Check(Options{Src: src})
	want := []string{
		`search/index.html: link "../nowhere/index.html" leads to nowhere/index.html, which does not exist`,
		`search/index.html: link "../timeline/index.html#no-such-entry" names the anchor #no-such-entry, which timeline/index.html does not have`,
		`search/index.html: link "/prisoners/index.html" starts with /; links between pages must be relative`,
		`search/index.html: link "../prisoners/" names a folder; a copy opened from disk shows a listing there: link its index.html`,
	}
	if err == nil {
		t.Fatal("Check passed a site with broken links")
	}
	if got := err.Error(); got != strings.Join(want, "\n") {
		t.Errorf("Check:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

func TestStaticFileCannotShadowAPage(t *testing.T) {
	src := testsite.Dir(t)
	os.MkdirAll(filepath.Join(src, "static/prisoners"), 0o755)
	os.WriteFile(filepath.Join(src, "static/prisoners/index.html"), []byte("x"), 0o644)
	_, err := Build(Options{Src: src})
	if err == nil || !strings.Contains(err.Error(), "two outputs would both be written to prisoners/index.html") {
		t.Errorf("err = %v", err)
	}
}

// TestSyntheticCorpus builds a 200-prisoner corpus in the content format,
// in one language and in two: every record gets its page in each and
// check finds no broken link.
func TestSyntheticCorpus(t *testing.T) {
	for _, spanish := range []bool{false, true} {
		t.Run(fmt.Sprintf("spanish=%v", spanish), func(t *testing.T) {
			src := t.TempDir()
			size := corpus.Scaled(200)
			size.Spanish = spanish
			if err := corpus.Write(src, size); err != nil {
				t.Fatal(err)
			}
			testsite.Templates(t, src)
			res, err := Check(Options{Src: src})
			if err != nil {
				t.Fatalf("check: %v", err)
			}
			// Records with a page, the list pages, home, timeline, search,
			// data, counts, 404 and the two standing pages; each language
			// has its 404 page.
			want := size.Prisoners + size.Statements + size.Sites + size.Briefs + 4 + 5 + 1 + 2
			if spanish {
				want = 2 * want
			}
			if res.Pages != want {
				t.Errorf("pages = %d, want %d", res.Pages, want)
			}
		})
	}
}

// TestGolden compares the rendered pages of the fixture site with the
// golden files; run with -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	src := testsite.Dir(t)
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, res.Out)
	golden := filepath.Join("testdata", "golden.txtar")
	pages := []string{"prisoners/ana-perez/index.html", "sites/el-helicoide/index.html", "timeline/index.html", "counts/index.html", "index.html"}
	if *update {
		a := &txtar.Archive{Comment: []byte("Golden pages of testdata/site.txtar. Regenerate: go test ./generator/pipeline -run TestGolden -update\n")}
		for _, p := range pages {
			a.Files = append(a.Files, txtar.File{Name: p, Data: files[p]})
		}
		if err := os.WriteFile(golden, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	a, err := txtar.ParseFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	for _, f := range a.Files {
		if got := files[f.Name]; !bytes.Equal(got, f.Data) {
			t.Errorf("%s differs from %s (run with -update if the change is deliberate):\n%s", f.Name, golden, lineDiff(string(f.Data), string(got)))
		}
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			b.WriteString("line " + strconv.Itoa(i+1) + ":\n- " + wl + "\n+ " + gl + "\n")
			shown++
		}
	}
	return b.String()
}

// TestCheckFindsDuplicateIDs: with raw HTML allowed, an element whose id
// is one the layout uses (main, the skip link's target) or that another
// element has is a problem check reports.
func TestCheckFindsDuplicateIDs(t *testing.T) {
	src := testsite.Dir(t)
	cfg := filepath.Join(src, "site.toml")
	data, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(data, "\n[markdown]\nraw_html = true\n"...), 0o644)
	brief := filepath.Join(src, "content/briefs/b.md")
	data, _ = os.ReadFile(brief)
	os.WriteFile(brief, append(data, "\n<p id=\"main\">Skip here</p>\n\n<p id=\"twice\">a</p>\n\n<p id=\"twice\">b</p>\n"...), 0o644)
	_, err := Check(Options{Src: src})
	want := `briefs/b/index.html: the id "main" is on 2 elements; an id names one element (links and the skip link go to the first): rename the others
briefs/b/index.html: the id "twice" is on 2 elements; an id names one element (links and the skip link go to the first): rename the others`
	if err == nil || err.Error() != want {
		t.Errorf("Check: %v\nwant:\n%s", err, want)
	}
}

// TestLoadedOnce: Options.Loaded, by which main bounds the memory, is
// called once per build and once per check, with the number of records
// loaded.
func TestLoadedOnce(t *testing.T) {
	src := testsite.Dir(t)
	set, err := content.Load(os.DirFS(src), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range []func(Options) (*Result, error){Build, Check} {
		calls, records := 0, 0
		out := filepath.Join(t.TempDir(), "public")
		_, err := run(Options{Src: src, Out: out, Loaded: func(n int) { calls++; records = n }})
		if err != nil || calls != 1 {
			t.Errorf("Loaded called %d times (%v), want once", calls, err)
		}
		if want := len(set.Records()); records != want || want == 0 {
			t.Errorf("Loaded told of %d records, want %d", records, want)
		}
	}
}

// TestStaticFileCannotShadowInServe: serve refuses what build refuses, a
// static file where a page or the sitemap goes, rather than serving one of
// the two.
func TestStaticFileCannotShadowInServe(t *testing.T) {
	for _, name := range []string{"prisoners/index.html", "sitemap.xml"} {
		src := testsite.Dir(t)
		os.MkdirAll(filepath.Join(src, "static", filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(src, "static", name), []byte("x"), 0o644)
		l, err := Prepare(Options{Src: src, BaseURL: "https://example.org/"}, nil)
		if err == nil {
			_, err = l.Names()
		}
		if want := "two outputs would both be written to " + name; err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %s", name, err, want)
		}
	}
}
