// Package history makes the public history of each record from the git
// history of the site's content/ folder: what changed, when, in the
// reader's words ("Status changed from detained to released", "Release
// date corrected from 9 January 2026 to 8 January 2026", "Source added:
// The Independent"), in each language of the site.
//
// It sits between content and site: Read and Compute take what content
// loaded, and site turns the result into each record's Changes.
//
// # Reading
//
// Read runs one git log over content/ (first parents only, renames as a
// deletion and an addition, oldest first) and parses it as it streams.
// Compute reads every version it needs with one git cat-file --batch per
// core, each for a run of the records, each blob straight into a string,
// and decodes them on every core, each core with one content.Decoder,
// which decodes a file exactly as content.Load does today (from that
// string, without a copy) and parses each piece of text (a statement, a
// table, a source) once for all the versions and files that share it. A
// change's date is its commit's date: on the branch being built, a merged
// branch counts as one change on the day of its merge, with the merge
// commit's Public-note: only (the notes of the commits inside the branch
// are not read). Without git, outside a repository or in a shallow clone
// Read returns an *UnavailableError, and the site is built without
// history.
//
// Each version is decoded once and reduced to a snapshot: its public
// fields as the comparison needs them, a text as its fingerprint (its
// 64-bit FNV-1a hash; no past text is ever shown, see below), dates,
// statuses and figures as they are. Every comparison is between
// snapshots, and every text a change shows is the current record's. The
// version a record's last commit made, when the files on disk are still
// as it left them (their git blob names are computed and compared), is
// the record content.Load decoded, and is neither read nor decoded again.
//
// # The cache
//
// Given a cache folder (Read's cacheDir: the generator's -cache), Read and
// Compute keep there, in one file per site folder, what they found: the
// log up to the commit it was read at (HEAD), the snapshot of every
// version, named by the blobs it was decoded from (each encoded as its
// changes from the version before), and each record's changes in each
// language, with the SHA-256 of what they were made from: the commits and
// blobs of its versions and the snapshot of the record as it is now. The
// next build reads the log only from that commit, when it is on HEAD's
// first-parent line (else from scratch), reads and decodes only the
// versions the cache does not hold, and compares again only the records
// whose versions or current text changed; notes are withheld, or not, at
// every build. Of the file, a build reads only its index, as a stream:
// the log, and for each group and each record's changes their length,
// CRC-32C and what tells whether they are of use without reading them
// (the SHA-256 of the blobs a group holds; of the inputs the changes were
// made from). A group or a record's changes (a body) is read when the
// record needs it, and the bodies of the records no new commit touched
// are copied into the next file as they are, checked on the way (see
// Cost). The cache can never be stale: every entry is named by
// git's hashes or by the SHA-256 of its inputs, and the file by the
// program's own (the SHA-256 of its executable, since another build may
// decode differently: go run builds the same executable from the same
// code, but a binary stamped with its commit by go build is another at
// every commit, and starts the cache afresh); a file
// whose index is damaged (the index and each body carry their CRC-32C),
// that is cut short, another program's, or unreadable is ignored and
// written anew; a damaged body is not used (its record's versions are
// read from git again) and is left out of the next file; and a history
// that was rewritten is read from scratch. The output is byte for byte
// the same with or without it. The cache holds what the history holds,
// private and unpublished versions included (their dates, statuses and
// figures; texts only as fingerprints; the commits' Public-note: lines),
// so it lives outside the site folder and the output (pipeline refuses
// one inside either) and is never published; it is written with
// permissions for its owner only. A failure to write it is not an error:
// the next build reads everything again.
//
// # Comparing
//
// For each language, each published version of a record (with its
// translation, when it had one) is compared, field by field, with the
// version before it that was published. Positions, comments, formatting
// and the [private] table are not fields, so commits that change only them
// show nothing. The first published version is "First published"; a
// version that brings or drops a translation is compared with nothing; a
// commit that changes only a translation shows only its revised texts.
//
// # Never publishing what was private
//
// What a change shows is decided by the record as it is now, never by the
// old version:
//
//   - A record that is now publish = false or a draft has no history at
//     all; a version that was unpublished, a draft, deleted or did not
//     decode is skipped, so nothing is shown from an unpublished period:
//     the next published version is compared with the last published one.
//   - A field that is empty now (moved to [private], or dropped because the
//     person is anonymous now) is never compared, so no past value of it
//     appears, not even as "removed".
//   - Dates, statuses, verification levels and a count's figures (its
//     value, the parts of its breakdown) show their old and new values.
//     A text (a name, an occupation) shows its new value only while it
//     is the current one; a long text (summary, body, quote) only says
//     it was revised. An entry added to a list (a source, a
//     charge, a place of detention) is named only while the record still
//     holds it, and a removed one is never named.
//   - Commit messages are private but for a Public-note: trailer (see
//     PublicNote), shown as the change's correction note. A commit that
//     changed the file of a person whose name is withheld now has its note
//     withheld on every record, since it may name them. Authors and their
//     e-mail addresses are never read.
//
// # Cost
//
// At 10,000 prisoners with 20 commits each (200,000 versions, written into
// a repository with one git fast-import, then packed again from scratch
// with git repack -a -d -f, as a server packs what a clone receives:
// fast-import's own pack chains each blob to another file's, and git
// unpacked it twice as slowly),
//
//	go test ./generator/pipeline -run XXX -bench 'History/build-' -corpus 10000 -commits 20 -benchtime 1x
//
// times the whole build outside git (build-without), inside it without a
// cache (build-with: the first build on a fresh machine, such as CI
// without its cache), and with a cache filled before one more commit,
// the bench's clone of the repository, clean, as CI checks it out, built
// into an empty output folder as the others are: a commit that changed
// ten prisoners (build-warm-few: the publishing workflow's build, which
// keeps -cache between runs with actions/cache, after an editor's
// commit) or every one (build-warm). Each reports its time and its
// processor seconds, git's included (cpu-s/op), timed once the memory of
// the builds before it is returned (see settle in the bench). The builds
// run under the profiler labels build=without, build=warm and
// build=warm-few, so that -cpuprofile cpu.out followed by go tool pprof
// -tagfocus build=warm-few shows that build alone, without the one that
// filled its cache; the collector's background work carries no label, so
// that perf record -g on the generator itself (Go keeps frame pointers)
// is the whole account.
//
// The machine is shared, 2 cores, and on 2026-11-30 its load (2 to 13)
// moved one build's processor seconds by half from run to run, and by as
// much between two builds of the same site run one after the other: only
// builds run one after the other, alternately, compare, and a profile's
// shares say more than its totals. Pages freed by the system are also much
// cheaper to fill than fresh ones on that machine (its virtual memory
// makes the first touch of a page costly), so that the output folder of
// the build before is removed before each build. The generator itself,
// the corpus built into /dev/shm, a cache filled at the commit before
// (both with the same binary: the cache is the program's),
//
//	/usr/bin/time -f "%e s %U u %S s %M KB" generator build -src plain -out /dev/shm/out
//	/usr/bin/time -f "%e s %U u %S s %M KB" generator build -src clone -out /dev/shm/out -cache filled-copy
//
// and perf record -g -F 999 on each, the commit changing ten prisoners'
// summaries.
//
// What the history costs the warm build after an editor's commit, by
// perf's samples (about a millisecond of processor time each), and what
// was done about it. The rounds before this one wrote data/changes.json's
// buffers again rather than afresh, snapshot the current record's long
// texts as there or not (never read back from the build's file of texts),
// compared a record without a translation once for both languages,
// checked the cache file by its CRC-32C rather than its SHA-256, sorted
// the site's changes by keys made once, and let the history's changes go
// once the site in their language is resolved (Drop): the warm build went
// from 24% over the build outside git in processor time to 18% to 28%,
// round to round, its peak (then set while the history was computed)
// from 364 MB to 304 MiB.
//
// In this round (2026-11-30), the history's own work went from 6.0% of the
// warm build's samples to 4.2% (reading the log and the cache 1.8% to
// 0.7%, planning the jobs 1.1% to 0.5%):
//
//   - The cache file is no longer read whole (29 MB into fresh memory, and
//     on this machine the first touch of a page costs some 25
//     microseconds: reading and checking it was 0.3 to 0.4 processor
//     seconds). Its index, the log and each body's length, CRC-32C and
//     tag (see The cache), is read as a stream through one buffer; a body
//     when a record needs it; and the bodies of the records no new commit
//     touched are copied into the next file through one buffer, checked
//     on the way.
//   - Blob names are bytes, each kept once in the log's table and named
//     by its place in it (blobID): a step is 8 bytes and a version's pair
//     16, neither with a pointer, where they held names of 40 hexadecimal
//     digits (12 MB) for the collector to scan. The table grows in chunks
//     that are never copied; the maps are made at their size; a record's
//     changes from the cache are made in one piece.
//
// While the history is computed, what is live is now 20 to 45 MB where it
// was 60 to 125 MB (GODEBUG=gctrace=1), so that the peak is no longer set
// then but while the pages are drawn, under the limit of package main's
// memory.go, twice the loaded site and what drawing keeps for each record,
// at most 3.75 times the loaded site. The loaded site holds the changes
// (95 MiB, against 64 MiB outside git: the site's changes in the first
// language 19 MiB, the history's in the default language, not yet
// resolved, 11.5 MiB), so that the warm build is held to about 270 MiB
// (280 MiB before that limit, on 2026-11-30; the warm build then peaked
// at 307 and 311 MiB, now at 290 MiB, over a build outside git +13% and
// +16% in processor time before, +16% now, alternated pairs), where the
// build outside git is held to 209 MiB.
//
// And in package render: each goroutine drawing the pages draws through a
// copy of the templates of its own, since text/template looks up every
// function a template calls under that template's lock, and the two
// goroutines took turns at it, once for each change drawn (its date): two
// goroutines drawing one template that calls a function for each of its
// items took 15% to 30% longer than with a copy each, and findFunction,
// 1.3% to 2.1% of the warm build's samples before, is 1.2%.
//
// What is left of the warm build's overhead: drawing the Changes section
// of every record's page, which also makes the output a third larger (402
// MB where the build outside git writes 299 MB), to write and to compress
// into the offline archive: the largest part, and the feature itself;
// data/changes.json 1.7% of the samples; the site's changes 1.3%; the
// history's own 4.2%: each record's current snapshot, which its cached
// changes are checked against (the inputs), 1.1%; its changes from the
// cache 0.8%; reading the cache's index 0.7%; writing the cache anew 0.5%
// (31 MB, most of it copied, the system filling fresh pages of the file);
// and the larger memory limit (page faults 3.3% of the samples, 3.1%
// outside git).
//
// Measured on the quiet machine (load 1.5 to 2), the corpus built into
// /dev/shm as above, the cache filled at the commit before by the same
// binary, three rounds alternated of the build outside git and the warm
// build after ten prisoners changed, with the binary before this round
// and then this one (wall time, processor seconds user and system, peak):
//
//	before: outside git 10.04, 10.04, 8.66 s; 18.9, 18.9, 16.0 s; 208 MiB
//	        warm 11.95, 11.13, 10.19 s (+19%, +11%, +18%); 22.1, 20.4, 18.8 s (+17%, +8%, +17%); 299 to 304 MiB
//	after:  outside git 10.09, 8.33, 8.49 s; 19.0, 15.5, 15.7 s; 208 MiB
//	        warm 11.80, 9.99, 10.07 s (+17%, +20%, +19%); 21.8, 18.3, 18.4 s (+15%, +18%, +18%); 296 to 300 MiB
//
// A round just before it, at load 2 to 2.8, gave +23%, +15% and +20% in
// time before, +17%, +18% and +23% after. So the work of this round is
// below what this machine tells from one build to the next (a build takes
// one of two times, as the virtual machine hands it memory: 10.0 or 8.5
// s outside git), and the warm build still adds about a fifth, +16% to
// +20% in time round by round: not clearly less. What it adds is now
// mostly the feature's own output (above): the history's own work is
// about half a second of the build's time (computing it, after the
// content is loaded and before the site is resolved; reading the log
// and the index goes on while the content loads), data/changes.json
// (76 MB) and the feeds about as much again, and the larger pages the
// rest.
//
// Once merged (with the death of a record in custody and the charts'
// keys, which change neither build's work much), four more pairs on the
// quiet machine (load 1.3 to 1.9), with the templates of the repository
// copied into both corpora: outside git 9.09, 9.07, 10.23 and 10.08 s,
// 16.8, 16.7, 18.8 and 18.7 processor seconds, 208 MiB; warm 10.67,
// 10.74, 12.11 and 10.93 s (+17%, +18%, +18%, +8%), 19.6, 19.6, 22.2 and
// 20.0 processor seconds (+16%, +17%, +18%, +7%), 299 to 302 MiB. Every
// pair measured since the helpers' round is under a fifth, most by a few
// points: the warm build, which is every build after the first on a
// machine (the cache is on by default) and the publishing workflow's,
// meets the bound of at most a fifth, without much room.
//
// Cold, the same clone without a cache, in the round before this one:
// 23.4 to 24.8 s and 42.6 to 45.5 processor seconds, 662 to 695 MiB,
// against 9.9 s and 18.3 for the build outside git just after it. In an
// earlier one (load 3 to 4), 48.2 processor seconds against 18.8, 760 MB
// at the peak; the 29.4 seconds over, by perf: git itself
// 5.6 (git log, and git cat-file unpacking the 200,000 blobs: inflating,
// resolving deltas, writing some 500 MB into the pipes); decoding the versions
// as Load decodes a file 7.9 (content.Decoder); these two are the floor
// (a lighter decoder for the history alone, or one that decoded only the
// pieces a commit changed, could disagree with Load about a field, since
// Load checks each record whole, and show a change that was never made).
// Then: the versions' snapshots 2.3 (each of 15 or so values of 136 bytes,
// a content.Date among them: 400 MB allocated, which is also much of the
// collector's share); reading the blobs from the pipes 1.3; the plan 0.9
// (the files on disk read again and named by their blobs, so that the
// last version is the record loaded, not decoded again); the walks 0.6,
// encoding the cache's groups 0.6, the rest of computing 0.8; the git log
// parsed 0.4; as in the warm build, the site's changes 0.6,
// data/changes.json 0.7, the pages 1.0 and the other data files 0.2
// more; the collector 2.9 more; the rest (the runtime, page faults,
// scheduling) 2.9, and loading the content 0.6 more, with git and the
// decoders beside it on two cores. So a build without a cache cannot add
// only a fifth: its floor, at this scale, is near +70% of the processor.
// The cache is what makes the history cheap: with it a build reads,
// decodes and compares only what the new commits changed, and serve,
// which reads the history once at start, starts as fast. When one commit
// changed every record (build-warm), each record's versions are compared
// again (2 to 3 processor seconds: its cached snapshots decoded, the file
// on disk named by its blob, the walk).
package history
