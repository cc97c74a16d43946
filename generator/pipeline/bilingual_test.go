package pipeline

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/linkcheck"
	"github.com/presos-politicos/briefing/generator/site"
)

// bilingualSite writes the two-language fixture, with the real templates
// and their Spanish texts.
func bilingualSite(t *testing.T) string {
	t.Helper()
	return testsite.DirFrom(t, "testdata/bilingual.txtar")
}

// TestEveryPageHasItsTwin: every page exists in both languages, each
// with its language, a switch to the other, and both in the sitemap with
// their hreflang alternates, absolute under the base URL (the head does
// not repeat them on every page).
func TestEveryPageHasItsTwin(t *testing.T) {
	src := bilingualSite(t)
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, res.Out)
	var sitemap struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Hreflang string `xml:"hreflang,attr"`
				Href     string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sitemap); err != nil {
		t.Fatal(err)
	}
	alternates := map[string]map[string]string{} // by address, by language
	for _, u := range sitemap.URLs {
		alternates[u.Loc] = map[string]string{}
		for _, l := range u.Links {
			alternates[u.Loc][l.Hreflang] = l.Href
		}
	}
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, "index.html") || strings.HasPrefix(name, "es/") {
			continue
		}
		pages++
		twin, ok := files["es/"+name]
		if !ok {
			t.Errorf("%s has no Spanish twin", name)
			continue
		}
		// hreflang both ways in the sitemap, absolute under the base URL,
		// and the language switch both ways on the pages.
		want := map[string]string{"en": "https://example.org/" + strings.TrimSuffix(name, "index.html"), "es": "https://example.org/es/" + strings.TrimSuffix(name, "index.html")}
		for _, loc := range want {
			if got := alternates[loc]; !maps.Equal(got, want) {
				t.Errorf("the sitemap gives %s the alternates %v, want %v", loc, got, want)
			}
		}
		depth := strings.Repeat("../", strings.Count(name, "/"))
		for _, p := range []struct{ page, link string }{
			{string(data), `href="` + depth + "es/" + name + `" hreflang="es" lang="es">Español</a>`},
			{string(twin), `href="../` + depth + name + `" hreflang="en" lang="en">English</a>`},
		} {
			if !strings.Contains(p.page, p.link) {
				t.Errorf("%s: the language switch lacks %s", name, p.link)
			}
			if strings.Contains(p.page, `<link rel="alternate" hreflang=`) {
				t.Errorf("%s: hreflang links in the head, which the sitemap holds", name)
			}
		}
		if !strings.Contains(string(twin), `<html lang="es">`) || !strings.Contains(string(data), `<html lang="en">`) {
			t.Errorf("%s: html lang is wrong", name)
		}
	}
	if pages < 10 {
		t.Fatalf("%d pages", pages)
	}
	ana := string(files["es/prisoners/ana-perez/index.html"])
	for _, want := range []string{
		`<p class="lede">Una abogada detenida en Caracas.</p>`,    // the translated field
		`<time datetime="2024-02-09">9 de febrero de 2024</time>`, // Spanish dates
		`<span class="badge badge-detained">Detención</span>`,     // Spanish labels, nouns
		`<dt>Detención</dt>`,
		`<h2 id="named-in">Mencionada en</h2>`, // agreed with the record's gender
		`<a href="../../../prisoners/ana-perez/index.html" hreflang="en" lang="en">English</a>`, // the language switch
		`<span aria-current="true">Español</span>`,
	} {
		if !strings.Contains(ana, want) {
			t.Errorf("Ana's Spanish page lacks %s", want)
		}
	}
	// Numbers take each language's thousands mark; the sources' titles,
	// written in the record's own file, are marked as English.
	for name, want := range map[string][]string{
		"counts/index.html":    {`<strong>1,800</strong>`, `women: 1,250`, `rel="external noreferrer">Report on the count of November 2024</a>`},
		"es/counts/index.html": {`<strong>1.800</strong>`, `mujeres: 1.250`, `rel="external noreferrer" lang="en">Report on the count of November 2024</a>`},
		"es/index.html":        {`<strong>1.800</strong>`, `text-anchor="end">1.000</text>`},
		"es/data/index.html":   {`(1)`, ` kB)`},
	} {
		for _, w := range want {
			if !strings.Contains(string(files[name]), w) {
				t.Errorf("%s lacks %s", name, w)
			}
		}
	}
	// The Spanish feed is titled in Spanish.
	if f := parseFeed(t, files["es/feed.xml"]); f.Title != "Presos políticos" || f.Author.Name != "Presos políticos" {
		t.Errorf("es/feed.xml is titled %q by %q", f.Title, f.Author.Name)
	}
	// Luis has no translation: his text shows in English, marked so, with a note.
	luis := string(files["es/prisoners/luis-gomez/index.html"])
	if !strings.Contains(luis, `<p class="lede" lang="en">A student, released.</p>`) || !strings.Contains(luis, "Este registro aún no está traducido") {
		t.Errorf("the untranslated record is not marked:\n%s", luis)
	}
	if !strings.Contains(luis, `<time datetime="2024-02">febrero de 2024</time>`) {
		t.Error("a month-precision date is not in Spanish")
	}
	// Luis's record gives no gender: the words that would agree with it are
	// the neutral ones; his status and the date of his release are two texts.
	for _, want := range []string{`<h2 id="named-in">Aparece en</h2>`, `<span class="badge badge-released">Libertad plena</span>`, `<dt>Excarcelación</dt>`} {
		if !strings.Contains(luis, want) {
			t.Errorf("Luis's Spanish page lacks %s", want)
		}
	}
	for _, want := range []string{`<h2 id="named-in">Named in</h2>`, `<span class="badge badge-released">Released</span>`, `<dt>Released</dt>`} {
		if !strings.Contains(string(files["prisoners/luis-gomez/index.html"]), want) {
			t.Errorf("Luis's English page lacks %s", want)
		}
	}
	// No Spanish page reads as a form: no "Detenido/a".
	slashed := regexp.MustCompile(`\pL+[oe]s?/as?\b`)
	for name, data := range files {
		if strings.HasPrefix(name, "es/") && strings.HasSuffix(name, ".html") {
			if m := slashed.Find(data); m != nil {
				t.Errorf("%s writes %q", name, m)
			}
		}
	}
	brief := string(files["es/briefs/releases/index.html"])
	if !strings.Contains(brief, "<h1>Comienzan las excarcelaciones</h1>") || !strings.Contains(brief, `<a href="../../prisoners/ana-perez/index.html">Ana Pérez</a>`) {
		t.Error("the Spanish brief lacks its title or its link to the Spanish record")
	}
	// Feeds, data and the sitemap in both languages.
	for _, name := range []string{"es/feed.xml", "es/data/prisoners.json", "es/search/index.html"} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	var prisoners []map[string]any
	json.Unmarshal(files["es/data/prisoners.json"], &prisoners)
	if len(prisoners) != 2 || prisoners[0]["summary"] != "Una abogada detenida en Caracas." || prisoners[0]["url"] != "https://example.org/es/prisoners/ana-perez/" {
		t.Errorf("Spanish data: %v", prisoners)
	}
	found := false
	for _, u := range sitemap.URLs {
		if u.Loc == "https://example.org/es/prisoners/ana-perez/" {
			found = len(u.Links) == 2 && u.Links[0].Href == "https://example.org/prisoners/ana-perez/"
		}
	}
	if !found || !strings.Contains(string(files["sitemap.xml"]), `xmlns:xhtml="http://www.w3.org/1999/xhtml"`) {
		t.Error("the sitemap lacks the Spanish page with its alternates")
	}
	if problems := linkcheck.Files(files, "https://example.org/"); len(problems) > 0 {
		for _, p := range problems {
			t.Errorf("links: %v", p)
		}
	}
}

