package feed

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/presos-politicos/briefing/generator/site"
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

// A partWriter writes files record by record, whole or in parts past its
// limit, and notes the parts. It holds one part at a time, never a whole
// file: the data files of a large site are far larger than a part. The
// part's buffer is written again for the next part and the next file,
// since an Output keeps no data: at 10,000 records with 20 changes each,
// a buffer of its own for each of data/changes.json's parts, each grown
// to 16 MB, was a tenth of a second of every language's build, most of it
// the system giving it fresh memory.
type partWriter struct {
	out   site.Output
	limit int
	parts Parts
	spare []byte // the buffer of the file closed last, for the next
}

func newPartWriter(out site.Output, limit int) *partWriter {
	if limit <= 0 {
		limit = PartBytes
	}
	return &partWriter{out: out, limit: limit, parts: Parts{}}
}

// A partFile is one file being written record by record: head, the
// records joined by sep, then tail. Records are added to the current part
// while it stays within the limit (head and tail included) and holds fewer
// than maxRecords records (when that is not 0); the next record starts a
// new part, and a record too large for a part by itself is a part by
// itself. A file that never needed a second part is written whole under
// its own name at close: none, when there were no records.
type partFile struct {
	w                     *partWriter
	name, head, sep, tail string
	none                  string
	maxRecords            int
	buf                   []byte // head and the current part's records
	n                     int    // records in the current part
	names                 []string
}

// begin starts the file name (see partFile).
func (w *partWriter) begin(name, head, sep, tail, none string, maxRecords int) *partFile {
	f := &partFile{w: w, name: name, head: head, sep: sep, tail: tail, none: none, maxRecords: maxRecords}
	f.buf, w.spare = append(w.spare[:0], head...), nil
	return f
}

// add adds one record, writing the current part first when the record
// does not fit in it.
func (f *partFile) add(rec []byte) error {
	if f.n > 0 && (len(f.buf)+len(f.sep)+len(rec)+len(f.tail) > f.w.limit || f.maxRecords > 0 && f.n == f.maxRecords) {
		part := partName(f.name, len(f.names)+1)
		if err := f.w.out.WriteFile(part, append(f.buf, f.tail...)); err != nil {
			return err
		}
		f.names = append(f.names, part)
		f.buf, f.n = append(f.buf[:0], f.head...), 0
	}
	if need := len(f.buf) + len(f.sep) + len(rec) + len(f.tail); need > cap(f.buf) {
		// Doubled, not grown by a quarter as append grows a large slice:
		// a part of data/changes.json, made of 100,000 records, would
		// otherwise be copied some 40 times as it grows to its limit.
		// With room for the tail, so that a full part is not copied
		// whole once more to end it.
		f.buf = slices.Grow(f.buf, max(need, min(2*cap(f.buf), f.w.limit))-len(f.buf))
	}
	if f.n > 0 {
		f.buf = append(f.buf, f.sep...)
	}
	f.buf = append(f.buf, rec...)
	f.n++
	return nil
}

// close writes the last part, or the whole file, and returns the names
// written.
func (f *partFile) close() ([]string, error) {
	data := append(f.buf, f.tail...)
	f.w.spare, f.buf = data[:0], nil
	if f.names == nil {
		if f.n == 0 {
			data = []byte(f.none)
		}
		return []string{f.name}, f.w.out.WriteFile(f.name, data)
	}
	part := partName(f.name, len(f.names)+1)
	if err := f.w.out.WriteFile(part, data); err != nil {
		return nil, err
	}
	f.names = append(f.names, part)
	f.w.parts[f.name] = f.names
	return f.names, nil
}
