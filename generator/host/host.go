// Package host knows the limits of the hosts the site is published on, and
// measures an output against them.
//
// Each host's documented limits are in Documented, with where each figure
// comes from and when it was read: the total bytes of a site, its number of
// files, the size of one file and the number of entries in one folder. A
// limit that a host does not document is zero and never checked. Measure
// sizes up an output (its files and their sizes); Check compares the
// measure with a host's limits, returning a problem for each limit broken
// and a warning for each limit passed 80 percent of.
//
// The figures change: when a host changes its limits, change the table and
// the README's table together (a test holds them equal).
//
// # Measured
//
// With two languages (benchcorpus -es: the interface in Spanish, the
// records untranslated, baseURL set), built with the program of
// go build ./generator, run as generator build in the corpus folder;
// files and bytes are the output's, archives included (measured
// 2026-11-30):
//
//	prisoners  pages   files    bytes    largest file                   archives
//	1,000      2,670   8,305    54.2 MB  6.5 MB (briefing-offline-es.zip)  2, 12.7 MB
//	10,000     26,538  52,145   528 MB   25.6 MB (an archive part)        6 parts, 115 MB
//	30,000     78,562  144,607  1.57 GB  25.9 MB (an archive part)        14 parts, 337 MB
//
// No file passes 25 MiB at any size: the offline archive comes in parts
// (package offline), and a data file or the sitemap past 16 MiB in
// numbered parts (package feed): at 30,000 prisoners data/timeline.json
// is three parts and data/prisoners.json two in each language, and the
// sitemap (78,562 addresses) an index of two.
// Next in size is each language's prisoners/ list, one page of every
// person (5.8 MB at 10,000 prisoners, about 580 bytes a person): it would
// pass 25 MiB near 45,000 prisoners. So 10,000 prisoners fit GitHub Pages
// (1 GB) and GitLab Pages and need Cloudflare's paid plan: even with
// [feeds] records = false, which drops a feed per prisoner and site in
// each language (about 20,000 files at 10,000 prisoners), they pass its
// free plan's 20,000 files.
//
// What repeats on every page (the head's tags, the header with its
// navigation, search box and language switch, and the footer) is 3.4 kB
// of a prisoner page's 7.9 kB: 90.6 MB of the 297 MB of pages at 10,000
// prisoners, 95.0 MB before the pages left their hreflang links to the
// sitemap. The rest is what readers see, what a copy on disk and the
// strict Content-Security-Policy need, or what sharing a page shows.
package host

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/presos-politicos/briefing/generator/i18n"
)

// A Host is a place to publish the site, with the limits its documentation
// gives. A zero limit is one the host does not document.
type Host struct {
	Name          string
	TotalBytes    int64  // the whole site
	TotalText     string // TotalBytes as the host writes it: "1 GB"
	Files         int    // files in the site
	FileBytes     int64  // one file
	FileText      string // FileBytes as the host writes it: "25 MiB"
	FolderEntries int    // files and folders directly in one folder
	FoldersCount  bool   // Files counts folders too
	Source        string // where the figures come from, and when they were read
}

// Documented are the hosts' limits as their documentation gave them on the
// dates in Source. GB and MB are decimal (10^9, 10^6 bytes), MiB binary
// (2^20): where a host writes "1 GB" the smaller reading is taken.
var Documented = []Host{
	{
		Name: "cloudflare-pages", Files: 100_000, FileBytes: 25 << 20, FileText: "25 MiB",
		Source: "developers.cloudflare.com/pages/platform/limits (paid plans: 100,000 files since 2026-01-23, changelog), read 2026-11-30",
	},
	{
		Name: "cloudflare-pages-free", Files: 20_000, FileBytes: 25 << 20, FileText: "25 MiB",
		Source: "developers.cloudflare.com/pages/platform/limits (free plan), read 2026-11-30",
	},
	{
		Name: "github-pages", TotalBytes: 1_000_000_000, TotalText: "1 GB",
		Source: "docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits (\"Published GitHub Pages sites may be no larger than 1 GB\"), read 2026-11-30",
	},
	{
		Name: "gitlab-pages", TotalBytes: 1_000_000_000, TotalText: "1 GB", Files: 200_000, FoldersCount: true,
		Source: "docs.gitlab.com/user/gitlab_com (GitLab.com: Pages site at most 1 GB and 200,000 entries, folders included; gitlab-org/gitlab issues 405048, 500273), read 2026-11-30",
	},
	{
		Name: "netlify", FolderEntries: 54_000,
		Source: "docs.netlify.com/site-deploys/overview (\"no limit on the number of files per deploy\", 54,000 files per folder; no size limit documented), read 2026-11-30",
	},
}

