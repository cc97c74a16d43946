package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

// site writes the shared test site, with the real templates and static
// files, into a fresh folder.
func site(t *testing.T) string { return testsite.Dir(t) }

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body), resp.Header
}

func TestServeFiles(t *testing.T) {
	src := site(t)
	s := New(Options{Options: pipeline.Options{Src: src}})
	if p := s.Problem(); p != "" {
		t.Fatal(p)
	}
	ts := start(t, s)
	defer ts.Close()

	code, body, h := get(t, ts.URL+"/prisoners/ana-perez/")
	if code != 200 || !strings.Contains(body, "<h1>Ana Pérez</h1>") || h.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("prisoner page: %d %s", code, h.Get("Content-Type"))
	}
	if !strings.Contains(body, `<script src="/_briefing/live.js" defer></script>`+"\n</body>") {
		t.Error("the live-reload script is not injected")
	}
	if code, _, _ := get(t, ts.URL+"/"); code != 200 {
		t.Errorf("/ = %d", code)
	}
	code, body, h = get(t, ts.URL+"/feed.xml")
	if code != 200 || strings.Contains(body, "live.js") || !strings.Contains(h.Get("Content-Type"), "xml") {
		t.Errorf("feed.xml: %d %s", code, h.Get("Content-Type"))
	}
	if code, _, h := get(t, ts.URL+"/prisoners"); code != 301 || h.Get("Location") != "/prisoners/" {
		t.Errorf("a folder without its slash: %d %s", code, h.Get("Location"))
	}
	code, body, _ = get(t, ts.URL+"/no/such/page/")
	if code != 404 || !strings.Contains(body, "Page not found") {
		t.Errorf("missing page: %d", code)
	}
	// Nothing outside the built site, however the path is written.
	for _, p := range []string{"/../site.toml", "/..%2fsite.toml", "/%2e%2e/site.toml", "/content/prisoners/ana-perez.toml", "/templates/base.html"} {
		code, body, _ := get(t, ts.URL+p)
		if code == 200 || strings.Contains(body, "status = ") {
			t.Errorf("%s: %d", p, code)
		}
	}
	if code, body, _ := get(t, ts.URL+"/briefing-offline-en.zip"); code != 200 || !strings.HasPrefix(body, "PK") {
		t.Errorf("offline zip: %d", code)
	}
	if code, body, _ := get(t, ts.URL+"/data/index.html"); code != 200 || !strings.Contains(body, `href="../briefing-offline-en.zip" download`) {
		t.Errorf("the data page does not list the offline archive: %d", code)
	}
	// The published output is never written by serve.
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("serve wrote public/")
	}
}

func TestCheckAddr(t *testing.T) {
	for _, addr := range []string{"127.0.0.1:1313", "localhost:8080", "[::1]:1313"} {
		if err := CheckAddr(addr, false); err != nil {
			t.Errorf("%s: %v", addr, err)
		}
	}
	if err := CheckAddr("0.0.0.0:1313", false); err == nil || !strings.Contains(err.Error(), "add -expose") {
		t.Errorf("0.0.0.0 without -expose: %v", err)
	}
	if err := CheckAddr("0.0.0.0:1313", true); err != nil {
		t.Errorf("0.0.0.0 with -expose: %v", err)
	}
	if err := CheckAddr("1313", false); err == nil {
		t.Error("an address without a host passed")
	}
}

func TestPortTaken(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = Run(context.Background(), Options{Options: pipeline.Options{Src: site(t)}, Addr: ln.Addr().String()})
	if err == nil || !strings.Contains(err.Error(), "is in use") {
		t.Errorf("err = %v", err)
	}
}

