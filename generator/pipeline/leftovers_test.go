package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// stopAfter is a context cancelled once its Err has been asked n times:
// a build stopped part-way, at a point the test chooses.
type stopAfter struct {
	context.Context
	n atomic.Int64
}

func (c *stopAfter) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestStoppedBuild: a build whose context is cancelled (main cancels it on
// SIGINT or SIGTERM) stops, leaves the previous output as it was and
// removes its temporary folder.
func TestStoppedBuild(t *testing.T) {
	src := testsite.Dir(t)
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	before := testsite.Read(t, res.Out)
	os.WriteFile(filepath.Join(src, "static/new.txt"), []byte("new"), 0o644)
	for _, n := range []int64{0, 5, 40} {
		ctx := &stopAfter{Context: context.Background()}
		ctx.n.Store(n)
		_, err := BuildContext(ctx, Options{Src: src})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("stopped after %d writes: err = %v", n, err)
		}
		after := testsite.Read(t, res.Out)
		if len(after) != len(before) {
			t.Errorf("stopped after %d writes: %d files before, %d after", n, len(before), len(after))
		}
		entries, _ := os.ReadDir(src)
		for _, e := range entries {
			if e.Name() != "public" && e.Name()[0] == '.' {
				t.Errorf("stopped after %d writes: %s left behind", n, e.Name())
			}
		}
	}
}
