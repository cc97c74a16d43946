package feed

import (
	"errors"
	"slices"

	"github.com/presos-politicos/briefing/generator/site"
)

// Write writes the feeds and the data files of s to out, and returns the
// parts of the data files it split, each of at most partBytes (0 means
// PartBytes; see parts.go).
func Write(s *site.Site, out site.Output, partBytes int) (Parts, error) {
	w := newPartWriter(out, partBytes)
	if err := errors.Join(
		writeJSON(w, "data/timeline.json", timeline(s)),
		writeJSON(w, "data/prisoners.json", prisoners(s)),
		writeJSON(w, "data/statements.json", statements(s)),
		writeJSON(w, "data/sites.json", slices.Values(sites(s))),
		writeJSON(w, "data/events.json", slices.Values(events(s))),
		writeJSON(w, "data/briefs.json", slices.Values(briefs(s))),
		writeJSON(w, "data/counts.json", slices.Values(counts(s))),
		writeChanges(s, w),
	); err != nil {
		return nil, err
	}
	if err := writeCSV(s, w); err != nil {
		return nil, err
	}
	return w.parts, atom(s, out)
}
