package history

// A record's versions, oldest first, and the walk that compares each
// published one with the published one before it.

import (
	"crypto/sha1"
	"crypto/sha256"
	"hash"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// A pair is a record's version as one commit left it: the blobs of its
// original and, where it has one, its translation; none for a file the
// commit had deleted, or that did not exist. It holds no pointer, and
// names its blobs by their places in the log's table (see blobID): the
// jobs hold every record's pairs until they run.
type pair struct {
	commit int32
	blobs  [2]blobID
	// translationOnly is true when the commit changed the translation and
	// not the original.
	translationOnly bool
}

// A key names a version by the names of its blobs (see pair): the cache
// keeps its versions by them, and two pairs of the same blobs are the
// same version.
type key [2]oid

// key returns the names of a pair's blobs.
func (l *Log) key(p pair) key { return key{l.names.at(p.blobs[0]), l.names.at(p.blobs[1])} }

// deleted reports whether a version's original was deleted, or did not
// exist: it has no snapshot.
func (k key) deleted() bool { return k[0] == oid{} }

// pairs merges the steps of a record's original and of its translation,
// commit by commit.
func pairs(orig, trans []step) []pair {
	out := make([]pair, 0, len(orig))
	oi, ti := 0, 0
	var ob, tb blobID
	for oi < len(orig) || ti < len(trans) {
		c, origChanged := int32(-1), false
		switch {
		case ti >= len(trans) || oi < len(orig) && orig[oi].commit <= trans[ti].commit:
			c = orig[oi].commit
		default:
			c = trans[ti].commit
		}
		for oi < len(orig) && orig[oi].commit == c {
			ob = orig[oi].blob
			oi++
			origChanged = true
		}
		for ti < len(trans) && trans[ti].commit == c {
			tb = trans[ti].blob
			ti++
		}
		out = append(out, pair{commit: c, blobs: [2]blobID{ob, tb}, translationOnly: !origChanged})
	}
	return out
}

// onDisk reports whether the record file, and its translation into lang
// when lang is not "", are on disk under dir as the blobs name them: the
// blobs of their text are named alike (git hash-object).
func onDisk(dir, file, lang string, blobs key) bool {
	names := []string{file, ""}
	if lang != "" {
		ext := path.Ext(file)
		names[1] = strings.TrimSuffix(file, ext) + "." + lang + ext
	}
	for i, name := range names {
		if name == "" {
			if blobs[i] != (oid{}) {
				return false
			}
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || blobs[i] == (oid{}) || blobName(data, blobs[i].size()) != blobs[i] {
			return false
		}
	}
	return true
}

// blobName is the name git gives a blob of data: the SHA-1 of its header
// and data, or in a repository of SHA-256 names (size 32) the SHA-256.
func blobName(data []byte, size int) oid {
	var h hash.Hash
	if size == 32 {
		h = sha256.New()
	} else {
		h = sha1.New()
	}
	h.Write(strconv.AppendInt([]byte("blob "), int64(len(data)), 10))
	h.Write([]byte{0})
	h.Write(data)
	var o oid
	h.Sum(o[:0])
	return o
}

// countVersions counts the different versions of a sequence that a file
// held (not those deleted).
func countVersions(l *Log, seq []pair) int {
	seen := make(map[key]bool)
	for _, p := range seq {
		if p.blobs[0] != 0 {
			seen[l.key(p)] = true
		}
	}
	return len(seen)
}

// version is a record as a commit left it, reduced to what is compared:
// nil when it was not published (deleted, unpublished, a draft, or it did
// not decode).
type version struct {
	commit          int
	snap            snapshot
	translated      bool // decoded with a translation
	translationOnly bool
}

// versions gives each version of a sequence its snapshot.
func versions(l *Log, seq []pair, snaps map[key]snapshot) []version {
	out := make([]version, len(seq))
	for i, p := range seq {
		out[i] = version{commit: int(p.commit), translated: p.blobs[1] != 0, translationOnly: p.translationOnly}
		if p.blobs[0] != 0 {
			out[i].snap = snaps[l.key(p)]
		}
	}
	return out
}

// walk compares each published version with the last published one
// before it: the first is the record's publication, and what changed
// while the record was not published shows, if at all, as one change on
// the day it was published again. In a language other than the
// original's, the version that brings (or drops) the translation is
// compared with nothing: a translation is not a change of fact; a commit
// that changes only the translation shows only its revised texts.
//
// It returns the changes, and the index in seq of the version of each.
func walk(l *Log, fields []field, seq []version, cur snapshot, quiet map[int]bool) ([]*Change, []int) {
	var texts []field
	var textCur snapshot
	for i, f := range fields {
		if f.typ == prose {
			texts = append(texts, f)
			textCur = append(textCur, cur[i])
		}
	}
	proseOf := func(s snapshot) snapshot {
		var out snapshot
		for i, f := range fields {
			if f.typ == prose {
				out = append(out, s[i])
			}
		}
		return out
	}
	var out []*Change
	var at []int
	var last *version
	for i := range seq {
		v := &seq[i]
		if v.snap == nil {
			continue
		}
		var items []Item
		switch {
		case last == nil:
			items = []Item{{Action: Published}}
		case last.translated != v.translated:
		case v.translationOnly:
			items = diff(texts, proseOf(last.snap), proseOf(v.snap), textCur)
		default:
			items = diff(fields, last.snap, v.snap, cur)
		}
		last = v
		if len(items) == 0 {
			continue
		}
		out = append(out, change(l, v.commit, items, quiet))
		at = append(at, i)
	}
	return out, at
}

// change makes a record's change in a commit, its note withheld when the
// commit is quiet.
func change(l *Log, commit int, items []Item, quiet map[int]bool) *Change {
	c := changeOf(l, commit, items, quiet)
	return &c
}

// changeOf is change, as a value.
func changeOf(l *Log, commit int, items []Item, quiet map[int]bool) Change {
	c := &l.Commits[commit]
	if quiet[commit] && c.Note != "" {
		cc := *c
		cc.Note = ""
		c = &cc
	}
	return Change{Commit: c, Items: items}
}
