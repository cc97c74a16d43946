package serve

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/build"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
)

// TestLiveReloadInBrowser opens a page from serve in Chromium, edits the
// record and sees the page change by itself; breaks it and sees the error
// overlay with its position; fixes it and sees the overlay go.
func TestLiveReloadInBrowser(t *testing.T) {
	ctx, jsErrors := browsertest.New(t)
	src := site(t)
	s := New(Options{Options: build.Options{Src: src}})
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
	time.Sleep(200 * time.Millisecond) // the event stream connects
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
