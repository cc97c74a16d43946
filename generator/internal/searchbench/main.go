// Command searchbench measures what a reader's first search costs: it
// builds synthetic corpora, opens the search page in headless Chromium,
// types a query, and counts every file the page fetches after its HTML
// (stylesheets and the icon aside), from the page's own script to the
// files the first results need: requests, bytes as stored, bytes
// gzip-compressed as a host would send them (Pagefind's files are stored
// compressed already), and the time from the last keystroke to the results. It prints a table:
//
//	go run ./generator/internal/searchbench -n 1000,10000 -q perez
//
// -q takes several queries, comma-separated, each measured on the same
// site in a fresh browser: "perez,jose rodrigez,jose odriguez" compares a
// first query with queries that a typo widens (after the third letter, and
// within the first three).
//
// With -pagefind, it also indexes the same site with Pagefind (npm's
// pagefind, found with -pagefind-bin or on the PATH) and measures the
// same query through Pagefind's JavaScript API, counted the same way.
//
// With -latency, it measures time instead of bytes: the search page opened
// from disk, the time from a key press to its results painted, median and
// worst of -runs, for queries of each form readers type (exact, accents,
// typo, partial, prefix; or those of -q), three ways, each in a fresh
// browser: typed (the query typed letter by letter from a fresh page, a
// key every -pace, every key press measured, the first included), one
// key (the field filled but for its last letter, no index file loaded,
// then that key press) and warm (the same key press again). It prints the
// machine's load average before and after, each key press of the typing,
// and when each step of a key press ended (the marks static/search.js
// leaves on the page's performance timeline: the input event, the term
// files in, the ranking, the display records in, the results drawn; and
// painted), medians of the same runs. Once the page is open, it turns off
// the DevTools agents that chromedp turns on in every tab (DOM, CSS,
// network), whose work a reader's browser does not do:
//
//	go run ./generator/internal/searchbench -latency -n 10000 [-pace 150ms]
//
// -built DIR measures a site already built instead (go run
// ./generator/internal/benchcorpus and go run ./generator build make one),
// -http serves the site over HTTP on the loopback instead of opening it
// from disk, and -profile prints where the page's time went, by function.
//
// With -files, it counts the search index's files and bytes, per language,
// of the briefing in -site and of bilingual corpora of each size:
//
//	go run ./generator/internal/searchbench -files -n 1000,10000
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

func main() {
	sizes := flag.String("n", "1000,10000", "comma-separated numbers of prisoners")
	query := flag.String("q", "perez", "the queries to type, comma-separated")
	from := flag.String("site", ".", "the site `folder` whose templates/ and static/ the corpus uses")
	withPagefind := flag.Bool("pagefind", false, "also measure Pagefind on the same site")
	pagefindBin := flag.String("pagefind-bin", "pagefind", "the Pagefind `command`")
	withLatency := flag.Bool("latency", false, "measure the time from a key press to the results instead of bytes")
	runs := flag.Int("runs", 5, "with -latency, how many times to measure each query")
	pace := flag.Duration("pace", 150*time.Millisecond, "with -latency, the time between two key presses of a query typed")
	built := flag.String("built", "", "with -latency, measure the site already built in this `folder` instead of building corpora")
	profile := flag.Bool("profile", false, "with -latency, profile the page's scripts and print where the time goes")
	overHTTP := flag.Bool("http", false, "with -latency, serve the site over HTTP on the loopback instead of opening it from disk")
	withFiles := flag.Bool("files", false, "count the search index's files and bytes instead, in both languages")
	flag.Parse()
	defer removeTemps()
	qSet := false
	flag.Visit(func(f *flag.Flag) { qSet = qSet || f.Name == "q" })
	if *withFiles {
		indexFiles(*from, *sizes)
		return
	}
	chromium := browsertest.Path()
	if chromium == "" {
		fmt.Fprintln(os.Stderr, "searchbench: Chromium is not installed (apt-get install chromium)")
		os.Exit(1)
	}
	if *withLatency {
		queries := latencyQueries
		if qSet {
			queries = nil
			for _, q := range strings.Split(*query, ",") {
				queries = append(queries, latencyQuery{"query", q})
			}
		}
		if *built != "" {
			out, err := filepath.Abs(*built)
			check(err)
			latency(chromium, out, *built, *runs, *pace, queries, *profile, *overHTTP)
			return
		}
		for _, n := range numbers(*sizes) {
			out, _ := site(*from, corpus.Scaled(n))
			latency(chromium, out, strconv.Itoa(n)+" prisoners", *runs, *pace, queries, *profile, *overHTTP)
		}
		return
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "engine\tprisoners\tpages\tindex files\tquery\trequests\tbytes\tgzip bytes\tresults after\tagain\tfirst result\t")
	for _, n := range numbers(*sizes) {
		out, pages := site(*from, corpus.Scaled(n))
		files := count(filepath.Join(out, "search"))
		for _, q := range strings.Split(*query, ",") {
			m := measure(chromium, out, "search/index.html", q, ourQuery)
			fmt.Fprintf(w, "briefing\t%d\t%d\t%d\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t\n", n, pages, files, q, m.requests, m.bytes, m.gzip, m.elapsed, m.again, m.first)
		}
		if *withPagefind {
			cmd := exec.Command(*pagefindBin, "--site", out, "--output-subdir", "pagefind")
			cmd.Stdout, cmd.Stderr = nil, os.Stderr
			if err := cmd.Run(); err != nil {
				fmt.Fprintln(os.Stderr, "searchbench: pagefind:", err)
				continue
			}
			check(os.WriteFile(filepath.Join(out, "pagefind-bench.html"), []byte(pagefindPage), 0o644))
			for _, q := range strings.Split(*query, ",") {
				pf := measure(chromium, out, "pagefind-bench.html", q, pagefindQuery)
				fmt.Fprintf(w, "pagefind\t%d\t%d\t%d\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t\n", n, pages, count(filepath.Join(out, "pagefind")), q, pf.requests, pf.bytes, pf.gzip, pf.elapsed, pf.again, pf.first)
			}
		}
	}
	w.Flush()
	fmt.Println("\nrequests, bytes: what the search page fetched after its HTML, but for the stylesheet and icon, until the results showed;")
	fmt.Println("gzip bytes: the same files gzip-compressed; results after: from the last keystroke to the results on the page;")
	fmt.Println("again: the same, typed a second time, its files loaded.")
}

