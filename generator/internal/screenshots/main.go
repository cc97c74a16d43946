// Command screenshots builds a site and photographs one page of each kind
// in headless Chromium, so that a change to the design can be looked at
// before it is merged:
//
//	go run ./generator/internal/screenshots -out /tmp/shots
//
// Each page is taken on a phone (375x812) and a desktop (1280x900), in
// light and dark mode: the first screen as NAME-375x812-light.png, and with
// -full the whole page as NAME-375x812-light-full.png. -print also writes
// each page as the browser would print it (NAME-print.pdf). The files are
// for looking at, never for committing.
//
// With -share DIR it instead draws the image that links to the site show
// when shared, one per language, with the site's title and description
// from site.toml: DIR/share.png for the default language and
// DIR/share-LANG.png for the others (1200x630). The site's are made so,
// into static/, and committed: a build copies them as they are, so the
// output stays byte for byte the same and no font or image library is
// needed to build. Draw them again when the title changes:
//
//	go run ./generator/internal/screenshots -share static
package main

import (
	"context"
	"flag"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

// kinds are one page of each kind of the embedded briefing: a name for
// the file and the page's address under the site's root.
var kinds = [][2]string{
	{"home", "index.html"},
	{"prisoners", "prisoners/index.html"},
	{"prisoner", "prisoners/rocio-san-miguel/index.html"},
	{"statements", "statements/index.html"},
	{"statement", "statements/donald-trump-2026-01-09/index.html"},
	{"sites", "sites/index.html"},
	{"site", "sites/el-helicoide/index.html"},
	{"briefs", "briefs/index.html"},
	{"brief", "briefs/january-2026-releases/index.html"},
	{"page", "methodology/index.html"},
	{"timeline", "timeline/index.html"},
	{"timeline-year", "timeline/2026/index.html"},
	{"counts", "counts/index.html"},
	{"es-counts", "es/counts/index.html"},
	{"search", "search/index.html?q=rocio"},
	{"data", "data/index.html"},
	{"404", "no-such-page/"},
	{"es-home", "es/index.html"},
	{"es-prisoners", "es/prisoners/index.html"},
	{"es-prisoner", "es/prisoners/rocio-san-miguel/index.html"},
	{"es-statement", "es/statements/donald-trump-2026-01-09/index.html"},
	{"es-timeline", "es/timeline/index.html"},
	{"es-search", "es/search/index.html?q=excarcelacion"},
	{"es-404", "es/no-such-page/"},
}

func main() {
	src := flag.String("src", ".", "the site `folder` to build")
	out := flag.String("out", "screenshots", "the `folder` to write the screenshots to")
	only := flag.String("only", "", "comma-separated page names to take (home,prisoner,...); all when empty")
	full := flag.Bool("full", false, "also write each whole page, not only its first screen")
	print := flag.Bool("print", false, "also write each page as printed, as PDF")
	share := flag.String("share", "", "draw the share images into this `folder` instead (static)")
	flag.Parse()
	chromium := browsertest.Path()
	if chromium == "" {
		fail(fmt.Errorf("Chromium is not installed (apt-get install chromium)"))
	}
	tmp, err := os.MkdirTemp("", "screenshots-")
	fail(err)
	defer os.RemoveAll(tmp)
	if *share != "" {
		fail(shareImages(chromium, *src, *share, tmp))
		return
	}
	public := filepath.Join(tmp, "public")
	if _, err := pipeline.Build(pipeline.Options{Src: *src, Out: public}); err != nil {
		fail(err)
	}
	fail(os.MkdirAll(*out, 0o755))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	fail(err)
	go http.Serve(ln, notFound(public))
	base := "http://" + ln.Addr().String() + "/"

	want := map[string]bool{}
	for _, n := range strings.Split(*only, ",") {
		if n != "" {
			want[n] = true
		}
	}
	n := 0
	for _, k := range kinds {
		if len(want) > 0 && !want[k[0]] {
			continue
		}
		if strings.HasPrefix(k[1], "counts/") || strings.HasPrefix(k[1], "es/counts/") {
			if _, err := os.Stat(filepath.Join(public, k[1])); err != nil {
				continue // a site without a counts page
			}
		}
		// A browser per page: chromedp's context allows it two minutes.
		ctx, cancel := browsertest.Start(chromium, filepath.Join(tmp, "profile-"+k[0]))
		for _, size := range [][2]int64{{375, 812}, {1280, 900}} {
			for _, scheme := range []string{"light", "dark"} {
				name := filepath.Join(*out, fmt.Sprintf("%s-%dx%d-%s", k[0], size[0], size[1], scheme))
				fail(chromedp.Do(ctx, browsertest.ColorScheme(scheme), chromedp.EmulateViewport(size[0], size[1]), chromedp.Navigate(base+k[1]), chromedp.WaitReady(chromedp.CSS("main"))))
				if strings.Contains(k[1], "?q=") {
					waitSearch(ctx)
				}
				shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				fail(err)
				fail(os.WriteFile(name+".png", shot, 0o644))
				n++
				if *full {
					shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
					fail(err)
					fail(os.WriteFile(name+"-full.png", shot, 0o644))
					n++
				}
				if *print && size[0] == 1280 && scheme == "light" {
					pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
					fail(err)
					fail(os.WriteFile(filepath.Join(*out, k[0]+"-print.pdf"), pdf, 0o644))
					n++
				}
			}
		}
		cancel()
	}
	fmt.Printf("wrote %d files into %s\n", n, *out)
}

// notFound serves the built site as a host would: a missing page gets the
// 404 page of its language.
func notFound(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(dir, filepath.FromSlash(r.URL.Path))
		if strings.HasSuffix(r.URL.Path, "/") {
			p = filepath.Join(p, "index.html")
		}
		if _, err := os.Stat(p); err != nil {
			nf := "404.html"
			if strings.HasPrefix(r.URL.Path, "/es/") {
				nf = "es/404.html"
			}
			data, err := os.ReadFile(filepath.Join(dir, nf))
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(data)
			return
		}
		files.ServeHTTP(w, r)
	})
}

