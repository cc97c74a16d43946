package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

// prefixFactor is what a match on a longer word that starts with the
// query term counts, against an exact match: "san" finds "sanchez", but
// "San Miguel" first.
const prefixFactor = 0.6

// A Result is a document that matches every term of a query, with its score.
type Result struct {
	Doc   *Doc
	Score float64
}

// Search runs a query the way static/search.js does, for tests and tools:
// every term must match (a word of the record equal to it, or starting
// with it when the term has KeyLen letters or more); each term scores its best field weight, less for a prefix
// match; results are sorted by score, then by id (by kind, then name).
func (ix *Index) Search(query string) []Result {
	terms := slices.Compact(slices.Sorted(slices.Values(Tokens(query))))
	if len(terms) == 0 {
		return nil
	}
	var scores map[int]float64
	for _, term := range terms {
		best := make(map[int]float64)
		short := utf8.RuneCountInString(term) < KeyLen
		for t, p := range ix.terms {
			if !strings.HasPrefix(t, term) || short && t != term {
				continue
			}
			factor := 1.0
			if t != term {
				factor = prefixFactor
			}
			for f, ids := range p.ids {
				for _, id := range ids {
					best[id] = max(best[id], weights[f]*factor)
				}
			}
		}
		if scores == nil {
			scores = best
			continue
		}
		for id, s := range scores {
			if b, ok := best[id]; ok {
				scores[id] = s + b
			} else {
				delete(scores, id)
			}
		}
	}
	out := make([]Result, 0, len(scores))
	for id, s := range scores {
		out = append(out, Result{ix.Docs[id], s})
	}
	slices.SortFunc(out, func(a, b Result) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Doc.ID, b.Doc.ID))
	})
	return out
}