// bursts watches src, a burst ending after quiet of debounce, and returns,
// for each rebuild the watcher asks for, what changed (watch's slash paths
// under src).
func bursts(t *testing.T, src string, debounce time.Duration) <-chan []string {
	t.Helper()
	c := make(chan []string, 64)
	w, err := watch(src, debounce, func(changed []string) error { c <- changed; return nil }, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return c
}

// waitRebuild waits for the rebuild that a change to name (a slash path
// under the site) asks for, and returns the bursts of changes seen until
// then, that one included. Each step of a test changes a file that no
// step before it changed, so that a late rebuild for an earlier step, an
// editor's save seen as two bursts, cannot pass for this one.
func waitRebuild(t *testing.T, c <-chan []string, name string) [][]string {
	t.Helper()
	var seen [][]string
	timeout := time.After(10 * time.Second)
	for {
		select {
		case changed := <-c:
			seen = append(seen, changed)
			if slices.Contains(changed, name) {
				return seen
			}
		case <-timeout:
			t.Fatalf("no rebuild after a change to %s; rebuilds for %q", name, seen)
		}
	}
}

// TestWatcher makes the changes an editor makes and waits for the rebuild
// each asks for, which names what changed. It never sleeps: what must not
// make a rebuild (a file outside the site's parts, an editor's swap file)
// is followed by a change that must, and the test reads the rebuilds up
// to that one.
func TestWatcher(t *testing.T) {
	src := site(t)
	c := bursts(t, src, Debounce)

	os.WriteFile(filepath.Join(src, "content/prisoners/ana-perez.toml"), []byte("name = \"Ana\"\nstatus = \"detained\"\n"), 0o644)
	waitRebuild(t, c, "content/prisoners/ana-perez.toml")

	// An editor's atomic save: a temporary file renamed over the record.
	tmp := filepath.Join(src, "content/prisoners/.luis-gomez.toml.tmp")
	os.WriteFile(tmp, []byte("name = \"Luis\"\nstatus = \"detained\"\n"), 0o644)
	os.Rename(tmp, filepath.Join(src, "content/prisoners/luis-gomez.toml"))
	waitRebuild(t, c, "content/prisoners/luis-gomez.toml")

	// A new folder, then a file in it.
	os.Mkdir(filepath.Join(src, "static/images"), 0o755)
	waitRebuild(t, c, "static/images")
	os.WriteFile(filepath.Join(src, "static/images/map.txt"), []byte("x"), 0o644)
	waitRebuild(t, c, "static/images/map.txt")

	os.Remove(filepath.Join(src, "content/events/election.toml"))
	waitRebuild(t, c, "content/events/election.toml")

	os.WriteFile(filepath.Join(src, "site.toml"), []byte("title = \"Changed\"\n"), 0o644)
	waitRebuild(t, c, "site.toml")

	// Files outside the site's parts, and editors' swap files, do not
	// count: no rebuild names them up to the rebuild for the next change.
	os.WriteFile(filepath.Join(src, "notes.txt"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(src, "content/prisoners/.anon-1.toml.swp"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(src, "content/statements/count.toml"), []byte("speaker = \"Foro Penal\"\n"), 0o644)
	seen := waitRebuild(t, c, "content/statements/count.toml")
	for _, name := range []string{"notes.txt", "content/prisoners/.anon-1.toml.swp"} {
		if n := countNaming(seen, name); n > 0 {
			t.Errorf("%s made a rebuild", name)
		}
	}
}

// TestBurstIsOneRebuild: five saves of a file in a row, each a temporary
// file written and renamed over it (events of several kinds, which the
// system does not merge as it merges repeated writes), make one rebuild,
// and the rebuild for the next change is the only other. The saves of a
// burst must come within the debounce of each other, which on a loaded
// machine five saves can take longer than Debounce's 40 ms to make: the
// watcher here waits for half a second of quiet, and what is tested is
// that the changes within it make one rebuild.
func TestBurstIsOneRebuild(t *testing.T) {
	src := site(t)
	c := bursts(t, src, 500*time.Millisecond)
	file := filepath.Join(src, "content/sites/la-tumba.toml")
	for i := range 5 {
		tmp := filepath.Join(src, "content/sites/.la-tumba.toml.tmp")
		os.WriteFile(tmp, []byte("name = \"La Tumba\"\n# "+strings.Repeat("x", i)+"\n"), 0o644)
		os.Rename(tmp, file)
	}
	if seen := waitRebuild(t, c, "content/sites/la-tumba.toml"); len(seen) != 1 {
		t.Errorf("rebuilds before the burst's: %q", seen[:len(seen)-1])
	}
	os.WriteFile(filepath.Join(src, "content/sites/el-helicoide.toml"), []byte("name = \"Helicoide\"\n"), 0o644)
	if seen := waitRebuild(t, c, "content/sites/el-helicoide.toml"); len(seen) != 1 || countNaming(seen, "content/sites/la-tumba.toml") != 0 {
		t.Errorf("a burst of writes made more than one rebuild: after it, %q", seen)
	}
}

// countNaming counts the bursts that name a file.
func countNaming(bursts [][]string, name string) int {
	n := 0
	for _, b := range bursts {
		if slices.Contains(b, name) {
			n++
		}
	}
	return n
}

// events reads the server's event stream into a channel of "event: data".
func events(t *testing.T, url string) <-chan string {
	t.Helper()
	resp, err := http.Get(url + "/_briefing/events")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	c := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		event, data := "", ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				event = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				data += strings.TrimPrefix(line, "data: ")
			case line == "" && event != "":
				c <- event + ": " + data
				event, data = "", ""
			}
		}
	}()
	return c
}

