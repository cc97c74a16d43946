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

// TestMemoryLimit: the limit gives a site the collector's own pace where
// the memory a site of its size may use allows it, holds the benchmark's
// sizes to what they may use, and grows with the site without the step
// that left sites of 15,000 to 25,000 prisoners a third of the room their
// collector needed. The loaded sizes and record counts are the benchmark
// corpus's (go run ./generator/internal/benchcorpus -n N -es), measured.
func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		name      string
		live      uint64 // the loaded site
		records   int
		most      int64   // what the site may use, less what is not heap
		leastRoom float64 // the least limit, in times the loaded site
	}{
		{"the real briefing", 4 * mib, 80, minMemoryLimit, 0},
		{"10,000 prisoners", 38 * mib, 13552, 238 * mib, 5},
		{"10,000 prisoners, one language", 65 * mib, 13552, 238 * mib, 3},
		{"20,000 prisoners", 73 * mib, 27102, 1 << 40, 3.7},
		{"50,000 prisoners", 175 * mib, 67752, 1 << 40, 3.7},
		{"100,000 prisoners", 350 * mib, 135502, 1340 * mib, 3.7},
	} {
		got := memoryLimit(c.live, c.records)
		if got < minMemoryLimit {
			t.Errorf("%s: limit %d MiB, under the floor", c.name, got/mib)
		}
		if got > c.most {
			t.Errorf("%s: limit %d MiB, over the %d MiB it may use", c.name, got/mib, c.most/mib)
		}
		if room := float64(got) / float64(c.live); room < c.leastRoom {
			t.Errorf("%s: limit %d MiB, %.2f times the loaded site, want at least %.2f", c.name, got/mib, room, c.leastRoom)
		}
		if pace := 2 * (int64(c.live) + drawnPerRecord*int64(c.records)); got > max(pace, minMemoryLimit) {
			t.Errorf("%s: limit %d MiB, more than the collector's own pace, %d MiB", c.name, got/mib, pace/mib)
		}
	}
	// The limit never falls as a site grows.
	last := int64(0)
	for n := 1000; n <= 200000; n += 1000 {
		live := uint64(n) * 3670 // the benchmark's loaded bytes for each prisoner
		got := memoryLimit(live, n*27/20)
		if got < last {
			t.Fatalf("at %d prisoners the limit falls from %d to %d", n, last, got)
		}
		last = got
	}
}
