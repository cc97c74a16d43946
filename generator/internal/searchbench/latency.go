package main

import (
	"cmp"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
)

// A latencyQuery is a query of the -latency table and the form it stands for.
type latencyQuery struct{ form, q string }

// latencyQueries are names of the synthetic corpus typed the ways readers
// type them: exactly, with accents, with a typo after and within the first
// three letters, with a word that matches nothing, and half typed.
var latencyQueries = []latencyQuery{
	{"exact", "perez"},
	{"exact", "jose rodriguez"},
	{"exact", "julian suarez suarez"},
	{"accents", "José Rodríguez"},
	{"accents", "Begoña Núñez Ibáñez"},
	{"typo", "jose rodrigez"},
	{"typo", "jose odriguez"},
	{"typo", "julian suarz suarez"},
	{"partial", "jose rodriguez xylophone"},
	{"prefix", "rodr"},
}

// latency opens the built site's search page from disk (or, with
// overHTTP, from a server on the loopback) in headless Chromium and
// measures the time from a key press to the results drawn and painted,
// three ways, each run in a fresh browser:
//
//   - typed: the query typed letter by letter from a fresh page, as a
//     reader types it, a key every pace (or once the last key's results
//     are painted, if later): every key press, the first included,
//     with what the page loaded on the key presses before it;
//   - one key: the field filled but for its last letter, no index file
//     loaded, then that letter's key press: what a key press costs when
//     nothing it needs is loaded (a query pasted, then a letter typed);
//   - warm: the same key press again, its files loaded (ranking and
//     drawing only).
//
// It prints the median and worst of runs for each query, the load
// average before and after, every key press of the typing, and when each
// step of a key press ended.
//
// With profile, it also profiles the page's scripts during each one-key
// press and prints, for each query, the functions that took the most time.
func latency(chromium, out, site string, runs int, pace time.Duration, queries []latencyQuery, profile, overHTTP bool) {
	before := loadAverage()
	page := "file://" + filepath.ToSlash(out) + "/search/index.html"
	from := "opened from disk"
	if overHTTP {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		check(err)
		srv := &http.Server{Handler: http.FileServer(http.Dir(out))}
		go srv.Serve(ln)
		defer srv.Close()
		page = "http://" + ln.Addr().String() + "/search/index.html"
		from = "served over HTTP on the loopback"
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "site\tform\tquery\ttyped median\ttyped worst\tslowest key (median)\tone key median\tone key worst\twarm median\twarm worst\tresults\tfirst result\t")
	var allTyped, allCold, allWarm []time.Duration
	var profiles []map[string]time.Duration
	var steps []querySteps
	var keys []queryKeys
	for _, lq := range queries {
		var cold, warm, typed []time.Duration
		var status, first string
		var self map[string]time.Duration
		if profile {
			self = make(map[string]time.Duration)
		}
		st := querySteps{q: lq.q}
		qk := queryKeys{q: lq.q}
		for range runs {
			presses := typing(chromium, page, lq.q, pace)
			for i, p := range presses {
				if len(qk.keys) <= i {
					qk.keys = append(qk.keys, keyRuns{typed: p.typed})
				}
				qk.keys[i].runs = append(qk.keys[i].runs, p.press)
				typed = append(typed, p.total)
			}
			c, wm, s, f := keystroke(chromium, page, lq.q, self)
			cold, warm = append(cold, c.total), append(warm, wm.total)
			st.cold, st.warm = append(st.cold, c.steps), append(st.warm, wm.steps)
			status, first = s, f
		}
		slow := qk.slowest()
		for _, r := range slow.runs {
			st.typed = append(st.typed, r.steps)
		}
		st.slowest = slow.typed
		allTyped, allCold, allWarm = append(allTyped, typed...), append(allCold, cold...), append(allWarm, warm...)
		profiles = append(profiles, self)
		steps = append(steps, st)
		keys = append(keys, qk)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s %s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", site, lq.form, lq.q, median(typed), slices.Max(typed), strconv.Quote(slow.typed), slow.median(), median(cold), slices.Max(cold), median(warm), slices.Max(warm), status, first)
	}
	fmt.Fprintf(w, "%s\tall\t\t%s\t%s\t\t%s\t%s\t%s\t%s\t\t\t\n", site, median(allTyped), slices.Max(allTyped), median(allCold), slices.Max(allCold), median(allWarm), slices.Max(allWarm))
	w.Flush()
	fmt.Printf("\n%d runs per query, each in a fresh browser, the page %s (%s).\n", runs, from, page)
	fmt.Printf("typed: every key press of the query typed letter by letter from a fresh page, a key every %s (or once the\n", pace)
	fmt.Println("last key's results were painted), from the key going down to its results painted, the first key included;")
	fmt.Println("one key: the key press of the query's last letter, the rest of the query in the field, no index file loaded;")
	fmt.Println("warm: the same key press again, the files loaded (ranking and drawing only).")
	fmt.Printf("load average (1, 5, 15 minutes) before: %s; after: %s; on %d cores.\n", before, loadAverage(), runtime.NumCPU())
	printKeys(keys)
	printSteps(steps)
	if profile {
		for i, lq := range queries {
			printProfile(lq.q, profiles[i])
		}
	}
}

