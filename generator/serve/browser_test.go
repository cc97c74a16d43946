package serve

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

// TestLiveReloadInBrowser opens a page from serve in Chromium, edits the
// record and sees the page change by itself; breaks it and sees the error
// overlay with its position; fixes it and sees the overlay go.
func TestLiveReloadInBrowser(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	src := site(t)
	s := New(Options{Options: pipeline.Options{Src: src}})
	ts := start(t, s)
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)
	w, err := Watch(src, s.Rebuild, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()

	if err := chromedp.Do(ctx, markListening(), chromedp.Navigate(ts.URL+"/prisoners/ana-perez/"), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, listening)
	file := filepath.Join(src, "content/prisoners/ana-perez.toml")
	data, _ := os.ReadFile(file)

	start := time.Now()
	os.WriteFile(file, []byte(strings.Replace(string(data), `name = "Ana Pérez"`, `name = "Ana María Pérez"`, 1)), 0o644)
	waitFor(t, ctx, `document.querySelector("h1").textContent === "Ana María Pérez"`)
	t.Logf("edit to updated page: %v", time.Since(start).Round(time.Millisecond))

	os.WriteFile(file, []byte(strings.Replace(string(data), `status = "detained"`, `status = "jailed"`, 1)), 0o644)
	waitFor(t, ctx, `!!document.getElementById("briefing-errors")`)
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("briefing-errors")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text, `content/prisoners/ana-perez.toml:2:10: status "jailed" is not one of`) {
		t.Errorf("overlay = %q", text)
	}
	// The last good page stays under the overlay.
	if h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1"))); h1 != "Ana María Pérez" {
		t.Errorf("h1 = %q", h1)
	}

	os.WriteFile(file, data, 0o644)
	waitFor(t, ctx, `!document.getElementById("briefing-errors")`)
	waitFor(t, ctx, `document.querySelector("h1").textContent === "Ana Pérez"`)
	jsErrors.Check(t)
}

// TestOverlayShowsCauseFirst breaks a record that others name so that it
// no longer parses, and another file's value: the overlay lists the parse
// error first, with its line of the file and a caret under the column, the
// value next, and nothing about the references to the broken record.
func TestOverlayShowsCauseFirst(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	src := site(t)
	s := New(Options{Options: pipeline.Options{Src: src}})
	ts := start(t, s)
	t.Cleanup(ts.Close)
	t.Cleanup(s.Close)
	if err := chromedp.Do(ctx, markListening(), chromedp.Navigate(ts.URL+"/prisoners/luis-gomez/"), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	// Break both files, then rebuild once (no watcher: one rebuild, one
	// report), once the page listens.
	waitFor(t, ctx, listening)
	ana := filepath.Join(src, "content/prisoners/ana-perez.toml")
	data, _ := os.ReadFile(ana)
	os.WriteFile(ana, []byte(strings.Replace(string(data), `status = "detained"`, `status = "detained`, 1)), 0o644)
	tumba := filepath.Join(src, "content/sites/la-tumba.toml")
	tdata, _ := os.ReadFile(tumba)
	os.WriteFile(tumba, append(tdata, []byte("status = \"open\"\n")...), 0o644)
	s.Rebuild()

	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("briefing-errors"))); err != nil {
		t.Fatal(err)
	}
	items, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("#briefing-errors li")).map(li => li.innerText)`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"content/prisoners/ana-perez.toml:2:19: invalid TOML: strings cannot contain newlines\nstatus = \"detained\n                  ^",
		"content/sites/la-tumba.toml:2:10: status \"open\" is not one of operating, closure_announced, closed\nstatus = \"open\"\n         ^",
	}
	if strings.Join(items, "\n---\n") != strings.Join(want, "\n---\n") {
		t.Errorf("overlay items:\n%s\nwant:\n%s", strings.Join(items, "\n---\n"), strings.Join(want, "\n---\n"))
	}
	jsErrors.Check(t)
}

// markListening makes every page the tab opens set window.briefingListening
// once its event stream is open (the server has it among its clients), by
// wrapping EventSource before the page's scripts run.
func markListening() chromedp.Action[chromedp.Void] {
	const js = `window.EventSource = class extends window.EventSource {
  constructor(url, opts) { super(url, opts); this.addEventListener("open", () => { window.briefingListening = true; }); }
};`
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
		return chromedp.Void{}, err
	}
}

// listening is true in a page marked by markListening once it listens to
// the server's events.
const listening = `window.briefingListening === true`

// waitFor waits until the page's JavaScript expression js is true, the
// browser polling it on its own timer. A reload ends a poll; the next polls
// the new page.
func waitFor(t *testing.T, ctx context.Context, js string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](js, chromedp.WithPollingInterval(10*time.Millisecond), chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		if time.Until(deadline) < 10*time.Millisecond {
			t.Fatalf("waiting for %s: %v", js, err)
		}
	}
}
