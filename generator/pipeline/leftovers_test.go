package build

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"testing"
)

// TestLeftoversOfAStoppedBuild: the folders a build stopped by a signal
// left beside the output are removed by the next build when their marker
// proves them its own and their build is over; others are left alone.
func TestLeftoversOfAStoppedBuild(t *testing.T) {
	src := writeSite(t, "site.txtar")
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no process to take a finished id from:", err)
	}
	leftover := func(name, marker string) string {
		dir := filepath.Join(src, name)
		os.MkdirAll(filepath.Join(dir, "prisoners/x"), 0o755)
		os.WriteFile(filepath.Join(dir, "prisoners/x/index.html"), []byte("old"), 0o644)
		if marker != "" {
			os.WriteFile(filepath.Join(dir, marker), []byte(buildingMarker(dead.Process.Pid)), 0o644)
		}
		return dir
	}
	stopped := leftover(".public.new-1234", Marker)
	swapping := leftover(".public.old-5678", filepath.Join("site", Marker))
	os.MkdirAll(filepath.Join(swapping, "site"), 0o755)
	os.WriteFile(filepath.Join(swapping, "site", Marker), []byte("done\n"), 0o644)
	foreign := leftover(".public.new-9999", "")
	running := filepath.Join(src, ".public.new-4321")
	os.MkdirAll(running, 0o755)
	os.WriteFile(filepath.Join(running, Marker), []byte(buildingMarker(os.Getpid())), 0o644)

	if _, err := Build(Options{Src: src}); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{stopped, swapping} {
		if _, err := os.Stat(gone); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s was left: %v", filepath.Base(gone), err)
		}
	}
	for _, kept := range []string{foreign, running} {
		if _, err := os.Stat(kept); err != nil {
			t.Errorf("%s was removed: it is not provably a finished build's", filepath.Base(kept))
		}
	}
}

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
	src := writeSite(t, "site.txtar")
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	before := readTree(t, res.Out)
	os.WriteFile(filepath.Join(src, "static/new.txt"), []byte("new"), 0o644)
	for _, n := range []int64{0, 5, 40} {
		ctx := &stopAfter{Context: context.Background()}
		ctx.n.Store(n)
		_, err := BuildContext(ctx, Options{Src: src})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("stopped after %d writes: err = %v", n, err)
		}
		after := readTree(t, res.Out)
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