// queryKeys are every run of each key press of a query typed.
type queryKeys struct {
	q    string
	keys []keyRuns
}

// keyRuns are the runs of one key press: the text in the field after it.
type keyRuns struct {
	typed string
	runs  []press
}

func (k keyRuns) median() time.Duration {
	var ds []time.Duration
	for _, r := range k.runs {
		ds = append(ds, r.total)
	}
	return median(ds)
}

// slowest returns the key press whose median is the longest.
func (q queryKeys) slowest() keyRuns {
	return slices.MaxFunc(q.keys, func(a, b keyRuns) int { return cmp.Compare(a.median(), b.median()) })
}

// printKeys prints each key press of each query typed, its median time.
func printKeys(keys []queryKeys) {
	fmt.Println("\nevery key press of the queries typed, the field's text after it and the median time to its results painted (ms):")
	for _, q := range keys {
		var parts []string
		for _, k := range q.keys {
			parts = append(parts, fmt.Sprintf("%s %.0f", strings.ReplaceAll(k.typed, " ", "_"), float64(k.median())/float64(time.Millisecond)))
		}
		fmt.Printf("  %s\n", strings.Join(parts, " · "))
	}
}

// The page's side of a measurement: the time of the last key press, and
// a promise of the time its results are painted.
const (
	// armKeystroke is armKey with the field filled but for the query's
	// last letter, which the measure then presses.
	armKeystroke = `((q) => {
  (` + armKey + `)(q);
  const input = document.getElementById("q");
  input.focus();
  input.value = q.slice(0, -1);
})`
	awaitKeystroke = `window.__latency.done`
	pageReady      = `performance.getEntriesByName("search:ready").length > 0`
	// The steps static/search.js marks, each as ms since the key press.
	pageSteps = `(() => {
  const out = {};
  for (const m of performance.getEntriesByType("mark")) {
    if (m.name.startsWith("search:")) out[m.name.slice(7)] = m.startTime - window.__latency.t0;
  }
  return out;
})()`
	pageAnswer = `[document.getElementById("search-status").textContent, ((document.querySelector("#results li a") || {}).textContent || "")]`
)

// openReady opens page in a fresh browser and waits, as a reader who
// opens the search page and then types, until it has its table and has
// rehearsed (the search:ready mark; a version of search.js without it
// gets a second), and then a little more, with chromedp's DevTools agents
// off (detach). quit closes the browser and removes its profile.
func openReady(chromium, page string) (ctx context.Context, quit func()) {
	data, err := os.MkdirTemp("", "searchbench-chromium-")
	check(err)
	ctx, cancel := browsertest.Start(chromium, data)
	check(chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.ID("q"))))
	chromedp.Run(ctx, chromedp.Poll[chromedp.Void](pageReady, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(5*time.Second)))
	detach(ctx)
	time.Sleep(300 * time.Millisecond)
	return ctx, func() {
		cancel()
		os.RemoveAll(data)
	}
}

// A press is one measured key press: the time from the key press to the
// results painted, and when each step the page marks ended, in
// milliseconds since the key press.
type press struct {
	total time.Duration
	steps map[string]float64
}

// keystroke measures one query in a fresh browser: cold, then warm,
// profiling the cold key press into self unless it is nil.
func keystroke(chromium, page, q string, self map[string]time.Duration) (cold, warm press, status, first string) {
	ctx, quit := openReady(chromium, page)
	defer quit()
	measure := func(self map[string]time.Duration) press {
		_, err := chromedp.Run(ctx, chromedp.Evaluate[any](armKeystroke+"("+strconv.Quote(q)+")"))
		check(err)
		last := []rune(q)
		if self != nil {
			startProfile(ctx)
		}
		check(chromedp.Do(ctx, press1(last[len(last)-1])))
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](awaitKeystroke, chromedp.EvalAwaitPromise))
		check(err)
		if self != nil {
			stopProfile(ctx, self)
		}
		steps, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](pageSteps))
		check(err)
		steps["painted"] = ms
		return press{time.Duration(ms * float64(time.Millisecond)).Round(100 * time.Microsecond), steps}
	}
	cold = measure(self)
	time.Sleep(300 * time.Millisecond) // and anything the results still load
	warm = measure(nil)
	answer, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](pageAnswer))
	check(err)
	status, _, _ = strings.Cut(answer[0], " ")
	return cold, warm, status, answer[1]
}

// querySteps are the steps of every run of a query: its slowest key
// press typed, one key and warm.
type querySteps struct {
	q                 string
	slowest           string
	typed, cold, warm []map[string]float64
}

// stepNames are the steps static/search.js marks, in order, and the
// harness's own last one.
var stepNames = []string{"input", "loaded", "ranked", "records", "drawn", "painted"}

