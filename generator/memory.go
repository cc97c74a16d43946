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

// liveHalves is how many times the loaded site a build is held to, in
// halves: two and a half.
const liveHalves = 5

// boundMemory is called once the content is loaded and the site resolved
// in its first language (pipeline.Options.Loaded), by build and check, and
// returns the function that undoes it. The loaded site is most of what a
// build keeps; drawing the pages makes garbage at a great rate, and by
// default the collector lets the heap grow to twice what is live before it
// runs, which took a 10,000-prisoner build to 350 MB. boundMemory sets a
// soft limit of two and a half times the loaded site, and never less than
// 200 MB.
//
// Why two and a half: the limit holds the whole process (the heap, the
// runtime's own memory, pages freed but not yet returned), and while the
// pages are drawn what is live grows past the loaded site by three
// quarters again (the page being drawn, the largest the list of every
// prisoner; the offline archive's index and the size of every file; the
// sitemap's entry for every page). At twice the loaded site the collector
// ran almost without pause once the site outgrew the 200 MB floor. At two
// and a half, 100,000 prisoners in two languages peak at 1.05 GiB, but
// the collector's room for garbage is a third of what is live, where at
// 10,000 prisoners, under the floor, it runs at its own pace with as much
// room as is live: it runs about twice as often for the same work, a
// fifth of the processor time at 30,000 and 100,000 prisoners against a
// tenth at 10,000 (GODEBUG=gctrace=1), which is much of why 100,000
// prisoners take 11 to 17 times as long as 10,000 (package pipeline,
// "Speed and memory"). Three times the loaded site was measured too
// (2026-11-30): a quarter fewer collections, 1.29 GiB at 100,000
// prisoners, and no gain in processor time that the shared machine let
// us see; it is not the limit. The long texts are not in the loaded site
// (package pipeline, "Speed and memory"), so that a site of long bodies is
// held to the same: 10,000 prisoners in two languages peak near 210 MiB,
// long bodies or not, build or check (the floor). A GOMEMLIMIT set in the
// environment is left as it is.
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
		bound.saved = debug.SetMemoryLimit(max(int64(minMemoryLimit), liveHalves*int64(sample[0].Value.Uint64())/2))
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
