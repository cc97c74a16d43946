// Package render draws the pages of a site.Site with html/template.
//
// A site's templates/ folder holds base.html (the layout every page is
// drawn in), partials whose names start with "_", and one template per page
// kind: home, brief, briefs, prisoner, prisoners, statement, statements,
// site, sites, page, timeline, search, counts, data, changes and 404. Each
// page template defines "main". The changes page exists only for a site
// built with its history; base.html draws the partial _changes.html, a
// record's public changes, on every record page that has some. Templates are parsed once by New; a missing one, or a syntax
// error, is reported as templates/NAME:LINE: message.
//
// A template's dot is a *Page: the Site, the record shown (Brief,
// Prisoner, Statement, DSite or Page), the page's Title, Description,
// Updated date, Sources and Verification, and methods for links: Rel turns a
// URL relative to the site's root into a link relative to this page, and
// HTML does the same for the links in rendered Markdown. Links name
// index.html so that a copy opened from disk works. 404.html is served by
// hosts at any depth, so its links are absolute under the base URL.
//
// Functions: date (a <time datetime> at the date's precision; an
// interval's datetime is its earliest day, its text the whole interval),
// status, verification, kind, entryKind, measure, measureCaption and part
// (labels), figure (a count's value with its qualifier: "at least 803"),
// chart, countChart and their summaries (chart.go: SVG drawn at build
// time), count ("1 day", "2 days"), join, base (a path's last element),
// sub, and t, the hook for translated interface strings. The data page
// links each data file with DataFiles, which lists its numbered parts
// when it was too large for one file.
//
// Pages are rendered in parallel and handed to an Output.
package render
