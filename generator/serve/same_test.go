package serve

import (
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

// TestServeIsBuild: every file serve returns is the file build writes,
// byte for byte, but for the live-reload script injected into each page:
// pages, static files, search index, feeds, data files, sitemap (with a
// base URL), robots.txt, _headers and the offline archives; and serve has
// no file build does not write. In one language and in two (the Spanish
// pages, index, feeds and archive, and the sitemap's alternates).
func TestServeIsBuild(t *testing.T) {
	t.Run("one language", func(t *testing.T) {
		serveIsBuild(t, testsite.Dir(t), "briefing-offline-en.zip", "search/index.html", "data/index.html")
	})
	t.Run("two languages", func(t *testing.T) {
		serveIsBuild(t, testsite.DirFrom(t, "../pipeline/testdata/bilingual.txtar"),
			"briefing-offline-en.zip", "briefing-offline-es.zip", "es/search/index.html", "es/data/index.html", "es/feed.xml", "es/404.html")
	})
}

func serveIsBuild(t *testing.T, src string, wants ...string) {
	opts := pipeline.Options{Src: src, BaseURL: "https://mirror.example/briefing"}
	res, err := pipeline.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	built := testsite.Read(t, res.Out)
	delete(built, pipeline.Marker)
	for _, want := range append([]string{"sitemap.xml", "robots.txt", "_headers"}, wants...) {
		if built[want] == nil {
			t.Fatalf("the build wrote no %s", want)
		}
	}

	s := New(Options{Options: opts})
	if p := s.Problem(); p != "" {
		t.Fatal(p)
	}
	ts := start(t, s)
	defer ts.Close()
	const live = `<script src="/_briefing/live.js" defer></script>` + "\n"
	names := make([]string, 0, len(built))
	for n := range built {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, name := range names {
		resp, err := http.Get(ts.URL + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.HasSuffix(name, ".html") {
			got = []byte(strings.Replace(string(got), live, "", 1))
		}
		if resp.StatusCode != http.StatusOK || string(got) != string(built[name]) {
			t.Errorf("%s: serve returns %d, %d bytes, that differ from the %d bytes build wrote", name, resp.StatusCode, len(got), len(built[name]))
		}
	}
	served, err := s.site.Names()
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range served {
		if built[n] == nil {
			t.Errorf("serve has %s, which build does not write", n)
		}
	}
	if len(served) != len(built) {
		t.Errorf("serve has %d files, build wrote %d", len(served), len(built))
	}
}
