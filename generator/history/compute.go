package history

// Compute's steps: plan a job per record (the blobs it needs), read the
// blobs with one git cat-file per core, and run each job once it has its
// blobs: its changes from the cache, or its versions decoded and
// compared.

import (
	"context"
	"errors"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/parallel"
)

// A computation is one Compute: what every job reads, and what the jobs
// make, under mu.
type computation struct {
	l     *Log
	langs []string // the site's languages, the default first
	// current holds the records as Load decoded them, by language.
	current map[string]map[recordKey]interface{ Meta() *content.Record }
	quiet   map[int]bool // the commits whose notes are withheld (quietCommits)
	// decoders are kept for the next job, each with its cache of parsed
	// pieces, rather than made for every record.
	decoders sync.Pool

	mu      sync.Mutex
	h       *History
	groups  map[string]part // what the cache will hold, by groupKey
	results map[string]part // likewise, by resultKey
	// changed is whether the cache must be written again: the log grew,
	// or a group was encoded anew.
	changed bool
}

func newComputation(l *Log, set *content.Set) *computation {
	c := &computation{l: l, h: &History{changes: make(map[string]map[recordKey][]*Change)},
		current:  make(map[string]map[recordKey]interface{ Meta() *content.Record }),
		decoders: sync.Pool{New: func() any { return content.NewDecoder() }},
		changed:  l.cache != nil && (l.cache.head != l.head || l.cache.prefix != l.prefix),
	}
	for _, lang := range set.Config.Languages {
		c.langs = append(c.langs, lang.Code)
	}
	if len(c.langs) == 0 {
		c.langs = []string{set.Lang}
	}
	for _, lang := range c.langs {
		records := set.In(lang).Records()
		c.h.changes[lang] = make(map[recordKey][]*Change, len(records))
		c.current[lang] = make(map[recordKey]interface{ Meta() *content.Record }, len(records))
		for _, r := range records {
			c.current[lang][recordKey{r.Meta().Kind, r.Meta().Slug}] = r
		}
	}
	c.quiet = quietCommits(l, set, c.langs)
	if l.cache != nil {
		c.groups, c.results = make(map[string]part, len(l.cache.groups)), make(map[string]part, len(l.cache.results))
	} else {
		c.groups, c.results = make(map[string]part), make(map[string]part)
	}
	return c
}

// quietCommits are the commits whose notes are withheld on every record:
// those that changed the file of a person whose name is withheld now,
// since a note may name the person its commit was about.
func quietCommits(l *Log, set *content.Set, langs []string) map[int]bool {
	quiet := make(map[int]bool)
	for _, p := range set.Prisoners {
		if !p.Anonymous {
			continue
		}
		for _, s := range l.files[p.File] {
			quiet[int(s.commit)] = true
		}
		for _, lang := range langs[1:] {
			for _, s := range l.files[translationFile(p.File, lang)] {
				quiet[int(s.commit)] = true
			}
		}
	}
	return quiet
}

// translationFile is the path of a record file's translation into lang.
func translationFile(file, lang string) string {
	ext := path.Ext(file)
	return strings.TrimSuffix(file, ext) + "." + lang + ext
}

// A job is one record's history: its sequences of versions, and the
// blobs it needs read, in the order cat-file will return them: those of
// the versions the cache does not hold.
type job struct {
	key    recordKey
	file   string
	fields []field
	seqs   map[string][]pair // by the language of the translation, "" for the original alone
	// now holds the snapshot of the version that the files on disk
	// hold, from the record as Load decoded them: it is not read
	// from git nor decoded again.
	now map[key]snapshot
	// cur holds the snapshot of the current record in each language it
	// is published in, its texts shown (see shown).
	cur   map[string]snapshot
	blobs map[oid]string
	names []oid // the blobs it needs, each once
}

// shown returns the snapshot of the record as Load decoded it in lang,
// its texts shown (its long texts only as there or not, see present); ok
// is false when it is not published in lang. It is made when the job
// runs, not when it is planned: the jobs are planned all before any runs,
// and 10,000 records' snapshots in two languages would be held together
// for nothing.
//
// A record without a translation into lang is the same record in both
// languages (content.Set.In), and has one snapshot for both.
func (c *computation) shown(j *job, lang string) (snapshot, bool) {
	if s, ok := j.cur[lang]; ok {
		return s, true
	}
	r := c.current[lang][j.key]
	if r == nil {
		return nil, false
	}
	for other, s := range j.cur {
		if c.current[other][j.key] == r {
			j.cur[lang] = s
			return s, true
		}
	}
	s := snap(j.fields, r, true)
	j.cur[lang] = s
	return s, true
}

