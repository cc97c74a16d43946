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
	"sort"
	"time"
)

// cacheMagic starts a cache file; the number changes with its layout.
const cacheMagic = "briefing history cache 3\n"

// checksum is the table of the CRC-32C that a cache file's index and each
// of its bodies carry, which finds a part damaged (cut short, a byte
// changed) and which the processor computes itself: the SHA-256 of a
// cache of 10,000 records (25 MB) was a tenth of a second of every build
// that read it, and a cache is not written by anyone else than its
// owner's builds (see write).
var checksum = crc32.MakeTable(crc32.Castagnoli)

// A cache file is laid out so that a build reads only what it needs of it
// (see the package comment): the magic and the program's identity; the
// bodies, each a group of versions (encodeGroup) or a record's changes in
// a language (encodeResult), one after the other; the index, which holds
// the log and, for each body, its key, length, CRC-32C and what tells
// whether it is of use (see part); and the trailer, the index's length
// and CRC-32C, 8 and 4 bytes.
const (
	headerSize  = len(cacheMagic) + 32
	trailerSize = 12
)

// A cache is the file that keeps one site folder's history between builds.
type cache struct {
	path     string
	identity [32]byte // the program's (see programIdentity)
	// What the file held, when it was valid; zero otherwise.
	prefix, head string
	log          *Log
	file         *os.File        // open for its bodies, until the cache is written
	groups       map[string]part // the groups of versions, by groupKey
	results      map[string]part // each record's changes in a language, by resultKey
	items        itemTable       // the items of the changes results gave
}

// A part is a body of the cache: one in the file, read only when asked
// for (body), or one a build made, held until the cache is written.
type part struct {
	off int64 // its place in the file; -1 for one a build made
	n   int   // its length
	sum uint32
	// tag tells whether it is of use without reading it: for a group, the
	// SHA-256 of its versions' blobs (keysDigest), of which it holds
	// keys; for a result, the SHA-256 of the inputs it was made from.
	tag  [32]byte
	keys int
	b    []byte // a body a build made
}

// newPart makes the part of a body a build made.
func newPart(b []byte, tag [32]byte, keys int) part {
	return part{off: -1, n: len(b), sum: crc32.Checksum(b, checksum), tag: tag, keys: keys, b: b}
}

// same reports whether two parts hold the same body.
func (e part) same(o part) bool {
	return e.n == o.n && e.sum == o.sum && e.tag == o.tag && e.keys == o.keys
}

// body returns a part's body: the bytes a build made, or those the file
// holds, read now; nil when the file cannot give them as they were
// written.
func (c *cache) body(e part) []byte { return c.bodyInto(e, nil) }

