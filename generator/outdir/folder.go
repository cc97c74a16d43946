package outdir

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/presos-politicos/briefing/generator/content"
)

// Marker is the file every output folder holds, so that a build only ever
// replaces a folder it made itself.
const Marker = ".briefing-output"

// markerText is what the Marker file of a finished output says.
const markerText = "This folder is written by the briefing generator; a build replaces it whole.\n"

// MarkerBytes is the size of a finished output's Marker, which counts
// against a host's limits like any other file.
const MarkerBytes = int64(len(markerText))

// A Folder is a new output being written in a temporary folder beside the
// output folder, swapped in by Commit.
type Folder struct {
	out  string // the folder swapped: the output folder, or the one its link leads to
	tmp  string // the new site's folder, beside out
	prev string // the previous output, when it is ours, for reuse; or ""
	ctx  context.Context

	mu   sync.Mutex
	dirs map[string]bool // folders made
}

// Open checks that out (an absolute path) may be replaced by a build of
// the site folder src, removes what stopped builds left beside it, and
// makes the temporary folder the new site is written into. Writes fail
// once ctx is done. Close removes the temporary folder unless Commit
// swapped it in.
func Open(ctx context.Context, src, out string) (*Folder, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out, err := followLink(out)
	if err != nil {
		return nil, err
	}
	if real, err := filepath.EvalSymlinks(src); err == nil {
		src = real
	}
	if err := safe(src, out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".new-")
	if err != nil {
		return nil, fmt.Errorf("cannot make the new site's folder beside %s: %w; a build writes beside the output folder and swaps it in, so that folder's parent must be writable", out, err)
	}
	f := &Folder{out: out, tmp: tmp, ctx: ctx, dirs: make(map[string]bool)}
	if err := writeFile(filepath.Join(tmp, Marker), []byte(buildingMarker(os.Getpid()))); err != nil {
		f.Close()
		return nil, err
	}
	removeLeftovers(out)
	if _, err := os.Stat(filepath.Join(out, Marker)); err == nil {
		f.prev = out // safe made sure it is ours
	}
	return f, nil
}

// Target is the folder the new site replaces: the output folder, or the
// folder it is a symbolic link to.
func (f *Folder) Target() string { return f.out }

// Temp is the temporary folder the new site is written into.
func (f *Folder) Temp() string { return f.tmp }

// Commit writes the Marker of a finished output and swaps the new site in
// place of the old in two renames, then removes the old.
func (f *Folder) Commit() error {
	if err := writeFile(filepath.Join(f.tmp, Marker), []byte(markerText)); err != nil {
		return err
	}
	if err := os.Chmod(f.tmp, 0o755); err != nil {
		return err
	}
	if err := f.ctx.Err(); err != nil {
		return err
	}
	return swap(f.tmp, f.out)
}

// Close removes the temporary folder: after a successful Commit it is gone
// already; after a failure, it is the half-written site.
func (f *Folder) Close() error { return os.RemoveAll(f.tmp) }

// followLink returns the folder that out names: out itself, or, when out
// is a symbolic link (public linked to the folder a web server serves),
// the folder it leads to. The build swaps that folder, so readers are
// served the new site; replacing the link would leave the old one live,
// unpublished records included.
func followLink(out string) (string, error) {
	info, err := os.Lstat(out)
	if err != nil || info.Mode()&fs.ModeSymlink == 0 {
		return out, nil
	}
	target, err := filepath.EvalSymlinks(out)
	if err != nil {
		dest, _ := os.Readlink(out)
		return "", fmt.Errorf("output folder %s is a symbolic link to %s, which does not exist; create that folder, or remove the link", out, dest)
	}
	if info, err := os.Stat(target); err != nil || !info.IsDir() {
		return "", fmt.Errorf("output folder %s is a symbolic link to %s, which is not a folder; point the link at a folder, or remove it", out, target)
	}
	return target, nil
}

// safe refuses an output folder that would destroy something the build
// did not make: the site folder, one of its parents, or a folder that
// holds files but no Marker.
func safe(src, out string) error {
	rel, err := filepath.Rel(out, src)
	if err == nil && (rel == "." || !strings.HasPrefix(rel, "..")) {
		return fmt.Errorf("output folder %s holds the site's own files; choose another with -out", out)
	}
	for _, d := range []string{content.ContentDir, content.TemplateDir, content.StaticDir} {
		if r, err := filepath.Rel(filepath.Join(src, d), out); err == nil && !strings.HasPrefix(r, "..") {
			return fmt.Errorf("output folder %s is inside the site's %s/ folder; choose another with -out", out, d)
		}
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		return fmt.Errorf("output folder %s holds files this program did not write (no %s in it); empty or remove it, or choose another with -out", out, Marker)
	}
	return nil
}

// swap puts the new folder in place of the old in two renames, then removes
// the old one.
func swap(fresh, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		o, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".old-")
		if err != nil {
			return err
		}
		old = filepath.Join(o, "site")
		if err := os.Rename(out, old); err != nil {
			os.Remove(o)
			return err
		}
		defer os.RemoveAll(o)
	}
	if err := os.Rename(fresh, out); err != nil {
		if old != "" {
			os.Rename(old, out) // put the previous site back
		}
		return err
	}
	return nil
}
