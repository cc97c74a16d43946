package history

// The cache keeps, between builds, what reading the history found: the
// log up to the commit it was read at, and the snapshot of every version
// decoded, by the blobs it was decoded from. See the package comment.

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
)

// cacheMagic starts a cache file; the number changes with its layout.
const cacheMagic = "briefing history cache 1\n"

// A cache is the file that keeps one site folder's history between builds.
type cache struct {
	path     string
	identity [32]byte // the program's (see programIdentity)
	// What the file held, when it was valid; zero otherwise.
	prefix, head string
	log          *Log
	raw          map[string][]byte // the groups of versions, by groupKey
	results      map[string][]byte // each record's changes in a language, by resultKey
}

// openCache opens the cache of the site folder dir in the folder
// cacheDir. It is nil when there is none to use (the program's identity
// cannot be read); a file that is missing, damaged, or written by another
// program is not read, and is written anew.
func openCache(cacheDir, dir string) *cache {
	id, err := programIdentity()
	if err != nil {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	sum := sha256.Sum256([]byte(abs))
	c := &cache{path: filepath.Join(cacheDir, "history", hex.EncodeToString(sum[:12])), identity: id}
	data, err := os.ReadFile(c.path)
	if err != nil {
		return c
	}
	c.load(data)
	return c
}

// programIdentity is the SHA-256 of the running program: a snapshot is
// what this program's decoder and fields made of a version, and another
// build of the program may make another.
func programIdentity() ([32]byte, error) {
	var id [32]byte
	exe, err := os.Executable()
	if err != nil {
		return id, err
	}
	f, err := os.Open(exe)
	if err != nil {
		return id, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return id, err
	}
	copy(id[:], h.Sum(nil))
	return id, nil
}

// load reads a cache file's data: the magic, the program's identity, the
// body, and the SHA-256 of the body. Data that fails any check is left
// unread.
func (c *cache) load(data []byte) {
	rest, ok := bytes.CutPrefix(data, []byte(cacheMagic))
	if !ok || len(rest) < 64 || !bytes.Equal(rest[:32], c.identity[:]) {
		return
	}
	body, trailer := rest[32:len(rest)-32], rest[len(rest)-32:]
	if sum := sha256.Sum256(body); !bytes.Equal(trailer, sum[:]) {
		return
	}
	d := &decoder{b: body}
	prefix, head := d.string(), d.string()
	l := &Log{files: make(map[string][]step)}
	for range d.count() {
		hash, iso, note := d.string(), d.string(), d.string()
		t, err := time.Parse(time.RFC3339, iso)
		if err != nil {
			return
		}
		l.Commits = append(l.Commits, Commit{Hash: hash, Time: t, Note: note, iso: iso})
	}
	for range d.count() {
		p := d.string()
		n := d.count()
		steps := make([]step, 0, n)
		for range n {
			i := int(d.uvarint())
			if i >= len(l.Commits) {
				return
			}
			steps = append(steps, step{commit: i, blob: d.hash()})
		}
		l.files[p] = steps
	}
	raw, results := make(map[string][]byte), make(map[string][]byte)
	for _, m := range []map[string][]byte{raw, results} {
		for range d.count() {
			k := d.string()
			m[k] = d.bytes()
		}
	}
	if d.bad {
		return
	}
	c.prefix, c.head, c.log, c.raw, c.results = prefix, head, l, raw, results
}

// write writes the cache anew: the log l, and the groups of versions;
// unless changed is false (the log and every group are as the file holds
// them). A failure to write leaves the build as it is, without a cache for
// the next one.
func (c *cache) write(l *Log, groups, results map[string][]byte, changed bool) {
	if c == nil || !changed {
		return
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(c.path), ".tmp-*")
	if err != nil {
		return
	}
	sum := sha256.New()
	w := bufio.NewWriterSize(f, 1<<16)
	w.WriteString(cacheMagic)
	w.Write(c.identity[:])
	e := &encoder{w: io.MultiWriter(w, sum)}
	e.string(l.prefix)
	e.string(l.head)
	e.uvarint(uint64(len(l.Commits)))
	for _, cm := range l.Commits {
		e.string(cm.Hash)
		e.string(cm.iso)
		e.string(cm.Note)
	}
	paths := make([]string, 0, len(l.files))
	for p := range l.files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	e.uvarint(uint64(len(paths)))
	for _, p := range paths {
		e.string(p)
		e.uvarint(uint64(len(l.files[p])))
		for _, s := range l.files[p] {
			e.uvarint(uint64(s.commit))
			e.hash(s.blob)
		}
	}
	for _, m := range []map[string][]byte{groups, results} {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		e.uvarint(uint64(len(keys)))
		for _, k := range keys {
			e.string(k)
			e.bytes(m[k])
		}
	}
	e.flush()
	w.Write(sum.Sum(nil))
	err = w.Flush()
	if e.bad {
		err = errors.New("unwritable")
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), c.path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// groupKey names the versions of a record file, decoded alone (lang "")
// or with its translation into lang.
func groupKey(file, lang string) string { return file + "\x00" + lang }

// held returns the versions of a group that the cache holds, by their
// blobs; nil on a nil cache.
func (c *cache) held(file, lang string) map[[2]string]bool {
	if c == nil || c.raw[groupKey(file, lang)] == nil {
		return nil
	}
	d := &decoder{b: c.raw[groupKey(file, lang)]}
	held := make(map[[2]string]bool)
	for range d.count() {
		held[[2]string{d.hash(), d.hash()}] = true
	}
	if d.bad {
		return nil
	}
	return held
}

// group returns the snapshots of a group that the cache holds, by their
// blobs: a map of its own, which the caller adds to.
func (c *cache) group(file, lang string, fields []field) map[[2]string]snapshot {
	snaps := make(map[[2]string]snapshot)
	if c == nil || c.raw[groupKey(file, lang)] == nil {
		return snaps
	}
	d := &decoder{b: c.raw[groupKey(file, lang)]}
	var keys [][2]string
	for range d.count() {
		keys = append(keys, [2]string{d.hash(), d.hash()})
	}
	fps := make([]uint64, d.count())
	for i := range fps {
		fps[i] = d.uint64()
	}
	fp := func() uint64 {
		i := d.uvarint()
		if i >= uint64(len(fps)) {
			d.bad = true
			return 0
		}
		return fps[i]
	}
	var prev snapshot
	for _, k := range keys {
		if d.byte() == 0 {
			snaps[k] = nil
			continue
		}
		s := make(snapshot, len(fields))
		for i := range s {
			v := &s[i]
			how := d.byte()
			if how != whole && len(prev) != len(s) {
				d.bad = true
				break
			}
			switch how {
			case same:
				*v = prev[i]
				continue
			case whole:
				v.fp, v.code, v.date, v.n = fp(), d.string(), d.date(), int(d.varint())
			case longer:
				k := d.uvarint() // entries kept, not read
				if k > uint64(len(prev[i].list)) {
					d.bad = true
					break
				}
				v.list = prev[i].list[:k:k]
			default:
				d.bad = true
			}
			for range d.count() {
				var e entry
				e.key, e.rest = fp(), fp()
				from, to := d.date(), d.date()
				e.n = int(d.varint())
				v.list = append(v.list, e.withDates(from, to))
			}
		}
		if d.bad {
			break
		}
		snaps[k], prev = s, s
	}
	if d.bad {
		return make(map[[2]string]snapshot)
	}
	return snaps
}

// encodeGroup encodes the snapshots of the versions of a sequence: their
// blobs, the table of their fingerprints, and each snapshot, its
// fingerprints as indexes into the table (versions share most of them),
// each field as the same as in the snapshot before (same), as that one's
// list with entries added (longer), or whole.
func encodeGroup(seq []pair, snaps map[[2]string]snapshot, fields []field) []byte {
	var keys [][2]string
	seen := make(map[[2]string]bool)
	for _, p := range seq {
		if p.blobs[0] != "" && !seen[p.blobs] {
			seen[p.blobs] = true
			keys = append(keys, p.blobs)
		}
	}
	table := make(map[uint64]uint64)
	var fps []uint64
	var body encoder
	fp := func(f uint64) {
		i, ok := table[f]
		if !ok {
			i = uint64(len(fps))
			table[f] = i
			fps = append(fps, f)
		}
		body.uvarint(i)
	}
	var prev snapshot
	for _, k := range keys {
		s := snaps[k]
		if s == nil {
			body.b = append(body.b, 0)
			continue
		}
		body.b = append(body.b, 1)
		for i, v := range s {
			var p value
			if prev != nil {
				p = prev[i]
			}
			list := v.list
			switch {
			case prev != nil && v.fp == p.fp && v.code == p.code && v.date == p.date && v.n == p.n && slices.EqualFunc(v.list, p.list, sameEntry):
				body.b = append(body.b, same)
				continue
			case prev != nil && v.fp == p.fp && v.code == p.code && v.date == p.date && v.n == p.n &&
				len(p.list) > 0 && len(p.list) <= len(v.list) && slices.EqualFunc(v.list[:len(p.list)], p.list, sameEntry):
				body.b = append(body.b, longer)
				body.uvarint(uint64(len(p.list)))
				list = v.list[len(p.list):]
			default:
				body.b = append(body.b, whole)
				fp(v.fp)
				body.string(v.code)
				body.date(v.date)
				body.varint(int64(v.n))
			}
			body.uvarint(uint64(len(list)))
			for _, e := range list {
				fp(e.key)
				fp(e.rest)
				body.date(e.from())
				body.date(e.to())
				body.varint(int64(e.n))
			}
		}
		prev = s
	}
	var e encoder
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.hash(k[0])
		e.hash(k[1])
	}
	e.uvarint(uint64(len(fps)))
	for _, f := range fps {
		e.b = binary.LittleEndian.AppendUint64(e.b, f)
	}
	e.b = append(e.b, body.b...)
	return e.b
}

// resultKey names a record's changes in a language: its file's, in the
// site's language lang.
func resultKey(file, lang string) string { return file + "\x00" + lang }

// inputs is the SHA-256 of everything a record's changes in a language
// are made from but the notes (which walk's caller withholds, or not, each
// time): its sequence of versions, named by their commits and blobs, and
// its current record's snapshot, texts included.
func inputs(l *Log, tlang string, seq []pair, cur snapshot) [32]byte {
	var e encoder
	e.string(tlang)
	e.uvarint(uint64(len(seq)))
	for _, p := range seq {
		e.string(l.Commits[p.commit].Hash)
		e.string(p.blobs[0])
		e.string(p.blobs[1])
		e.b = append(e.b, boolByte(p.translationOnly))
	}
	for _, v := range cur {
		e.uvarint(v.fp)
		e.string(v.code)
		e.date(v.date)
		e.varint(int64(v.n))
		e.string(v.show)
		e.uvarint(uint64(len(v.list)))
		for _, x := range v.list {
			e.uvarint(x.key)
			e.uvarint(x.rest)
			e.date(x.from())
			e.date(x.to())
			e.varint(int64(x.n))
			e.string(x.show)
		}
	}
	return sha256.Sum256(e.b)
}

// encodeResult encodes a record's changes in a language, each by the
// index of its version in the sequence, after the inputs they were made
// from.
func encodeResult(in [32]byte, at []int, changes []*Change) []byte {
	e := encoder{b: append([]byte(nil), in[:]...)}
	e.uvarint(uint64(len(changes)))
	for i, c := range changes {
		e.uvarint(uint64(at[i]))
		e.uvarint(uint64(len(c.Items)))
		for _, it := range c.Items {
			e.string(string(it.Action))
			e.string(it.Field)
			for _, v := range []Value{it.Within, it.Old, it.New} {
				e.date(v.Date)
				e.string(v.Code)
				e.string(v.Text)
				e.b = append(e.b, boolByte(v.Number))
				if v.Ref == nil {
					e.b = append(e.b, 0)
				} else {
					e.b = append(e.b, 1)
					e.string(string(v.Ref.Kind))
					e.string(v.Ref.Slug)
				}
			}
		}
	}
	return e.b
}

// result returns a record's changes in a language as the cache holds
// them, when they were made from the same inputs; ok is false otherwise.
// Each change is given as the index of its version in the sequence.
func (c *cache) result(file, lang string, in [32]byte) (at []int, changes [][]Item, ok bool) {
	if c == nil {
		return nil, nil, false
	}
	b := c.results[resultKey(file, lang)]
	if len(b) < 32 || !bytes.Equal(b[:32], in[:]) {
		return nil, nil, false
	}
	d := &decoder{b: b[32:]}
	for range d.count() {
		at = append(at, int(d.uvarint()))
		items := make([]Item, d.count())
		for i := range items {
			it := &items[i]
			it.Action, it.Field = Action(d.string()), d.string()
			for _, v := range []*Value{&it.Within, &it.Old, &it.New} {
				v.Date, v.Code, v.Text, v.Number = d.date(), d.string(), d.string(), d.byte() == 1
				if d.byte() == 1 {
					v.Ref = &content.Ref{Kind: content.Kind(d.string()), Slug: d.string()}
				}
			}
		}
		changes = append(changes, items)
	}
	if d.bad {
		return nil, nil, false
	}
	return at, changes, true
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// How a field of a snapshot is encoded.
const (
	whole  = iota // every part of it
	same          // as the field of the version before
	longer        // as the list of the version before, with entries added
)

// An encoder appends values to b, and writes them to w (when not nil)
// whenever b grows long; bad is set by a value it cannot encode.
type encoder struct {
	b   []byte
	w   io.Writer
	bad bool
}

// flush writes what b holds to w.
func (e *encoder) flush() {
	if e.w != nil {
		e.w.Write(e.b)
		e.b = e.b[:0]
	}
}

func (e *encoder) grew() {
	if e.w != nil && len(e.b) >= 1<<16 {
		e.flush()
	}
}

func (e *encoder) uvarint(n uint64) { e.b = binary.AppendUvarint(e.b, n) }
func (e *encoder) varint(n int64)   { e.b = binary.AppendVarint(e.b, n) }
func (e *encoder) bytes(b []byte)   { e.uvarint(uint64(len(b))); e.b = append(e.b, b...); e.grew() }
func (e *encoder) string(s string)  { e.uvarint(uint64(len(s))); e.b = append(e.b, s...); e.grew() }

// hash encodes a blob's or commit's hexadecimal name as its bytes, "" as
// none.
func (e *encoder) hash(h string) {
	raw, err := hex.DecodeString(h)
	if err != nil || len(raw) > 255 {
		e.bad = true
		return
	}
	e.b = append(e.b, byte(len(raw)))
	e.b = append(e.b, raw...)
}

func (e *encoder) date(d content.Date) {
	if d == (content.Date{}) {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	for _, n := range []int{d.Year, int(d.Month), d.Day, int(d.Precision), d.End.Year, int(d.End.Month), d.End.Day, int(d.End.Precision)} {
		e.varint(int64(n))
	}
}

// A decoder reads what an encoder wrote; bad is set, and zero values
// returned, once it reads past the end or finds what no encoder writes.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) uvarint() uint64 {
	n, k := binary.Uvarint(d.b)
	if k <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return n
}

func (d *decoder) varint() int64 {
	n, k := binary.Varint(d.b)
	if k <= 0 {
		d.bad, d.b = true, nil
		return 0
	}
	d.b = d.b[k:]
	return n
}

// count reads a number of things to read, each at least a byte long.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.bad, d.b = true, nil
		return 0
	}
	return int(n)
}

func (d *decoder) bytes() []byte {
	n := d.count()
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *decoder) string() string { return string(d.bytes()) }

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uint64() uint64 {
	if len(d.b) < 8 {
		d.bad, d.b = true, nil
		return 0
	}
	n := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return n
}

func (d *decoder) hash() string {
	n := int(d.byte())
	if n > len(d.b) {
		d.bad, d.b = true, nil
		return ""
	}
	h := hex.EncodeToString(d.b[:n])
	d.b = d.b[n:]
	return h
}

func (d *decoder) date() content.Date {
	if d.byte() == 0 {
		return content.Date{}
	}
	var f [8]int
	for i := range f {
		f[i] = int(d.varint())
	}
	return content.Date{Year: f[0], Month: time.Month(f[1]), Day: f[2], Precision: content.Precision(f[3]),
		End: content.Bound{Year: f[4], Month: time.Month(f[5]), Day: f[6], Precision: content.Precision(f[7])}}
}
