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
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"
)

// cacheMagic starts a cache file; the number changes with its layout.
const cacheMagic = "briefing history cache 2\n"

// checksum is the table of the CRC-32C that ends a cache file, which finds
// a file damaged (cut short, a byte changed) and which the processor
// computes itself: the SHA-256 of a cache of 10,000 records (25 MB) was a
// tenth of a second of every build that read it, and a cache is not
// written by anyone else than its owner's builds (see write).
var checksum = crc32.MakeTable(crc32.Castagnoli)

// A cache is the file that keeps one site folder's history between builds.
type cache struct {
	path     string
	identity [32]byte // the program's (see programIdentity)
	// What the file held, when it was valid; zero otherwise.
	prefix, head string
	log          *Log
	raw          map[string][]byte // the groups of versions, by groupKey
	results      map[string][]byte // each record's changes in a language, by resultKey
	items        itemTable         // the items of the changes results gave
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
// body, and the CRC-32C of the body. Data that fails any check is left
// unread.
func (c *cache) load(data []byte) {
	rest, ok := bytes.CutPrefix(data, []byte(cacheMagic))
	if !ok || len(rest) < 36 || !bytes.Equal(rest[:32], c.identity[:]) {
		return
	}
	body, trailer := rest[32:len(rest)-4], rest[len(rest)-4:]
	if binary.LittleEndian.Uint32(trailer) != crc32.Checksum(body, checksum) {
		return
	}
	d := &decoder{b: body}
	prefix, head := d.string(), d.string()
	l := &Log{files: make(map[string][]step), names: []oid{{}}}
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
			steps = append(steps, step{commit: int32(i), blob: l.addName(d.oid())})
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
	sum := crc32.New(checksum)
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
			e.oid(l.names[s.blob])
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
	w.Write(binary.LittleEndian.AppendUint32(nil, sum.Sum32()))
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
func (c *cache) held(file, lang string) map[key]bool {
	if c == nil || c.raw[groupKey(file, lang)] == nil {
		return nil
	}
	d := &decoder{b: c.raw[groupKey(file, lang)]}
	held := make(map[key]bool)
	for range d.count() {
		held[key{d.oid(), d.oid()}] = true
	}
	if d.bad {
		return nil
	}
	return held
}

// group returns the snapshots of a group that the cache holds, by their
// blobs: a map of its own, which the caller adds to.
func (c *cache) group(file, lang string, fields []field) map[key]snapshot {
	snaps := make(map[key]snapshot)
	if c == nil || c.raw[groupKey(file, lang)] == nil {
		return snaps
	}
	d := &decoder{b: c.raw[groupKey(file, lang)]}
	var keys []key
	for range d.count() {
		keys = append(keys, key{d.oid(), d.oid()})
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
		return make(map[key]snapshot)
	}
	return snaps
}

// encodeGroup encodes the snapshots of the versions of a sequence: their
// blobs, the table of their fingerprints, and each snapshot, its
// fingerprints as indexes into the table (versions share most of them),
// each field as the same as in the snapshot before (same), as that one's
// list with entries added (longer), or whole.
//
// old, when not nil, is the group as the cache held it, made by
// encodeGroup from the same snapshots: when its versions are the first
// of the sequence's, in the same order (a record's history only grows),
// its table and snapshots are kept as they are and only the new versions
// are encoded after them, which gives the same bytes as encoding them all.
func encodeGroup(l *Log, seq []pair, snaps map[key]snapshot, fields []field, old []byte) []byte {
	var keys []key
	seen := make(map[key]bool)
	for _, p := range seq {
		if k := l.key(p); !k.deleted() && !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	g := &groupEncoder{table: make(map[uint64]uint64)}
	from := g.resume(old, keys, snaps)
	for _, k := range keys[from:] {
		g.add(snaps[k])
	}
	var e encoder
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.oid(k[0])
		e.oid(k[1])
	}
	e.uvarint(uint64(len(g.fps)))
	for _, f := range g.fps {
		e.b = binary.LittleEndian.AppendUint64(e.b, f)
	}
	e.b = append(e.b, g.body.b...)
	return e.b
}

// A groupEncoder encodes a group's snapshots one after the other.
type groupEncoder struct {
	table map[uint64]uint64 // the index of each fingerprint in fps
	fps   []uint64
	body  encoder
	prev  snapshot // the last snapshot encoded that was not nil
}

// resume takes up the encoding of old, a group that holds the first of
// keys (see encodeGroup), and returns how many of keys it holds; 0, and
// nothing taken, when it is not such a group.
func (g *groupEncoder) resume(old []byte, keys []key, snaps map[key]snapshot) int {
	if old == nil {
		return 0
	}
	d := &decoder{b: old}
	n := d.count()
	if n == 0 || n > len(keys) {
		return 0
	}
	for i := range n {
		if k := (key{d.oid(), d.oid()}); d.bad || k != keys[i] {
			return 0
		}
	}
	fps := make([]uint64, d.count())
	for i := range fps {
		fps[i] = d.uint64()
	}
	if d.bad {
		return 0
	}
	var prev snapshot
	for _, k := range keys[:n] {
		s, ok := snaps[k]
		if !ok {
			return 0
		}
		if s != nil {
			prev = s
		}
	}
	for i, f := range fps {
		g.table[f] = uint64(i)
	}
	g.fps, g.prev = fps, prev
	g.body.b = append(g.body.b, d.b...)
	return n
}

// add encodes a snapshot after the others.
func (g *groupEncoder) add(s snapshot) {
	body := &g.body
	fp := func(f uint64) {
		i, ok := g.table[f]
		if !ok {
			i = uint64(len(g.fps))
			g.table[f] = i
			g.fps = append(g.fps, f)
		}
		body.uvarint(i)
	}
	if s == nil {
		body.b = append(body.b, 0)
		return
	}
	body.b = append(body.b, 1)
	prev := g.prev
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
	g.prev = s
}

// How a field of a snapshot is encoded.
const (
	whole  = iota // every part of it
	same          // as the field of the version before
	longer        // as the list of the version before, with entries added
)
