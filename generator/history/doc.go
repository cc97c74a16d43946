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
// repository, clean, as CI checks it out), and reading and comparing the
// history alone (read-and-compare). On 2026-11-30, on the project's
// 2-core machine shared with other work (a load of 5 to 13, which moved
// even the processor time of one build by a fifth from run to run), in
// processor seconds over three runs: build-without 22 to 27, build-with 60
// to 68 (about +150%), build-warm 33 to 40 (+30% to +75%); reading and
// comparing alone 25. Before the decoder's and the data files' work was
// cut (see the git log), on the same machine: 22 to 23, 62 to 65, 37 to
// 44 (+60% to +90%). Measured again once the machine was quiet (one run
// each, the same day): build-without 15.0 s and 22.1 processor seconds,
// build-with 31.9 s and 54.3 (+112% of the time, +145% of the processor),
// build-warm 21.1 s and 27.7 (+40%, +25%). So the history does not yet
// add only a fifth, cold or warm.
//
// What remains: git unpacks the 200,000 blobs in about 4 processor
// seconds (git cat-file --batch, whatever the order or the number of
// processes); each version is decoded as Load decodes a file and reduced
// to its snapshot, some 100 microseconds a version on this machine, which
// is most of the rest of reading and comparing (a lighter decoder for the
// history alone could disagree with Load about a field, and show a change
// that was never made); and the history's own output, cold or warm, costs
// what any output costs: a Changes section on each record's page, 420,000
// rows of data/changes.json in two languages, the changes pages and the
// feeds, and the collector's work on all of it. The build without history
// already keeps both cores busy most of the time, so reading the history
// beside the content's loading would save little. With the cache a build
// reads, decodes and compares only what the new commits changed, and
// serve, which reads the history once at start, starts as fast.
package history
