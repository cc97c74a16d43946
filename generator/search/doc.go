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
// # Ranking
//
// Every term of a query must match. A term matches a word equal to it, or
// one that starts with it (for terms of KeyLen letters or more), so
// results come while a word is being typed. A match in a name or title
// weighs 10, in a summary 3, in a body 1, and a prefix match 0.6 of that;
// a document's score is the sum over the terms of each term's best match.
// Ties go to the lower document id: prisoners first, then sites,
// statements, briefs, events and pages, each by name. Index.Search is the
// reference implementation; the script does the same.
//
// # Files
//
// See write.go: term files keyed by the first letters of the terms, chunks
// of display records, and the facets for the filters, all under a
// folder named by a hash of their content.
package search
