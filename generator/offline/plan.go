package offline

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/host"
	"github.com/presos-politicos/briefing/generator/render"
)

// MaxFileBytes is the size no file of the output may pass: Cloudflare
// Pages', the smallest per-file limit of the hosts (package host). Only the
// offline archive could; it is split to stay under it.
const MaxFileBytes = 25 << 20

// Name is the name of a language's archive, or of one of its parts.
func Name(lang string, part, parts int) string {
	if parts == 1 {
		return "briefing-offline-" + lang + ".zip"
	}
	return fmt.Sprintf("briefing-offline-%s-%d-of-%d.zip", lang, part, parts)
}

// Folder is the one folder every part of a language's archive
// unzips into, so that unzipping puts nothing loose beside the reader's
// own files and the parts join up.
func Folder(lang string) string { return "briefing-offline-" + lang + "/" }

// dataPageRoom is what the first part keeps for the data page, drawn
// after the parts are decided: a data page is about 3 kB compressed.
const dataPageRoom = 64 << 10

// A Part is one file of a language's offline archive.
type Part struct {
	render.Archive
	Folder string   // the folder every part unzips into
	Files  []string // the files it holds, by their names in the site, in name order
}

// entryBytes is what a zip entry costs beside its compressed data: its local
// header and central directory record, each with the name and the
// modification time.
func entryBytes(folder, name string) int64 { return 128 + 2*int64(len(folder)+len(name)) }

// partOverhead is the end of a zip's central directory, zip64 included.
const partOverhead = 1 << 10

// recordFolder matches the folder of one record's page and feed.
var recordFolder = regexp.MustCompile(`^(?:briefs|prisoners|statements|sites)/[^/]+/`)

// Plan splits a language's files (names from the site's root,
// without its data page) into parts of at most budget bytes once zipped,
// given each file's compressed size. The data page joins the first part.
func Plan(lang, prefix string, names []string, dataPage string, size func(name string) int64, budget int64) ([]Part, error) {
	folder := Folder(lang)
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
		cost := size(n) + entryBytes(folder, n)
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
	var parts []Part
	used := int64(0)
	alone := true
	for i, g := range append(core, records...) {
		if g.bytes > budget-partOverhead-dataPageRoom {
			return nil, fmt.Errorf("the offline archive cannot hold %s: %s bytes compressed, more than one part may (%s bytes)", g.names[0], host.Thousands(g.bytes), host.Thousands(budget))
		}
		if i == 0 || used+g.bytes > budget {
			if i > 0 && i < len(core) {
				alone = false
			}
			parts = append(parts, Part{Folder: folder})
			used = partOverhead
			if i == 0 {
				used += dataPageRoom
			}
		}
		p := &parts[len(parts)-1]
		p.Files = append(p.Files, g.names...)
		p.Bytes += g.bytes
		used += g.bytes
	}
	if len(parts) == 0 {
		parts = append(parts, Part{Folder: folder})
	}
	parts[0].Alone = alone
	parts[0].Files = append(parts[0].Files, dataPage)
	parts[0].Bytes += dataPageRoom / 16 // about the data page
	for i := range parts {
		parts[i].Part, parts[i].Parts = i+1, len(parts)
		parts[i].Name = Name(lang, i+1, len(parts))
		parts[i].Bytes += partOverhead
		sort.Strings(parts[i].Files)
	}
	return parts, nil
}

// Members are the files of the site a language's archive holds:
// the language's own (under its prefix, or, for the default language,
// under no other language's) and the static files every language shares.
func Members(all []string, cfg *content.Config, lang string, static map[string]bool) []string {
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

// ForLanguage decides the parts of a language's archive from the files
// spooled (the site's, the language drawn but for its data page) and
// their compressed sizes, and tells the data page. budget is the most
// bytes one part may hold. The spool is asked for each size, not for a
// copy of them all: at 100,000 prisoners that copy was a map of every
// file of the site, made for each language.
func ForLanguage(spool *Spool, cfg *content.Config, lang string, static map[string]bool, dataPage *render.Page, budget int64) ([]Part, error) {
	parts, err := Plan(lang, cfg.Prefix(lang), Members(spool.Names(), cfg, lang, static), dataPage.Path, spool.Size, budget)
	if err != nil {
		return nil, err
	}
	dataPage.Archives = nil
	for _, p := range parts {
		dataPage.Archives = append(dataPage.Archives, p.Archive)
	}
	return parts, nil
}

// IsArchive reports whether a file is one of the offline archives.
func IsArchive(name string) bool {
	return strings.HasPrefix(name, "briefing-offline-") && path.Ext(name) == ".zip" && !strings.Contains(name, "/")
}
