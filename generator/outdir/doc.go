// Package outdir is the output folder's safety: a build writes into a
// fresh temporary folder beside the output folder (Open) and swaps it in
// with two renames only when everything succeeded (Commit), so a failed
// build leaves the previous output untouched byte for byte and readers
// never see a half-written site.
//
// Open refuses an output folder that would destroy what the build did not
// make: the site folder or a parent of it, a folder inside content/,
// templates/ or static/, or a non-empty folder without the Marker file
// every output holds. An output folder that is a symbolic link is
// followed: the folder it leads to is the one swapped, so what a web
// server serves through the link is the new site.
//
// A Folder's writes fail once its context is done (main cancels it on
// SIGINT and SIGTERM), and Close removes the temporary folder. A build
// killed outright leaves that folder; the next Open removes it when the
// Marker inside, written when the folder is made, proves it a build's and
// names a process that no longer runs (leftovers.go).
//
// Files are written in three system calls each (writefile_unix.go) and
// each folder is made once, without asking first whether it exists: on a
// slow virtual disk the kernel's share of a build is mostly creating files
// and folders. A file whose bytes are those of the previous output's is
// hard-linked from it rather than written again (write.go).
package outdir
