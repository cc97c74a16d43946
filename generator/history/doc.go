// Package history makes the public history of each record from the git
// history of the site's content/ folder: what changed, when, in the
// reader's words ("Status changed from detained to released", "Release
// date corrected from January 9, 2026 to January 8, 2026", "Source added:
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
// What the history costs the warm build after an editor's commit, and
// what was done about it, by perf's samples of the build before this work
// and of this one, run in the same round (load 4.8; a sample is about a
// millisecond of processor time): data/changes.json 1,413 samples, now
// 505: a part's buffer is written again for the next part and the next
// file (package feed; each of its 16 MB parts was a fresh one, most of its
// cost the system giving memory), a commit's date and time and a record's
// link are written once, rows are not copied into an interface, and
// content.Date.String does without fmt; the data files together 3,325,
// now 2,206 (the buffers serve the build outside git too). Computing the
// history 944, now 465: the current record's long texts (prose, an
// event's body) are snapshot as there or not (present), which is all a
// change shows of them, and, in a warm build, no longer read back from the
// build's file of texts, a system call each (content.Text.Blank; a record
// whose last version the cache lacks, every record in a cold build, is
// still snapshot whole); a record without a
// translation has one snapshot, one list of changes and one comparison for
// both languages; each kind's fields are made once. Reading the cache 441,
// now 382: the file ends with its CRC-32C, which the processor computes,
// rather than its SHA-256. The site's changes 316, now 218: a
// site.Change's ID is made when asked for, the items of changes alike are
// said once and shared, and the changes are sorted, unstably (their order
// is total), by keys made for the sort. And the history's own changes
// are let go once the site in their language is resolved (Drop): the
// first language's before the loaded site is measured to bound the
// build's memory (package main's memory.go), but for the lists it shares
// with the default language (a record without a translation has one),
// which go when the default language is resolved, last: the peak is 296 to 313 MB, where it was 364 MB (outside
// git 213 MB).
//
// What is left of the warm build's overhead: drawing the Changes section
// of every record's page, which also makes the output a third larger (402
// MB where the build outside git writes 299 MB), to write and to compress
// into the offline archive: the largest part (a quarter to a third of the
// overhead in the profiles), and the feature itself; reading the cache
// file (30 MB: the log's 5 MB, the groups' 16 MB, the results' 9 MB),
// under 2% of the build, most of it the system filling fresh memory with
// the file and the first touch of it; the history's changes from the
// cache (result, each record's current snapshot and the SHA-256 of its
// inputs), about 2%; data/changes.json 2%; the site's changes 1%. The
// peak is now set before the loaded site is measured, while the history is
// computed and the collector runs at its
// own pace: what is live then holds the cache file whole (29 MB, since
// the groups of the records no new commit touched are written back from
// it), every job's versions (16 MB of pairs) and the log's blob names in
// hexadecimal (12 MB). Reading the groups from the file only when they
// are needed, and keeping blob names as bytes, would lower it; neither is
// done.
//
// Five rounds of the two builds, alternated with the same two of the
// binary before this work, at load 2.2 to 4.6 (processor seconds, user and
// system): the warm build after ten prisoners changed 24.4, 19.9, 24.6,
// 21.9 and 19.6, where it was 28.7, 20.9, 25.7, 26.5 and 23.0; outside git
// 16.9, 20.8, 26.5, 17.5 and 19.0 (the binary before: 18.9, 20.4, 22.6,
// 19.9, 18.6). Together, the warm build is 9.7% over the build outside git
// in processor time, where it was 24.1% (round by round +45%, -4%, -7%,
// +25% and +3%, against +52%, +2%, +13%, +33% and +23%: the load moves a
// build by more than the history costs); by medians, 21.9 against 19.0
// seconds (+15%), where it was 25.7 against 19.9 (+29%). Its wall time's
// median was 23.6 s, the build outside git's 19.5 s, the binary before's
// warm build 26.7 s. Its peak was 297 to 314 MB (364 MB before; outside git
// 213 MB).
//
// On the quiet machine (load 2), once this was merged, with the memory
// limit of generator/memory.go as it was then (three and a quarter times
// the loaded site less 100 MB; four times now), three pairs alternated: outside git 12.2, 11.0 and 10.7 s,
// 22.4, 20.6 and 19.5 processor seconds, 208 MiB; warm after ten prisoners
// changed 14.2, 15.4 and 11.9 s (+17%, +40%, +11%), 25.9, 26.0 and 21.8
// processor seconds (+16%, +26%, +12%), 282 to 315 MiB. The pair that
// stands out is the machine's: a build here takes one of two times, as
// the virtual machine hands it memory (package pipeline, "Speed and
// memory"). In the round before, with the limit at three and a quarter
// times: +19%, +20% and +18% in time, +17% in processor time. And with
// the limit as it is now, the last round: outside git 9.4, 9.0 and 9.9 s,
// 17.5, 16.6 and 18.3 processor seconds, 208 MiB; warm 11.3, 11.1 and
// 12.7 s (+20%, +23%, +28%), 20.6, 20.1 and 23.2 processor seconds (+18%,
// +21%, +27%), 304 MiB. So the warm build adds a fifth, give or take a
// few points from round to round: not yet clearly less. Cold, the same
// clone without a cache: 23.4 s and 42.6 processor seconds, 662 MiB,
// against 9.9 s and 18.3 for the build outside git just after it (+136%
// and +133%); in the last round 24.8 s and 45.5, 695 MiB (+152% and
// +151%).
//
// Cold, the same clone without a cache (one run, load 3 to 4), against the
// build outside git just after it (18.8 processor seconds): 48.2 processor
// seconds, 760 MB at the peak. The 29.4 seconds over, by perf: git itself
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
