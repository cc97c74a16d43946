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
// every build. The cache can never be stale: every entry is named by
// git's hashes or by the SHA-256 of its inputs, and the file by the
// program's own (the SHA-256 of its executable, since another build may
// decode differently: go run builds the same executable from the same
// code, but a binary stamped with its commit by go build is another at
// every commit, and starts the cache afresh); a file
// that is damaged (it carries the SHA-256 of its content), another
// program's, or unreadable is ignored and written anew, and a history
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
//     value, the parts of its breakdown) show their old and new values. A text (a name, an occupation) shows its new value only
//     while it is the current one; a long text (summary, body, quote)
//     only says it was revised. An entry added to a list (a source, a
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
//	go test ./generator/pipeline -run XXX -bench History -corpus 10000 -commits 20 -benchtime 1x
//
// times the whole build outside git (build-without), inside it without a
// cache (build-with: the first build on a fresh machine, such as CI
// without its cache), inside it with a cache filled before one more commit
// that changed every prisoner (build-warm: the bench's clone of the
// repository, clean, as CI checks it out, built into an empty output
// folder as the other two are), and reading and comparing the history
// alone (read-and-compare). Each reports its time and its processor
// seconds, git's included (cpu-s/op). The warm build runs under the
// profiler label build=warm, so that -cpuprofile cpu.out followed by
// go tool pprof -tagfocus build=warm shows that build alone, without the
// one that filled its cache.
//
// The figures, measured on the project's 2-core machine shared with other
// work, whose load (4 to 13 on 2026-11-30) moves the time of one build by
// half and even its processor seconds by a third from run to run, so that
// only builds run one after the other compare: on 2026-11-30, quiet (one
// run each), build-without 15.0 s and 22.1 processor seconds, build-with
// 31.9 s and 54.3 (+112% of the time, +145% of the processor), build-warm
// 21.1 s and 27.7 (+40%, +25%; its output folder then held the previous
// build's, whose unchanged files it linked rather than wrote). Then the
// work of the branch history-cost (see the git log: a change's line said
// once, each distinct item described once, data/changes.json written
// without reflection, the current record's snapshot made once, a grown
// group added to rather than encoded anew), measured before and after
// in turns the same afternoon (load 4 to 13; seconds, then processor
// seconds): before, build-without 46.3 and 56.0 s, 30.6 and 30.1;
// build-warm 71.5 and 65.3 s, 46.0 and 35.2; build-with 41.2 s, 53.8.
// After: build-without 49.2 and 68.0 s, 31.4 and 38.3; build-warm 17.4
// and 96.3 s, 28.6 and 46.5; build-with 59.8 s, 55.9. Under that load
// one build's figures move by more than the fifth they are to be held
// to, so they say nothing either way; the profile of the warm build says
// more: of its processor time the history's own (package history, the
// changes' words, data/changes.json) fell from 5.6 s of 21.4 to 4.8 s of
// 19.0, with the rendering of the pages, their Changes included, from
// 8.5 s to 7.7 s.
//
// Measured on the quiet machine (load 2 to 4) once that work was merged,
// one run each: build-without 10.2 s and 18.4 processor seconds;
// build-with 27.0 s and 47.5 (+164%, +158%); build-warm 22.8 s and 35.8
// (+123%, +94%). Warm is not within a fifth. The same corpus built by the
// generator itself into /dev/shm: outside git 10.1 s, 18.5 processor
// seconds, 223 MB at its peak, 307 MB of output; in git without a cache
// 26.8 s, 48.9, 1.03 GB; with a cache filled at the same commit (no new
// commit: nothing to read or decode) 15.5 s, 27.8, 829 MB. The history
// adds 105 MB to the output (+34%: 20 changes on every page, in two
// languages, and data/changes.json), which a build pays for as for any
// output; at 20 changes a record a fifth cannot hold even with a history
// that cost nothing to compute. The peak memory, four times the build
// without history, is not yet accounted for: the versions read and their
// snapshots, and every change of every record in each language, are all
// candidates; a heap profile of this corpus is the next step.
//
// What remains, cold: git unpacks the 200,000 blobs in about 4 processor
// seconds (git cat-file --batch --buffer of the 199,998 prisoners' blobs:
// 3.4 s of user and 0.75 s of system time; in pack order, --batch-all-objects
// --unordered, no less), which alone is a fifth of the build without
// history; each version is then decoded as Load decodes a file and reduced
// to its snapshot, some 50 to 100 microseconds a version on this
// machine, 10 to 11 processor seconds in all (a lighter decoder for the history alone,
// or one that decoded only the pieces a commit changed, could disagree
// with Load about a field, since Load checks each record whole, and show
// a change that was never made). So a build without a cache cannot add
// only a fifth: its floor, at this scale, is near +60% of the processor.
// The cache is what makes the history cheap: with it a build reads,
// decodes and compares only what the new commits changed, and serve,
// which reads the history once at start, starts as fast. What remains
// warm, when one commit changed every record (the bench's case; an
// editor's commit changes a few, whose records alone are compared again):
// each record's versions compared again (2 to 3 processor seconds: its
// cached snapshots decoded, the file on disk named by its blob, the walk),
// and the history's own output, cold or warm, which costs what any output
// costs: a Changes section on each record's page, some 200,000 rows of
// data/changes.json, the changes page and the feeds, and the collector's
// work on all of it.
package history
