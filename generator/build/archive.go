package build

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/render"
)

// MaxFileBytes is the size no file of the output may pass: Cloudflare
// Pages', the smallest per-file limit of the hosts (package host). Only the
// offline archive could; it is split to stay under it.
const MaxFileBytes = 25 << 20

// The offline archive, for readers who cannot rely on reaching the site:
// unzipped and opened from disk, every page, the timeline and search work.
//
// Each language has its own (briefing-offline-en.zip, briefing-offline-
// es.zip), holding its pages, search index, feeds and data files and the
// static files they share; its language switch leads out of it. An archive
// that would pass MaxFileBytes comes in numbered parts
// (briefing-offline-en-1-of-3.zip, ...) that unzip into the same folder:
// the first holds the language's home page, lists, timeline, search and
// data files, and the static files, and works by itself (when they fit in
// one part: the data page says whether they did); the others hold the
// record pages (each record's folder whole, in name order), which the
// lists link to once every part is unzipped. The data page of each
// language lists its parts and explains them; every footer links there.
//
// The parts are decided from the compressed size of each file once the
// language is drawn, but for its data page, which names the parts and is
// drawn last, into the first part, which keeps room for it
// (dataPageRoom).
//
// The sitemap, robots.txt, _headers and the 404 pages are for hosts, not
// for readers on disk: no archive holds them.

// archiveName is the name of a language's archive, or of one of its parts.
func archiveName(lang string, part, parts int) string {
	if parts == 1 {
		return "briefing-offline-" + lang + ".zip"
	}
	return fmt.Sprintf("briefing-offline-%s-%d-of-%d.zip", lang, part, parts)
}

// archiveFolder is the one folder every part of a language's archive
// unzips into, so that unzipping puts nothing loose beside the reader's
// own files and the parts join up.
func archiveFolder(lang string) string { return "briefing-offline-" + lang + "/" }

// dataPageRoom is what the first part keeps for the data page, drawn
// after the parts are decided: a data page is about 3 kB compressed.
const dataPageRoom = 64 << 10

// An archivePart is one file of a language's offline archive.
type archivePart struct {
	render.Archive
	folder string
	files  []string // in name order
}

// entryBytes is what a zip entry costs beside its compressed data: its local
// header and central directory record, each with the name and the
// modification time.
func entryBytes(folder, name string) int64 { return 128 + 2*int64(len(folder)+len(name)) }

// partOverhead is the end of a zip's central directory, zip64 included.
const partOverhead = 1 << 10

// recordFolder matches the folder of one record's page and feed.
var recordFolder = regexp.MustCompile(`^(?:briefs|prisoners|statements|sites)/[^/]+/`)

// planArchive splits a language's files (names from the site's root,
// without its data page) into parts of at most budget bytes once zipped,
// given each file's compressed size. The data page joins the first part.
func planArchive(lang, prefix string, names []string, dataPage string, size map[string]int64, budget int64) ([]archivePart, error) {
	folder := archiveFolder(lang)
	// The groups that stay together, in order: each file that is not a
	// record's on its own, first; then each record's folder.
	type group struct {
		names []string
		bytes int64
	}
	var core, records []*group
	byFolder := make(map[string]*group)
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	for _, n := range sorted {
		cost := size[n] + entryBytes(folder, n)
		if f := recordFolder.FindString(strings.TrimPrefix(n, prefix)); f != "" && strings.HasPrefix(n, prefix) {
			g := byFolder[f]
			if g == nil {
				g = &group{}
				byFolder[f] = g
				records = append(records, g)
			}
			g.names = append(g.names, n)
			g.bytes += cost
			continue
		}
		core = append(core, &group{names: []string{n}, bytes: cost})
	}
	var parts []archivePart
	used := int64(0)
	alone := true
	for i, g := range append(core, records...) {
		if g.bytes > budget-partOverhead-dataPageRoom {
			return nil, fmt.Errorf("the offline archive cannot hold %s: %s bytes compressed, more than one part may (%s bytes)", g.names[0], thousands(g.bytes), thousands(budget))
		}
		if i == 0 || used+g.bytes > budget {
			if i > 0 && i < len(core) {
				alone = false
			}
			parts = append(parts, archivePart{folder: folder})
			used = partOverhead
			if i == 0 {
				used += dataPageRoom
			}
		}
		p := &parts[len(parts)-1]
		p.files = append(p.files, g.names...)
		p.Bytes += g.bytes
		used += g.bytes
	}
	if len(parts) == 0 {
		parts = append(parts, archivePart{folder: folder})
	}
	parts[0].Alone = alone
	parts[0].files = append(parts[0].files, dataPage)
	parts[0].Bytes += dataPageRoom / 16 // about the data page
	for i := range parts {
		parts[i].Part, parts[i].Parts = i+1, len(parts)
		parts[i].Name = archiveName(lang, i+1, len(parts))
		parts[i].Bytes += partOverhead
		sort.Strings(parts[i].files)
	}
	return parts, nil
}

