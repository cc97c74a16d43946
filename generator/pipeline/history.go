package pipeline

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/history"
)

// readHistory reads the public history of the records of set from the git
// repository that holds opts.dir, the site folder (see package history),
// with opts.HistoryCache's help. A site without one builds without
// history: the note says why, for the build's output, and is "" when the
// history was read. A site in memory (dir "") has no history and no note.
func readHistory(opts Options, set *content.Set) (*history.History, string) {
	return startHistory(opts)(set)
}

// startHistory starts reading the git log of opts.dir at once, so that it
// runs while the content loads, and returns the function that computes the
// history of the loaded set.
func startHistory(opts Options) func(set *content.Set) (*history.History, string) {
	dir := opts.dir
	if dir == "" {
		return func(*content.Set) (*history.History, string) { return nil, "" }
	}
	ctx := context.Background()
	type read struct {
		log *history.Log
		err error
	}
	done := make(chan read, 1)
	go func() {
		log, err := history.Read(ctx, dir, opts.HistoryCache)
		done <- read{log, err}
	}()
	return func(set *content.Set) (*history.History, string) {
		r := <-done
		if set == nil {
			return nil, ""
		}
		err := r.err
		if err == nil {
			var h *history.History
			if h, err = history.Compute(ctx, r.log, set); err == nil {
				return h, ""
			}
		}
		var u *history.UnavailableError
		if errors.As(err, &u) {
			return nil, "no history of changes: " + u.Reason
		}
		return nil, "no history of changes: " + err.Error()
	}
}

// checkHistoryCache refuses a history cache inside the site folder or an
// output folder: it holds what past versions of the records said, private
// fields and unpublished records too, and must never be published or
// committed.
func checkHistoryCache(cache string, folders ...string) error {
	if cache == "" {
		return nil
	}
	abs, err := filepath.Abs(cache)
	if err != nil {
		return err
	}
	for _, f := range folders {
		if rel, err := filepath.Rel(f, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return fmt.Errorf("the history cache %s is inside %s; it holds past versions of the records, private ones too: give a folder outside the site and the output", cache, f)
		}
	}
	return nil
}

// HistoryNote says why the builds that use the cache have no history of
// changes; "" when they have it, or before the first build.
func (c *Cache) HistoryNote() string { return c.historyNote }
