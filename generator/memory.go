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

// liveFactor is how many times the loaded site a build is held to.
const liveFactor = 2

// boundMemory is called once the content is loaded and the site resolved
// in its first language (pipeline.Options.Loaded), by build and check, and
// returns the function that undoes it. The loaded site is most of what a build
// keeps; drawing the pages makes garbage at a great rate, and by default
// the collector lets the heap grow to twice what is live before it runs,
// which took a 10,000-prisoner build to 350 MB. boundMemory sets a soft
// limit of twice the loaded site, and never less than 200 MB: the
// 10,000-prisoner build in two languages then peaks near 210 MiB (check
// about the same), and 100,000 prisoners at 1.5 GiB. Twice, not more:
// what a build holds beyond the loaded site is now small beside it
// (package pipeline, "Speed and memory"), and three times would let
// 100,000 prisoners grow towards 2 GB; but at that size the live heap
// comes within a fifth of the limit, and the collector takes a fifth of
// the build's processor time. A GOMEMLIMIT set in the environment is left
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
		bound.saved = debug.SetMemoryLimit(max(int64(minMemoryLimit), liveFactor*int64(sample[0].Value.Uint64())))
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
