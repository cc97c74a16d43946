package outdir

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestLeftoversOfAStoppedBuild: the folders a build stopped by a signal
// left beside the output are removed by the next Open when their marker
// proves them its own and their build is over; others are left alone.
func TestLeftoversOfAStoppedBuild(t *testing.T) {
	src := t.TempDir()
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

	f, err := Open(context.Background(), src, filepath.Join(src, "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Commit(); err != nil {
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
