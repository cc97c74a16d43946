package history

// The cache's first part: the snapshots decoded from each record file's
// versions, in groups (a file alone, or with its translation into a
// language), each field of a snapshot encoded as the same as in the one
// before, as that one's list with entries added, or whole (encodeGroup),
// so that a build decodes from git only the versions no build before it
// decoded. The file that holds both parts, its index and its checks, is
// cache.go; the second part, each record's changes, cache_results.go.

import (
	"crypto/sha256"
	"encoding/binary"
	"slices"
)

// groupKey names the versions of a record file, decoded alone (lang "")
// or with its translation into lang.
func groupKey(file, lang string) string { return file + "\x00" + lang }

// distinctKeys returns the keys of the versions of a sequence that a
// file held, each once, in the order of the sequence: the order of a
// group's (encodeGroup). They are appended to keys.
func distinctKeys(l *Log, seq []pair, keys []key) []key {
	for _, p := range seq {
		if k := l.key(p); !k.deleted() && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// keysDigest is the SHA-256 of a group's keys, encoded as its body
// begins (encodeGroup).
func keysDigest(keys []key) [32]byte {
	var buf [1024]byte
	e := encoder{b: buf[:0]}
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		e.oid(k[0])
		e.oid(k[1])
	}
	return sha256.Sum256(e.b)
}

// held returns the versions of a sequence that the cache's group holds,
// of keys (distinctKeys): a group holds the first of a record's versions
// (its history only grows), and its part says how many and their
// digest, so that nothing is read from the file. None when the group is
// of other versions (the history was rewritten), and on a nil cache.
func (c *cache) held(file, lang string, keys []key) []key {
	if c == nil {
		return nil
	}
	e, ok := c.groups[groupKey(file, lang)]
	if !ok || e.keys > len(keys) || keysDigest(keys[:e.keys]) != e.tag {
		return nil
	}
	return keys[:e.keys]
}

// group returns the snapshots of a group that the cache holds, by their
// blobs: a map of its own, which the caller adds to; and the group's
// body, read from the file now, when it gave them (nil otherwise).
func (c *cache) group(file, lang string, fields []field) (map[key]snapshot, []byte) {
	snaps := make(map[key]snapshot)
	if c == nil {
		return snaps, nil
	}
	e, ok := c.groups[groupKey(file, lang)]
	if !ok {
		return snaps, nil
	}
	b := c.body(e)
	if b == nil {
		return snaps, nil
	}
	d := &decoder{b: b}
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
		return make(map[key]snapshot), nil
	}
	return snaps, b
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
