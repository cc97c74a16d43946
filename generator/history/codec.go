package history

// The cache file's encoding: numbers as varints, texts and bytes with
// their length, hashes in binary.

import (
	"bufio"
	"encoding/binary"
	"io"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
)

// An encoder appends values to b, and writes them to w (when not nil)
// whenever b grows long; bad is set by a value it cannot encode.
type encoder struct {
	b       []byte
	w       io.Writer
	written int64 // the bytes flushed to w
	bad     bool
}

// flush writes what b holds to w.
func (e *encoder) flush() {
	if e.w != nil {
		n, _ := e.w.Write(e.b)
		e.written += int64(n)
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

// oid encodes an object's name as its length and bytes, none as 0.
func (e *encoder) oid(o oid) {
	if o == (oid{}) {
		e.b = append(e.b, 0)
		return
	}
	n := o.size()
	e.b = append(e.b, byte(n))
	e.b = append(e.b, o[:n]...)
}

func (e *encoder) date(d content.Date) {
	if d == (content.Date{}) {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	for _, n := range []int{d.Year, int(d.Month), d.Day, int(d.Precision), int(d.End.Year), int(d.End.Month), int(d.End.Day), int(d.End.Precision)} {
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

// oid reads an object's name, as encoder.oid wrote it.
func (d *decoder) oid() oid {
	var o oid
	n := int(d.byte())
	if n != 0 && n != 20 && n != 32 || n > len(d.b) {
		d.bad, d.b = true, nil
		return o
	}
	copy(o[:], d.b[:n])
	d.b = d.b[n:]
	return o
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
		End: content.Bound{Year: int16(f[4]), Month: uint8(f[5]), Day: uint8(f[6]), Precision: content.Precision(f[7])}}
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// A streamDecoder reads what an encoder wrote from a stream of left bytes,
// as a decoder does from a slice: bad is set, and zero values returned,
// once it reads past the end or finds what no encoder writes.
type streamDecoder struct {
	r    *bufio.Reader
	left int64
	bad  bool
}

func (d *streamDecoder) fail() { d.bad, d.left = true, 0 }

func (d *streamDecoder) uvarint() uint64 {
	if d.bad {
		return 0
	}
	n, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.fail()
		return 0
	}
	d.left -= int64(uvarintLen(n))
	if d.left < 0 {
		d.fail()
		return 0
	}
	return n
}

// uvarintLen is the length of n's encoding.
func uvarintLen(n uint64) int {
	k := 1
	for ; n >= 0x80; n >>= 7 {
		k++
	}
	return k
}

// count reads a number of things to read, each at least a byte long.
func (d *streamDecoder) count() int {
	n := d.uvarint()
	if n > uint64(d.left) {
		d.fail()
		return 0
	}
	return int(n)
}

// full reads len(b) bytes into b.
func (d *streamDecoder) full(b []byte) {
	if d.bad || int64(len(b)) > d.left {
		d.fail()
		return
	}
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.fail()
		return
	}
	d.left -= int64(len(b))
}

func (d *streamDecoder) string() string {
	b := make([]byte, d.count())
	d.full(b)
	if d.bad {
		return ""
	}
	return string(b)
}

// oid reads an object's name, as encoder.oid wrote it.
func (d *streamDecoder) oid() oid {
	var o oid
	var n [1]byte
	d.full(n[:])
	if d.bad || n[0] != 0 && n[0] != 20 && n[0] != 32 {
		d.fail()
		return o
	}
	k := int(n[0])
	if b, err := d.r.Peek(k); err == nil && int64(k) <= d.left { // most often: without a copy through ReadFull
		copy(o[:], b)
		d.r.Discard(k)
		d.left -= int64(k)
		return o
	}
	d.full(o[:k])
	return o
}

func (d *streamDecoder) uint32() uint32 {
	var b [4]byte
	d.full(b[:])
	return binary.LittleEndian.Uint32(b[:])
}

func (d *streamDecoder) tag() [32]byte {
	var b [32]byte
	d.full(b[:])
	return b
}
