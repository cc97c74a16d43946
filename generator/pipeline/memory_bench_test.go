package pipeline

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"
)

// BenchmarkMemory runs Check and Build on the benchmark corpus and reports
// the heap they hold: loaded-MB, what is live once the site is loaded and
// resolved in its first language (Options.Loaded, the figure main bounds
// the memory by), and live-MB, the most found live at the end of a
// collection while the files are made. The processes' peak resident
// memory is main's memory limit, at least 200 MB, plus a few megabytes
// (generator/memory.go). The figures in package doc come from
//
//	go test ./generator/pipeline -run XXX -bench Memory -benchtime 1x -corpus 10000 -corpus-es -corpus-body 1000
func BenchmarkMemory(b *testing.B) {
	src := benchCorpus(b)
	out := b.TempDir() + "/public"
	for _, cmd := range []struct {
		name string
		run  func(Options) (*Result, error)
	}{
		{"check", Check},
		{"build", func(o Options) (*Result, error) { o.Out = out; return Build(o) }},
	} {
		b.Run(cmd.name, func(b *testing.B) {
			var loaded, live uint64
			for b.Loop() {
				stop := watchLive(&live)
				_, err := cmd.run(Options{Src: src, Loaded: func(int) { loaded = max(loaded, liveBytes()) }})
				stop()
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(loaded)/(1<<20), "loaded-MB")
			b.ReportMetric(float64(live)/(1<<20), "live-MB")
		})
	}
}

// liveBytes collects garbage and returns the bytes live on the heap.
func liveBytes() uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// watchLive keeps in most the most bytes found live at the end of a
// collection, read every few milliseconds until stop is called.
func watchLive(most *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			*most = max(*most, sample[0].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	return func() { close(done); wg.Wait() }
}
