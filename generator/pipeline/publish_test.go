package pipeline

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/linkcheck"
)

const mirror = "https://mirror.example/sub/dir/"

func buildMirror(t *testing.T) map[string][]byte {
	t.Helper()
	src := testsite.Dir(t)
	res, err := Build(Options{Src: src, BaseURL: strings.TrimSuffix(mirror, "/")})
	if err != nil {
		t.Fatal(err)
	}
	return testsite.Read(t, res.Out)
}

type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Category struct {
			Term string `xml:"term,attr"`
		} `xml:"category"`
	} `xml:"entry"`
}

func parseFeed(t *testing.T, data []byte) atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("feed: %v\n%s", err, data)
	}
	return f
}

var urn = regexp.MustCompile(`^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestFeeds(t *testing.T) {
	files := buildMirror(t)
	f := parseFeed(t, files["feed.xml"])
	if !urn.MatchString(f.ID) || f.Title != "Test" || f.Author.Name != "Test" || f.Updated != "2024-12-31T00:00:00Z" {
		t.Errorf("feed head: %+v", f)
	}
	if f.Links[0].Rel != "self" || f.Links[0].Href != mirror+"feed.xml" || f.Links[1].Href != mirror {
		t.Errorf("feed links: %+v", f.Links)
	}
	var got []string
	for _, e := range f.Entries {
		if !urn.MatchString(e.ID) || !strings.HasPrefix(e.Link.Href, mirror) {
			t.Errorf("entry %+v", e)
		}
		got = append(got, e.Category.Term+" "+e.Updated[:10]+" "+e.Title)
	}
	want := []string{
		"count 2024-12-31 Plataforma Unitaria: about 1,000 held, 31 December 2024",
		"count 2024-12-29 Foro Penal: 863 held, 29 December 2024",
		"statement 2024-12-29 Foro Penal: “Many”",
		"count 2024-12-24 Foro Penal: at least 154 released since 20 November 2024, 24 December 2024",
		"count 2024-12-23 Government of Venezuela: 626 released since 20 November 2024, 23 December 2024",
		"count 2024-11-04 Foro Penal: 1,800 held, 4 November 2024",
		"brief 2024-08-01 A brief",
		"release 2024-06-10 Luis Gómez released",
		"arrest 2024-02-09 Ana Pérez arrested",
		"arrest 2024-02-01 Luis Gómez arrested",
		"arrest 2024-01-01 Name withheld arrested",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries, newest first:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// One prisoner's feed: their own history, newest first.
	pf := parseFeed(t, files["prisoners/ana-perez/feed.xml"])
	if len(pf.Entries) != 3 || pf.Entries[0].Title != "Election" || pf.Links[1].Href != mirror+"prisoners/ana-perez/" {
		t.Errorf("Ana's feed: %+v", pf)
	}
	if _, ok := files["sites/el-helicoide/feed.xml"]; !ok {
		t.Error("no feed for a site")
	}
	// Pages link their feeds.
	ana := string(files["prisoners/ana-perez/index.html"])
	for _, want := range []string{
		`<link rel="alternate" type="application/atom+xml" title="Test" href="../../feed.xml">`,
		`<link rel="alternate" type="application/atom+xml" title="Ana Pérez" href="../../prisoners/ana-perez/feed.xml">`,
	} {
		if !strings.Contains(ana, want) {
			t.Errorf("Ana's page lacks %s", want)
		}
	}
	// Ids are stable: a second build gives the same bytes.
	again := buildMirror(t)
	if !bytes.Equal(again["feed.xml"], files["feed.xml"]) {
		t.Error("feed.xml differs between two builds")
	}
}

func TestSitemapAndRobots(t *testing.T) {
	files := buildMirror(t)
	var set struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &set); err != nil {
		t.Fatal(err)
	}
	locs := map[string]string{}
	for _, u := range set.URLs {
		locs[u.Loc] = u.Lastmod
	}
	pages := 0
	for name := range files {
		if strings.HasSuffix(name, "index.html") {
			pages++
			loc := mirror + strings.TrimSuffix(name, "index.html")
			if _, ok := locs[loc]; !ok {
				t.Errorf("sitemap lacks %s", loc)
			}
		}
	}
	if len(set.URLs) != pages {
		t.Errorf("sitemap has %d URLs for %d pages", len(set.URLs), pages)
	}
	if lm := locs[mirror+"prisoners/luis-gomez/"]; lm != "2024-06-10" {
		t.Errorf("Luis's lastmod = %q", lm)
	}
	if got := string(files["robots.txt"]); got != "User-agent: *\nAllow: /\nSitemap: "+mirror+"sitemap.xml\n" {
		t.Errorf("robots.txt = %q", got)
	}
	// Canonical, Open Graph and Twitter tags use the base; links between
	// pages stay relative.
	ana := string(files["prisoners/ana-perez/index.html"])
	for _, want := range []string{
		`<link rel="canonical" href="` + mirror + `prisoners/ana-perez/">`,
		`<meta property="og:url" content="` + mirror + `prisoners/ana-perez/">`,
		`<meta property="og:image" content="` + mirror + `share.png">`,
		`<meta property="og:title" content="Ana Pérez">`,
		`<meta name="twitter:card" content="summary_large_image">`,
		`href="../../sites/el-helicoide/index.html"`,
	} {
		if !strings.Contains(ana, want) {
			t.Errorf("Ana's page lacks %s", want)
		}
	}
	// X falls back to the Open Graph tags; copies of them only weigh.
	for _, dup := range []string{"twitter:title", "twitter:description", "twitter:image"} {
		if strings.Contains(ana, dup) {
			t.Errorf("Ana's page repeats %s", dup)
		}
	}
	if problems := linkcheck.Files(files, mirror); len(problems) > 0 {
		for _, p := range problems {
			t.Errorf("links under a subpath: %v", p)
		}
	}
}

func TestDataFiles(t *testing.T) {
	files := buildMirror(t)
	var prisoners []map[string]any
	if err := json.Unmarshal(files["data/prisoners.json"], &prisoners); err != nil {
		t.Fatal(err)
	}
	if len(prisoners) != 3 {
		t.Fatalf("%d prisoners", len(prisoners))
	}
	ana := prisoners[0]
	for k, want := range map[string]any{"slug": "ana-perez", "url": mirror + "prisoners/ana-perez/", "name": "Ana Pérez", "status": "detained", "arrested": "2024-02-09", "days_in_custody_at_least": 327.0, "updated": "2024-03-01"} {
		if ana[k] != want {
			t.Errorf("ana.%s = %v, want %v", k, ana[k], want)
		}
	}
	if c := ana["custody"].([]any); len(c) != 2 || c[1].(map[string]any)["site"] != "la-tumba" {
		t.Errorf("custody = %v", ana["custody"])
	}
	anon := prisoners[2]
	if anon["name"] != "Name withheld" || anon["anonymous"] != true || anon["summary"] != nil {
		t.Errorf("anonymous record = %v", anon)
	}
	for name, n := range map[string]int{"data/statements.json": 1, "data/sites.json": 2, "data/events.json": 2, "data/briefs.json": 1, "data/timeline.json": 14, "data/counts.json": 5} {
		var list []any
		if err := json.Unmarshal(files[name], &list); err != nil || len(list) != n {
			t.Errorf("%s: %d records (%v), want %d", name, len(list), err, n)
		}
	}
	var counts []map[string]any
	if err := json.Unmarshal(files["data/counts.json"], &counts); err != nil {
		t.Fatal(err)
	}
	// By as-of date: the government's release claim is the second.
	if c := counts[1]; c["slug"] != "government-releases" || c["government"] != true || c["measure"] != "released" || c["since"] != "2024-11-20" || c["value"] != 626.0 || c["qualifier"] != "exact" {
		t.Errorf("counts.json[1] = %v", c)
	}
	if c := counts[3]; c["slug"] != "foro-penal-2024-12-29" || c["breakdown"].(map[string]any)["women"] != 87.0 || c["statement"] != "count" || c["url"] != mirror+"counts/#count-foro-penal-2024-12-29" {
		t.Errorf("counts.json[3] = %v", c)
	}
	countRows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["data/counts.csv"], []byte("\ufeff")))).ReadAll()
	if err != nil || len(countRows) != 6 || countRows[4][9] != "men: 776; women: 87" || countRows[2][4] != "yes" {
		t.Errorf("counts.csv = %q (%v)", countRows, err)
	}
	// CSV: UTF-8 with a BOM, a header row, one record a row.
	data := files["data/prisoners.csv"]
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Error("prisoners.csv has no byte-order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "slug" || rows[1][2] != "Ana Pérez" || rows[1][11] != "la-tumba" {
		t.Errorf("prisoners.csv = %q", rows)
	}
	if sites, _ := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(files["data/sites.csv"], []byte("\ufeff")))).ReadAll(); len(sites) != 3 || sites[1][12] != "2" {
		t.Errorf("sites.csv = %q", sites)
	}
}

// TestFormulaInjection: a cell a spreadsheet would run is neutralised.
func TestFormulaInjection(t *testing.T) {
	src := testsite.DirFrom(t, "testdata/hostile.txtar")
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(res.Out, "data/prisoners.csv"))
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	charges := rows[1][10]
	if charges != `'=HYPERLINK("https://evil.example"); @SUM(1+1)` {
		t.Errorf("charges cell = %q", charges)
	}
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("cell %q would run as a formula", cell)
			}
		}
	}
}

