package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/feed"
	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/internal/sitetest"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/offline"
	"github.com/presos-politicos/briefing/generator/outdir"
	"github.com/presos-politicos/briefing/generator/render"
	"github.com/presos-politicos/briefing/generator/search"
	"github.com/presos-politicos/briefing/generator/site"
)

// The benchmarks build a synthetic corpus once per size (-corpus, in
// prisoners; the other kinds scale with it) and time each step, so that a
// regression shows in benchstat:
//
//	go test ./generator/pipeline -run XXX -bench . -corpus 10000 -count 6 > new.txt
var (
	corpusSize    = flag.Int("corpus", 1000, "prisoners in the benchmarks' synthetic corpus")
	corpusSpanish = flag.Bool("corpus-es", false, "give the benchmarks' corpus a second language, Spanish")
	corpusBody    = flag.Int("corpus-body", 0, "words in each prisoner's body in the benchmarks' corpus; 0 means 60")
)

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
		size := corpus.Scaled(*corpusSize)
		size.Spanish, size.BodyWords = *corpusSpanish, *corpusBody
		if err := corpus.Write(dir, size); err != nil {
			b.Fatal(err)
		}
		testsite.Templates(b, dir)
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
	s := sitetest.New(b, fsys)
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
	b.ReportMetric(float64(pages.Len()), "pages")
	for b.Loop() {
		for _, need := range []render.Need{render.NeedsSite, render.NeedsSearchIndex, render.NeedsArchives} {
			if err := r.Render(pages, need, discard{}, nil); err != nil {
				b.Fatal(err)
			}
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
		if _, err := feed.Write(s, discard{}, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite writes a built site to disk as Build does: a folder per
// page, each file in its spool for the offline archive, then the archives.
// Each run writes into a fresh folder; the folders are removed at the end.
func BenchmarkWrite(b *testing.B) {
	m, planned, s, err := inMemory(Options{Src: benchCorpus(b)})
	if err != nil {
		b.Fatal(err)
	}
	names := make([]string, 0, len(m))
	var size int64
	for n, data := range m {
		if !offline.IsArchive(n) {
			names = append(names, n)
			size += int64(len(data))
		}
	}
	b.SetBytes(size)
	b.ReportMetric(float64(len(names)), "files")
	root := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		folder, err := outdir.Open(context.Background(), b.TempDir(), filepath.Join(root, fmt.Sprint(i)))
		if err != nil {
			b.Fatal(err)
		}
		spool, err := offline.NewFileSpool(filepath.Join(folder.Temp(), ".spool"))
		if err != nil {
			b.Fatal(err)
		}
		out := newFiles(written{folder}, spool)
		var wg sync.WaitGroup
		for w := range 2 {
			wg.Go(func() {
				for j := w; j < len(names); j += 2 {
					if err := out.WriteFile(names[j], m[names[j]]); err != nil {
						b.Error(err)
						return
					}
				}
			})
		}
		wg.Wait()
		out.parts = planned.parts
		if err := out.writeArchives(s.Updated.First()); err != nil {
			b.Fatal(err)
		}
		spool.Close()
		if err := folder.Commit(); err != nil {
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

var commits = flag.Int("commits", 20, "commits that change every prisoner in BenchmarkHistory's repository")

// historyCorpus is the benchmark corpus as a git repository in which each
// of -commits commits adds a source to every prisoner, and the same files
// without .git: the 10,000 records with 20 commits each at
// -corpus 10000. The history is written with one git fast-import, then
// packed again from scratch (git repack -a -d -f), as a server packs what
// a clone receives: fast-import's own pack makes each blob a delta of the
// one written before it, another file's, in chains of 50, which git
// unpacks twice as slowly as a clone's.
func historyCorpus(b *testing.B) (withGit, withoutGit string) {
	needGit(b)
	root := filepath.Join(os.TempDir(), fmt.Sprintf("bench-history-%d-%d", *corpusSize, *commits))
	withGit, withoutGit = filepath.Join(root, "git"), filepath.Join(root, "plain")
	if _, err := os.Stat(filepath.Join(root, "done")); err == nil {
		if _, err := os.Stat(filepath.Join(root, "repacked")); err != nil {
			repack(b, root, withGit) // made by an older run, with fast-import's pack
		}
		// Made by an earlier run: only the templates and static files are
		// the worktree's own, as they are now.
		for _, dir := range []string{withGit, withoutGit} {
			for _, d := range []string{"templates", "static"} {
				if err := os.RemoveAll(filepath.Join(dir, d)); err != nil {
					b.Fatal(err)
				}
			}
			testsite.Templates(b, dir)
		}
		return withGit, withoutGit
	}
	os.RemoveAll(root)
	if err := corpus.Write(withGit, corpus.Scaled(*corpusSize)); err != nil {
		b.Fatal(err)
	}
	files := testsite.Read(b, withGit)
	names := slices.Sorted(maps.Keys(files))
	gitRun(b, withGit, "2026-01-01T00:00:00Z", "init", "-q", "-b", "main")
	cmd := exec.Command("git", "-C", withGit, "fast-import", "--quiet")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	stream := bufio.NewWriterSize(stdin, 1<<20)
	for k := range *commits {
		when := time.Date(2026, 2, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, k).Unix()
		msg := fmt.Sprintf("Commit %d\n\nPublic-note: Sources added in commit %d.\n", k, k)
		fmt.Fprintf(stream, "commit refs/heads/main\nmark :%d\nauthor A <a@example.org> %d +0000\ncommitter A <a@example.org> %d +0000\ndata %d\n%s", k+1, when, when, len(msg), msg)
		if k > 0 {
			fmt.Fprintf(stream, "from :%d\n", k)
		}
		for _, n := range names {
			if k > 0 {
				if !strings.HasPrefix(n, "content/prisoners/") {
					continue
				}
				files[n] = fmt.Appendf(files[n], "\n[[sources]]\ntitle = \"Report %d\"\nurl = \"https://example.org/report/%d\"\npublisher = \"Publisher %d\"\n", k, k, k)
			}
			fmt.Fprintf(stream, "M 100644 inline %s\ndata %d\n", n, len(files[n]))
			stream.Write(files[n])
			stream.WriteByte('\n')
		}
	}
	stream.Flush()
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		b.Fatalf("git fast-import: %v\n%s", err, stderr.Bytes())
	}
	for n, data := range files {
		if err := os.WriteFile(filepath.Join(withGit, n), data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	gitRun(b, withGit, "2026-01-01T00:00:00Z", "reset", "-q")
	if err := os.CopyFS(withoutGit, os.DirFS(withGit)); err != nil {
		b.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(withoutGit, ".git")); err != nil {
		b.Fatal(err)
	}
	repack(b, root, withGit)
	testsite.Templates(b, withGit)
	testsite.Templates(b, withoutGit)
	if err := os.WriteFile(filepath.Join(root, "done"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return withGit, withoutGit
}

// repack packs the repository's objects again from scratch, as a clone
// receives them (see historyCorpus), and marks root as repacked.
func repack(b *testing.B, root, repo string) {
	gitRun(b, repo, "2026-01-01T00:00:00Z", "repack", "-q", "-a", "-d", "-f")
	if err := os.WriteFile(filepath.Join(root, "repacked"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkHistory compares the whole build of a site in a git repository
// (with its history, read without a cache) with the same files outside one
// (without), and with a build whose history cache was filled before one
// more commit, which changed every prisoner (warm) or ten (warm-few); and
// times reading and comparing the history alone.
// The repository is made once and kept in the temporary folder for later
// runs:
//
//	go test ./generator/pipeline -run XXX -bench History -corpus 10000 -commits 20 -benchtime 1x -count 3
func BenchmarkHistory(b *testing.B) {
	withGit, withoutGit := historyCorpus(b)
	b.Run("build-without", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "public")
		settle()
		cpu := cpuTime()
		for b.Loop() {
			pprof.Do(context.Background(), pprof.Labels("build", "without"), func(context.Context) {
				if _, err := Build(Options{Src: withoutGit, Out: out}); err != nil {
					b.Fatal(err)
				}
			})
		}
		reportCPU(b, cpu)
	})
	b.Run("build-with", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "public")
		settle()
		cpu := cpuTime()
		for b.Loop() {
			res, err := Build(Options{Src: withGit, Out: out})
			if err != nil {
				b.Fatal(err)
			}
			if res.Note != "" {
				b.Fatal(res.Note)
			}
		}
		reportCPU(b, cpu)
	})
	// Warm: the cache filled, then one more commit that adds a source to
	// every prisoner, as each of the others did (the build reads and
	// decodes that commit only), or to ten of them, as an editor's
	// commit does (warm-few: the publishing workflow's build, which keeps
	// the cache between runs).
	b.Run("build-warm", func(b *testing.B) { benchWarm(b, withGit, "warm", -1) })
	b.Run("build-warm-few", func(b *testing.B) { benchWarm(b, withGit, "warm-few", 10) })
	b.Run("read-and-compare", func(b *testing.B) {
		set, err := content.Load(os.DirFS(withGit), content.Options{})
		if err != nil {
			b.Fatal(err)
		}
		cpu := cpuTime()
		for b.Loop() {
			if h, note := readHistory(Options{dir: withGit}, set); h == nil {
				b.Fatal(note)
			}
		}
		reportCPU(b, cpu)
	})
}

// benchWarm times a build whose history cache was filled before one more
// commit, which added a source to the first n prisoners (every one when n
// is negative): the repository cloned, clean, as CI checks it out, and
// built into an empty output folder, as build-without and build-with
// are. The build runs under the profiler label build=label, so that
// -tagfocus build=label shows it alone, without the build that filled its
// cache.
func benchWarm(b *testing.B, withGit, label string, n int) {
	clone := filepath.Join(b.TempDir(), "site")
	gitRun(b, withGit, "2026-01-01T00:00:00Z", "clone", "-q", "--local", withGit, clone)
	testsite.Templates(b, clone)
	cache, filled := b.TempDir(), b.TempDir()
	out := filepath.Join(b.TempDir(), "public")
	if _, err := Build(Options{Src: clone, Out: out, HistoryCache: cache}); err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(filled, os.DirFS(cache)); err != nil {
		b.Fatal(err)
	}
	prisoners, err := filepath.Glob(filepath.Join(clone, "content", "prisoners", "*.toml"))
	if err != nil {
		b.Fatal(err)
	}
	if n >= 0 && n < len(prisoners) {
		prisoners = prisoners[:n]
	}
	for _, p := range prisoners {
		f, err := os.OpenFile(p, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "\n[[sources]]\ntitle = \"Report %d\"\nurl = \"https://example.org/report/%d\"\npublisher = \"Publisher %d\"\n", *commits, *commits, *commits)
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	gitRun(b, clone, "2026-03-01T12:00:00Z", "add", "-A", "content")
	gitRun(b, clone, "2026-03-01T12:00:00Z", "commit", "-q", "-m", "One more source")
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		os.RemoveAll(cache)
		if err := os.CopyFS(cache, os.DirFS(filled)); err != nil {
			b.Fatal(err)
		}
		// Into an empty output folder, as build-without and build-with
		// write, and as CI does: a previous output would let the build
		// link every file it left unchanged rather than write it (see
		// package outdir).
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		settle()
		b.StartTimer()
		start := cpuTime()
		pprof.Do(context.Background(), pprof.Labels("build", label), func(context.Context) {
			res, err := Build(Options{Src: clone, Out: out, HistoryCache: cache})
			if err != nil {
				b.Fatal(err)
			}
			if res.Note != "" {
				b.Fatal(res.Note)
			}
		})
		cpu += cpuTime() - start
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// settle collects what the builds before left and returns it to the
// system, before a build is timed: else the timed build pays for the
// collector's and the system's work on the previous one's. The warm
// builds follow the build that filled their cache (a gigabyte at its
// peak): build-warm-few measured 38.7 processor seconds to
// build-without's 22.4 without settle, 33.2 to 34.7 with it (2026-11-30,
// load 8 to 10), where the generator run alone, alternately, measured
// 27.5 and 28.2 to 26.6 and 26.2.
func settle() { debug.FreeOSMemory() }

// reportCPU reports the processor time per run since start, as cpu-s/op,
// where cpuTime can tell it (see cputime_unix_test.go).
func reportCPU(b *testing.B, start time.Duration) {
	if start >= 0 {
		b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
	}
}
