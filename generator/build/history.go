package build

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
	if dir == "" || set == nil {
		return nil, ""
	}
	ctx := context.Background()
	log, err := history.Read(ctx, dir)
	if err == nil {
		var h *history.History
		if h, err = history.Compute(ctx, log, set); err == nil {
			return h, ""
		}
	}
	var u *history.UnavailableError
	if errors.As(err, &u) {
		return nil, "no history of changes: " + u.Reason
	}
	return nil, "no history of changes: " + err.Error()
}

// HistoryNote says why the builds that use the cache have no history of
// changes; "" when they have it, or before the first build.
func (c *Cache) HistoryNote() string { return c.historyNote }
