package serve

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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

	wait := func(js string, want bool) {
		t.Helper()
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(25 * time.Millisecond) {
			if got, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && got == want {
				return
			}
		}
		t.Fatalf("timed out waiting for %s to be %v", js, want)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/prisoners/ana-perez/"), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	waitListening(t, s)
	file := filepath.Join(src, "content/prisoners/ana-perez.toml")
	data, _ := os.ReadFile(file)

	start := time.Now()
	os.WriteFile(file, []byte(strings.Replace(string(data), `name = "Ana Pérez"`, `name = "Ana María Pérez"`, 1)), 0o644)
	wait(`document.querySelector("h1").textContent === "Ana María Pérez"`, true)
	t.Logf("edit to updated page: %v", time.Since(start).Round(time.Millisecond))

	os.WriteFile(file, []byte(strings.Replace(string(data), `status = "detained"`, `status = "jailed"`, 1)), 0o644)
	wait(`!!document.getElementById("briefing-errors")`, true)
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
	wait(`!!document.getElementById("briefing-errors")`, false)
	wait(`document.querySelector("h1").textContent === "Ana Pérez"`, true)
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
	if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/prisoners/luis-gomez/"), chromedp.WaitReady(chromedp.CSS("h1"))); err != nil {
		t.Fatal(err)
	}
	// Break both files, then rebuild once (no watcher: one rebuild, one
	// report), once the page listens.
	waitListening(t, s)
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

// waitListening waits until a page listens to the server's event stream.
func waitListening(t *testing.T, s *Server) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		s.clientsMu.Lock()
		n := len(s.clients)
		s.clientsMu.Unlock()
		if n > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the page never connected to the event stream")
		}
	}
}
