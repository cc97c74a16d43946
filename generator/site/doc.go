// Package site resolves a loaded content.Set into a Site: the whole
// briefing as the templates see it.
//
// It resolves every reference by slug (front-matter lists, custody sites,
// and Markdown links such as [](prisoner:rocio-san-miguel), whose empty
// text takes the record's name) and reports an unknown or unpublished one
// at its position. It derives back-references (the briefs, statements and
// events that name a prisoner; who was held at a site and when), days in
// custody, the figures (counts by status as of a date, the number held
// over time), the reported counts (counts.go: each counter's as given,
// grouped where counters disagree about the same measure over the same
// period), the words a date takes after a preposition (DateIn) and the
// timeline, whose entries carry anchors made of their date, kind and slug
// so that links to them survive the timeline growing. The timeline puts an
// entry known only to its month after the month's dated entries, and one
// known only to its year after the year's months (TimelineCompare).
//
// Markdown is rendered here, once per text, with goldmark (CommonMark, GFM
// tables, strikethrough, autolinks, footnotes, typographic quotes). Links
// into the site start with RootMarker, which the renderer replaces with the
// path from the page that shows the text to the site's root; images must be
// files that exist in static/ (content.Set.Static), written by their path
// there, never a path out of it; raw HTML is not rendered; headings are shifted
// below the page's h1 when a text uses level 1.
//
// Any text under the size limit renders in well under a second: what
// would not is an error at its line and column, checked before goldmark
// reads the text (limits.go), because goldmark's work on it grows with the
// square of its length or is a few microseconds per mark. The bounds are
// far past any brief: quotes and lists nested more than maxNesting (16)
// deep; parentheses nested more than maxParens (32) deep in one word; a
// table of more than maxTableCells (100,000) cells; more than
// maxDefinitions (200) link reference definitions in one paragraph; and
// more than maxWork (40,000) lines and marks, counting 2 for each
// non-blank line and 1 for each of [ ] * _ ~ ` < & " ' : @ (the longest
// brief counts about 400). A run of more than maxQuoteRun (16) quotation
// marks of one kind is kept as written instead of being made typographic.
// Positions in errors come from an index of the text's lines (position.go),
// never from counting lines again for each. FuzzRenderTime looks for any
// other slow construct, and BenchmarkRenderAtLimit times each known one.
//
// With the records' history (package history), each record's Changes say
// its public changes in the site's language, newest first, and its
// last-updated date is that of its last change (changes.go).
//
// URLs here are relative to the site's root and end in "/" for pages
// ("prisoners/x/"); File turns one into the link that also works from disk.
package site
