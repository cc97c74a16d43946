package search

import (
	"cmp"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"
)

// How a word of the index matches a word of the query.
const (
	exact  = iota // the same word
	prefix        // a longer word that starts with it, for query words of KeyLen letters or more
	typo          // one edit away: a letter dropped, added, changed, or two swapped
	numMatches
)

// points is what a match scores, by field and kind of match: integers, so
// that the script adds them up exactly as Go does.
var points = [numFields][numMatches]int{
	Title:   {100, 60, 30},
	Summary: {30, 18, 9},
	Body:    {10, 6, 3},
}

// TypoMin is how many letters a query term needs for a typo to be
// forgiven: one edit away from a shorter word is nearly any word.
const TypoMin = 3

// Name tiers of a result.
const (
	NoName    = iota
	WholeName // a name (or alias) holds every word of the query, repeated words as often
	ExactName // and nothing else
)

// A Result is a document that matches a query.
type Result struct {
	Doc     *Doc
	Score   int  // the sum over the query's words of each one's best match
	Matched int  // how many of the query's words it matches, repetitions counted
	Typo    bool // some word matched only one edit away
	Name    int  // NoName, WholeName or ExactName
	Partial bool // it matches fewer than every word
}

// An Answer is what a query finds.
type Answer struct {
	Results []Result
	// Widened lists, as written in the briefing, the words one edit away
	// from a word of the query that some result matched through.
	Widened []string
	// Partial says that no record matches every word: the results are
	// those that match the most.
	Partial bool
}

// Search runs a query and returns its results (Query's).
func (ix *Index) Search(query string) []Result { return ix.Query(query).Results }

// Query runs a query the way static/search.js does, for tests and tools:
//
//  1. Each word of the query matches the index's words equal to it, and
//     (from KeyLen letters) those that start with it.
//  2. A word that matches nothing also matches the words one edit away
//     (TypoMin letters or more). When then no record matches every word,
//     the other words also match the words one edit away that share their
//     first KeyLen letters. A query whose words all match, and some record
//     all of them, is not widened: a rare name typed right shows its
//     people, and no close spellings under them.
//  3. The results are the records that match every word; when there are
//     none and the query has two words or more, those that match some,
//     marked partial.
//  4. They are ranked by how many words they match (for partial
//     results), then without a typo before with one, then exact name
//     before whole name before the rest, then by score, then by id (by
//     kind, then name).
func (ix *Index) Query(query string) Answer {
	words := Tokens(query)
	if len(words) == 0 {
		return Answer{}
	}
	count := make(map[string]int)
	for _, w := range words {
		count[w]++
	}
	terms := slices.Sorted(maps.Keys(count))
	cands := make([][]cand, len(terms))
	for i, t := range terms {
		short := utf8.RuneCountInString(t) < KeyLen
		for it := range ix.terms {
			switch {
			case it == t:
				cands[i] = append(cands[i], cand{it, exact})
			case !short && strings.HasPrefix(it, t):
				cands[i] = append(cands[i], cand{it, prefix})
			}
		}
	}
	// A word that matches nothing is widened to its typos anywhere.
	typos := func(i int, anywhere bool) {
		t := terms[i]
		if utf8.RuneCountInString(t) < TypoMin {
			return
		}
		for it := range ix.terms {
			if (anywhere || key(it) == key(t)) && !slices.ContainsFunc(cands[i], func(c cand) bool { return c.term == it }) && near(t, it) {
				cands[i] = append(cands[i], cand{it, typo})
			}
		}
	}
	matched := make([]bool, len(terms))
	for i := range terms {
		matched[i] = len(cands[i]) > 0
		if !matched[i] {
			typos(i, true)
		}
	}
	docs := ix.score(terms, count, cands)
	// When still no record holds every word, the words that did match are
	// widened too, to the typos that share their first letters.
	if !slices.ContainsFunc(slices.Collect(maps.Values(docs)), func(d *docScore) bool { return d.matched == len(words) }) {
		for i := range terms {
			if matched[i] {
				typos(i, false)
			}
		}
		docs = ix.score(terms, count, cands)
	}
	most := 0
	for _, d := range docs {
		most = max(most, d.matched)
	}
	var a Answer
	a.Partial = most < len(words)
	if a.Partial && len(terms) < 2 {
		return Answer{}
	}
	widened := make(map[string]bool)
	for id, d := range docs {
		if !a.Partial && d.matched < len(words) {
			continue
		}
		a.Results = append(a.Results, Result{Doc: ix.Docs[id], Score: d.score, Matched: d.matched, Typo: d.typo, Name: d.name, Partial: a.Partial})
		for i, t := range d.best {
			if t != "" && d.kind[i] == typo {
				widened[ix.terms[t].word()] = true
			}
		}
	}
	a.Widened = slices.Sorted(maps.Keys(widened))
	slices.SortFunc(a.Results, func(x, y Result) int {
		return cmp.Or(
			cmp.Compare(y.Matched, x.Matched),
			compareBool(x.Typo, y.Typo),
			cmp.Compare(y.Name, x.Name),
			cmp.Compare(y.Score, x.Score),
			cmp.Compare(x.Doc.ID, y.Doc.ID))
	})
	return a
}

