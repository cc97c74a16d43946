package pipeline

import (
	"context"
	"errors"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/history"
)

// readHistory reads the public history of the records of set from the git
// repository that holds dir, the site folder (see package history). A
// site without one builds without history: the note says why, for the
// build's output, and is "" when the history was read. A site in memory
// (dir "") has no history and no note.
func readHistory(dir string, set *content.Set) (*history.History, string) {
	return startHistory(dir)(set)
}

// startHistory starts reading the git log of dir at once, so that it runs
// while the content loads, and returns the function that computes the
// history of the loaded set.
func startHistory(dir string) func(set *content.Set) (*history.History, string) {
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
		log, err := history.Read(ctx, dir)
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

// HistoryNote says why the builds that use the cache have no history of
// changes; "" when they have it, or before the first build.
func (c *Cache) HistoryNote() string { return c.historyNote }
