package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// The index is written as small JavaScript files that call a function the
// search page's script defines, so that they load with a <script> element:
// that works from a copy opened from disk, where fetch does not, and under
// a Content-Security-Policy that allows no eval and no WebAssembly.
//
//	search/<version>/k.js        the table: the keys that have a term file
//	                             (compactKeys), and how many near and name
//	                             files there are
//	search/<version>/t/<key>.js  the terms that start with key (their first
//	                             KeyLen letters), each with its postings per
//	                             field, the word it most often stems from and
//	                             the name tags of its Title postings, and the
//	                             display records of each term's first
//	                             documents
//	search/<version>/n/<i>.js    the near file i: for each near key whose
//	                             NearFile is i, the terms (words only) that
//	                             one edit in their first KeyLen letters can
//	                             bring to it, those whose NearKeys hold it
//	search/<version>/p/<i>.js    the name file i: the display records of
//	                             the people, places and speakers
//	                             (namedKinds) that have, in one of their
//	                             names, two words whose keys make a name
//	                             pair (NamePairs) whose NameFile is i
//	search/<version>/d/<n>.js    display records of documents n*ChunkSize...
//	search/<version>/f.js        the filter facets of every prisoner
//
// The version is a hash of every file, so a cached file is never stale.
// The search page learns the version and the id range of each kind from
// data attributes (Meta), which do not grow with the index, and loads the
// table (k.js) as it opens, before a word is typed.
//
// A query is meant to show its first results after one round of loads,
// all started on the key press: the term files of its words' keys, the
// name file of its first two keys (which holds the display records of
// every person whose name has words with both, so that the first results
// of a name typed whole need no chunk), and, for a word whose key has no
// term file (a typo in its first letters), the near files of its
// NearKeys. A one-word query finds the records of its first results in
// its term file. Only results that none of these holds wait for a chunk
// of display records: documents are numbered by kind and name, so the
// first results of a common name sit together. A word whose key has a
// term file but that matches nothing there loads the near files of its
// NearKeys (at most KeyLen+1 for each of its TypoForms, about
// NearFileBytes each before compression) once that term file is in, and
// then the term files of the words within one edit of it; a word being
// typed loads its near files ahead, from its fourth letter (see Time in
// the package doc).
//
// Near keys are as many as the three-letter starts of the index's words
// and of their neighbours, most listing a word or two: one file per key
// made the small briefing write some 1,700 files of 47 bytes on average,
// and a host counts files (Cloudflare Pages takes 20,000 per site). So
// near keys share files, by a hash of the key (NearFile), as many files
// as it takes for each to hold about NearFileBytes: the number of files
// grows with the index, not with its keys, and a typo still costs only a
// few small files.

const (
	// KeyLen is how many letters of a term name its file. Shorter query
	// terms match whole words only.
	KeyLen = 3
	// ChunkSize is how many documents' display records share a file.
	ChunkSize = 128
	// shownPerTerm is how many of each term's first documents have their
	// display record in the term's own file: a page of results (PAGE in
	// static/search.js), so that a one-word query needs no other file.
	shownPerTerm = 5
	// NearFileBytes is about how many bytes of near keys and their terms
	// one near file holds.
	NearFileBytes = 2048
	// NameFileBytes is about how many bytes of display records one name
	// file holds.
	NameFileBytes = 4096
)

// Meta is what the search page needs to find the index: a few short
// attributes, whatever the size of the index.
type Meta struct {
	Dir       string // "search/<version>/"
	Kinds     string // the id range of each kind: "prisoner:0-9 site:10-11"
	Chunks    int
	ChunkSize int
	// Keys, NearFiles and NameFiles are in the table file, k.js: the keys
	// of the term files, and how many near and name files there are,
	// each numbered from 0.
	Keys      []string
	NearFiles int
	NameFiles int
}

// FileName is the file name of a term key: the key itself when it is
// plain ASCII, else "_" and its UTF-8 bytes in hex. static/search.js names
// files the same way.
func FileName(key string) string {
	for i := 0; i < len(key); i++ {
		if c := key[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return "_" + hex.EncodeToString([]byte(key))
		}
	}
	return key
}

func key(term string) string {
	r := []rune(term)
	return string(r[:min(len(r), KeyLen)])
}

// NearKeys returns the keys of a term and of the words made by dropping
// one of its first KeyLen letters. Two words one edit apart always share
// one of them (dropping the same letter, or the swapped one, from both
// leaves the same word; a dropped or added letter leaves the other word),
// so the near files of a query word's NearKeys list every word of the
// index one edit away from it, wherever the edit is.
func NearKeys(term string) []string {
	r := []rune(term)
	keys := []string{key(term)}
	for i := range min(len(r), KeyLen) {
		k := key(string(r[:i]) + string(r[i+1:]))
		if !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// NearFile returns the number of the near file that holds a near key,
// out of n: the key's 32-bit FNV-1a hash (of its UTF-8 bytes) modulo n.
// static/search.js computes the same.
func NearFile(key string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(n))
}

// compactKeys writes sorted keys for the table: a key shorter than KeyLen
// as it is, and the others grouped by their first KeyLen-1 letters, each
// group those letters, a colon and the last letter of each of its keys:
// "ab ro:dms" for ab, rod, rom and ros.
func compactKeys(keys []string) string {
	var b strings.Builder
	group := ""
	for _, k := range keys {
		r := []rune(k)
		if len(r) < KeyLen {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(k)
			group = ""
			continue
		}
		if g := string(r[:KeyLen-1]); g != group {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g + ":")
			group = g
		}
		b.WriteRune(r[KeyLen-1])
	}
	return b.String()
}

