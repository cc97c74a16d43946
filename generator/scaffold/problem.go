package scaffold

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

// A Problem is something wrong in a spreadsheet, at a row (as the
// spreadsheet numbers it) and a column, or with the site (Row 0).
type Problem struct {
	Row    int
	Column string // the column's name, or ""
	Msg    string
	Err    error // with Row 0: the site's problem, with its own file
	order  int   // the column's place in the row, for sorting
}

func (p Problem) String() string {
	switch {
	case p.Row == 0 && p.Err != nil:
		return p.Err.Error()
	case p.Row == 0:
		return p.Msg
	case p.Column == "":
		return fmt.Sprintf("row %d: %s", p.Row, p.Msg)
	case strings.HasPrefix(p.Column, "column "):
		return fmt.Sprintf("row %d, %s: %s", p.Row, p.Column, p.Msg)
	}
	return fmt.Sprintf("row %d, column %q: %s", p.Row, p.Column, p.Msg)
}

// Problems is every problem of an import, by row and column.
type Problems []Problem

func (ps Problems) Error() string {
	var lines []string
	for _, p := range ps {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

func sortProblems(ps []Problem) []Problem {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Row, b.Row), cmp.Compare(a.order, b.order))
	})
	return slices.CompactFunc(ps, func(a, b Problem) bool { return a.String() == b.String() })
}

// importable reports whether import makes records of a kind: the kinds
// written in TOML alone.
func importable(k content.Kind) bool { return k != content.KindBrief && k != content.KindPage }

func importKinds() []string {
	var out []string
	for _, k := range content.Kinds {
		if importable(k) {
			out = append(out, k.Dir())
		}
	}
	return out
}
