// Package search builds the site's search index: small files that the
// search page's script (static/search.js) loads as it needs them, so that
// search works offline, from a mirror, from a copy opened from disk, and
// under a Content-Security-Policy that allows no eval, no inline script
// and no WebAssembly.
//
// # Words
//
// Text is folded (no case, no accents: content.Fold, golang.org/x/text),
// split at anything that is not a letter or digit, stripped of Spanish and
// English stop words and lone letters, and stemmed lightly (Stem): plurals
// and the gender of Spanish adjectives share a stem. A query goes through
// the same steps, so "rocio", "Rocío" and "ROCIO" are one term.
//
// # Matching
//
// A query word matches the index's words equal to it, and, from KeyLen
// letters, the words that start with it, so results come while a word is
// being typed. A word that matches nothing also matches the words one
// edit away (a letter dropped, added or changed, or two neighbours
// swapped: OneEdit), for words of TypoMin letters or more, wherever the
// edit is, the first letters included. When then no record matches every
// word, the words that did match also match the words one edit away that
// share their first KeyLen letters (already loaded): a typo that made
// another word of the briefing ("rodrigue" for "rodrigo") still finds the
// person. A query whose words all match, and some record all of them, is
// not widened at all: a rare name typed right shows its people and no
// close spellings under them. A typo is measured from the term and from
// the term without a last a, e or o (TypoForms), which the stemmer keeps
// on short words: "mria" finds "maria". The answer lists the words it was
// widened to that some result matched through (Answer.Widened), and the
// page says so above the results; results found through a typo rank
// below every result found without one that matches as many words.
//
// The results are the records that match every word. When none does and
// the query has two words or more, they are the records that match the
// most, marked partial (Answer.Partial).
//
// # Ranking
//
// Results are ordered by, in turn:
//
//   - how many of the query's words they match (only partial results differ);
//   - without a typo before with one;
//   - the name: an exact name (a name or alias made of the query's words
//     and no other) first, then a whole name (a name or alias holding
//     every word of the query, a repeated word as often as it is
//     repeated, in any order, each word of the name standing for one word
//     of the query), then the rest;
//   - the score: each query word scores its best match, 100 in a name or
//     title, 30 in a summary, 10 in a body, times 1 for the word itself,
//     0.6 for a longer word that starts with it and 0.3 for a typo;
//   - the id: prisoners first, then sites, statements, briefs, events and
//     pages, each by name.
//
// A prisoner's aliases are names like the name: "Kenny Tejeda Jiménez"
// finds the record of Kennedy Tejeda by its alias, ranked as an exact
// name, and the result shows the aliases. Index.Query is the reference
// implementation; static/search.js does the same, and a browser test
// checks that both give the same results and the same note.
//
// Not ranked: the order of the words. Three people named Héctor Hernández
// Jiménez come before Héctor Jiménez Hernández, whichever order is typed.
//
// Measure how well it finds people with
//
//	go run ./generator/internal/searchquality -n 2000 -people 400
//
// and what it loads with generator/internal/searchbench.
//
// # Files
//
// See write.go: term files keyed by the first KeyLen letters of the terms;
// near files, which list the words that one edit in their first letters
// can reach, near keys sharing a file by a hash (NearFile) so that the
// number of files grows with the index (about NearFileBytes each) rather
// than with the number of keys; chunks of display records; and the facets
// for the filters, all under a folder named by a hash of their content.
//
// # Measuring
//
// Three commands measure search, each on synthetic corpora built with the
// site's templates and static files (-site, the current folder by
// default). They print tables; nothing asserts their figures, which
// depend on the machine and its load.
//
//	go run ./generator/internal/searchquality -n 2000 -people 400 [-pagefind -pagefind-bin PATH]
//
// how often the wanted person is among the first three results, for four
// query forms (see its doc), beside Pagefind on the same site.
//
//	go run ./generator/internal/searchbench -n 10000 -q "perez,jose rodrigez,jose odriguez" [-pagefind -pagefind-bin PATH]
//
// what a first query fetches in headless Chromium: requests and bytes,
// gzip-compressed.
//
//	go run ./generator/internal/searchbench -latency -n 10000 [-runs 5] [-q "a,b"]
//
// the time from a key press to the results painted, the search page
// opened from disk: for each query (exact names, with accents, with a
// typo, a word that matches nothing, half a word; or those of -q) the
// median and worst of -runs, cold (a fresh browser, no index file loaded)
// and warm (the same key press again). It prints the load average before
// and after: on a shared machine, measure again when it is quiet. The
// budget is 100 ms.
//
//	go run ./generator/internal/searchbench -files -n 1000,10000
//
// the files and bytes of the search index of the briefing in -site and of
// bilingual corpora of each size, per language: a host limits the files
// of a site.
package search