// TestFingerprints: asset names change when the file changes, and only then.
func TestFingerprints(t *testing.T) {
	src := testsite.Dir(t)
	name := func() string {
		s, err := copyStatic(os.DirFS(src), newMemory())
		if err != nil {
			t.Fatal(err)
		}
		return s["style.css"].Path + " " + s["timeline.js"].Path
	}
	first := name()
	if !regexp.MustCompile(`^style\.[0-9a-f]{8}\.css timeline\.[0-9a-f]{8}\.js$`).MatchString(first) {
		t.Fatalf("names = %s", first)
	}
	if again := name(); again != first {
		t.Errorf("unchanged files renamed: %s, then %s", first, again)
	}
	css := filepath.Join(src, "static/style.css")
	data, _ := os.ReadFile(css)
	os.WriteFile(css, append(data, []byte("\n/* changed */\n")...), 0o644)
	changed := name()
	if strings.Fields(changed)[0] == strings.Fields(first)[0] || strings.Fields(changed)[1] != strings.Fields(first)[1] {
		t.Errorf("after changing style.css: %s (was %s)", changed, first)
	}
}

// TestRecordFeedsOff: [feeds] records = false leaves out the feed of each
// prisoner and site, and every link to one; the site's feed stays.
func TestRecordFeedsOff(t *testing.T) {
	src := testsite.Dir(t)
	f, err := os.OpenFile(filepath.Join(src, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n[feeds]\nrecords = false\n")
	f.Close()
	if _, err := Check(Options{Src: src}); err != nil {
		t.Fatalf("check: %v", err)
	}
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, res.Out)
	if _, ok := files["feed.xml"]; !ok {
		t.Error("the site's feed is gone too")
	}
	for name, data := range files {
		if strings.HasSuffix(name, "/feed.xml") {
			t.Errorf("%s was written", name)
		}
		if strings.HasSuffix(name, ".html") && regexp.MustCompile(`href="[^"]*(prisoners|sites)/[^"/]+/feed\.xml"`).Match(data) {
			t.Errorf("%s links a record's feed", name)
		}
	}
	if strings.Contains(string(files["data/index.html"]), "beside its page") {
		t.Error("the data page still promises a feed per record")
	}
}

// TestFeedLinksWithoutBaseURL: without a base URL a feed's links are
// relative to the feed itself, as a feed reader resolves them, so that
// every link of every feed reaches a page of the site.
func TestFeedLinksWithoutBaseURL(t *testing.T) {
	res, err := Build(Options{Src: testsite.Dir(t)})
	if err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, res.Out)
	feeds := 0
	for name, data := range files {
		if path.Base(name) != "feed.xml" {
			continue
		}
		feeds++
		f := parseFeed(t, data)
		hrefs := []string{f.Links[0].Href, f.Links[1].Href}
		for _, e := range f.Entries {
			hrefs = append(hrefs, e.Link.Href)
		}
		for _, h := range hrefs {
			u, err := url.Parse(h)
			if err != nil || u.IsAbs() || h == "" {
				t.Errorf("%s: link %q is not relative", name, h)
				continue
			}
			target := path.Join(path.Dir(name), u.Path)
			if strings.HasSuffix(u.Path, "/") || target == "." {
				target = path.Join(target, "index.html")
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s: link %q reaches %s, which is not in the site", name, h, target)
			}
		}
	}
	if feeds < 3 {
		t.Errorf("%d feeds", feeds)
	}
}