func next(t *testing.T, c <-chan string) string {
	t.Helper()
	select {
	case e := <-c:
		return e
	case <-time.After(5 * time.Second):
		t.Fatal("no event")
	}
	return ""
}

// TestReloadAndErrors: an edit reloads open pages; a broken edit keeps the
// last good site served and sends its error; the fix clears it.
func TestReloadAndErrors(t *testing.T) {
	src := site(t)
	s := New(Options{Options: pipeline.Options{Src: src}})
	ts := start(t, s)
	defer ts.Close()
	defer s.Close()
	w, err := Watch(src, s.Rebuild, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ev := events(t, ts.URL)
	file := filepath.Join(src, "content/prisoners/ana-perez.toml")
	data, _ := os.ReadFile(file)

	os.WriteFile(file, []byte(strings.Replace(string(data), `status = "detained"`, `status = "house_arrest"`, 1)), 0o644)
	if e := next(t, ev); e != "reload: " {
		t.Fatalf("after an edit: %q", e)
	}
	if _, body, _ := get(t, ts.URL+"/prisoners/ana-perez/"); !strings.Contains(body, `<span class="badge badge-house_arrest">House arrest</span>`) {
		t.Error("the edit is not served")
	}

	os.WriteFile(file, []byte(strings.Replace(string(data), `status = "detained"`, `status = "jailed"`, 1)), 0o644)
	const wantError = `error: [{"where":"content/prisoners/ana-perez.toml:2:10","msg":"status \"jailed\" is not one of detained, disappeared, house_arrest, conditionally_released, released, exiled, deceased","source":"status = \"jailed\"","caret":"         ^"}]`
	if e := next(t, ev); e != wantError {
		t.Fatalf("after a broken edit:\n%s\nwant:\n%s", e, wantError)
	}
	if _, body, _ := get(t, ts.URL+"/prisoners/ana-perez/"); !strings.Contains(body, `<span class="badge badge-house_arrest">House arrest</span>`) {
		t.Error("the last good site is not served after a broken edit")
	}
	// A page opened while the site is broken learns it on connecting.
	if e := next(t, events(t, ts.URL)); e != wantError {
		t.Errorf("a new page: %q", e)
	}

	os.WriteFile(file, data, 0o644)
	if e := next(t, ev); e != "reload: " {
		t.Fatalf("after the fix: %q", e)
	}
	if s.Problem() != "" {
		t.Errorf("the problem stayed: %s", s.Problem())
	}
}

// TestFirstBuildBroken: before any good build the server shows the errors,
// and the page reloads itself once they are fixed.
func TestFirstBuildBroken(t *testing.T) {
	src := site(t)
	file := filepath.Join(src, "content/sites/la-tumba.toml")
	os.WriteFile(file, []byte("name = 3\n"), 0o644)
	s := New(Options{Options: pipeline.Options{Src: src}})
	ts := start(t, s)
	defer ts.Close()
	code, body, _ := get(t, ts.URL+"/")
	if code != 503 || !strings.Contains(body, `<li class="briefing-error">content/sites/la-tumba.toml:1:8: name must be a string in quotes, not a number<pre>name = 3
       ^</pre></li>`) || !strings.Contains(body, "live.js") {
		t.Errorf("%d %s", code, body)
	}
}

// TestDraftPage: without -drafts, the page of a draft says it is one and
// how to see it, rather than a bare 404; with -drafts, it is the page.
func TestDraftPage(t *testing.T) {
	src := site(t)
	os.WriteFile(filepath.Join(src, "content/prisoners/rosa-diaz.toml"), []byte("draft = true\nname = \"Rosa Díaz\"\nstatus = \"detained\"\n"), 0o644)
	ts := start(t, New(Options{Options: pipeline.Options{Src: src}}))
	defer ts.Close()
	code, body, _ := get(t, ts.URL+"/prisoners/rosa-diaz/")
	if code != 404 || !strings.Contains(body, "<h1>This page is a draft</h1><p><code>content/prisoners/rosa-diaz.toml</code> has <code>draft = true</code>") ||
		!strings.Contains(body, "<pre>go run ./generator serve -drafts -src "+src+"</pre>") {
		t.Errorf("without -drafts: %d %s", code, body)
	}
	if code, body, _ := get(t, ts.URL+"/prisoners/nobody/"); code != 404 || strings.Contains(body, "draft") {
		t.Errorf("a page that does not exist: %d %s", code, body)
	}
	ts2 := start(t, New(Options{Options: pipeline.Options{Src: src, Drafts: true}}))
	defer ts2.Close()
	if code, body, _ := get(t, ts2.URL+"/prisoners/rosa-diaz/"); code != 200 || !strings.Contains(body, "Rosa Díaz") {
		t.Errorf("with -drafts: %d", code)
	}
}

// TestEditorLinks: with an editor URL in site.toml, each error links to its
// file, line and column.
func TestEditorLinks(t *testing.T) {
	src := site(t)
	cfg, _ := os.ReadFile(filepath.Join(src, "site.toml"))
	os.WriteFile(filepath.Join(src, "site.toml"), append([]byte("editor = \"vscode://file/{path}:{line}:{col}\"\n"), cfg...), 0o644)
	os.WriteFile(filepath.Join(src, "content/sites/la-tumba.toml"), []byte("name = 3\n"), 0o644)
	s := New(Options{Options: pipeline.Options{Src: src}})
	abs, _ := filepath.Abs(filepath.Join(src, "content/sites/la-tumba.toml"))
	want := []problem{{Where: "content/sites/la-tumba.toml:1:8", Msg: "name must be a string in quotes, not a number",
		Href: "vscode://file" + filepath.ToSlash(abs) + ":1:8", Source: "name = 3", Caret: "       ^"}}
	if got := s.report; !reflect.DeepEqual(got, want) {
		t.Errorf("report = %+v\nwant %+v", got, want)
	}
}

// TestNotFoundInLanguage: a missing page under es/ gets the Spanish 404
// page; one elsewhere, the default language's.
func TestNotFoundInLanguage(t *testing.T) {
	src := site(t)
	f, err := os.OpenFile(filepath.Join(src, "site.toml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("\n[languages.es]\nname = \"Español\"\ntitle = \"Prueba\"\n")
	f.Close()
	s := New(Options{Options: pipeline.Options{Src: src}})
	if p := s.Problem(); p != "" {
		t.Fatal(p)
	}
	ts := start(t, s)
	defer ts.Close()
	for path, want := range map[string]string{
		"/es/no/such/page/":       `<html lang="es">`,
		"/es/prisoners/nope.html": `Página no encontrada`,
		"/no/such/page/":          `<html lang="en">`,
		"/esx/":                   `Page not found`,
	} {
		code, body, _ := get(t, ts.URL+path)
		if code != 404 || !strings.Contains(body, want) {
			t.Errorf("%s: %d, want 404 with %s", path, code, want)
		}
	}
}
