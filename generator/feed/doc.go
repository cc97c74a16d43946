// Package feed writes the site's machine-readable files: Write (write.go)
// makes them all, one source file per format: Atom feeds (atom.go: the site's newest 50 dated entries and
// changes to records, and one feed per prisoner and per detention site,
// with the changes to their status), the sitemap and robots.txt
// (sitemap.go), open data as JSON (json.go, records.go: data/prisoners,
// statements, sites, events, briefs, counts and timeline; changes.go: the
// public history, for a site built with it) and CSV (csv.go: prisoners,
// statements, sites and counts). Dates are written as in the content, an
// interval with its slash ("2024-02-01/2024-02-09"); feeds list entries
// newest first by their stamp, the first day of their date. A data file
// or sitemap that would pass PartBytes comes in numbered parts (parts.go),
// so that no file passes a host's limit on one file at any size. Each is
// made and written record by record, holding one part at a time, never a
// whole file or the whole list of its records: at 100,000 prisoners the
// timeline's data alone is 150 MB.
//
// Every file is made from a site.Site, so it holds exactly what the pages
// publish: records with publish = false, drafts (unless built with
// -drafts), [private] tables and the identifying fields of anonymous
// people never reach it, because the content package never lets them into
// the Site. URLs are absolute under the base URL when site.toml or -baseurl
// gives one, and relative to the site's root otherwise, so that a mirror
// or a copy on disk still makes sense of them.
package feed
