package feed

import (
	"fmt"
	"github.com/presos-politicos/briefing/generator/site"
	"path"
	"strings"
)

// The files that grow with the records (the data files and the sitemap)
// stay under the hosts' limit on one file (Cloudflare Pages allows 25 MiB,
// package host) at any size: a file that would pass PartBytes is written
// in numbered parts instead, each complete in itself and cut between
// records. data/timeline.json becomes data/timeline-1.json,
// data/timeline-2.json, ...: each part a JSON array of whole records, each
// CSV part with the byte-order mark and the header row, in the order the
// whole file would have listed them. A file that fits keeps its one name,
// so a small site's files do not change; the data page lists the parts
// (Write returns them) and says how they join. The sitemap is split the
// same way, and at 50,000 addresses, the sitemap protocol's limit: then
// sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml, ...

// PartBytes is the most bytes a data file or the sitemap holds before it
// is split: well under the smallest per-file limit of the hosts (25 MiB),
// and under the 80 percent of it at which check -host warns.
const PartBytes = 16 << 20

// Parts names the parts of each file written in parts, by the name the
// whole file would have had: "data/timeline.json": {"data/timeline-1.json",
// "data/timeline-2.json"}. A file written whole is not in it.
type Parts map[string][]string

// Files lists the files that stand for name: its parts, or name itself.
func (p Parts) Files(name string) []string {
	if parts, ok := p[name]; ok {
		return parts
	}
	return []string{name}
}

// partName names the i-th part of a file (from 1): data/timeline-2.json.
func partName(name string, i int) string {
	ext := path.Ext(name)
	return fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), i, ext)
}

// A span is where one record stands in a whole file's bytes: [start, end).
type span struct{ start, end int }

// cut groups records, in order, into runs whose bytes (with what each
// part adds, fixed) stay within limit, and of at most maxRecords records
// when that is not 0. A record too large for a part by itself is a part by
// itself. It returns the index of each run's first record.
func cut(spans []span, fixed, limit, maxRecords int) []int {
	var starts []int
	for i := range spans {
		if len(starts) > 0 {
			first := starts[len(starts)-1]
			size := fixed + spans[i].end - spans[first].start
			if size <= limit && (maxRecords == 0 || i-first < maxRecords) {
				continue
			}
		}
		starts = append(starts, i)
	}
	return starts
}

// A partWriter writes files whole, or in parts past its limit, and notes
// the parts.
type partWriter struct {
	out   site.Output
	limit int
	parts Parts
}

func newPartWriter(out site.Output, limit int) *partWriter {
	if limit <= 0 {
		limit = PartBytes
	}
	return &partWriter{out: out, limit: limit, parts: Parts{}}
}

// write writes whole, the bytes of name, when they fit; else it writes
// parts, each the head, a run of records (spans of whole) and the tail.
// It returns the names written.
func (w *partWriter) write(name string, whole []byte, spans []span, head, tail string, maxRecords int) ([]string, error) {
	if len(whole) <= w.limit && (maxRecords == 0 || len(spans) <= maxRecords) {
		return []string{name}, w.out.WriteFile(name, whole)
	}
	starts := cut(spans, len(head)+len(tail), w.limit, maxRecords)
	if len(starts) < 2 { // one record too large by itself: nothing to cut
		return []string{name}, w.out.WriteFile(name, whole)
	}
	var names []string
	for i, first := range starts {
		last := len(spans) - 1
		if i+1 < len(starts) {
			last = starts[i+1] - 1
		}
		body := whole[spans[first].start:spans[last].end]
		data := make([]byte, 0, len(head)+len(body)+len(tail))
		data = append(append(append(data, head...), body...), tail...)
		part := partName(name, i+1)
		if err := w.out.WriteFile(part, data); err != nil {
			return nil, err
		}
		names = append(names, part)
	}
	w.parts[name] = names
	return names, nil
}
