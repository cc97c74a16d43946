package main

import (
	"runtime/debug"
	"testing"
)

func TestBoundMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Setenv("GOMEMLIMIT", "")
	undo := boundMemory()
	if got := debug.SetMemoryLimit(-1); got < minMemoryLimit || got == before {
		t.Errorf("limit while building = %d, want at least %d", got, minMemoryLimit)
	}
	undo()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after = %d, want it restored to %d", got, before)
	}

	// Overlapping builds: the limit stays until the last one ends.
	first, second := boundMemory(), boundMemory()
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
	undo = boundMemory()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, the limit changed to %d", got)
	}
	undo()
}