// numbers parses -n.
func numbers(list string) []int {
	var out []int
	for _, s := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			fmt.Fprintln(os.Stderr, "searchbench: -n:", err)
			os.Exit(2)
		}
		out = append(out, n)
	}
	return out
}

// temps are the temporary folders to remove before the command exits.
var temps []string

// site writes a synthetic corpus of the given size with the templates and
// static files of the site folder from, builds it, and returns the folder
// of the built site and its number of pages.
func site(from string, size corpus.Size) (string, int) {
	dir, err := os.MkdirTemp("", "searchbench-")
	check(err)
	temps = append(temps, dir)
	check(corpus.Write(dir, size))
	for _, d := range []string{"templates", "static"} {
		check(os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(from, d))))
	}
	out := filepath.Join(dir, "public")
	res, err := pipeline.Build(pipeline.Options{Src: dir, Out: out})
	check(err)
	return out, res.Pages
}

func removeTemps() {
	for _, d := range temps {
		os.RemoveAll(d)
	}
}

// pagefindPage runs a query through Pagefind's JavaScript API and loads the
// first five results' fragments, as its default interface does.
const pagefindPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<input id="q"><p id="search-status"></p><ol id="results"></ol>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.options({});
const q = document.getElementById("q");
window.runQuery = async () => {
  const t0 = performance.now();
  const search = await pagefind.search(q.value);
  const data = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  for (const d of data) { const li = document.createElement("li"); li.textContent = d.meta.title; document.getElementById("results").appendChild(li); }
  document.getElementById("search-status").textContent = search.results.length + " results";
  window.elapsed = performance.now() - t0;
};
window.ready = true;
</script></body></html>`

const ourQuery = `(q) => new Promise(resolve => {
  const input = document.getElementById("q"), status = document.getElementById("search-status");
  const t0 = performance.now();
  new MutationObserver((_, obs) => { if (/result/.test(status.textContent)) { obs.disconnect(); resolve(performance.now() - t0); } })
    .observe(status, {childList: true, characterData: true, subtree: true});
  input.value = q;
  input.dispatchEvent(new Event("input", {bubbles: true}));
})`

const pagefindQuery = `(q) => new Promise(async resolve => {
  while (!window.ready) await new Promise(r => setTimeout(r, 10));
  document.getElementById("q").value = q;
  await window.runQuery();
  resolve(window.elapsed);
})`

type measurement struct {
	requests    int
	bytes, gzip int
	elapsed     time.Duration
	again       time.Duration // the same query again, its files loaded
	first       string
}

// measure serves dir on loopback, opens page, runs the query with the
// given function and counts what was fetched after the page itself.
func measure(chromium, dir, page, query, fn string) measurement {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	// Count on the server's side: Pagefind fetches from a web worker,
	// whose requests the page's network events do not show.
	var mu sync.Mutex
	var urls []string
	files := http.FileServer(http.Dir(dir))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		urls = append(urls, r.URL.Path)
		mu.Unlock()
		files.ServeHTTP(w, r)
	})}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String() + "/"

	data, err := os.MkdirTemp("", "searchbench-chromium-")
	check(err)
	defer os.RemoveAll(data)
	ctx, cancel := browsertest.Start(chromium, data)
	defer cancel()
	check(chromedp.Do(ctx, chromedp.Navigate(base+page), chromedp.WaitReady(chromedp.ID("q"))))
	time.Sleep(300 * time.Millisecond) // let the page's own loads finish
	ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(`+fn+`)(`+strconv.Quote(query)+`)`, chromedp.EvalAwaitPromise))
	check(err)
	time.Sleep(500 * time.Millisecond) // and anything the results still load
	// The same query again, its files loaded: the time the ranking and
	// drawing take.
	again, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`(`+fn+`)(`+strconv.Quote(query)+`)`, chromedp.EvalAwaitPromise))
	check(err)
	first, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector("#results li a, #results li") || {}).textContent || ""`))
	check(err)

	m := measurement{elapsed: time.Duration(ms * float64(time.Millisecond)).Round(time.Millisecond), again: time.Duration(again * float64(time.Millisecond)).Round(time.Millisecond), first: first}
	mu.Lock()
	fetched := urls
	mu.Unlock()
	seen := map[string]bool{}
	for _, p := range fetched {
		if seen[p] || strings.HasSuffix(p, "/") || strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css") || strings.HasSuffix(p, ".svg") || strings.HasSuffix(p, ".ico") {
			continue
		}
		seen[p] = true
		if os.Getenv("SEARCHBENCH_DEBUG") != "" {
			fmt.Fprintln(os.Stderr, "fetched", p)
		}
		body, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			continue
		}
		m.requests++
		m.bytes += len(body)
		m.gzip += min(len(body), gzipLen(body)) // Pagefind stores its files compressed
	}
	return m
}

func gzipLen(b []byte) int {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	zw.Write(b)
	zw.Close()
	return buf.Len()
}

func count(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		removeTemps()
		os.Exit(1)
	}
}
