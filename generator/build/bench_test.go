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

// BenchmarkWrite writes a built site to disk as Build does: a folder per
// page, each file in its spool for the offline archive, then the archives.
// Each run writes into a fresh folder; the folders are removed at the end.
func BenchmarkWrite(b *testing.B) {
	m, err := InMemory(Options{Src: benchCorpus(b)})
	if err != nil {
		b.Fatal(err)
	}
	names := make([]string, 0, len(m.Files))
	var size int64
	for n, data := range m.Files {
		names = append(names, n)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportMetric(float64(len(names)), "files")
	root := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		tmp := filepath.Join(root, fmt.Sprint(i))
		if err := os.Mkdir(tmp, 0o755); err != nil {
			b.Fatal(err)
		}
		spool, err := newZipSpool(filepath.Join(tmp, ".spool"))
		if err != nil {
			b.Fatal(err)
		}
		d := newDir(tmp)
		d.spool = spool
		var wg sync.WaitGroup
		for w := range 2 {
			wg.Go(func() {
				for j := w; j < len(names); j += 2 {
					if err := d.WriteFile(names[j], m.Files[names[j]]); err != nil {
						b.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
		d.archives = m.archives
		if err := writeArchives(tmp, spool, d, m.Site.Updated.First()); err != nil {
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