// plan makes the jobs, one per record of set that was committed and is
// not a draft, in the order of set's records, on every core (each reads
// its files on disk to name their blobs).
func (c *computation) plan(set *content.Set) []*job {
	records := set.Records()
	jobs := make([]*job, len(records))
	parallel.Do(len(records), func(i int) error {
		r := records[i].Meta()
		if r.Draft {
			return nil // a draft built with -drafts has no history
		}
		if len(c.l.files[r.File]) == 0 {
			return nil // never committed
		}
		jobs[i] = c.planJob(r)
		return nil
	})
	return slices.DeleteFunc(jobs, func(j *job) bool { return j == nil })
}

// planJob makes a record's job: a sequence of versions for each language
// it is read in (the original alone, or with a translation), and the
// blobs of those that neither the cache nor the files on disk hold.
func (c *computation) planJob(r *content.Record) *job {
	l := c.l
	j := &job{key: recordKey{r.Kind, r.Slug}, file: r.File, fields: fieldsOf(r.Kind), seqs: make(map[string][]pair),
		now: make(map[key]snapshot), cur: make(map[string]snapshot), blobs: make(map[oid]string)}
	seen := make(map[oid]bool)
	buf := keyBuffers.Get().(*[]key)
	defer keyBuffers.Put(buf)
	for i, lang := range c.langs {
		tlang, trans := "", []step(nil)
		if i > 0 {
			if t := l.files[translationFile(r.File, lang)]; len(t) > 0 {
				tlang, trans = lang, t
			}
		}
		if _, done := j.seqs[tlang]; done {
			continue
		}
		seq := pairs(l.files[r.File], trans)
		j.seqs[tlang] = seq
		*buf = distinctKeys(l, seq, (*buf)[:0])
		held := l.cache.held(r.File, tlang, *buf)
		if last := l.key(seq[len(seq)-1]); !slices.Contains(held, last) && !last.deleted() {
			// The version committed last, when the files on disk are
			// still as it left them, is the record loaded: in the
			// default language when decoded alone, else in its
			// translation's.
			lang := c.langs[0]
			if tlang != "" {
				lang = tlang
			}
			if cur := c.current[lang][j.key]; cur != nil && onDisk(l.dir, r.File, tlang, last) {
				j.now[last] = snap(j.fields, cur, false)
			}
		}
		for _, p := range seq {
			k := l.key(p)
			if _, now := j.now[k]; now || k.deleted() || slices.Contains(held, k) {
				continue
			}
			for _, b := range k {
				if b != (oid{}) && !seen[b] {
					seen[b] = true
					j.names = append(j.names, b)
				}
			}
		}
	}
	return j
}

// readAndRun reads the jobs' blobs by one git cat-file per core, each for
// a run of the jobs, so that reading keeps up with decoding, and runs
// each job once it has all its blobs.
func (c *computation) readAndRun(ctx context.Context, jobs []*job) error {
	total := 0
	for _, j := range jobs {
		total += len(j.names)
	}
	g := parallel.NewGroup()
	readers := runtime.GOMAXPROCS(0)
	var runs [][]*job
	for r, start := 0, 0; r < readers; r++ {
		end, n := start, 0
		for end < len(jobs) && (n < (total+readers-1)/readers || r == readers-1) {
			n += len(jobs[end].names)
			end++
		}
		runs = append(runs, jobs[start:end])
		start = end
	}
	readErr := parallel.Do(len(runs), func(r int) error {
		mine := runs[r]
		var names []oid
		for _, j := range mine {
			if len(j.names) == 0 {
				g.Go(func() error { return c.run(ctx, j) }) // cached, or deleted in every commit that named it
			}
			names = append(names, j.names...)
		}
		if len(names) == 0 {
			return nil
		}
		ji, got := 0, 0
		return c.l.blobs(ctx, names, func(i int, data string) error {
			for len(mine[ji].names) == 0 {
				ji++
			}
			j := mine[ji]
			j.blobs[names[i]] = data
			if got++; got == len(j.names) {
				g.Go(func() error { return c.run(ctx, j) })
				ji, got = ji+1, 0
			}
			return nil
		})
	})
	return errors.Join(readErr, g.Wait())
}

// keyBuffers keep the buffers of the keys planJob finds the cache's
// versions by, for the next record's.
var keyBuffers = sync.Pool{New: func() any { return new([]key) }}
