package site

import (
	"slices"

	"github.com/presos-politicos/briefing/generator/history"
)

// Texts lists every interface text the code of this package, and of the
// history it describes, may ask for, so that a language file can be
// checked for them all (i18n.Dict.Check), not only for those a given site
// happens to show.
func Texts() []string {
	out := slices.Concat(recordTexts, dateTexts, timelineTexts, countTexts, history.Texts())
	for _, prep := range datePrepositions {
		ps := datePatterns[prep]
		out = append(out, ps[:]...)
	}
	return out
}
