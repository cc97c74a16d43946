// Package browsertest runs tests in headless Chromium (Debian's chromium),
// driven with github.com/chromedp/chromedp.
//
// A test that needs the browser calls New. Without Chromium installed the
// test is skipped, unless the environment variable CI is set: there a
// missing browser is a failure, so that CI can never pass by skipping.
// Every uncaught JavaScript exception, console error and browser log error
// (a blocked request, a Content-Security-Policy violation, a failed load) is
// collected; Errors.Check fails the test on any.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Path finds the Chromium executable, or returns "".
func Path() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// New starts a headless browser for the test and returns a context for
// chromedp actions in one tab. It is closed when the test ends. The
// returned Errors lists the JavaScript errors seen so far.
func New(t *testing.T) (context.Context, *Errors) {
	t.Helper()
	path := Path()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("Chromium is not installed; CI must install it (apt-get install -y chromium)")
		}
		t.Skip("Chromium is not installed; skipping the browser test (install Debian's chromium to run it)")
	}
	ctx, cancel := Start(path, t.TempDir())
	t.Cleanup(cancel)
	errs := &Errors{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *log.EventEntryAdded:
			// Blocked requests, CSP violations and failed loads.
			if ev.Entry.Level == log.EntryLevelError {
				errs.add(string(ev.Entry.Source) + ": " + ev.Entry.Text + " " + ev.Entry.URL)
			}
		case *runtime.EventExceptionThrown:
			errs.add(exceptionText(ev.ExceptionDetails))
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError {
				var parts []string
				for _, a := range ev.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				errs.add("console.error: " + strings.Join(parts, " "))
			}
		}
	})
	if err == nil {
		err = chromedp.Do(ctx) // starts the browser; the runtime and log domains are on by default
	}
	if err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx, errs
}

// Start starts headless Chromium at path with a fresh profile in dataDir,
// with the flags this machine's closed network needs, and returns a
// context for one tab, ended by cancel. Benchmarks use it directly.
func Start(path, dataDir string) (ctx context.Context, cancel func()) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.UserDataDir(dataDir),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	// A bound against a browser that hangs, wide enough for a test that
	// runs axe over every page kind on a machine shared with other builds.
	ctx, cancelTimeout := context.WithTimeout(ctx, 10*time.Minute)
	return ctx, func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	}
}

// Errors collects JavaScript errors from the page.
type Errors struct {
	mu   sync.Mutex
	list []string
}

func (e *Errors) add(s string) {
	e.mu.Lock()
	e.list = append(e.list, s)
	e.mu.Unlock()
}

// Check fails the test if the page threw or logged an error.
func (e *Errors) Check(t *testing.T) {
	t.Helper()
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, s := range e.list {
		t.Errorf("JavaScript error: %s", s)
	}
	e.list = nil
}

func exceptionText(d *runtime.ExceptionDetails) string {
	s := d.Text
	if d.Exception != nil {
		s += " " + d.Exception.Description
	}
	return s + " at " + d.URL
}

// DisableScripts turns JavaScript off in the tab, to test what a reader
// without it gets.
func DisableScripts() chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return chromedp.Void{}, err
	}
}

// ColorScheme makes the tab prefer "light" or "dark", as a reader's system
// setting does.
func ColorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return chromedp.Void{}, err
	}
}
