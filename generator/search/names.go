package search

// Name files: the display records of the people, places and speakers
// whose names hold a pair of a query's keys, so that a name typed whole
// shows its results after one round of loads.

import (
	"cmp"
	"encoding/json"
	"maps"
	"slices"
	"strconv"

	"github.com/presos-politicos/briefing/generator/content"
)

// NamePairs returns the name pairs of a name given as its terms: for each
// two of its terms, their keys in order, space-separated ("jos rod"), a
// key twice when two terms share it ("sua sua" for Suárez Suárez). A
// query of two words or more loads the name file of its first pair
// (QueryPair): every document whose name holds all its words is there.
func NamePairs(terms []string) []string {
	keys := make([]string, len(terms))
	for i, t := range terms {
		keys[i] = key(t)
	}
	slices.Sort(keys)
	var out []string
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if p := keys[i] + " " + keys[j]; !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// QueryPair returns the name pair whose name file a query loads: the
// first two, in order, of the keys of its terms (repetitions kept) that
// have a term file; "" when fewer than two have one. static/search.js
// computes the same.
func QueryPair(terms []string, hasKey func(string) bool) string {
	var keys []string
	for _, t := range terms {
		if k := key(t); hasKey(k) {
			keys = append(keys, k)
		}
	}
	if len(keys) < 2 {
		return ""
	}
	slices.Sort(keys)
	return keys[0] + " " + keys[1]
}

// NameFile returns the number of the name file that holds a name pair,
// out of n: the same hash as NearFile's.
func NameFile(pair string, n int) int { return NearFile(pair, n) }

// namedKinds are the kinds whose Title field is the name of a person or a
// place, which readers type whole: prisoners (and their aliases),
// detention sites, statements (the speaker and their organization). The
// titles of briefs, events and pages are sentences; their results come
// from the chunks.
var namedKinds = []content.Kind{content.KindPrisoner, content.KindSite, content.KindStatement}

// writeNameFiles adds the name files to files and returns how many there
// are: as many as it takes for each to hold about NameFileBytes, the name
// pairs shared among them by NameFile, each document's display record once
// in each file that one of its pairs leads to.
func (ix *Index) writeNameFiles(files map[string][]byte) int {
	// The terms of each name of each document, from the Title postings:
	// a document's names by their number in its name tags.
	type name struct{ id, n int }
	terms := make(map[name][]string)
	for t, p := range ix.terms {
		for i, id := range p.ids[Title] {
			if !slices.Contains(namedKinds, ix.Docs[id].Kind) {
				continue
			}
			n, _ := untag(p.tags[i])
			terms[name{id, n}] = append(terms[name{id, n}], t)
		}
	}
	pairs := make(map[string][]int) // pair -> ids, increasing
	names := slices.SortedFunc(maps.Keys(terms), func(a, b name) int { return cmp.Or(cmp.Compare(a.id, b.id), cmp.Compare(a.n, b.n)) })
	for _, nm := range names {
		for _, p := range NamePairs(terms[nm]) {
			if ids := pairs[p]; len(ids) == 0 || ids[len(ids)-1] != nm.id {
				pairs[p] = append(ids, nm.id)
			}
		}
	}
	records := make([][]byte, len(ix.Docs))
	size := 0
	for _, ids := range pairs {
		for _, id := range ids {
			if records[id] == nil {
				records[id], _ = json.Marshal(ix.Docs[id].display())
			}
			size += len(records[id]) + 8 // "id":[...],
		}
	}
	n := max(1, (size+NameFileBytes-1)/NameFileBytes)
	shared := make([]map[string]json.RawMessage, n)
	for i := range shared {
		shared[i] = make(map[string]json.RawMessage)
	}
	for p, ids := range pairs {
		m := shared[NameFile(p, n)]
		for _, id := range ids {
			m[strconv.Itoa(id)] = records[id]
		}
	}
	for i, m := range shared {
		files["p/"+strconv.Itoa(i)+".js"] = call("names", i, m)
	}
	return n
}
