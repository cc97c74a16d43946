package history

import (
	"bytes"
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

// A Change is what one commit changed, in public, of one record in one
// language.
type Change struct {
	Kind   content.Kind
	Slug   string
	Commit *Commit
	Items  []Item
}

// Date is the day of the change: the commit's date, as its committer's
// clock read it.
func (c *Change) Date() content.Date { return content.DateOf(c.Commit.Time) }

// Note is the change's correction note: its commit's Public-note: trailer.
func (c *Change) Note() string { return c.Commit.Note }

// History is the public history of every published record, in each
// language of the site.
type History struct {
	changes map[string]map[recordKey][]*Change // by language, oldest first
}

type recordKey struct {
	kind content.Kind
	slug string
}

// Of returns the changes of a record in a language, oldest first; nil for
// a record without history, and on a nil History.
func (h *History) Of(lang string, kind content.Kind, slug string) []*Change {
	if h == nil {
		return nil
	}
	return h.changes[lang][recordKey{kind, slug}]
}

// Compute makes the history of every record of set (as Load returned it,
// with its translations) from the log: for each language, each version of
// the record in that language is decoded as Load decodes it today and
// compared with the version before it that was published. The blobs are
// read by one git cat-file per core, and decoded on every core. A version
// the log's cache holds (see Read), or that the files on disk hold, is
// neither read nor decoded, and a record whose versions and current
// snapshot are as the cache last saw them is not compared again; the
// cache is written anew once the history is made, when anything in it
// changed.
func Compute(ctx context.Context, l *Log, set *content.Set) (*History, error) {
	var langs []string
	for _, lang := range set.Config.Languages {
		langs = append(langs, lang.Code)
	}
	if len(langs) == 0 {
		langs = []string{set.Lang}
	}
	current := make(map[string]map[recordKey]interface{ Meta() *content.Record })
	for _, lang := range langs {
		current[lang] = make(map[recordKey]interface{ Meta() *content.Record })
		for _, r := range set.In(lang).Records() {
			current[lang][recordKey{r.Meta().Kind, r.Meta().Slug}] = r
		}
	}

	// The jobs, one per record, with the blobs each needs, in the order
	// cat-file will return them: those of the versions the cache does not
	// hold.
	type job struct {
		key    recordKey
		file   string
		fields []field
		seqs   map[string][]pair             // by the language of the translation, "" for the original alone
		held   map[string]map[[2]string]bool // the versions the cache holds, by seqs' key
		// now holds the snapshot of the version that the files on disk
		// hold, from the record as Load decoded them: it is not read
		// from git nor decoded again.
		now   map[[2]string]snapshot
		blobs map[string][]byte
		names []string // the blobs it needs, each once
	}
	var jobs []*job
	total := 0
	for _, rec := range set.Records() {
		r := rec.Meta()
		if r.Draft {
			continue // a draft built with -drafts has no history
		}
		orig := l.files[r.File]
		if len(orig) == 0 {
			continue // never committed
		}
		j := &job{key: recordKey{r.Kind, r.Slug}, file: r.File, fields: fieldsOf(r.Kind), seqs: make(map[string][]pair),
			held: make(map[string]map[[2]string]bool), now: make(map[[2]string]snapshot), blobs: make(map[string][]byte)}
		seen := make(map[string]bool)
		for i, lang := range langs {
			tlang, trans := "", []step(nil)
			if i > 0 {
				ext := path.Ext(r.File)
				if t := l.files[strings.TrimSuffix(r.File, ext)+"."+lang+ext]; len(t) > 0 {
					tlang, trans = lang, t
				}
			}
			if _, done := j.seqs[tlang]; done {
				continue
			}
			seq := pairs(orig, trans)
			j.seqs[tlang] = seq
			held := l.cache.held(r.File, tlang)
			j.held[tlang] = held
			if last := seq[len(seq)-1]; !held[last.blobs] && last.blobs[0] != "" {
				// The version committed last, when the files on disk are
				// still as it left them, is the record loaded: in the
				// default language when decoded alone, else in its
				// translation's.
				cur := current[langs[0]][j.key]
				if tlang != "" {
					cur = current[tlang][j.key]
				}
				if cur != nil && onDisk(l.dir, r.File, tlang, last.blobs) {
					j.now[last.blobs] = snap(j.fields, cur, false)
				}
			}
			for _, p := range seq {
				if _, now := j.now[p.blobs]; now || held[p.blobs] || p.blobs[0] == "" {
					continue
				}
				for _, b := range p.blobs {
					if b != "" && !seen[b] {
						seen[b] = true
						j.names = append(j.names, b)
					}
				}
			}
		}
		total += len(j.names)
		jobs = append(jobs, j)
	}

	// A note may name the person a commit was about: the notes of the
	// commits that changed the file of a person whose name is withheld now
	// are withheld on every record.
	quiet := make(map[int]bool)
	for _, p := range set.Prisoners {
		if !p.Anonymous {
			continue
		}
		for _, s := range l.files[p.File] {
			quiet[s.commit] = true
		}
		for _, lang := range langs[1:] {
			ext := path.Ext(p.File)
			for _, s := range l.files[strings.TrimSuffix(p.File, ext)+"."+lang+ext] {
				quiet[s.commit] = true
			}
		}
	}

	h := &History{changes: make(map[string]map[recordKey][]*Change)}
	for _, lang := range langs {
		h.changes[lang] = make(map[recordKey][]*Change)
	}
	var mu sync.Mutex
	groups := make(map[string][]byte) // what the cache will hold, by groupKey
	// changed is whether the cache must be written again: the log grew,
	// or a group was encoded anew.
	changed := l.cache != nil && (l.cache.head != l.head || l.cache.prefix != l.prefix)
	// decoders are kept for the next job, each with its cache of parsed
	// pieces, rather than made for every record.
	decoders := sync.Pool{New: func() any { return content.NewDecoder() }}
	results := make(map[string][]byte) // likewise, by resultKey
	// A language's work on a record: its current snapshot, and the
	// inputs its changes are made from.
	type work struct {
		lang, tlang string
		cur         snapshot
		in          [32]byte
	}
	// fromCache gives a record's changes from the cache, when it holds
	// every one of them made from the same inputs, and needs nothing read:
	// nothing is then decoded or compared.
	fromCache := func(j *job, works []work) bool {
		if l.cache == nil || len(j.names) > 0 {
			return false
		}
		for tlang := range j.seqs {
			if l.cache.raw[groupKey(j.file, tlang)] == nil {
				return false
			}
		}
		made := make([][]*Change, len(works))
		for i, w := range works {
			at, items, ok := l.cache.result(j.file, w.lang, w.in)
			if !ok {
				return false
			}
			seq := j.seqs[w.tlang]
			for k, vi := range at {
				if vi >= len(seq) {
					return false
				}
				made[i] = append(made[i], change(l, j.key, seq[vi].commit, items[k], quiet))
			}
		}
		mu.Lock()
		defer mu.Unlock()
		for tlang := range j.seqs {
			groups[groupKey(j.file, tlang)] = l.cache.raw[groupKey(j.file, tlang)]
		}
		for i, w := range works {
			results[resultKey(j.file, w.lang)] = l.cache.results[resultKey(j.file, w.lang)]
			if len(made[i]) > 0 {
				h.changes[w.lang][j.key] = made[i]
			}
		}
		return true
	}
	run := func(j *job) error {
		var works []work
		for i, lang := range langs {
			cur := current[lang][j.key]
			if cur == nil {
				continue
			}
			w := work{lang: lang, cur: snap(j.fields, cur, true)}
			if _, ok := j.seqs[lang]; ok && i > 0 {
				w.tlang = lang
			}
			if l.cache != nil {
				w.in = inputs(l, w.tlang, j.seqs[w.tlang], w.cur)
			}
			works = append(works, w)
		}
		if fromCache(j, works) {
			return nil
		}
		var d *content.Decoder
		defer func() {
			if d != nil {
				decoders.Put(d)
			}
		}()
		seqs := make(map[string][]version)
		for tlang, seq := range j.seqs {
			snaps := l.cache.group(j.file, tlang, j.fields)
			// A group the cache said it held but cannot give (it would
			// be a fault of the cache's) has its blobs read now.
			var missing []string
			for _, p := range seq {
				if _, ok := snaps[p.blobs]; !ok && j.held[tlang][p.blobs] {
					for _, b := range p.blobs {
						if _, read := j.blobs[b]; b != "" && !read && !slices.Contains(missing, b) {
							missing = append(missing, b)
						}
					}
				}
			}
			if len(missing) > 0 {
				err := l.blobs(ctx, missing, func(i int, data []byte) error {
					j.blobs[missing[i]] = data
					return nil
				})
				if err != nil {
					return err
				}
			}
			fresh := false
			for _, p := range seq {
				if _, ok := snaps[p.blobs]; ok || p.blobs[0] == "" {
					continue
				}
				if sn, ok := j.now[p.blobs]; ok {
					snaps[p.blobs], fresh = sn, true
					continue
				}
				if d == nil {
					d = decoders.Get().(*content.Decoder)
				}
				var t []byte
				if p.blobs[1] != "" {
					t = j.blobs[p.blobs[1]]
				}
				var sn snapshot
				if v := d.Decode(j.file, j.blobs[p.blobs[0]], tlang, t); v.Published() {
					sn = snap(j.fields, v.Record, false)
				}
				snaps[p.blobs] = sn
				fresh = true
			}
			seqs[tlang] = versions(seq, snaps)
			if l.cache != nil {
				b := l.cache.raw[groupKey(j.file, tlang)]
				renewed := fresh || b == nil || len(snaps) != countVersions(seq)
				if renewed {
					b = encodeGroup(seq, snaps, j.fields)
				}
				mu.Lock()
				groups[groupKey(j.file, tlang)] = b
				changed = changed || renewed
				mu.Unlock()
			}
		}
		for _, w := range works {
			changes, at := walk(l, j.key, j.fields, seqs[w.tlang], w.cur, quiet)
			var result []byte
			if l.cache != nil {
				result = encodeResult(w.in, at, changes)
			}
			mu.Lock()
			if len(changes) > 0 {
				h.changes[w.lang][j.key] = changes
			}
			if l.cache != nil {
				results[resultKey(j.file, w.lang)] = result
				changed = changed || !bytes.Equal(result, l.cache.results[resultKey(j.file, w.lang)])
			}
			mu.Unlock()
		}
		j.blobs, j.held = nil, nil
		return nil
	}
	// The blobs are read by one git cat-file per core, each for a run of
	// the jobs, so that reading keeps up with decoding; a job is decoded
	// once it has all its blobs.
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
		var names []string
		for _, j := range mine {
			if len(j.names) == 0 {
				g.Go(func() error { return run(j) }) // cached, or deleted in every commit that named it
			}
			names = append(names, j.names...)
		}
		if len(names) == 0 {
			return nil
		}
		ji, got := 0, 0
		return l.blobs(ctx, names, func(i int, data []byte) error {
			for len(mine[ji].names) == 0 {
				ji++
			}
			j := mine[ji]
			j.blobs[names[i]] = data
			if got++; got == len(j.names) {
				g.Go(func() error { return run(j) })
				ji, got = ji+1, 0
			}
			return nil
		})
	})
	if err := errors.Join(readErr, g.Wait()); err != nil {
		return nil, err
	}
	if l.cache != nil && (len(groups) != len(l.cache.raw) || len(results) != len(l.cache.results)) {
		changed = true // a record gone, or one the cache did not hold
	}
	l.cache.write(l, groups, results, changed)
	return h, nil
}