func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// archiveMembers are the files of the site a language's archive holds:
// the language's own (under its prefix, or, for the default language,
// under no other language's) and the static files every language shares.
func archiveMembers(all []string, cfg *content.Config, lang string, static map[string]bool) []string {
	prefix := cfg.Prefix(lang)
	var out []string
	for _, n := range all {
		switch {
		case path.Base(n) == "404.html":
			continue // hosts serve it, with absolute links
		case static[n]:
		case prefix != "" && !strings.HasPrefix(n, prefix):
			continue
		case prefix == "" && otherLanguage(cfg, n):
			continue
		}
		out = append(out, n)
	}
	return out
}

func otherLanguage(cfg *content.Config, name string) bool {
	for _, l := range cfg.Languages[1:] {
		if strings.HasPrefix(name, cfg.Prefix(l.Code)) {
			return true
		}
	}
	return false
}

// An archiver is an output that can say how large each of its files is
// once compressed, and keeps the archives' plans until they are written.
type archiver interface {
	render.Output
	compressedSizes() map[string]int64
	addArchive(parts []archivePart)
}

// compressedSizes compresses every file held, on every core, to measure it.
func (f *files) compressedSizes() map[string]int64 {
	f.mu.Lock()
	names := make([]string, 0, len(f.m))
	for n := range f.m {
		names = append(names, n)
	}
	f.mu.Unlock()
	out := make(map[string]int64, len(names))
	var mu sync.Mutex
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for n := range jobs {
				f.mu.Lock()
				data := f.m[n]
				f.mu.Unlock()
				h := compress(&buf, n, data)
				mu.Lock()
				out[n] = int64(h.CompressedSize64)
				mu.Unlock()
			}
		}()
	}
	for _, n := range names {
		jobs <- n
	}
	close(jobs)
	wg.Wait()
	return out
}

func (f *files) addArchive(parts []archivePart) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.archives = append(f.archives, parts...)
}

// compressedSizes are those the spool measured as the files were written.
func (d *dir) compressedSizes() map[string]int64 {
	d.spool.mu.Lock()
	defer d.spool.mu.Unlock()
	out := make(map[string]int64, len(d.spool.entries))
	for n, e := range d.spool.entries {
		out[n] = int64(e.header.CompressedSize64)
	}
	return out
}

func (d *dir) addArchive(parts []archivePart) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.archives = append(d.archives, parts...)
}

// planLanguage decides the parts of a language's archive from the
// compressed sizes of the site's files (the language drawn but for its
// data page) and tells the data page. budget is the most bytes one part
// may hold.
func planLanguage(sizes map[string]int64, cfg *content.Config, lang string, static map[string]bool, dataPage *render.Page, budget int64) ([]archivePart, error) {
	all := make([]string, 0, len(sizes))
	for n := range sizes {
		all = append(all, n)
	}
	parts, err := planArchive(lang, cfg.Prefix(lang), archiveMembers(all, cfg, lang, static), dataPage.Path, sizes, budget)
	if err != nil {
		return nil, err
	}
	dataPage.Archives = nil
	for _, p := range parts {
		dataPage.Archives = append(dataPage.Archives, p.Archive)
	}
	return parts, nil
}

// isArchive reports whether a file is one of the offline archives.
func isArchive(name string) bool {
	return strings.HasPrefix(name, "briefing-offline-") && path.Ext(name) == ".zip" && !strings.Contains(name, "/")
}
