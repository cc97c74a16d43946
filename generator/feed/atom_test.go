package feed

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// TestNewest: the n entries kept are the first n of a stable sort, newest
// first, those of one time by id, equal ones in the order they came in,
// whether n is less than the entries (picked in one pass) or not (sorted),
// from lists in any order and oldest first.
func TestNewest(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for round := range 40 {
		list := make([]feedEntry, 100+round)
		for i := range list {
			list[i] = feedEntry{id: []string{"a", "b", "c"}[rng.IntN(3)], title: string(rune('A' + i%26)),
				link: string(rune('0' + i)), updated: day.AddDate(0, 0, rng.IntN(20))}
		}
		if round%2 == 1 { // oldest first, as a timeline lists its entries
			slices.SortStableFunc(list, func(a, b feedEntry) int { return a.updated.Compare(b.updated) })
		}
		want := slices.Clone(list)
		slices.SortStableFunc(want, newer)
		for _, n := range []int{0, 1, 7, 50, len(list), len(list) + 5} {
			got := newest(slices.Clone(list), n)
			if !slices.Equal(got, want[:min(n, len(want))]) || n == 0 && len(got) != 0 {
				t.Fatalf("round %d, n = %d: kept %d entries, not the first of a stable sort", round, n, len(got))
			}
		}
	}
}
