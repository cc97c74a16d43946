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
// last-updated date is that of its last change (changes.go). A count's
// changes are shown in its row of the counts page, its Link.
//
// URLs here are relative to the site's root and end in "/" for pages
// ("prisoners/x/"); File turns one into the link that also works from disk.
//
// # The timeline
//
// The timeline (timeline.go) is every dated thing in one stream: arrests,
// releases, custody transfers, prisoner and site events, site openings and
// closures, statements, reported counts, briefs and standalone events.
//
//   - Oldest first. A briefing is read as a story: an arrest before its
//     release, an announcement before the releases it led to. Readers who
//     want the latest news get it from the home page, the briefs and the
//     feed; the timeline's job is the sequence. Entries are grouped under
//     year and month headings. An entry known only to its month comes
//     after the dated entries of that month, under a heading of its own
//     ("January 2026, day not known"), and one known only to its year
//     after the months of that year, so that nothing imprecise claims to
//     come first; an interval ("2026-01-08/2026-01") sorts by its earliest
//     day. Entries of one day sit together: arrests, custody, events,
//     sites, statements, reported counts, releases, briefs. The feeds list
//     entries newest first by their stamp, the first day of their date.
//   - Stable anchors. Each entry's id is made of its date, kind and slug
//     (#2026-01-08-release-rocio-san-miguel), never its position, so a link
//     to it survives the timeline growing; [](event:slug) links to an
//     event's entry.
//   - At scale the timeline splits so that no page grows past about 300 KB:
//     past page_size entries ([timeline] in site.toml, default 600) the
//     timeline becomes an index with a page per year (timeline/2024/), and a
//     year that is itself too big gets a page per month (timeline/2024/02/).
//     Anchors do not change; links to entries follow them.
//   - The chart of the number held over time (figures.go) counts a person
//     from the last day their arrest may have been on to the first day
//     their release may have been on; people without those dates are left
//     out, and the chart's sentence says how many.
//   - Each prisoner and site has its own history: arrest, custody
//     transfers, events, the statements and events that name them,
//     release; for a site, the arrivals and releases of the people held
//     there.
//
// Without JavaScript the stream is plain HTML; static/timeline.js adds
// filters by kind, year and person or site, kept in the address
// (timeline/index.html?kind=release&year=2026) and announced to screen
// readers.
//
// # Escaping
//
// Markdown is CommonMark; a link whose scheme is not http, https, mailto or
// a record (javascript:, data:, vbscript:, file:, however disguised) is an
// error at its line. Raw HTML is dropped; with [markdown] raw_html = true in
// site.toml it is sanitized (sanitize.go) to the elements and attributes of
// plain prose: no script, style, frame, object, form or event handler. Text
// that looks like template syntax stays text: pages go through
// html/template, data through encoding/json.
package site