// bodyInto is body, read into buf when it is long enough.
func (c *cache) bodyInto(e part, buf []byte) []byte {
	if e.off < 0 {
		return e.b
	}
	if c.file == nil {
		return nil
	}
	if cap(buf) < e.n {
		buf = make([]byte, e.n)
	}
	b := buf[:e.n]
	if _, err := c.file.ReadAt(b, e.off); err != nil || crc32.Checksum(b, checksum) != e.sum {
		return nil
	}
	return b
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
	f, err := os.Open(c.path)
	if err != nil {
		return c
	}
	if !c.load(f) {
		f.Close()
	}
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

// load reads a cache file's header, trailer and index, without its
// bodies, and reports whether it is valid: its magic, the program's
// identity, the index's CRC-32C, and its bodies' lengths adding up to
// the file's. The index is read as a stream, twice (its CRC-32C first,
// then what it holds), through a buffer of its own, rather than held
// whole: a build's heap is not grown by what it only reads once.
func (c *cache) load(f *os.File) bool {
	info, err := f.Stat()
	if err != nil || info.Size() < int64(headerSize+trailerSize) {
		return false
	}
	size := info.Size()
	var head [headerSize]byte
	var trailer [trailerSize]byte
	if _, err := f.ReadAt(head[:], 0); err != nil || string(head[:len(cacheMagic)]) != cacheMagic || !bytes.Equal(head[len(cacheMagic):], c.identity[:]) {
		return false
	}
	if _, err := f.ReadAt(trailer[:], size-trailerSize); err != nil {
		return false
	}
	n := binary.LittleEndian.Uint64(trailer[:8])
	if n > uint64(size-int64(headerSize+trailerSize)) {
		return false
	}
	start := size - trailerSize - int64(n)
	buf := make([]byte, 1<<16)
	sum := crc32.New(checksum)
	if _, err := io.CopyBuffer(sum, io.NewSectionReader(f, start, int64(n)), buf); err != nil || sum.Sum32() != binary.LittleEndian.Uint32(trailer[8:]) {
		return false
	}
	d := &streamDecoder{r: bufio.NewReaderSize(io.NewSectionReader(f, start, int64(n)), len(buf)), left: int64(n)}
	prefix, head_ := d.string(), d.string()
	l := &Log{}
	l.Commits = make([]Commit, 0, d.count())
	for range cap(l.Commits) {
		hash, iso, note := d.string(), d.string(), d.string()
		t, err := time.Parse(time.RFC3339, iso)
		if err != nil {
			return false
		}
		l.Commits = append(l.Commits, Commit{Hash: hash, Time: t, Note: note, iso: iso})
	}
	d.count() // the steps: the table of names is grown in chunks
	files := d.count()
	l.files = make(map[string][]step, files)
	for range files {
		p := d.string()
		k := d.count()
		steps := make([]step, 0, k)
		for range k {
			i := int(d.uvarint())
			if i >= len(l.Commits) {
				return false
			}
			steps = append(steps, step{commit: int32(i), blob: l.names.add(d.oid())})
		}
		l.files[p] = steps
	}
	off := int64(headerSize)
	var parts [2]map[string]part // the groups, the results
	for i := range parts {
		n := d.count()
		m := make(map[string]part, n)
		parts[i] = m
		for range n {
			k := d.string()
			n := d.uvarint()
			if n > uint64(start-off) {
				return false // past the bodies
			}
			e := part{off: off, n: int(n)}
			e.sum, e.tag = d.uint32(), d.tag()
			if i == 0 {
				keys := d.uvarint()
				if keys > n { // each key is at least two bytes of the body
					return false
				}
				e.keys = int(keys)
			}
			m[k] = e
			off += int64(e.n)
		}
	}
	if d.bad || d.left != 0 || off != start {
		return false
	}
	c.prefix, c.head, c.log, c.file, c.groups, c.results = prefix, head_, l, f, parts[0], parts[1]
	return true
}

// write writes the cache anew: the log l, the groups of versions and the
// results; unless changed is false (the log and every body are as the
// file holds them). A body the file holds is copied from it as it is,
// checked but not decoded (see writeTo). A failure to write leaves the
// build as it is, without a cache for the next one. The file read is
// closed.
func (c *cache) write(l *Log, groups, results map[string]part, changed bool) {
	if c == nil {
		return
	}
	if c.file != nil {
		defer c.file.Close()
	}
	if !changed {
		return
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o700); err != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(c.path), ".tmp-*")
	if err != nil {
		return
	}
	err = c.writeTo(f, l, groups, results)
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

// writeTo writes the cache file into f (see the layout above).
func (c *cache) writeTo(f *os.File, l *Log, groups, results map[string]part) error {
	w := bufio.NewWriterSize(f, 1<<16)
	w.WriteString(cacheMagic)
	w.Write(c.identity[:])
	var keys [2][]string
	for i, m := range []map[string]part{groups, results} {
		for k := range m {
			keys[i] = append(keys[i], k)
		}
		sort.Strings(keys[i])
	}
	// The bodies. Those of the file read are copied from it through one
	// buffer, read in long pieces (they mostly follow each other), each
	// checked by its CRC-32C on the way: a damaged one is left out, and
	// the next build makes it again.
	var old *bufio.Reader
	var at int64 // where old is in the file read
	for i, m := range []map[string]part{groups, results} {
		kept := keys[i][:0]
		for _, k := range keys[i] {
			e := m[k]
			if e.off < 0 {
				w.Write(e.b)
				kept = append(kept, k)
				continue
			}
			if c.file == nil {
				continue
			}
			if old == nil || e.off != at {
				r := io.NewSectionReader(c.file, e.off, 1<<62)
				if old == nil {
					old = bufio.NewReaderSize(r, 1<<20)
				} else {
					old.Reset(r)
				}
				at = e.off
			}
			var b []byte
			var err error
			if e.n <= old.Size() {
				b, err = old.Peek(e.n)
			} else {
				b = make([]byte, e.n)
				_, err = io.ReadFull(old, b)
			}
			if err != nil {
				old = nil // cut short: the next body is read anew, and fails alike
				continue
			}
			if crc32.Checksum(b, checksum) == e.sum {
				w.Write(b)
				kept = append(kept, k)
			}
			if e.n <= old.Size() {
				old.Discard(e.n)
			}
			at += int64(e.n)
		}
		keys[i] = kept
	}
	// The index.
	sum := crc32.New(checksum)
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
	steps := 0
	for p := range l.files {
		paths = append(paths, p)
		steps += len(l.files[p])
	}
	sort.Strings(paths)
	e.uvarint(uint64(steps))
	e.uvarint(uint64(len(paths)))
	for _, p := range paths {
		e.string(p)
		e.uvarint(uint64(len(l.files[p])))
		for _, s := range l.files[p] {
			e.uvarint(uint64(s.commit))
			e.oid(l.names.at(s.blob))
		}
	}
	for i, m := range []map[string]part{groups, results} {
		e.uvarint(uint64(len(keys[i])))
		for _, k := range keys[i] {
			x := m[k]
			e.string(k)
			e.uvarint(uint64(x.n))
			e.b = binary.LittleEndian.AppendUint32(e.b, x.sum)
			e.b = append(e.b, x.tag[:]...)
			if i == 0 {
				e.uvarint(uint64(x.keys))
			}
			e.grew()
		}
	}
	e.flush()
	var trailer [trailerSize]byte
	binary.LittleEndian.PutUint64(trailer[:8], uint64(e.written))
	binary.LittleEndian.PutUint32(trailer[8:], sum.Sum32())
	w.Write(trailer[:])
	if e.bad {
		return errors.New("unwritable")
	}
	return w.Flush()
}