// Lookup returns the host of that name in a table.
func Lookup(table []Host, name string) (Host, bool) {
	for _, h := range table {
		if h.Name == name {
			return h, true
		}
	}
	return Host{}, false
}

// Names lists the hosts of a table, for messages: "a, b or c".
func Names(table []Host) string {
	var names []string
	for _, h := range table {
		names = append(names, h.Name)
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// A Measure is the size of an output.
type Measure struct {
	Bytes         int64
	Files         int
	Folders       int
	Largest       string // the largest file
	LargestBytes  int64
	Fullest       string // the folder with the most entries, "" for the top
	FolderEntries int
}

// MeasureFiles sizes up the files of an output, by their slash-separated names.
func MeasureFiles(sizes map[string]int64) Measure {
	var m Measure
	names := make([]string, 0, len(sizes))
	for n := range sizes {
		names = append(names, n)
	}
	sort.Strings(names) // the first of equals wins, whatever the map's order
	entries := make(map[string]map[string]bool)
	add := func(dir, entry string) {
		if entries[dir] == nil {
			entries[dir] = make(map[string]bool)
		}
		entries[dir][entry] = true
	}
	for _, n := range names {
		size := sizes[n]
		m.Bytes += size
		m.Files++
		if size > m.LargestBytes {
			m.Largest, m.LargestBytes = n, size
		}
		for p := n; p != "."; p = path.Dir(p) {
			add(path.Dir(p), path.Base(p))
		}
	}
	if len(entries) > 0 {
		m.Folders = len(entries) - 1 // the top folder is the site itself
	}
	dirs := make([]string, 0, len(entries))
	for d := range entries {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		if n := len(entries[d]); n > m.FolderEntries {
			m.Fullest, m.FolderEntries = d, n
		}
	}
	if m.Fullest == "." {
		m.Fullest = ""
	}
	return m
}

// warnAt is the share of a limit past which Check warns.
const warnAt = 0.8

// Check compares a measure with a host's limits: a problem for each limit
// broken, a warning for each passed 80 percent of.
func (h Host) Check(m Measure) (problems, warnings []string) {
	check := func(used, limit float64, broken, near string) {
		switch {
		case limit <= 0:
		case used > limit:
			problems = append(problems, broken)
		case used >= warnAt*limit:
			warnings = append(warnings, fmt.Sprintf("%s (%d%%)", near, int(100*used/limit)))
		}
	}
	check(float64(m.Bytes), float64(h.TotalBytes),
		fmt.Sprintf("%s bytes in all; %s allows %s (%s)", Thousands(m.Bytes), h.Name, Thousands(h.TotalBytes), h.TotalText),
		fmt.Sprintf("%s bytes in all, near the %s (%s) %s allows", Thousands(m.Bytes), Thousands(h.TotalBytes), h.TotalText, h.Name))
	files, what := m.Files, "files"
	if h.FoldersCount {
		files, what = m.Files+m.Folders, "files and folders"
	}
	check(float64(files), float64(h.Files),
		fmt.Sprintf("%s %s; %s allows %s", Thousands(int64(files)), what, h.Name, Thousands(int64(h.Files))),
		fmt.Sprintf("%s %s, near the %s %s allows", Thousands(int64(files)), what, Thousands(int64(h.Files)), h.Name))
	check(float64(m.LargestBytes), float64(h.FileBytes),
		fmt.Sprintf("%s is %s bytes; %s allows %s (%s) per file", m.Largest, Thousands(m.LargestBytes), h.Name, Thousands(h.FileBytes), h.FileText),
		fmt.Sprintf("%s is %s bytes, near the %s (%s) per file %s allows", m.Largest, Thousands(m.LargestBytes), Thousands(h.FileBytes), h.FileText, h.Name))
	folder := m.Fullest + "/"
	if m.Fullest == "" {
		folder = "the top folder"
	}
	check(float64(m.FolderEntries), float64(h.FolderEntries),
		fmt.Sprintf("%s holds %s entries; %s allows %s per folder", folder, Thousands(int64(m.FolderEntries)), h.Name, Thousands(int64(h.FolderEntries))),
		fmt.Sprintf("%s holds %s entries, near the %s per folder %s allows", folder, Thousands(int64(m.FolderEntries)), Thousands(int64(h.FolderEntries)), h.Name))
	return problems, warnings
}

// Thousands writes n with commas between thousands, as messages to
// editors write numbers: 48,727.
func Thousands(n int64) string { return i18n.Group(n, ",") }
