// Package linkcheck checks the pages of a built site, as check makes
// them, without keeping the site: every link between its files leads to a
// file it has, and an anchor to an id that file has; nothing on a page
// would run a script the site did not ship or make a request to another
// host.
//
// A link to a missing file or anchor, a link that starts with "/" (it
// breaks under a subpath, on a mirror and from disk) and a link to a
// folder (it breaks from disk) are problems, as is an id on two elements
// of a page (raw HTML repeating the layout's main), an inline script,
// event handler or style attribute (the Content-Security-Policy blocks
// them), a javascript: URL and a file loaded from another host. The links
// of 404.html and es/404.html are absolute, under the base URL, since
// hosts serve them at any depth.
//
// A Checker scans each page once, as it is added (scan.go), and keeps of
// it only its ids and its links, each link as two numbers: its text as
// written and the place it leads to, each stored once for the whole site;
// Problems follows them once every file is added (check.go). Its memory
// is that of the site's ids and distinct links, not of its pages.
package linkcheck
