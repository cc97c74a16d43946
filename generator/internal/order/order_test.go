package order

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestStable: the same order as slices.SortStableFunc, element for
// element, with many equal keys, at sizes either side of the insertion
// sort's blocks, sorted, reversed and shuffled.
func TestStable(t *testing.T) {
	type item struct{ key, at int }
	byKey := func(a, b item) int { return cmp.Compare(a.key, b.key) }
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 19, 20, 21, 100, 1000, 5000} {
		for _, shape := range []string{"shuffled", "sorted", "reversed"} {
			s := make([]item, n)
			for i := range s {
				s[i] = item{rng.IntN(max(n/10, 1)), i}
			}
			switch shape {
			case "sorted":
				slices.SortStableFunc(s, byKey)
			case "reversed":
				slices.SortStableFunc(s, func(a, b item) int { return byKey(b, a) })
			}
			want := slices.Clone(s)
			slices.SortStableFunc(want, byKey)
			Stable(s, byKey)
			if !slices.Equal(s, want) {
				t.Errorf("%d %s items: not the order of slices.SortStableFunc", n, shape)
			}
		}
	}
}