// printSteps prints, for each query, the median time from the key press
// to the end of each step, cold and warm: where a key press's time went.
func printSteps(steps []querySteps) {
	fmt.Println("\nwhen each step ended, in ms since the key press (medians; typed: the slowest key press of the query typed;")
	fmt.Println("input: the page's input event; loaded: the term files in; ranked; records: the display records in;")
	fmt.Println("drawn: the results in the page; painted):")
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(w, "query\t\t")
	for _, n := range stepNames {
		fmt.Fprint(w, n, "\t")
	}
	fmt.Fprintln(w)
	for _, st := range steps {
		for _, run := range []struct {
			name string
			ms   []map[string]float64
		}{{"typed " + strconv.Quote(st.slowest), st.typed}, {"one key", st.cold}, {"warm", st.warm}} {
			fmt.Fprintf(w, "%s\t%s\t", st.q, run.name)
			for _, n := range stepNames {
				var ds []time.Duration
				for _, m := range run.ms {
					if v, ok := m[n]; ok {
						ds = append(ds, time.Duration(v*float64(time.Millisecond)))
					}
				}
				if len(ds) == 0 {
					fmt.Fprint(w, "-\t")
					continue
				}
				fmt.Fprintf(w, "%.1f\t", float64(median(ds))/float64(time.Millisecond))
			}
			fmt.Fprintln(w)
		}
	}
	w.Flush()
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// loadAverage returns the machine's load averages, from /proc/loadavg.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}

// detach turns off, once the page is open, the DevTools agents that
// chromedp turns on in every tab and that the measures no longer need
// (they run scripts and send key events only): the DOM agent, which
// sends chromedp every node the page inserts (each script element that
// loads a file, each result), the CSS agent, and the network agent, which
// records each load with the script's stack that started it. A reader's
// browser does none of this: with them on, a one-key press measured some
// milliseconds longer (10 to 25 under a load of 10, 30 November 2026).
func detach(ctx context.Context) {
	check(chromedp.Do(ctx, chromedp.Action[chromedp.Void](func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		for _, c := range []cdp.Command[cdp.Empty, cdp.Empty]{css.Disable, dom.Disable, network.Disable} {
			if _, err := cdp.Call(ctx, t, c, cdp.Empty{}); err != nil {
				return chromedp.Void{}, err
			}
		}
		return chromedp.Void{}, nil
	})))
}

// press1 presses the key that types r as a keyboard does: one key-down
// event that carries its text, so that the page's keydown, input and
// search run as for a reader, then the key-up. (chromedp.KeyEvent sends
// the text as a separate "char" event, a round trip to the browser later,
// which put that round trip between the page's keydown and its input
// event.)
func press1(r rune) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: string(r), Text: string(r), UnmodifiedText: string(r)}
		if k, ok := kb.Keys[r]; ok {
			down.Key, down.Code, down.WindowsVirtualKeyCode, down.NativeVirtualKeyCode = k.Key, k.Code, k.Windows, k.Native
			if k.Shift {
				down.Modifiers = int64(chromedp.ModifierShift)
			}
		}
		if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, down); err != nil {
			return chromedp.Void{}, err
		}
		up := down
		up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
		_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, up)
		return chromedp.Void{}, err
	}
}

// armKey makes the page resolve window.__latency.done once the next key
// press's results are painted: the status names the query ("5 results
// for “jose”"), or a query of no word says so without quotes.
const armKey = `((q) => {
  const input = document.getElementById("q"), status = document.getElementById("search-status");
  if (!window.__latency) {
    window.__latency = {};
    input.addEventListener("keydown", e => { window.__latency.t0 = e.timeStamp; }, true);
  }
  const want = "\u201c" + q.trim() + "\u201d";
  window.__latency.done = new Promise(resolve => {
    const obs = new MutationObserver(() => {
      const s = status.textContent;
      if (s.indexOf(want) < 0 && s.indexOf("\u201c") >= 0) return;
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.__latency.t0), 0));
    });
    obs.observe(status, {childList: true, characterData: true, subtree: true});
  });
  performance.clearMarks();
})`

// A keyPress is one key press of a query typed letter by letter: the
// text in the field after it, and its measure.
type keyPress struct {
	typed string
	press
}

// typing opens the search page in a fresh browser and types q into it
// letter by letter, as a reader does who opens the page and types: the
// first key once the page is ready, each next one pace after the one
// before, or once its results are painted if that took longer. It
// returns every key press's time from the key going down to its results
// painted.
func typing(chromium, page, q string, pace time.Duration) []keyPress {
	ctx, quit := openReady(chromium, page)
	defer quit()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[any](`document.getElementById("q").focus()`))
	check(err)
	var out []keyPress
	typed := ""
	for _, r := range q {
		typed += string(r)
		_, err := chromedp.Run(ctx, chromedp.Evaluate[any](armKey+"("+strconv.Quote(typed)+")"))
		check(err)
		start := time.Now()
		check(chromedp.Do(ctx, press1(r)))
		ms, err := chromedp.Run(ctx, chromedp.Evaluate[float64](awaitKeystroke, chromedp.EvalAwaitPromise))
		check(err)
		steps, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](pageSteps))
		check(err)
		steps["painted"] = ms
		out = append(out, keyPress{typed, press{time.Duration(ms * float64(time.Millisecond)).Round(100 * time.Microsecond), steps}})
		time.Sleep(pace - time.Since(start))
	}
	return out
}
