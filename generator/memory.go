package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// minMemoryLimit is the least memory a build is held to.
const minMemoryLimit = 200 << 20

// liveQuarters is how many times the loaded site a build is held to, in
// quarters: four, less smallSite.
const liveQuarters = 16

// smallSite is taken off the limit that liveQuarters sets, so that a site
// of 10,000 prisoners, whose loaded site is 44 to 76 MB, is held to about
// the 200 MB floor, under the 250 MB such a site may use.
const smallSite = 100 << 20

// boundMemory is called once the content is loaded and the site resolved
// in its first language (pipeline.Options.Loaded), by build and check, and
// returns the function that undoes it. The loaded site is most of what a
// build keeps; drawing the pages makes garbage at a great rate, and by
// default the collector lets the heap grow to twice what is live before it
// runs, which took a 10,000-prisoner build to 350 MB. boundMemory sets a
// soft limit of four times the loaded site less 100 MB, and never less
// than 200 MB.
//
// Why: the limit holds the whole process (the heap, the runtime's own
// memory, pages freed but not yet returned), and while the pages are
// drawn what is live is the loaded site and nearly half as much again
// (the page being drawn, the largest the list of every prisoner; the
// offline archive's index and the size of every file; the sitemap's entry
// for every page; what was made while the collector marked, which it
// frees only at its next cycle). The collector costs least when it has
// room for as much garbage as is live, its own pace, and more the less
// room it has: each cycle marks all that is live, and less room means
// more cycles for the same pages. A site of 10,000 prisoners in two
// languages loads 44 to 76 MB (the benchmark corpus; the history bench's
// corpus outside git) and is held to the 200 MB floor, or just over it:
// its peak is 208 MiB, under the 250 MB it may use. At 100,000 prisoners,
// measured on the quiet machine on 2026-11-30 (package pipeline, "Speed
// and memory"): with the limit at two and a half times the loaded site,
// as it was, the collector had room for about half of what was live while
// drawing, ran 190 to 200 times and took a fifth of the processor time,
// where it takes a tenth at 10,000 (GODEBUG=gctrace=1), and the build took
// 191 s and 354 processor seconds (0.96 GiB at the peak); at three and a
// quarter times less 100 MB, 168 s and 315 processor seconds (1.01 GiB);
// at four times less 100 MB, 142 to 154 s and 264 to 286 processor
// seconds, 1.27 to 1.29 GiB at the peak, under the 1.5 GB that a site of that size
// may use. The long texts are not in the loaded site (package pipeline,
// "Speed and memory"), so that a site of long bodies is held to the same:
// 10,000 prisoners in two languages peak near 210 MiB, long bodies or not,
// build or check (the floor). A GOMEMLIMIT set in the environment is left
// as it is.
//
// The limit belongs to the process, which is why main sets it and no
// package does: when builds overlap (tests), the first sets it and the
// last to finish puts the old one back.
func boundMemory() (undo func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	bound.Lock()
	defer bound.Unlock()
	if bound.builds == 0 {
		runtime.GC()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		bound.saved = debug.SetMemoryLimit(max(int64(minMemoryLimit), liveQuarters*int64(sample[0].Value.Uint64())/4-smallSite))
	}
	bound.builds++
	return func() {
		bound.Lock()
		defer bound.Unlock()
		if bound.builds--; bound.builds == 0 {
			debug.SetMemoryLimit(bound.saved)
		}
	}
}

// bound counts the builds under the memory limit and keeps the limit
// they replaced.
var bound struct {
	sync.Mutex
	builds int
	saved  int64
}
