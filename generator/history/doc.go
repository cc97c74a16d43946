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
// that is damaged (it carries the CRC-32C of its content), another
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
// The machine is shared, 2 cores, and on 2026-11-30 its load (4 to 13)
// moved one build's processor seconds by half from run to run: only
// builds run one after the other, alternately, compare. The generator
// itself, the corpus built into /dev/shm, a cache filled at the
// commit before (both with the same binary: the cache is the program's),
//
//	/usr/bin/time -f "%e s %U u %S s %M KB" generator build -src plain -out /dev/shm/out
//	/usr/bin/time -f "%e s %U u %S s %M KB" generator build -src clone -out /dev/shm/out -cache filled-copy
//
// alternated four times at load 4 to 8 (processor seconds, user and
// system; then the peak): outside git 22.0, 20.6, 20.1 and 20.2, 213 to
// 225 MB; warm after ten prisoners changed 24.8, 22.2, 26.3 and 23.2
// (+13%, +8%, +31%, +15%), 364 MB each time. In the two quietest pairs
// the time was 11.4 s against 12.5 (+10%) and 13.2 s against 14.0 (+6%);
// under more load the wall time says nothing (20 to 32 s for the same
// work). The bench, at load 8 to 10: build-without 39.8 s and 34.7
// processor seconds, build-warm-few 39.9 s and 33.2; at load 10 to 13,
// before settle: build-without 51.4 s and 27.3, build-with 100.3 s and
// 63.1, build-warm 84.9 s and 44.4. Before the work below (quiet, load 2
// to 4): outside git 10.1 s, 18.5 processor seconds, 223 MB; warm with no
// new commit 15.5 s, 27.8, 829 MB; cold 26.8 s, 48.9, 1.03 GB (now 751
// MB, one run at load 8).
//
// Measured again on the quiet machine (load 2) once this was merged, the
// same two commands alternated three times, the commit changing ten
// prisoners' summaries: outside git 12.3, 12.6 and 12.2 s, 22.6, 23.0 and
// 22.4 processor seconds, 213 to 218 MB; warm 14.9, 14.9 and 14.3 s
// (+21%, +18%, +17%), 26.6, 26.5 and 25.6 processor seconds (+18%, +15%,
// +15%), 364 to 370 MB. The warm build is at the edge of a fifth of the
// time, within it in processor time. Cold, the same clone without a
// cache: 26.7 s and 48.6 processor seconds (+118% and +115%), 750 MB.
//
// Where the warm build's memory went, by a heap profile taken where main
// bounds the collector (pipeline.Options.Loaded, after the first language
// is resolved; generator/memory.go sets the limit at two and a half times
// what is live then, and the peak follows the limit): 345 MB live, where
// the build outside git holds 78 MB. 157 MB were the site's Changes: each
// copied the history's items (368 bytes each, three values of which most
// are empty) and kept its URL, date, time and note as its own strings; a
// site.Change now points to the history's items and commit, and says the
// rest when asked. 105 MB were the history's changes, each decoded from
// the cache with its own copy of items that most changes share ("Source
// added: ...", "Summary revised"): the cache's items are now decoded once
// for all the changes encoded alike (itemTable), and a Change is its
// commit and items only. And while Compute ran, every job's current
// snapshots were made at planning and held until the last job had run:
// they are now made when the job runs, and let go with it. Live at the
// limit is now 156 MB; the 78 MB over the build outside git are the
// history's 400,000 changes (both languages, for the whole build) and the
// 200,000 of the site in the language being drawn, each with its anchor
// (a site.Change now shares one link to its record with the record's
// other changes: 364 MB at the peak, where it was 393 MB before).
//
// Where its processor time went, by perf on the warm build after ten
// prisoners changed (7,404 samples, before the last two changes named
// here): data/changes.json 7.7% (nearly half of it the parts' buffers,
// grown and then copied whole once more to end each 16 MB part, which
// package feed no longer does); the history's own 6.1%: each record's
// current snapshot, its texts read, and the SHA-256 of its inputs, to
// know its cached changes still hold, 3% (inputs now encodes into a
// buffer kept for the next record's), reading and writing the cache 1.2%,
// planning 0.8%, the cached changes 0.9%; the site's Changes 1%; the
// Changes sections of the pages within the drawing's 35%; the rest is
// what the build outside git does. So the warm build after an editor's
// commit is within a fifth of the build outside git, in processor time
// and in time, but for one pair of four that the load blurred; its peak
// memory is 1.65 times the build's outside git (364 MB to 220 MB), where
// it was 3.7 times.
//
// What remains cold: git unpacks the 200,000 blobs in about 4 processor
// seconds (git cat-file --batch --buffer of the 199,998 prisoners' blobs:
// 3.4 s of user and 0.75 s of system time; in pack order,
// --batch-all-objects --unordered, no less), which alone is a fifth of the
// build without history; each version is then decoded as Load decodes a
// file and reduced to its snapshot, some 50 to 100 microseconds a version
// on this machine, 10 to 11 processor seconds in all (a lighter decoder
// for the history alone, or one that decoded only the pieces a commit
// changed, could disagree with Load about a field, since Load checks each
// record whole, and show a change that was never made). So a build
// without a cache cannot add only a fifth: its floor, at this scale, is
// near +60% of the processor. The cache is what makes the history cheap:
// with it a build reads, decodes and compares only what the new commits
// changed, and serve, which reads the history once at start, starts as
// fast. When one commit changed every record (build-warm), each record's
// versions are compared again (2 to 3 processor seconds: its cached
// snapshots decoded, the file on disk named by its blob, the walk).
package history
