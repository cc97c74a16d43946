// Package feed writes the site's machine-readable files: open data as JSON
// (one file per output format, json.go).
//
// Every file is made from a site.Site, so it holds exactly what the pages
// publish: records with publish = false, drafts (unless built with
// -drafts), [private] tables and the identifying fields of anonymous
// people never reach it, because the content package never lets them into
// the Site. URLs are absolute under the base URL when site.toml or -baseurl
// gives one, and relative to the site's root otherwise, so that a mirror
// or a copy on disk still makes sense of them.
package feed
