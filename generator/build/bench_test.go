package build

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/feed"
	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/render"
	"github.com/presos-politicos/briefing/generator/search"
	"github.com/presos-politicos/briefing/generator/site"
)

// The benchmarks build a synthetic corpus once per size (-corpus, in
// prisoners; the other kinds scale with it) and time each step, so that a
// regression shows in benchstat:
//
//	go test ./generator/build -run XXX -bench . -corpus 10000 -count 6 > new.txt
var corpusSize = flag.Int("corpus", 1000, "prisoners in the benchmarks' synthetic corpus")

var (
	corpusOnce sync.Once
	corpusDir  string
)

func benchCorpus(b *testing.B) string {
	corpusOnce.Do(func() {
		dir, err := os.MkdirTemp("", fmt.Sprintf("bench-corpus-%d-", *corpusSize))
		if err != nil {
			b.Fatal(err)
		}
		if err := corpus.Write(dir, corpus.Scaled(*corpusSize)); err != nil {
			b.Fatal(err)
		}
		addTemplates(b, dir)
		corpusDir = dir
	})
	return corpusDir
}

func BenchmarkLoad(b *testing.B) {
	fsys := os.DirFS(benchCorpus(b))
	for b.Loop() {
		if _, err := content.Load(fsys, content.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	set, err := content.Load(os.DirFS(benchCorpus(b)), content.Options{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := site.New(set); err != nil {
			b.Fatal(err)
		}
	}
}

func preparedSite(b *testing.B) (*site.Site, *render.Renderer) {
	fsys := os.DirFS(benchCorpus(b))
	set, err := content.Load(fsys, content.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s, err := site.New(set)
	if err != nil {
		b.Fatal(err)
	}
	r, err := render.New(fsys, nil)
	if err != nil {
		b.Fatal(err)
	}
	return s, r
}

// discard is an output that keeps nothing.
type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

func BenchmarkRender(b *testing.B) {
	s, r := preparedSite(b)
	pages := render.Pages(s, &render.Files{})
	b.ReportMetric(float64(len(pages)), "pages")
	for b.Loop() {
		if err := r.Render(pages, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSearchIndex(b *testing.B) {
	s, _ := preparedSite(b)
	for b.Loop() {
		if _, err := search.Build(s).Write(discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFeeds(b *testing.B) {
	s, _ := preparedSite(b)
	for b.Loop() {
		if err := feed.Write(s, discard{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild runs the whole build, writing to disk and swapping the
// folder in.
func BenchmarkBuild(b *testing.B) {
	src := benchCorpus(b)
	out := filepath.Join(b.TempDir(), "public")
	for b.Loop() {
		if _, err := Build(Options{Src: src, Out: out}); err != nil {
			b.Fatal(err)
		}
	}
}
