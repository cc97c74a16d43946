package serve

import (
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/presos-politicos/briefing/generator/content"
)

// Debounce is how long the watcher waits after the last change before it
// rebuilds: editors save in bursts (a temporary file, a rename, a chmod).
const Debounce = 40 * time.Millisecond

// A Watcher calls a function when the files of a site change.
type Watcher struct {
	w    *fsnotify.Watcher
	done chan struct{}
	wg   sync.WaitGroup
}

// watched are the parts of a site that a rebuild depends on.
var watched = []string{content.ContentDir, content.TemplateDir, content.StaticDir}

// Watch watches site.toml, content/, templates/ and static/ under src,
// folders created later included, and calls rebuild after each burst of
// changes.
func Watch(src string, rebuild func() error, log io.Writer) (*Watcher, error) {
	return watch(src, Debounce, func([]string) error { return rebuild() }, log)
}

// watch is Watch with a burst ending after quiet of debounce, telling
// rebuild what changed in the burst: the files and folders, as slash paths
// under src, sorted. The tests wait on it.
func watch(src string, debounce time.Duration, rebuild func(changed []string) error, log io.Writer) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{w: fw, done: make(chan struct{})}
	// The site folder itself, for site.toml (editors replace it by rename).
	if err := fw.Add(src); err != nil {
		fw.Close()
		return nil, err
	}
	for _, d := range watched {
		if err := w.addTree(filepath.Join(src, d)); err != nil && !os.IsNotExist(err) {
			fw.Close()
			return nil, err
		}
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		var timer *time.Timer
		fire := make(chan struct{}, 1)
		changed := map[string]bool{} // in this burst
		for {
			select {
			case <-w.done:
				if timer != nil {
					timer.Stop()
				}
				return
			case ev, ok := <-fw.Events:
				if !ok {
					return
				}
				if !relevant(src, ev.Name) {
					continue
				}
				if rel, err := filepath.Rel(src, ev.Name); err == nil {
					changed[filepath.ToSlash(rel)] = true
				}
				if ev.Has(fsnotify.Create) {
					if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
						w.addTree(ev.Name)
					}
				}
				if timer == nil {
					timer = time.AfterFunc(debounce, func() {
						select {
						case fire <- struct{}{}:
						default:
						}
					})
				} else {
					timer.Reset(debounce)
				}
			case err, ok := <-fw.Errors:
				if !ok {
					return
				}
				fmt.Fprintln(log, "watching:", err)
			case <-fire:
				names := slices.Sorted(maps.Keys(changed))
				clear(changed)
				rebuild(names)
			}
		}
	}()
	return w, nil
}

// relevant reports whether a change under src can change the site: in the
// watched folders or site.toml, and not an editor's temporary file.
func relevant(src, name string) bool {
	rel, err := filepath.Rel(src, name)
	if err != nil {
		return false
	}
	rel = filepath.ToSlash(rel)
	if rel == "site.toml" {
		return true
	}
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".#") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".swx") || strings.HasSuffix(base, "~") || base == "4913" {
		return false // Emacs locks, Vim swap and probe files, backups
	}
	for _, d := range watched {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	return false
}

// addTree watches a folder and every folder below it.
func (w *Watcher) addTree(root string) error {
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return w.w.Add(p)
		}
		return nil
	})
}

// Close stops watching.
func (w *Watcher) Close() error {
	close(w.done)
	err := w.w.Close()
	w.wg.Wait()
	return err
}
