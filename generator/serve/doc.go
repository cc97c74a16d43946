// Package serve is the editor's live preview: it builds the site in
// memory, serves it on a loopback address, watches the site's files with
// fsnotify, rebuilds when they change, and tells every open page to reload.
//
// A rebuild reads again only the files that changed (content.Cache) and
// resolves the whole site, but draws a file only when it is asked for
// (pipeline.Lazy): a save to one record costs loading and resolving, not
// drawing thousands of pages. A file served has the bytes build writes
// (TestServeIsBuild), made by the same functions.
//
// # How serve differs from build
//
// This is the one list; anything else that differs is a bug.
//
//   - Pages carry the live-reload script, injected before </body> as they
//     are served (inject); the published site has none.
//   - Every response says Cache-Control: no-store; _headers is served as a
//     file, not applied.
//   - Nothing is written to disk: public/ is never touched.
//   - A missing file gets its language's 404 page with status 404; the
//     page of a record left out as a draft says so and how to preview it.
//   - A broken rebuild keeps the last good site and shows the errors over
//     it; a template that fails on one page shows the error for that page.
//   - The records' history is read once, at the first build.
//   - The Marker file (.briefing-output) is build's alone.
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
// address itself with -expose) or a name given with -allow-host; others get 421
// Misdirected Request (host.go). This keeps a web page that points a name
// of its own at 127.0.0.1 (DNS rebinding) from reading the preview.
package serve
