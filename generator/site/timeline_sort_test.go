package site

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
)

// TestSortEntries: entries come out in the order of a stable sort by date
// (TimelineCompare), kind and anchor, with the same entry, not an equal
// one, in each place: entries equal in all three keep the order they came
// in, which uniqueIDs then numbers. Dates of every precision, intervals
// and repeated anchors, in shuffled orders.
func TestSortEntries(t *testing.T) {
	var dates []content.Date
	for _, s := range []string{"2024", "2024-02", "2024-02-01", "2024-02-01/2024-02-09", "2024-02-01/2024-03-01",
		"2024-02-09", "2024-03", "2024-12-31", "2025", "2025-01-01"} {
		d, err := content.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		dates = append(dates, d)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		es := make([]*Entry, 200+round)
		for i := range es {
			es[i] = &Entry{url: []string{"a", "b", "c"}[rng.IntN(3)], Date: dates[rng.IntN(len(dates))],
				Kind: EntryKinds[rng.IntN(len(EntryKinds))]}
		}
		want := slices.Clone(es)
		slices.SortStableFunc(want, func(a, b *Entry) int {
			return cmp.Or(TimelineCompare(a.Date, b.Date),
				cmp.Compare(slices.Index(EntryKinds, a.Kind), slices.Index(EntryKinds, b.Kind)),
				strings.Compare(a.ID(), b.ID()))
		})
		sortEntries(es)
		for i := range es {
			if es[i] != want[i] {
				t.Fatalf("round %d: place %d holds %s %s %s, want %s %s %s (the entry that came first)",
					round, i, es[i].Date, es[i].Kind, es[i].ID(), want[i].Date, want[i].Kind, want[i].ID())
			}
		}
	}
}
