package site

import (
	"cmp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/history"
)

// TestSortChanges: the changes are in the order of their times, newest
// first, then of their IDs as strings, also when two commits were made at
// the same instant in time zones on either side of midnight (their dates,
// and so their IDs, differ) and when a slug is another's with a suffix
// (the IDs' last part, the change's place, then decides).
func TestSortChanges(t *testing.T) {
	at := time.Date(2026, 1, 10, 2, 0, 0, 0, time.UTC)
	caracas := at.In(time.FixedZone("VET", -4*3600)) // January 9, 22:00
	commits := []*history.Commit{{Time: at}, {Time: caracas}, {Time: at.Add(-time.Hour)}, {Time: at}}
	var list []*Change
	for _, slug := range []string{"a", "a-1", "b", "a-10"} {
		for _, kind := range []content.Kind{content.KindPrisoner, content.KindSite} {
			link := &Link{Kind: kind}
			for i, c := range commits {
				for _, nth := range []int32{int32(i + 1), int32(i + 11)} {
					list = append(list, &Change{Record: link, Slug: slug, nth: nth, commit: c})
				}
			}
		}
	}
	want := slices.Clone(list)
	slices.SortStableFunc(want, func(a, b *Change) int {
		return cmp.Or(b.commit.Time.Compare(a.commit.Time), strings.Compare(a.ID(), b.ID()))
	})
	slices.Reverse(list)
	sortChanges(list)
	for i := range list {
		if list[i] != want[i] {
			t.Fatalf("change %d is %s (%v), want %s (%v)", i, list[i].ID(), list[i].commit.Time, want[i].ID(), want[i].commit.Time)
		}
	}
}
