// Package build runs the whole pipeline (content, site, render, static
// files) and writes the result.
//
// Build writes into a fresh temporary folder beside the output folder and
// swaps it in with two renames only when everything succeeded, so a failed
// build leaves the previous output untouched byte for byte and readers
// never see a half-written site. It refuses an output folder that would
// destroy what it did not make: the site folder or a parent of it, a
// folder inside content/, templates/ or static/, or a non-empty folder
// without the Marker file every output holds. An output folder that is a
// symbolic link is followed: the folder it leads to is the one swapped, so
// what a web server serves through the link is the new site.
//
// BuildContext stops when its context is done (main cancels it on SIGINT
// and SIGTERM), removing its temporary folder. A build killed outright
// leaves that folder; the next build removes it when the Marker inside,
// written when the folder is made, proves it a build's and names a
// process that no longer runs (leftovers.go).
//
// Check builds in memory, writes nothing, and follows every link and
// anchor of every page: a link to a missing file or anchor, a link that
// starts with "/" (it breaks under a subpath, on a mirror and from disk)
// and a link to a folder (it breaks from disk) are problems, as is an id
// on two elements of a page (raw HTML repeating the layout's main).
// Whatever the templates or content say, check also fails on anything the
// Content-Security-Policy would block or that would make a request to
// another host: an inline script, an event handler, a style attribute, a
// javascript: URL, a file loaded from another host.
//
// Besides the pages, a build writes each language's offline archive, in
// numbered parts when it would pass MaxFileBytes (archive.go), and the
// _headers file of HTTP headers for Netlify and Cloudflare Pages
// (headers.go). With Options.Host or site.toml's host, Build and Check
// measure the output against that host's limits (package host) and fail
// naming each limit broken; Result.Warnings name those it is near.
//
// Two builds of the same input are byte-identical: every list is sorted
// and no wall-clock time is written.
//
// # History
//
// When the site folder is in a git repository, each record's public
// changes come from its history (package history, history.go): git log
// runs while the content loads, and the history is compared once the
// content is loaded. Without git, outside a repository or in a shallow
// clone the site is built without history, and Result.Note says why.
// A Cache reads the history once, at the first build that uses it: serve
// shows the changes of the commits made before it started.
//
// # Speed and memory
//
// The languages are resolved and drawn one at a time, each let go once
// drawn (see generate). The pages of a language are drawn on every core
// while its search index, feeds and data files are made (the search page,
// which names the index, is drawn after it, and the data page, which names
// the parts of the offline archive, last). Each file is compressed for the
// offline archive as it is written, into a spool that is copied into the
// archives in name order at the end, so the site is never read back. Files are written in
// three system calls each and each folder is made once, without asking
// first whether it exists: on a slow virtual disk the kernel's share of a
// build is mostly creating files and folders. A rebuild hard-links the
// files that did not change from the previous output (see dir). Once the
// site is loaded, the collector is held to three times its size
// (memory.go). The benchmarks in bench_test.go time each step;
// internal/bench compares whole builds with Hugo's.
package build
