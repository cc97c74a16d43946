// Package build runs the whole pipeline (content, site, render, static
// files) and writes the result.
//
// Build writes into a fresh temporary folder beside the output folder and
// swaps it in with two renames only when everything succeeded, so a failed
// build leaves the previous output untouched byte for byte and readers
// never see a half-written site. It refuses an output folder that would
// destroy what it did not make: the site folder or a parent of it, a
// folder inside content/, templates/ or static/, or a non-empty folder
// without the Marker file every output holds.
//
// Check builds in memory, writes nothing, and follows every link and
// anchor of every page: a link to a missing file or anchor, a link that
// starts with "/" (it breaks under a subpath, on a mirror and from disk)
// and a link to a folder (it breaks from disk) are problems.
//
// Two builds of the same input are byte-identical: every list is sorted
// and no wall-clock time is written.
package build
