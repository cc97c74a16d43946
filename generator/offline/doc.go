// Package offline makes the offline archive, for readers who cannot rely
// on reaching the site: unzipped and opened from disk, every page, the
// timeline and search work.
//
// Each language has its own (briefing-offline-en.zip, briefing-offline-
// es.zip), holding its pages, search index, feeds and data files and the
// static files they share; its language switch leads out of it. An archive
// that would pass MaxFileBytes comes in numbered parts
// (briefing-offline-en-1-of-3.zip, ...) that unzip into the same folder:
// the first holds the language's home page, lists, timeline, search and
// data files, and the static files, and works by itself (when they fit in
// one part: the data page says whether they did); the others hold the
// record pages (each record's folder whole, in name order), which the
// lists link to once every part is unzipped. The data page of each
// language lists its parts and explains them; every footer links there.
//
// The parts are decided from the compressed size of each file once the
// language is drawn, but for its data page, which names the parts and is
// drawn last, into the first part, which keeps room for it
// (dataPageRoom).
//
// The sitemap, robots.txt, _headers and the 404 pages are for hosts, not
// for readers on disk: no archive holds them.
//
// Plan (plan.go) decides the parts; a Spool (zip.go) compresses each file
// once, as the pipeline makes it, and writes the parts from the
// compressed bytes. Every entry carries the same modification time, the
// content's first date, so that two builds make the same bytes. Files are
// compressed with klauspost/compress's deflate at its fastest level.
package offline
