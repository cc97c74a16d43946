package outdir

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A build in progress writes into a folder beside the output named
// ".<output>.new-*", holding from its start a Marker that names the
// process writing it; a swap moves the previous output into
// ".<output>.old-*/site" for the moment it takes to remove it. A build
// stopped by a signal cleans up after itself (the context is cancelled and
// the deferred removal runs), but one killed outright (SIGKILL, a power
// cut) cannot: the next build removes such leftovers when it can prove
// them its own and finished: a Marker whose process no longer runs.
// Anything else beside the output is left alone.

// buildingMarker is the Marker of a folder being written by process pid.
func buildingMarker(pid int) string {
	return fmt.Sprintf("This folder is being written by the briefing generator, process %d; a build replaces it whole.\n", pid)
}

// markerPID returns the process that a building marker names.
func markerPID(data []byte) (int, bool) {
	_, rest, ok := strings.Cut(string(data), ", process ")
	if !ok {
		return 0, false
	}
	n, _, _ := strings.Cut(rest, ";")
	pid, err := strconv.Atoi(n)
	return pid, err == nil && pid > 0
}

// removeLeftovers removes the folders that stopped builds left beside out.
func removeLeftovers(out string) {
	parent, base := filepath.Dir(out), filepath.Base(out)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || e.Type()&fs.ModeSymlink != 0 {
			continue
		}
		dir := filepath.Join(parent, name)
		switch {
		case strings.HasPrefix(name, "."+base+".new-"):
			data, err := os.ReadFile(filepath.Join(dir, Marker))
			if err != nil {
				continue // not provably ours
			}
			if pid, ok := markerPID(data); ok && processRuns(pid) {
				continue // another build, still writing
			}
			os.RemoveAll(dir)
		case strings.HasPrefix(name, "."+base+".old-"):
			if info, err := os.Lstat(filepath.Join(dir, "site", Marker)); err == nil && info.Mode().IsRegular() {
				os.RemoveAll(dir)
			}
		}
	}
}