// waitSearch waits for the search page to show its results.
func waitSearch(ctx context.Context) {
	for range 200 {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("search-status")||{}).textContent !== ""`)); err == nil && ok {
			return
		}
		chromedp.Do(ctx, chromedp.Sleep(20_000_000))
	}
}

func fail(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

// shareTemplate is the share image: the site's mark, its title and its
// description on the masthead's dark band, with the accent's red rule.
var shareTemplate = template.Must(template.New("share").Parse(`<!DOCTYPE html>
<html lang="{{.Code}}"><meta charset="utf-8"><style>
html, body { margin: 0; width: 1200px; height: 630px; overflow: hidden; }
body { background: #1c1b1a; color: #f4f1eb; font-family: Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif;
  box-sizing: border-box; padding: 84px 96px; border-bottom: 24px solid #9b1c1c; display: flex; flex-direction: column; }
.mark { display: flex; align-items: center; gap: 20px; font: 700 26px/1 system-ui, "Noto Sans", "DejaVu Sans", sans-serif; letter-spacing: 0.08em; text-transform: uppercase; color: #f08a80; }
h1 { font-size: 84px; line-height: 1.05; margin: 48px 0 28px; letter-spacing: -0.01em; }
p { font: 30px/1.4 system-ui, "Noto Sans", "DejaVu Sans", sans-serif; color: #cfc9bf; margin: 0; max-width: 960px; }
</style>
<div class="mark"><svg width="56" height="56" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#9b1c1c"/><path d="M4 3v10M8 3v10M12 3v10" stroke="#fff" stroke-width="2"/></svg>{{.Kicker}}</div>
<h1>{{.Title}}</h1>
<p>{{.Description}}</p>
</html>`))

// shareKickers are the words above the title, by language.
var shareKickers = map[string]string{"en": "A sourced public briefing", "es": "Un informe público con fuentes"}

// shareImages draws a share image per language of the site in src.
func shareImages(chromium, src, dir, tmp string) error {
	cfg, err := content.LoadConfig(os.DirFS(src))
	if err != nil {
		return err
	}
	ctx, cancel := browsertest.Start(chromium, filepath.Join(tmp, "profile-share"))
	defer cancel()
	for _, l := range cfg.Languages {
		page := filepath.Join(tmp, "share-"+l.Code+".html")
		f, err := os.Create(page)
		if err != nil {
			return err
		}
		err = shareTemplate.Execute(f, map[string]string{"Code": l.Code, "Title": l.Title, "Description": l.Description, "Kicker": shareKickers[l.Code]})
		f.Close()
		if err != nil {
			return err
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 630), chromedp.Navigate("file://"+filepath.ToSlash(page)), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
			return err
		}
		shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			return err
		}
		name := "share.png"
		if l.Code != cfg.Language {
			name = "share-" + l.Code + ".png"
		}
		if err := os.WriteFile(filepath.Join(dir, name), shot, 0o644); err != nil {
			return err
		}
		fmt.Printf("wrote %s (%d bytes)\n", filepath.Join(dir, name), len(shot))
	}
	return nil
}
