package history

// Running a job, once it has its blobs (compute.go): a record's changes
// in each language from the cache when it holds them, else its versions
// (each snapshot from the cache, from the file on disk, or decoded from
// the blobs read) compared; and, once every job has run, the cache
// written anew.

import (
	"context"
	"slices"

	"github.com/presos-politicos/briefing/generator/content"
)

// A work is a language's work on a record: its current snapshot, and the
// inputs its changes are made from.
type work struct {
	lang, tlang string
	cur         snapshot
	in          [32]byte
	// like is the index of the work before it in the same record that
	// has the same versions and the same current record (one without a
	// translation into lang, content.Set.In), -1 when none: its changes
	// are that work's, made and held once for both languages.
	like int
}

// run makes a record's changes in each language: from the cache when it
// holds them, else by decoding its versions and comparing them.
func (c *computation) run(ctx context.Context, j *job) error {
	// What it holds is let go once it has run: the jobs are all held
	// until the last has run.
	defer func() { j.seqs, j.now, j.cur, j.blobs = nil, nil, nil, nil }()
	works := c.works(j)
	if c.fromCache(j, works) {
		return nil
	}
	seqs, err := c.versions(ctx, j)
	if err != nil {
		return err
	}
	c.compare(j, works, seqs)
	return nil
}

// works makes a record's work in each language it is published in.
func (c *computation) works(j *job) []work {
	var works []work
	for i, lang := range c.langs {
		cur, ok := c.shown(j, lang)
		if !ok {
			continue
		}
		w := work{lang: lang, cur: cur, like: -1}
		if _, ok := j.seqs[lang]; ok && i > 0 {
			w.tlang = lang
		}
		for k, o := range works {
			if o.tlang == w.tlang && c.current[o.lang][j.key] == c.current[lang][j.key] {
				w.like, w.in = k, o.in
				break
			}
		}
		if c.l.cache != nil && w.like < 0 {
			w.in = inputs(c.l, w.tlang, j.seqs[w.tlang], w.cur)
		}
		works = append(works, w)
	}
	return works
}

