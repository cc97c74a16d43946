// Package content reads a briefing site's settings (site.toml) and records
// (content/) into typed values, and validates each record on its own.
//
// # Goals
//
//   - Every mistake an editor can make in a file is an error with its
//     file:line:col and a hint: unknown keys (with "did you mean"), wrong
//     types, missing required keys, values outside an enumeration, bad
//     slugs and file names, impossible dates and date orders, invalid
//     UTF-8, oversized files. All errors of a run are collected (ErrorList)
//     and returned at once as an Errors, sorted by Stage (a file that does
//     not parse, then wrong values, then references, then output), then by
//     file and position: an editor fixes the first thing they read, so
//     causes come before consequences.
//   - One message per mistake. A record whose file cannot be read or parsed
//     is still known by its slug (Set.Broken), so that references to it
//     and its translation add nothing to its one parse error; a record with
//     a wrong value is kept, so that references to it resolve.
//   - The schema is declared once (schema.go, Schemas): every key of every
//     kind, with its type, whether it is required, an example and what it
//     means. The decoder (decode.go) is held to it by a test; new's templates and
//     import's columns (package scaffold) are made from it; the data files
//     (package feed) and the README's field tables are tested against it.
//   - Nothing private leaves this package: the [private] table is never
//     decoded, records with publish = false (and drafts, unless asked for)
//     are reduced to a reason in Set.Withheld, and anonymous prisoners lose
//     every identifying field before Load returns.
//   - Nothing is read through a symbolic link: site.toml, content/,
//     templates/ and static/ and everything below them must be real files
//     and folders inside the site (links.go); Set.Static lists the files
//     of static/, which Markdown images must name.
//   - No control characters (control.go): NUL, ESC, a lone carriage return
//     or any other but tab and newline, raw in a file (Markdown included) or
//     written as an escape in a TOML string ("\u001b"), is an error at its
//     position: invisible in an editor, it would reach the data files and
//     terminals as a raw byte.
//   - Files are read in parallel from any fs.FS.
//   - A loaded site holds what later steps need, not the files: strings
//     are copied out of the files they were read from, and the long
//     Markdown texts (a record's body, its events' bodies, a statement's
//     context, a count's note) can be kept out of memory altogether:
//     with Options.Texts, a Markdown's Text of 256 bytes or more is
//     written to that temporary file and read back when it is used
//     (text.go). Build and check give one; serve, whose caches keep
//     records from one rebuild to the next, does not.
//
// # Non-goals
//
// References between records (a custody site, a prisoner: link) are
// resolved by package site, which sees every record; this package checks
// only what one file can tell.
//
// # Format
//
// Briefs and pages are Markdown files with TOML front matter between two
// lines of +++; the body keeps the file's line numbers. The other kinds
// are TOML files (a count, content/counts/, is a figure someone reported:
// Count). A Date keeps its precision: 2024-02-09 (a TOML date), "2024-02"
// or "2024" (strings), or is an interval of two of them,
// "2024-02-01/2024-02-09", that must end after it starts. No date may be
// before 1900 or more than a year after the figures' as-of date (site.toml's
// [figures] as_of, else Options.Today, else the day Load runs). See the
// README's editor's guide for every key of every kind.
//
// Positions of keys come from a scan of the TOML source (positions.go),
// since the decoder does not expose them; the decoded values come from
// github.com/BurntSushi/toml and are read into records by fields, which
// remembers every key it was asked for and reports the rest as unknown.
// Each error names the key it is about (Error.Key, "custody[0].site"), so
// that import can name the spreadsheet's column without reading the
// message.
package content
