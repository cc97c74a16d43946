package history

// The cache's second part: each record's changes in each language, kept
// with the SHA-256 of what they were made from, so that a record no new
// commit touched is not compared again.

import (
	"bytes"
	"crypto/sha256"
	"sync"

	"github.com/presos-politicos/briefing/generator/content"
)

// resultKey names a record's changes in a language: its file's, in the
// site's language lang.
func resultKey(file, lang string) string { return file + "\x00" + lang }

// inputs is the SHA-256 of everything a record's changes in a language
// are made from but the notes (which walk's caller withholds, or not, each
// time): its sequence of versions, named by their commits and blobs, and
// its current record's snapshot, texts included.
func inputs(l *Log, tlang string, seq []pair, cur snapshot) [32]byte {
	buf := inputsBuffers.Get().(*[]byte)
	e := encoder{b: (*buf)[:0]}
	defer func() { *buf = e.b; inputsBuffers.Put(buf) }()
	e.string(tlang)
	e.uvarint(uint64(len(seq)))
	for _, p := range seq {
		e.string(l.Commits[p.commit].Hash)
		k := l.key(p)
		e.oid(k[0])
		e.oid(k[1])
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

// inputsBuffers keep the buffers inputs encodes into, for the next
// record's: at 10,000 records in two languages, each grown anew was a
// few processor tenths of a second of a warm build.
var inputsBuffers = sync.Pool{New: func() any { return new([]byte) }}

// encodeResult encodes a record's changes in a language, each by the
// index of its version in the sequence and its items as one block (so
// that result can share the items of changes alike without decoding
// them), after the inputs they were made from.
func encodeResult(in [32]byte, at []int, changes []*Change) []byte {
	e := encoder{b: append([]byte(nil), in[:]...)}
	e.uvarint(uint64(len(changes)))
	var items encoder
	for i, c := range changes {
		e.uvarint(uint64(at[i]))
		items.b = items.b[:0]
		writeItems(&items, c.Items)
		e.bytes(items.b)
	}
	return e.b
}

// writeItems writes the items of a change, as readItems reads them.
func writeItems(e *encoder, items []Item) {
	e.uvarint(uint64(len(items)))
	for _, it := range items {
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

// result returns a record's changes in a language as the cache holds
// them, when they were made from the same inputs; ok is false otherwise.
// Each change is given as the index of its version in the sequence. The
// items of changes alike are one slice, shared (see itemTable): read only.
func (c *cache) result(file, lang string, in [32]byte) (at []int, changes [][]Item, ok bool) {
	if c == nil {
		return nil, nil, false
	}
	e, ok := c.results[resultKey(file, lang)]
	if !ok || e.tag != in {
		return nil, nil, false
	}
	buf := resultBuffers.Get().(*[]byte)
	defer resultBuffers.Put(buf)
	b := c.bodyInto(e, *buf)
	if e.off >= 0 && b != nil {
		*buf = b[:0] // a buffer of the pool's, not a body a build made
	}
	if len(b) < 32 || !bytes.Equal(b[:32], in[:]) {
		return nil, nil, false
	}
	d := &decoder{b: b[32:]}
	n := d.count()
	at, changes = make([]int, 0, n), make([][]Item, 0, n)
	for range n {
		at = append(at, int(d.uvarint()))
		block := d.bytes()
		if d.bad {
			return nil, nil, false
		}
		items, ok := c.items.shared(block)
		if !ok {
			return nil, nil, false
		}
		changes = append(changes, items)
	}
	if d.bad {
		return nil, nil, false
	}
	return at, changes, true
}

// resultBuffers keep the buffers a result's body is read into, for the
// next: what is kept of it is copied (readItems, itemTable).
var resultBuffers = sync.Pool{New: func() any { return new([]byte) }}

// An itemTable holds the items of every change the cache gave, decoded
// once for all the changes encoded alike: at 10,000 records with 20
// changes each in two languages, most say the same ("Status changed from
// detained to released", "Summary revised", "Source added: Amnesty
// International"), and each decoded anew would hold its own copy of the
// same values for the whole build. Safe for concurrent use.
type itemTable struct {
	mu sync.Mutex
	by map[string][]Item // by their encoding
}

// shared returns the items encoded as b; ok is false when b is not such
// an encoding.
func (t *itemTable) shared(b []byte) (items []Item, ok bool) {
	t.mu.Lock()
	items, ok = t.by[string(b)]
	t.mu.Unlock()
	if ok {
		return items, true
	}
	d := &decoder{b: b}
	items = readItems(d)
	if d.bad || len(d.b) > 0 {
		return nil, false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.by == nil {
		t.by = make(map[string][]Item)
	}
	if got, ok := t.by[string(b)]; ok {
		return got, true
	}
	t.by[string(b)] = items
	return items, true
}

// readItems reads the items of a change, as writeItems wrote them.
func readItems(d *decoder) []Item {
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
	return items
}