// TestMissingTranslationFailsCheck: a text without its Spanish fails check,
// naming the text and the language.
func TestMissingTranslationFailsCheck(t *testing.T) {
	src := bilingualSite(t)
	p := filepath.Join(src, "templates/i18n/es.toml")
	data, _ := os.ReadFile(p)
	lines := strings.Split(string(data), "\n")
	var kept []string
	for _, l := range lines {
		if !strings.HasPrefix(l, `"Skip to content"`) && !strings.HasPrefix(l, `"{name} arrested"`) {
			kept = append(kept, l)
		}
	}
	os.WriteFile(p, []byte(strings.Join(kept, "\n")), 0o644)
	_, err := Check(Options{Src: src})
	for _, want := range []string{
		`templates/i18n/es.toml: no translation of "Skip to content" into es; add a line "Skip to content" = "..."`,
		`templates/i18n/es.toml: no translation of "{name} arrested" into es`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("check: %v\nwant %s", err, want)
		}
	}
	// A translation of a record that does not exist, and one that tries to
	// unpublish, are errors too.
	src = bilingualSite(t)
	os.WriteFile(filepath.Join(src, "content/prisoners/nobody.es.toml"), []byte("summary = \"x\"\n"), 0o644)
	os.WriteFile(filepath.Join(src, "content/prisoners/luis-gomez.es.toml"), []byte("publish = false\nreleased = 2024-06-11\n"), 0o644)
	_, err = Check(Options{Src: src})
	for _, want := range []string{
		`content/prisoners/nobody.es.toml: a translation of nobody.toml, which does not exist`,
		`content/prisoners/luis-gomez.es.toml:1:11: publish cannot be translated; set it in the original, content/prisoners/luis-gomez.toml`,
		`content/prisoners/luis-gomez.es.toml:2:12: released cannot be translated; set it in the original, content/prisoners/luis-gomez.toml`,
	} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("check: %v\nwant %s", err, want)
		}
	}
}

