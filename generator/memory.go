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

// drawnPerRecord is what drawing the pages keeps live for each record,
// beyond the loaded site, at its peak: the name and size of every file
// made, the offline archive's index, the sitemap's entries, and what the
// collector finds live because it was made while it marked. Measured on
// the benchmark corpus (GODEBUG=gctrace=1, the most found live less the
// loaded site, over the records): 2.9 to 4.2 KiB at 10,000 to 100,000
// prisoners in two languages; 3.3 KiB on the history bench's corpus
// outside git (10,000 prisoners).
const drawnPerRecord = 3 << 10

// mostQuarters is the most a build is held to, in quarters of the loaded
// site: three and three quarters times, which keeps a site of 100,000
// prisoners under the 1.5 GB it may use.
const mostQuarters = 15

// memoryLimit is the soft limit for a build whose loaded site is live
// bytes, of records records: room for the collector's own pace, twice
// what is live at the peak of drawing (live and drawnPerRecord for each
// record), but never more than mostQuarters of the loaded site, and never
// less than minMemoryLimit.
func memoryLimit(live uint64, records int) int64 {
	pace := 2 * (int64(live) + drawnPerRecord*int64(records))
	return max(minMemoryLimit, min(pace, mostQuarters*int64(live)/4))
}

// boundMemory is called once the content is loaded and the site resolved
// in its first language (pipeline.Options.Loaded), by build and check,
// with the number of records, and returns the function that undoes it. It
// sets the soft limit memoryLimit gives for the heap then live.
//
// Why: the loaded site is most of what a build keeps, and drawing the
// pages makes garbage at a great rate. By default the collector lets the
// heap grow to twice what is live before it runs (its own pace), which
// at 100,000 prisoners is more than the 1.5 GB such a site may use; a
// limit holds the whole process (the heap, the runtime's own memory,
// pages freed but not yet returned). But each cycle of the collector
// marks all that is live, so less room than its own pace means more
// cycles for the same pages, and time that grows faster than the site.
//
// Which term sets the limit: on the benchmark corpus, the floor up to
// about 15,000 prisoners, and mostQuarters above it, which gives the
// collector about four fifths of its own pace at 20,000 prisoners and
// three quarters at 100,000. The pace term holds a site whose loaded site
// is large for its number of records below mostQuarters: the history
// bench's corpus outside git (65 MiB for 10,000 prisoners) is held to 209
// MiB, not 244, so that its peak stays under 250 MB.
//
// The limit this replaced, four times the loaded site less 100 MiB and at
// least 200 MiB, gave the floor to every site up to about 20,000
// prisoners (a loaded site of 75 MiB), and at 20,000 a third of the room
// its collector needed: it ran 202 times and took 37% of the processor
// time, and the build took 2.45 times as long as at 10,000 (56 against 23
// processor seconds). Measured on the quiet machine on 2026-11-30 (build
// -cache= into /dev/shm, /usr/bin/time; the loaded site from
// GODEBUG=gctrace=1, the collection forced when it is loaded; processor
// time user+system, two runs where two are given, the machine is noisy;
// the collector's time from gctrace):
//
//	prisoners (loaded)             limit, before → now   processor s, before → now   peak, before → now
//	10,000 (38 MiB)                200 → 200 MiB         23.0, 22.7 → 22.0, 23.3     204 → 207, 208 MiB
//	10,000, history's (65 MiB)     200 → 209 MiB         16.0 → 16.0                 208 → 218 MiB
//	20,000 (73 MiB)                200 → 274 MiB         56.3, 55.2 → 47.1, 53.6     209 → 283 MiB
//	                               collector: 202 → 131 cycles, 21.0 → 6.4 processor s
//	50,000 (179 MiB)               616 → 671 MiB         126, 136 → 121, 131         615 → 670 MiB
//	100,000 (350 MiB)              1,300 → 1,312 MiB     265, 263 → 265              1.29, 1.30 → 1.30 GiB
//
// A site of 10,000 prisoners keeps the 200 MiB floor, long bodies or not
// (the long texts are not in the loaded site; package pipeline, "Speed
// and memory"): its peak stays under the 250 MB it may use. At 100,000
// prisoners the collector's own pace is over the 1.5 GB allowed: 1,480
// MiB measured (twice the 740 MiB found live at most), 1,494 MiB by
// memoryLimit's estimate; mostQuarters holds it to about the limit it
// had. That is a part of why the build takes more than ten times as long
// as at 10,000: with the limit at 1,600 MiB (GOMEMLIMIT, a peak of 1.70
// GB), 11.0 times 10,000's processor time, against 11.7 (package
// pipeline, "Speed and memory"). A GOMEMLIMIT set in the environment is
// left as it is.
//
// The limit belongs to the process, which is why main sets it and no
// package does: when builds overlap (tests), the first sets it and the
// last to finish puts the old one back.
func boundMemory(records int) (undo func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	bound.Lock()
	defer bound.Unlock()
	if bound.builds == 0 {
		runtime.GC()
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		metrics.Read(sample)
		bound.saved = debug.SetMemoryLimit(memoryLimit(sample[0].Value.Uint64(), records))
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
