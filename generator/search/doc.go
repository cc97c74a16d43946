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
// being typed. When a query word matches nothing, it also matches the
// words one edit away (a letter dropped, added or changed, or two
// neighbours swapped: OneEdit), for words of TypoMin letters or more,
// wherever the edit is, the first letters included; so it does when fewer
// than Few records match every word, then among the words that share its
// first KeyLen letters (already loaded). A typo is measured from the term
// and from the term without a last a, e or o (TypoForms), which the
// stemmer keeps on short words: "mria" finds "maria". The answer lists the
// words it was widened to (Answer.Widened), and the page says so above the
// results.
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
// See write.go: term files keyed by the first letters of the terms, near
// files that list the words one edit in their first letters can reach,
// chunks of display records, and the facets for the filters, all under a
// folder named by a hash of their content.
package search