// TestSpanishSearch searches the Spanish site of the browser tests' site:
// "excarcelacion" finds the Spanish brief.
func TestSpanishSearch(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	_, out := builtBrowse(t)
	const brief = "Venezuela comienza a excarcelar presos políticos" // the Spanish title of briefs/first-releases
	for _, q := range []string{"excarcelación", "excarcelacion"} {
		searchFor(t, ctx, "file://"+filepath.ToSlash(out)+"/es/search/index.html?q="+url.QueryEscape(q))
		titles := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#results > li > a")).map(a => a.textContent)`))
		status := run(t, ctx, chromedp.Text(chromedp.ID("search-status")))
		if !strings.Contains(strings.Join(titles, "|"), brief) && !strings.Contains(status, "resultados") {
			t.Errorf("%q: %v (%s)", q, titles, status)
		}
		if !strings.Contains(status, "resultados para «"+q+"»") {
			t.Errorf("the status is not in Spanish: %q", status)
		}
	}
	// The brief is among the results: show them all.
	for range 50 {
		shown := run(t, ctx, chromedp.Evaluate[int](`(() => { const b = document.getElementById("more-results"); if (b.hidden) return -1; b.click(); return document.querySelectorAll("#results > li").length; })()`))
		if shown < 0 {
			break
		}
		waitFor(t, ctx, fmt.Sprintf(`document.querySelectorAll("#results > li").length > %d`, shown))
	}
	titles := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#results > li > a")).map(a => a.textContent)`))
	if !strings.Contains(strings.Join(titles, "|"), brief) {
		t.Errorf("the Spanish brief is not found: %v", titles)
	}
	jsErrors.Check(t)
}

// TestEachLanguageHasItsNotFoundPage: es/404.html is in Spanish and its
// links, absolute as hosts serve it at any depth, stay in Spanish.
func TestEachLanguageHasItsNotFoundPage(t *testing.T) {
	res, err := Build(Options{Src: bilingualSite(t), BaseURL: "https://mirror.example/sub/"})
	if err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, res.Out)
	en, es := string(files["404.html"]), string(files["es/404.html"])
	for _, want := range []string{`<html lang="es">`, `href="https://mirror.example/sub/es/prisoners/index.html"`, `href="https://mirror.example/sub/style.`} {
		if !strings.Contains(es, want) {
			t.Errorf("es/404.html lacks %s", want)
		}
	}
	if !strings.Contains(en, `href="https://mirror.example/sub/prisoners/index.html"`) || strings.Contains(en, "/sub/es/prisoners/") {
		t.Error("404.html does not link the English pages")
	}
}

// TestLanguagePaths: every file under a language's prefix starts with one
// of site's language paths, so that a link from the root in a Spanish text
// ("/changes/") leads to the Spanish page, not to the English one. The
// history fixture is bilingual and has every page, the changes page too.
func TestLanguagePaths(t *testing.T) {
	needGit(t)
	res, err := Build(Options{Src: historySite(t, "history.txtar")})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for name := range testsite.Read(t, res.Out) {
		rest, ok := strings.CutPrefix(name, "es/")
		if !ok {
			continue
		}
		n++
		first, _, _ := strings.Cut(rest, "/")
		if !strings.Contains(rest, "/") && first == "index.html" {
			first = ""
		}
		if !site.LanguagePath(first) {
			t.Errorf("%s: %q is not one of site's language paths, so a link from the root to it in a Spanish text leads to the English file", name, first)
		}
	}
	if n == 0 {
		t.Fatal("the fixture built no Spanish file")
	}
}
