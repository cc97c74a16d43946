// Package pipeline makes the site: one function, generate (generate.go),
// decides every file of the output and its bytes, and the three commands
// are three uses of it.
//
//   - Build (build.go) writes each file as it is made into a new output
//     folder beside the old one and swaps it in (package outdir).
//   - Check (check.go) writes nothing: it checks each page as it is made
//     (package linkcheck), following every link and anchor once every file
//     is made, and measures the offline archives without making them. A
//     link that a record's Markdown wrote (site.MarkdownLink) and that
//     leads nowhere is reported at its line in the content, once.
//   - Prepare (serve.go) loads and resolves the site for serve, which asks
//     for one file at a time: Lazy makes it with the same functions as
//     generate, drawing only what that file needs, so that serve returns
//     the bytes build writes (package serve's tests hold it to that).
//
// # The outputs, in the order they are made
//
// The static files (static.go), CSS and JavaScript with a hash of their
// content in their name; then, for each language, the default last: its
// search index (package search) beside its feeds and data files (package
// feed); its pages, on every core; its search page, which names the
// index (render.NeedsSearchIndex); its data page, which lists the parts of
// the language's offline archive (render.NeedsArchives), decided from the
// compressed size of every other file of the language (package offline).
// Then the sitemap and robots.txt (generate.go), the _headers file of HTTP
// headers for Netlify and Cloudflare Pages (headers.go), and last the
// offline archives, written from the spool every file was compressed into
// as it was made. What a page needs besides the site is declared on the
// page (render.Page.Needs), not guessed from its template.
//
// Every file passes through files (files.go) on its way to its sink: a
// name that leaves the site or that two outputs share is refused, its size
// noted (for Result and the host's limits) and it is compressed into the
// spool. With Options.Host or site.toml's host, Build and Check measure
// the output against that host's limits (package host, hosts.go) and fail
// naming each limit broken; Result.Warnings name those it is near.
//
// Two builds of the same input are byte-identical: every list is sorted
// and no wall-clock time is written.
//
// # Problems
//
// Every content, template and translation problem is reported at once:
// when one language has a problem, every language is resolved, so that
// all problems come together (prepare.go); one broken template is one
// problem, though every language parses it.
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
// The languages are resolved and drawn one at a time, each let go before
// the next is resolved. Within a language the search index and the feeds
// are made first, then the pages: each grows with the site, and a build
// holds one or the other, never both. Nothing keeps a file once it is
// handed on: build writes it, check keeps of a page only its ids and
// links, and the spool holds the compressed bytes on disk (build) or only
// their sizes (check), so that check holds no more than build. No output
// is held whole on its way: the data files and the sitemap are written a
// part at a time (package feed), the search index makes each record's text
// as it indexes it (package search), a record's page is made when it is
// drawn and let go once written (render.List), the sitemap keeping of it
// only its address and date, and a page's buffer is not kept past 4 MiB
// (package render). What stays is the loaded site: the records, with
// their strings copied out of the files they were read from (package
// content), and the site resolved in one language. Its long texts, the
// records' Markdown and its renderings, are most of its bytes and are read
// only when a text is rendered, indexed or drawn: build and check keep them
// in a temporary file (content.Texts; build's in the new output folder's
// temporary files, check's in the system's), and a record keeps where its
// text is. serve keeps them in memory, where its caches need them.
// Options.Loaded is called once the site is loaded, before any page is
// drawn, with the number of records: main uses it to bound the
// collector's memory by the loaded site and what drawing keeps for each
// record (generator/memory.go); no package here sets process-wide state.
//
// Measured with /usr/bin/time -f "%e s %U user %S sys %M KB" on the
// corpus of internal/benchcorpus (-n N -es [-body 1000]), build -cache=
// and check -cache=, on this project's shared 2-core machine on
// 2026-11-30, in the quiet evening (peak resident memory; processor time
// user+system):
//
//	corpus                             build                     check
//	10,000 prisoners, 2 languages      206 to 208 MiB, 22-26 s   208 and 220 MiB, 30 and 34 s
//	the same, -body 1000               208 MiB, 42 s             208 MiB, 49 s
//	100,000 prisoners, 2 languages     1.29 GiB, 264-302 s
//
// Earlier the same day, with the machine shared: 208 and 209 MiB, 39 and
// 40 s; 217 and 208 MiB, 52 and 63 s with long bodies; 1.27 GiB at
// 100,000 prisoners. Before the long texts left memory: 212 and 215 MiB; 484 and 511 MiB with
// long bodies; 1.5 GiB and 586 s at 100,000 prisoners. Measured again on
// the quiet machine, 10,000 prisoners in two languages, build -cache= into
// a folder in memory (/dev/shm, so that the disk's writes do not blur
// it), three runs each, alternating: 13.2 to 14.9 s, 20 to 23 s of user
// time, 213 MiB, against 14.7 to 15.9 s and 22 to 24 s before the long
// texts left memory; with -body 1000, build and check peak at 208 MiB.
//
// How the time grows with the site. Measured on 2026-12-01, build
// -cache= into /dev/shm, the output folder removed before each build,
// builds of 10,000 prisoners in two languages and of 100,000 taking turns
// (10,000, 100,000, 10,000, 100,000, 10,000); processor seconds
// user+system, wall time, peak resident memory:
//
//	10,000     22.76 s, 13.0 s wall, 206 MiB
//	100,000    247.2 s, 133.9 s wall, 1.30 GiB   11.0 times 10,000's mean (processor), 10.7 (wall)
//	10,000     22.27 s, 12.2 s wall, 202 MiB
//	100,000    275.2 s, 147.1 s wall, 1.30 GiB   12.25 times (processor), 11.7 (wall)
//	10,000     22.34 s, 12.4 s wall, 207 MiB     mean 22.46 s, 12.5 s wall
//
// The same binary took 288.2 and 289.3 s at 100,000 prisoners, 12.8 and
// 12.9 times, while 6 GB of an earlier output lay forgotten in /dev/shm,
// the system's share 49 s against 32: at this size the machine's state
// moves the figure by a tenth, more than any change below.
//
// What grows faster than the site, found by setting the CPU profiles of
// the two sizes side by side, function by function (a throwaway test
// around Build with -test.cpuprofile; three runs of 10,000 merged), and
// mended: the timeline's sort, a stable sort whose merging grows as n
// log² n, with an order worked out again at each comparison (3 processor
// seconds at 100,000, 16 times 10,000's; package site, sortEntries); the
// site's feed, which sorted the whole timeline to keep 50 entries, and
// each detention site's feed, its whole history, sorted by the same
// stable sort, as were the other lists that grow with the site (package
// feed; internal/order); and the buffers of the pages of the detention
// sites, 2.8 MB each at 100,000 prisoners, grown afresh for each of their
// 372 pages when a buffer was kept only up to 1 MiB (2.7 processor
// seconds, 34 times; package render). What is left grows about as the
// site does, a little faster where it reads a heap ten times as large:
// the templates 10.4 to 10.6 times, the search index 12, writing the
// files 13 (the system's writes, 16 processor seconds), and the
// collector's marking, one line of which (runtime.spanClass.sizeclass,
// reading the size class of each object's span) grows from 0.7 to 20
// processor seconds: a heap ten times as large no longer keeps the
// runtime's records of its spans in the processor's caches.
//
// The machine's own growth, for comparison (go run
// ./generator/internal/bench -n 10000,100000 -es -nohugo -control, with
// TMPDIR in /dev/shm): a program that does nothing but write the 51,187
// files of the 10,000 prisoners' output, once and then ten times over,
// took 9.8 times as long for ten times the files (41 then 40 µs of
// processor time a file); the same writes by a throwaway program, twice,
// 10.9 and 11.9 times (35 then 38 µs; 34 then 40); and 19 times while the
// 100,000 prisoners' output still lay in /dev/shm. The same command's
// table gives the build's processor time for each 1,000 prisoners: 2.31 s
// at 10,000 and 2.59 s at 100,000 (11.2 times; another run, 2.69 and 2.53
// s, 9.4 times). Over the runs above, 2.2 to 2.7 s at 10,000 and 2.5 to
// 2.75 s at 100,000: the time is linear in the site, each record costing
// about a tenth more at ten times the size, about half of that the
// collector's marking of a heap ten times as large and some of the rest
// the system's writes; the profiles show no step of the generator's own
// code growing faster than n log n. The earlier rounds, for the record:
// 13.6 times, then 12.1 to 12.6 (templates shared by the drawing
// goroutines, package render), then 11.7 to 12.3 (the collector's limit
// following the records, below).
//
// More room for the collector helps only up to its own pace, and 100,000
// prisoners may not have it: with GOGC=400 and a 4 GiB limit, 100,000
// prisoners took 14 times the processor time of 10,000, the system's
// share doubling (74 s), as each page of memory first touched costs the
// virtual machine; with the limit at 1,600 MiB, the collector's own pace,
// 11.0 times (240 processor seconds, one run), but a peak of 1.70 GB,
// over the 1.5 GB allowed. A site of 10,000 prisoners has its collector's
// own pace under the 200 MiB floor (the most it finds live is 95 MiB);
// one of 100,000 would need 1,480 MiB (740 live) and is held to 1,312 MiB
// (generator/memory.go): the collector runs 142 times and takes 43 of the
// 252 processor seconds (gctrace, one run), against 112 times and 3 of 23
// seconds at 10,000. Less the collector's time, the two builds stand at
// 10.6 times (209.5 against 19.8 processor seconds). Green Tea, the
// collector of Go 1.26, is not the cause: built with
// GOEXPERIMENT=nogreenteagc, 100,000 prisoners took the same time (286.6
// against 287.8 processor seconds, one run each, taking turns, in a slow
// hour of the machine).
//
// Between the two, on 2026-11-30 (two runs each, processor seconds and
// times 10,000's 22.7): 20,000 prisoners 47 and 54 s (2.1, 2.4 times),
// 50,000 121 and 131 s (5.3, 5.8 times), 100,000 265 s (11.7 times).
// Before the memory limit followed the records (generator/memory.go),
// 20,000 prisoners took 56 s, 2.45 times, held to the 200 MiB floor with
// a third of the room its collector needed.
//
// What the heap holds at 100,000 prisoners (heap profiles, go test -bench
// with pprof.WriteHeapProfile by hand): the records as decoded (content,
// 180 MB before a content.Date took 32 bytes where it took 64: three in
// every prisoner, two in every place of detention), the resolved site
// (205 MB, of which the timeline's entries 112 MB: 143 MB before each
// entry's anchor became the tail of its address and entries naming one
// site shared its link), and, growing while drawing, the name and size of
// every file made (the offline spool's index 60 MB, the sizes 24 MB, the
// sitemap's 23 MB), and what the collector finds live because it was made
// while it marked (140 MB). Planning each language's offline archive
// made a copy of the spool's sizes, a map of every file of the site, and
// no longer does (offline.ForLanguage asks the spool for each size). The
// next steps: titles made when drawn, one
// index of the files made instead of two, and a list of prisoners in
// pages, as the timeline is split in years and months once it is long
// (the list is 55 MB in English and 58 MB in Spanish at 100,000
// prisoners, a page too large for a reader's phone as well).
//
// BenchmarkMemory (memory_bench_test.go) reports the heap behind these
// figures: the loaded site and the most found live while the files are
// made. The benchmarks in bench_test.go time each step; internal/bench
// compares whole builds with Hugo's.
package pipeline