// display is a document as a result shows it: kind, title, URL, meta
// (status code, date or place) and snippet.
func (d *Doc) display() []any {
	rec := []any{slices.Index(Kinds, d.Kind), d.Title, d.URL, d.Meta, d.Snippet}
	if d.Aliases != "" {
		rec = append(rec, d.Aliases)
	}
	return rec
}

// Write writes the index files and returns what the search page needs.
func (ix *Index) Write(out site.Output) (Meta, error) {
	files := make(map[string][]byte)

	byKey := make(map[string][]string)
	near := make(map[string][]string)
	for t := range ix.terms {
		byKey[key(t)] = append(byKey[key(t)], t)
		if utf8.RuneCountInString(t) >= TypoMin-1 {
			for _, k := range NearKeys(t) {
				near[k] = append(near[k], t)
			}
		}
	}
	size := 0
	for k, terms := range near {
		slices.Sort(terms)
		size += len(k) + 6 // "k":[],
		for _, t := range terms {
			size += len(t) + 3 // "t",
		}
	}
	nearFiles := max(1, (size+NearFileBytes-1)/NearFileBytes)
	shared := make([]map[string][]string, nearFiles)
	for i := range shared {
		shared[i] = make(map[string][]string)
	}
	for k, terms := range near {
		shared[NearFile(k, nearFiles)][k] = terms
	}
	for i, m := range shared {
		files["n/"+strconv.Itoa(i)+".js"] = call("near", i, m)
	}
	keys := make([]string, 0, len(byKey))
	for k, terms := range byKey {
		keys = append(keys, k)
		slices.Sort(terms)
		postingsJSON := make(map[string][]any, len(terms))
		shown := make(map[int]bool)
		for _, t := range terms {
			p := ix.terms[t]
			postingsJSON[t] = []any{deltas(p.ids[Title]), deltas(p.ids[Summary]), deltas(p.ids[Body]), p.word(), string(p.tags)}
			for _, id := range firstDocs(p, shownPerTerm) {
				shown[id] = true
			}
		}
		docs := make(map[string][]any, len(shown))
		for id := range shown {
			docs[strconv.Itoa(id)] = ix.Docs[id].display()
		}
		files["t/"+FileName(k)+".js"] = call("shard", k, postingsJSON, docs)
	}

	slices.Sort(keys)
	nameFiles := ix.writeNameFiles(files)
	files["k.js"] = call("table", compactKeys(keys), nearFiles, nameFiles)

	chunks := (len(ix.Docs) + ChunkSize - 1) / ChunkSize
	for n := range chunks {
		var recs [][]any
		for _, d := range ix.Docs[n*ChunkSize : min((n+1)*ChunkSize, len(ix.Docs))] {
			recs = append(recs, d.display())
		}
		files["d/"+strconv.Itoa(n)+".js"] = call("chunk", n, recs)
	}
	files["f.js"] = call("facets", ix.facets())

	// The version is a hash of every file, in a fixed order.
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(files[n]))
		h.Write(files[n])
	}
	dir := "search/" + hex.EncodeToString(h.Sum(nil))[:12] + "/"
	for _, n := range names {
		if err := out.WriteFile(dir+n, files[n]); err != nil {
			return Meta{}, err
		}
	}

	var ranges []string
	for _, k := range Kinds {
		first, last := -1, -1
		for _, d := range ix.Docs {
			if d.Kind == k {
				if first < 0 {
					first = d.ID
				}
				last = d.ID
			}
		}
		if first >= 0 {
			ranges = append(ranges, fmt.Sprintf("%s:%d-%d", k, first, last))
		}
	}
	return Meta{Dir: dir, Kinds: strings.Join(ranges, " "), Chunks: chunks, ChunkSize: ChunkSize, Keys: keys, NearFiles: nearFiles, NameFiles: nameFiles}, nil
}

// firstDocs returns up to n documents of a term in the order a one-word
// query ranks them: title matches first, then summary, then body, each by id.
func firstDocs(p *postings, n int) []int {
	var out []int
	seen := make(map[int]bool)
	for _, ids := range p.ids {
		for _, id := range ids {
			if len(out) == n {
				return out
			}
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

// facets lists each prisoner's status and last known site, for the filters
// and their counts: statuses and sites are numbered, and each prisoner is
// one letter for the status and two base-36 digits for the site.
func (ix *Index) facets() map[string]any {
	statuses := content.PrisonerStatuses
	sites := [][2]string{}
	siteIndex := map[string]int{}
	for _, s := range ix.Sites {
		siteIndex[s.Slug] = len(sites)
		sites = append(sites, [2]string{s.Slug, s.Name})
	}
	var b strings.Builder
	for _, d := range ix.Docs {
		if d.Kind != content.KindPrisoner {
			break
		}
		b.WriteByte(byte('a' + slices.Index(statuses, d.Status)))
		site := "zz" // none known
		if i, ok := siteIndex[d.Site]; ok {
			site = fmt.Sprintf("%02s", strconv.FormatInt(int64(i), 36))
		}
		b.WriteString(site)
	}
	return map[string]any{"statuses": statuses, "sites": sites, "prisoners": b.String()}
}

// deltas encodes increasing ids as their differences, which are small and
// compress well.
func deltas(ids []int) []int {
	out := make([]int, len(ids))
	prev := 0
	for i, id := range ids {
		out[i] = id - prev
		prev = id
	}
	return out
}

// call writes a call of the search script's loader: __briefingSearch.fn(args).
func call(fn string, args ...any) []byte {
	var b bytes.Buffer
	b.WriteString("__briefingSearch." + fn + "(")
	for i, a := range args {
		if i > 0 {
			b.WriteByte(',')
		}
		data, err := json.Marshal(a)
		if err != nil {
			panic(err) // only maps, slices, strings and numbers reach here
		}
		b.Write(data)
	}
	b.WriteString(");\n")
	return b.Bytes()
}