// fromCache gives a record's changes from the cache, when it holds every
// one of them made from the same inputs, and needs nothing read: nothing
// is then decoded or compared.
func (c *computation) fromCache(j *job, works []work) bool {
	l := c.l
	if l.cache == nil || len(j.names) > 0 {
		return false
	}
	for tlang := range j.seqs {
		if _, ok := l.cache.groups[groupKey(j.file, tlang)]; !ok {
			return false
		}
	}
	made := make([][]*Change, len(works))
	for i, w := range works {
		if w.like >= 0 {
			made[i] = made[w.like]
			continue
		}
		at, items, ok := l.cache.result(j.file, w.lang, w.in)
		if !ok {
			return false
		}
		seq := j.seqs[w.tlang]
		// The record's changes are made in one piece: 200,000 of them
		// at 10,000 records, each made alone, were as many allocations.
		block := make([]Change, len(at))
		made[i] = make([]*Change, len(at))
		for k, vi := range at {
			if vi >= len(seq) {
				return false
			}
			block[k] = changeOf(l, int(seq[vi].commit), items[k], c.quiet)
			made[i][k] = &block[k]
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for tlang := range j.seqs {
		c.groups[groupKey(j.file, tlang)] = l.cache.groups[groupKey(j.file, tlang)]
	}
	for i, w := range works {
		result := l.cache.results[resultKey(j.file, w.lang)]
		if w.like >= 0 {
			// The same changes from the same inputs: the same bytes as
			// the work it is like, which the cache may not hold yet.
			like := l.cache.results[resultKey(j.file, works[w.like].lang)]
			c.changed = c.changed || !result.same(like)
			result = like
		}
		c.results[resultKey(j.file, w.lang)] = result
		if len(made[i]) > 0 {
			c.h.changes[w.lang][j.key] = made[i]
		}
	}
	return true
}

// versions gives each of a record's sequences its versions, each with
// its snapshot: from the cache, from the files on disk, or decoded from
// the blobs read; the cache's group of each sequence is encoded anew when
// any was not the cache's.
func (c *computation) versions(ctx context.Context, j *job) (map[string][]version, error) {
	l := c.l
	var d *content.Decoder
	defer func() {
		if d != nil {
			c.decoders.Put(d)
		}
	}()
	seqs := make(map[string][]version)
	for tlang, seq := range j.seqs {
		snaps, old := l.cache.group(j.file, tlang, j.fields) // old: the cache's group, when it gave its snapshots
		if err := c.readMissing(ctx, j, tlang, snaps); err != nil {
			return nil, err
		}
		fresh := false
		for _, p := range seq {
			k := l.key(p)
			if _, ok := snaps[k]; ok || k.deleted() {
				continue
			}
			if sn, ok := j.now[k]; ok {
				snaps[k], fresh = sn, true
				continue
			}
			if d == nil {
				d = c.decoders.Get().(*content.Decoder)
			}
			lang, t := "", "" // decoded alone, unless the translation existed then
			if k[1] != (oid{}) {
				lang, t = tlang, j.blobs[k[1]]
			}
			var sn snapshot
			if v := d.Decode(j.file, j.blobs[k[0]], lang, t); v.Published() {
				sn = snap(j.fields, v.Record, false)
			}
			snaps[k] = sn
			fresh = true
		}
		seqs[tlang] = versions(l, seq, snaps)
		if l.cache != nil {
			b, ok := l.cache.groups[groupKey(j.file, tlang)]
			renewed := fresh || !ok || old == nil || len(snaps) != countVersions(l, seq)
			if renewed {
				body := encodeGroup(l, seq, snaps, j.fields, old)
				keys := distinctKeys(l, seq, nil)
				b = newPart(body, keysDigest(keys), len(keys))
			}
			c.mu.Lock()
			c.groups[groupKey(j.file, tlang)] = b
			c.changed = c.changed || renewed
			c.mu.Unlock()
		}
	}
	return seqs, nil
}

// readMissing reads the blobs of the versions of a group that the cache
// said it held but cannot give (it would be a fault of the cache's).
func (c *computation) readMissing(ctx context.Context, j *job, tlang string, snaps map[key]snapshot) error {
	var missing []oid
	held := c.l.cache.held(j.file, tlang, distinctKeys(c.l, j.seqs[tlang], nil))
	for _, p := range j.seqs[tlang] {
		k := c.l.key(p)
		if _, ok := snaps[k]; ok || !slices.Contains(held, k) {
			continue
		}
		for _, b := range k {
			if _, read := j.blobs[b]; b != (oid{}) && !read && !slices.Contains(missing, b) {
				missing = append(missing, b)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return c.l.blobs(ctx, missing, func(i int, data string) error {
		j.blobs[missing[i]] = data
		return nil
	})
}

// compare walks a record's versions in each language, and keeps its
// changes, and what the cache will hold of them.
func (c *computation) compare(j *job, works []work, seqs map[string][]version) {
	l := c.l
	made := make([][]*Change, len(works))
	results := make([]part, len(works))
	for i, w := range works {
		var changes []*Change
		var result part
		if w.like >= 0 {
			changes, result = made[w.like], results[w.like]
		} else {
			var at []int
			changes, at = walk(l, j.fields, seqs[w.tlang], w.cur, c.quiet)
			if l.cache != nil {
				result = newPart(encodeResult(w.in, at, changes), w.in, 0)
			}
		}
		made[i], results[i] = changes, result
		c.mu.Lock()
		if len(changes) > 0 {
			c.h.changes[w.lang][j.key] = changes
		}
		if l.cache != nil {
			c.results[resultKey(j.file, w.lang)] = result
			old, ok := l.cache.results[resultKey(j.file, w.lang)]
			c.changed = c.changed || !ok || !result.same(old)
		}
		c.mu.Unlock()
	}
}

// writeCache writes the cache anew, when anything in it changed.
func (c *computation) writeCache() {
	l := c.l
	if l.cache != nil && (len(c.groups) != len(l.cache.groups) || len(c.results) != len(l.cache.results)) {
		c.changed = true // a record gone, or one the cache did not hold
	}
	l.cache.write(l, c.groups, c.results, c.changed)
}