// TypoForms returns the forms of a query term that a typo is measured
// from: the term, and the term without a last a, e or o. The stemmer drops
// that vowel only from words of five letters or more, so a letter missing
// from "maria" leaves "mria", which stems to itself, two edits from
// "mari"; "mri" is one.
func TypoForms(t string) []string {
	if n := len(t); utf8.RuneCountInString(t) >= 4 && isLetters(t) && strings.ContainsRune("aeo", rune(t[n-1])) {
		return []string{t, t[:n-1]}
	}
	return []string{t}
}

// near reports whether an index term is a typo of a query term: one edit
// from one of its TypoForms, or the shorter form itself.
func near(t, it string) bool {
	for i, f := range TypoForms(t) {
		if OneEdit(f, it) || i > 0 && f == it {
			return true
		}
	}
	return false
}

// A cand is a word of the index that a word of the query matches.
type cand struct {
	term string
	kind int
}

// docScore is what one document's matches add up to.
type docScore struct {
	score, matched int
	typo           bool
	name           int
	best           []string // per query term, the index term of its best match
	kind           []int    // and that match's kind
}

// nameCount counts the occurrences of each matched index term in one of
// a document's names.
type nameCount struct {
	length int
	occ    map[string]int
}

// score scores every document that some candidate matches. A query term
// scores its best match in the document (ties go to the alphabetically
// first index term); it counts as a typo if the document holds none of its
// exact or prefix matches. A name is whole if each query term can be
// given, out of the name's words, as many as the query repeats it (wholeName).
func (ix *Index) score(terms []string, count map[string]int, cands [][]cand) map[int]*docScore {
	type perDoc struct {
		pts     []int
		best    []string
		kind    []int
		nonTypo []bool
		names   map[int]*nameCount
	}
	docs := make(map[int]*perDoc)
	get := func(id int) *perDoc {
		d := docs[id]
		if d == nil {
			d = &perDoc{pts: make([]int, len(terms)), best: make([]string, len(terms)), kind: make([]int, len(terms)), nonTypo: make([]bool, len(terms)), names: make(map[int]*nameCount)}
			docs[id] = d
		}
		return d
	}
	counted := make(map[string]bool) // the index terms whose names are counted
	for i, cs := range cands {
		for _, c := range cs {
			p := ix.terms[c.term]
			for f, ids := range p.ids {
				pts := points[f][c.kind]
				for _, id := range ids {
					d := get(id)
					if pts > d.pts[i] || pts == d.pts[i] && c.term < d.best[i] {
						d.pts[i], d.best[i], d.kind[i] = pts, c.term, c.kind
					}
					if c.kind != typo {
						d.nonTypo[i] = true
					}
				}
			}
			if counted[c.term] {
				continue
			}
			counted[c.term] = true
			for n, id := range p.ids[Title] {
				name, length := untag(p.tags[n])
				d := docs[id]
				nc := d.names[name]
				if nc == nil {
					nc = &nameCount{length: length, occ: make(map[string]int)}
					d.names[name] = nc
				}
				nc.occ[c.term]++
			}
		}
	}
	order := wholeNameOrder(terms, cands)
	total := 0
	for _, t := range terms {
		total += count[t]
	}
	out := make(map[int]*docScore, len(docs))
	for id, d := range docs {
		s := &docScore{best: d.best, kind: d.kind}
		for i, t := range terms {
			if d.best[i] == "" {
				continue
			}
			s.score += d.pts[i]
			s.matched += count[t]
			s.typo = s.typo || !d.nonTypo[i]
		}
		for _, nc := range d.names {
			exactly := nc.length == total
			for _, t := range terms {
				exactly = exactly && nc.occ[t] >= count[t]
			}
			switch {
			case exactly:
				s.name = ExactName
			case s.name == NoName && wholeName(nc, terms, count, cands, order):
				s.name = WholeName
			}
		}
		out[id] = s
	}
	return out
}

// wholeNameOrder is the order in which wholeName gives query terms their
// words: the term with the fewest candidates first, then alphabetically;
// each term's candidates exact first, then prefix, then typos, each
// alphabetically.
func wholeNameOrder(terms []string, cands [][]cand) []int {
	order := make([]int, len(terms))
	for i := range order {
		order[i] = i
		slices.SortFunc(cands[i], func(a, b cand) int { return cmp.Or(cmp.Compare(a.kind, b.kind), strings.Compare(a.term, b.term)) })
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(cands[a]), len(cands[b])) })
	return order
}

// wholeName reports whether a name holds every query term as often as the
// query repeats it, each word of the name standing for one query word:
// "jimenz jimenez" is whole in "Jiménez Jiménez", not in "Díaz Jiménez".
func wholeName(nc *nameCount, terms []string, count map[string]int, cands [][]cand, order []int) bool {
	left := maps.Clone(nc.occ)
	for _, i := range order {
		need := count[terms[i]]
		for _, c := range cands[i] {
			take := min(need, left[c.term])
			left[c.term] -= take
			need -= take
		}
		if need > 0 {
			return false
		}
	}
	return true
}

// OneEdit reports whether a and b are one edit apart: a letter dropped,
// added or changed, or two neighbours swapped (the optimal string
// alignment distance is 1).
func OneEdit(a, b string) bool {
	if a == b {
		return false
	}
	x, y := []rune(a), []rune(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		if string(x[i+1:]) == string(y[i+1:]) {
			return true // changed
		}
		return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:]) // swapped
	}
	return string(x[i:]) == string(y[i+1:]) // dropped or added
}

func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
