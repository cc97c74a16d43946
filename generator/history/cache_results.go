package history

// The cache's second part: each record's changes in each language, kept
// with the SHA-256 of what they were made from, so that a record no new
// commit touched is not compared again.

import (
	"bytes"
	"crypto/sha256"

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
