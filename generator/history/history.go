package history

import (
	"context"
	"errors"
	"path"
	"runtime"
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
// read by one git cat-file per core, and decoded on every core.
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
	// cat-file will return them.
	type job struct {
		key   recordKey
		file  string
		orig  []step
		trans map[string][]step // by language
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
		j := &job{key: recordKey{r.Kind, r.Slug}, file: r.File, orig: orig, trans: make(map[string][]step), blobs: make(map[string][]byte)}
		seen := make(map[string]bool)
		need := func(steps []step) {
			for _, s := range steps {
				if s.blob != "" && !seen[s.blob] {
					seen[s.blob] = true
					j.names = append(j.names, s.blob)
				}
			}
		}
		need(orig)
		for _, lang := range langs[1:] {
			ext := path.Ext(r.File)
			if t := l.files[strings.TrimSuffix(r.File, ext)+"."+lang+ext]; len(t) > 0 {
				j.trans[lang] = t
				need(t)
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
	// decoders are kept for the next job, each with its cache of parsed
	// pieces, rather than made for every record.
	decoders := sync.Pool{New: func() any { return content.NewDecoder() }}
	run := func(j *job) error {
		d := decoders.Get().(*content.Decoder)
		defer decoders.Put(d)
		var orig []version // decoded once, for every language without a translation
		for _, lang := range langs {
			cur := current[lang][j.key]
			if cur == nil {
				continue
			}
			seq := orig
			if t := j.trans[lang]; len(t) > 0 {
				seq = versions(d, j.file, j.orig, t, lang, j.blobs)
			} else if seq == nil {
				seq = versions(d, j.file, j.orig, nil, "", j.blobs)
				orig = seq
			}
			changes := walk(l, j.key, seq, cur, quiet)
			mu.Lock()
			if len(changes) > 0 {
				h.changes[lang][j.key] = changes
			}
			mu.Unlock()
		}
		j.blobs = nil
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
				g.Go(func() error { return run(j) }) // deleted in every commit that named it
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
	return h, nil
}

// version is a record as a commit left it, decoded.
type version struct {
	commit int
	content.Version
	translated bool // decoded with a translation
	// translationOnly is true when the commit changed the translation and
	// not the original.
	translationOnly bool
}

// versions decodes a record file's versions in one language: the
// original's, with its translation's where it had one at the time.
func versions(d *content.Decoder, file string, orig, trans []step, lang string, blobs map[string][]byte) []version {
	var out []version
	oi, ti := 0, 0
	var ob, tb string
	decoded := make(map[[2]string]content.Version)
	for oi < len(orig) || ti < len(trans) {
		c, origChanged := -1, false
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
		if ob == "" {
			out = append(out, version{commit: c}) // deleted: not published
			continue
		}
		v, ok := decoded[[2]string{ob, tb}]
		if !ok {
			var t []byte
			if tb != "" {
				t = blobs[tb]
			}
			v = d.Decode(file, blobs[ob], lang, t)
			decoded[[2]string{ob, tb}] = v
		}
		out = append(out, version{commit: c, Version: v, translated: tb != "", translationOnly: !origChanged})
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
func walk(l *Log, key recordKey, seq []version, cur interface{ Meta() *content.Record }, quiet map[int]bool) []*Change {
	fields := fieldsOf(key.kind)
	var texts []field
	for _, f := range fields {
		if f.typ == prose {
			texts = append(texts, f)
		}
	}
	var out []*Change
	var last *version
	for i := range seq {
		v := &seq[i]
		if !v.Published() {
			continue
		}
		var items []Item
		switch {
		case last == nil:
			items = []Item{{Action: Published}}
		case last.translated != v.translated:
		case v.translationOnly:
			items = diff(texts, last.Record, v.Record, cur)
		default:
			items = diff(fields, last.Record, v.Record, cur)
		}
		last = v
		if len(items) == 0 {
			continue
		}
		c := &l.Commits[v.commit]
		if quiet[v.commit] && c.Note != "" {
			cc := *c
			cc.Note = ""
			c = &cc
		}
		out = append(out, &Change{Kind: key.kind, Slug: key.slug, Commit: c, Items: items})
	}
	return out
}
