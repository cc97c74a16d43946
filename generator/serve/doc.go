// Package serve is the editor's live preview: it builds the site in
// memory, serves it on a loopback address, watches the site's files with
// fsnotify, rebuilds when they change, and tells every open page to reload.
//
// A rebuild reads again only the files that changed (content.Cache) and
// resolves the whole site, but draws a page only when it is asked for, and
// the search index, feeds and data files when the first of them is: a save
// to one record costs loading and resolving, not drawing thousands of
// pages.
//
// The records' history of changes is read from git once, at the first
// build: a rebuild reuses it, so a save does not wait for git, and the
// preview shows the changes of the commits made before serve started.
//
// A rebuild that fails keeps the last good site on the air: open pages show
// an overlay with each error's file, line and column, in the build's order
// (the cause first), the line of the file with a caret under the column,
// and, when site.toml names an editor URL ("vscode://file/{path}:{line}:{col}"),
// a link that opens the file there (report.go); the terminal prints them;
// the next good rebuild clears it. Without -drafts, the page of a draft
// says that it is one and how to preview it, rather than a bare 404.
// Nothing is written to disk: the published output (public/) is never
// touched by serve.
//
// The live-reload script (/_briefing/live.js) and its event stream
// (/_briefing/events, Server-Sent Events) exist only here, injected into
// each page as it is served; they are same-origin, so the site's
// Content-Security-Policy allows them unchanged. The published site has
// neither. An event's data is cut into data lines at every CR, LF and CR LF,
// as a browser reads them, so that no text in an error (a file name with a
// carriage return) can end the event or start another.
//
// The preview answers only requests whose Host names the address it
// listens on (127.0.0.1:PORT, localhost:PORT, [::1]:PORT on loopback; the
// address itself with -expose) or a name given with -host; others get 421
// Misdirected Request (host.go). This keeps a web page that points a name
// of its own at 127.0.0.1 (DNS rebinding) from reading the preview.
package serve
