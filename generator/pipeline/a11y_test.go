package pipeline

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// The HTML validator (vnu.jar, npm's vnu-jar) and axe-core are installed by
// .ci/run into the tools folder: $BRIEFING_TOOLS, or ~/.cache/briefing-tools.
// Without them these tests skip, except under CI, where they fail.

func tool(t *testing.T, rel string) string {
	t.Helper()
	dir := os.Getenv("BRIEFING_TOOLS")
	if dir == "" {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".cache", "briefing-tools")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing; .ci/run installs it", p)
		}
		t.Skipf("%s is missing; install it with: npm install --prefix %s --ignore-scripts vnu-jar axe-core", p, dir)
	}
	return p
}

// sites builds the browser tests' site (testdata/browse.txtar: every
// kind of page, in English and Spanish, two counters that differ, three
// charts, an interval), a site built from its git history (the pages of
// changes) and a 200-prisoner synthetic corpus.
func sites(t *testing.T) map[string]string {
	t.Helper()
	_, browse := builtBrowse(t)
	needGit(t)
	history := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Src: historySite(t, "history.txtar"), Out: history}); err != nil {
		t.Fatal(err)
	}
	src := t.TempDir()
	if err := corpus.Write(src, corpus.Scaled(200)); err != nil {
		t.Fatal(err)
	}
	testsite.Templates(t, src)
	synthetic := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Src: src, Out: synthetic}); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"browse": browse, "history": history, "synthetic": synthetic}
}

// pageKinds are one page of each kind, per site.
var pageKinds = map[string][]string{
	"browse": {
		"index.html", "briefs/index.html", "briefs/first-releases/index.html",
		"prisoners/index.html", "prisoners/lucia-san-martin/index.html",
		"statements/index.html", "statements/elena-albarran-2026-01-08/index.html",
		"sites/index.html", "sites/el-helicoide/index.html", "about/index.html",
		"methodology/index.html", "timeline/index.html", "search/index.html?q=lucia", "search/index.html?q=lcuia+xylophone",
		"data/index.html", "404.html", "es/404.html", "counts/index.html", "es/counts/index.html",
		"es/index.html", "es/prisoners/lucia-san-martin/index.html", "es/statements/walter-brandt-2026-01-09/index.html",
		"es/timeline/index.html", "es/search/index.html?q=excarcelacion", "es/briefs/first-releases/index.html",
	},
	// The pages of changes, and a record's with its history.
	"history": {"changes/index.html", "es/changes/index.html", "prisoners/ana-perez/index.html", "es/prisoners/ana-perez/index.html"},
	"synthetic": {
		"index.html", "prisoners/p-1/index.html", "prisoners/p-7/index.html", "briefs/b-1/index.html",
		"statements/s-1/index.html", "sites/site-1/index.html", "timeline/index.html", "search/index.html?q=perez",
	},
}

// TestValidHTML runs the W3C Nu HTML Checker over every page: zero errors.
func TestValidHTML(t *testing.T) {
	jar := tool(t, "node_modules/vnu-jar/build/dist/vnu.jar")
	if _, err := exec.LookPath("java"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("java is missing; .ci/run installs it")
		}
		t.Skip("java is missing")
	}
	for name, dir := range sites(t) {
		out, err := exec.Command("java", "-jar", jar, "--errors-only", "--skip-non-html", dir).CombinedOutput()
		if err != nil || len(bytes.TrimSpace(out)) > 0 {
			t.Errorf("%s site: the HTML checker found errors (%v):\n%s", name, err, out)
		}
	}
}

type axeResult struct {
	Violations []struct {
		ID    string `json:"id"`
		Help  string `json:"help"`
		Nodes []struct {
			Target []string `json:"target"`
			HTML   string   `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

// TestAccessibility runs axe-core (WCAG 2.2 A and AA, and best practices)
// in Chromium on one page of each kind: zero violations. It also checks
// that each page reads at 320 px without scrolling sideways, in light and
// dark mode.
func TestAccessibility(t *testing.T) {
	axe, err := os.ReadFile(tool(t, "node_modules/axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	for name, dir := range sites(t) {
		// One browser a site, each with the whole of browsertest's time.
		t.Run(name, func(t *testing.T) { axePages(t, axe, name, dir) })
	}
}

func axePages(t *testing.T, axe []byte, name, dir string) {
	ctx, jsErrors := browsertest.New(t)
	{
		srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
		defer srv.Close()
		for _, scheme := range []string{"light", "dark"} {
			must(t, chromedp.Do(ctx, browsertest.ColorScheme(scheme)))
			for _, page := range pageKinds[name] {
				url := srv.URL + "/" + page
				must(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("main"))))
				if strings.Contains(page, "?q=") {
					waitFor(t, ctx, `document.getElementById("search-status").textContent !== ""`)
				}
				res := run(t, ctx, chromedp.Evaluate[axeResult](string(axe)+`;axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}})`, chromedp.EvalAwaitPromise))
				for _, v := range res.Violations {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, fmt.Sprintf("%s %s", strings.Join(n.Target, " "), n.HTML))
					}
					t.Errorf("%s %s (%s): %s: %s\n  %s", name, page, scheme, v.ID, v.Help, strings.Join(where, "\n  "))
				}
				// A phone 320 px wide: nothing wider than the screen.
				must(t, chromedp.Do(ctx, chromedp.EmulateViewport(320, 640)))
				wide := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
				if wide > 320 {
					t.Errorf("%s %s: %d px wide at 320 px", name, page, wide)
				}
			}
		}
	}
	jsErrors.Check(t)
}

// TestPageWeight: a prisoner page with its stylesheet and scripts weighs at
// most 30 KB compressed, every image has its size, and no script blocks
// rendering.
func TestPageWeight(t *testing.T) {
	for name, dir := range sites(t) {
		for _, page := range pageKinds[name] {
			file := strings.SplitN(page, "?", 2)[0]
			html, err := os.ReadFile(filepath.Join(dir, file))
			if err != nil {
				t.Fatal(err)
			}
			total := gzipSize(html)
			for _, m := range regexp.MustCompile(`(?:href|src)="((?:\.\./)*[\w.-]+\.(?:css|js))"`).FindAllSubmatch(html, -1) {
				asset, err := os.ReadFile(filepath.Join(dir, filepath.Dir(file), string(m[1])))
				if err != nil {
					t.Fatalf("%s: %v", page, err)
				}
				total += gzipSize(asset)
			}
			if strings.HasPrefix(file, "prisoners/") && file != "prisoners/index.html" && total > 30<<10 {
				t.Errorf("%s %s weighs %d bytes compressed with its CSS and JavaScript, over 30 KB", name, page, total)
			}
			for _, img := range regexp.MustCompile(`<img [^>]*>`).FindAll(html, -1) {
				if !bytes.Contains(img, []byte(`width="`)) || !bytes.Contains(img, []byte(`height="`)) {
					t.Errorf("%s %s: an image without its size: %s", name, page, img)
				}
			}
			for _, s := range regexp.MustCompile(`<script [^>]*>`).FindAll(html, -1) {
				if !bytes.Contains(s, []byte(" defer")) && !bytes.Contains(s, []byte(" async")) {
					t.Errorf("%s %s: a render-blocking script: %s", name, page, s)
				}
			}
			if strings.HasPrefix(file, "prisoners/") && file != "prisoners/index.html" {
				t.Logf("%s %s: %d bytes compressed", name, page, total)
			}
		}
	}
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}
