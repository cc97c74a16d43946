package main

import (
	"runtime/debug"
	"testing"
)

func TestBoundMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Setenv("GOMEMLIMIT", "")
	undo := boundMemory(1000)
	if got := debug.SetMemoryLimit(-1); got < minMemoryLimit || got == before {
		t.Errorf("limit while building = %d, want at least %d", got, minMemoryLimit)
	}
	undo()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after = %d, want it restored to %d", got, before)
	}

	// Overlapping builds: the limit stays until the last one ends.
	first, second := boundMemory(1000), boundMemory(1000)
	first()
	if got := debug.SetMemoryLimit(-1); got == before {
		t.Error("the limit went while a build was still running")
	}
	second()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after overlapping builds = %d, want %d", got, before)
	}

	// A limit the user set is theirs.
	t.Setenv("GOMEMLIMIT", "1GiB")
	undo = boundMemory(1000)
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, the limit changed to %d", got)
	}
	undo()
}

// TestMemoryLimit: the limit leaves the collector room for most of its
// own pace (room: the limit less the most found live while drawing, over
// that) where the memory a site of its size may use allows it, holds the
// benchmark's sizes to what they may use, and grows with the site
// without the step that left a site of 20,000 prisoners a third of the
// room its collector needed. The loaded sizes, record counts and most
// found live are measured (GODEBUG=gctrace=1) on the benchmark corpus (go
// run ./generator/internal/benchcorpus -n N -es) and, for the one of 65
// MiB, the history bench's corpus outside git.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	// What a site may use, less a twentieth for what the limit does not
	// hold (the program's own code: the peaks measured are 7 to 19 MiB
	// over the limit).
	const small, large = 250e6 * 19 / 20, 1.5e9 * 19 / 20
	for _, c := range []struct {
		name     string
		live     uint64 // the loaded site
		records  int
		peakLive uint64 // the most found live while drawing; 0 when not measured
		most     int64  // what the site may use
	}{
		{"the real briefing", 4 * mib, 80, 0, small},
		{"10,000 prisoners", 38 * mib, 13552, 95 * mib, small},
		{"10,000 prisoners, history's corpus", 65 * mib, 13552, 110 * mib, small},
		{"20,000 prisoners", 73 * mib, 27102, 151 * mib, 1 << 40},
		{"50,000 prisoners", 179 * mib, 67752, 0, 1 << 40},
		{"100,000 prisoners", 350 * mib, 135502, 740 * mib, large},
	} {
		got := memoryLimit(c.live, c.records)
		if got < minMemoryLimit {
			t.Errorf("%s: limit %d MiB, under the floor", c.name, got/mib)
		}
		if got > c.most {
			t.Errorf("%s: limit %d MiB, over the %d MiB it may use", c.name, got/mib, c.most/mib)
		}
		if c.peakLive == 0 {
			continue
		}
		if room := float64(got-int64(c.peakLive)) / float64(c.peakLive); room < 0.7 {
			t.Errorf("%s: limit %d MiB leaves the collector %.2f of its own pace, want at least 0.7", c.name, got/mib, room)
		}
	}
	// A site shaped as the benchmark's (3,670 bytes loaded for each
	// prisoner, 1.355 records for each) is held to at least 3.7 times
	// its loaded site once that is over the floor, at every size.
	for n := 1000; n <= 200000; n += 1000 {
		live := uint64(n) * 3670
		got := memoryLimit(live, n*1355/1000)
		if want := max(minMemoryLimit, int64(3.7*float64(live))); got < want {
			t.Fatalf("at %d prisoners the limit is %d MiB, under %d MiB, 3.7 times the loaded site", n, got/mib, want/mib)
		}
	}
}
