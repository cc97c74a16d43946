package site

import (
	"sync"

	"github.com/presos-politicos/briefing/generator/content"
)

// A Cache keeps rendered Markdown between resolutions of a site. Prune
// (called by the build after resolving every language) forgets what the
// last resolutions did not ask for. An entry
// is reused only when the text, its place in its file and every record its
// links name (their titles and addresses) are as they were; a text with an
// error is never cached, so its error is reported every time.
type Cache struct {
	mu      sync.Mutex
	entries map[string]mdEntry
	used    map[string]bool // keys asked for since the last prune
}

// Prune forgets the texts no resolution asked for since the last prune:
// edited and deleted texts, so that a long preview session does not grow.
func (c *Cache) Prune() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k := range c.entries {
		if !c.used[k] {
			delete(c.entries, k)
		}
	}
	c.used = nil
}

type mdEntry struct {
	converted
	resolved []Link // what each ref resolved to
}

func mdKey(lang string, md content.Markdown, idBase string) string {
	return lang + "\x00" + idBase + "\x00" + md.Pos.String() + "\x00" + md.Text.String()
}

// convert renders one text, through the cache when there is one.
func (r *resolver) convert(md content.Markdown, idBase string) converted {
	if r.cache == nil {
		return r.md.convert(md, idBase, r.resolveLink, &r.errs)
	}
	key := mdKey(r.site.Lang, md, idBase)
	r.cache.mu.Lock()
	e, hit := r.cache.entries[key]
	if r.cache.used == nil {
		r.cache.used = make(map[string]bool)
	}
	r.cache.used[key] = true
	r.cache.mu.Unlock()
	if hit {
		same := true
		for i, ref := range e.refs {
			if l, ok := r.find(ref.Kind, ref.Slug); !ok || l != e.resolved[i] {
				same = false
				break
			}
		}
		for _, name := range e.images {
			if same && !r.md.static(name) {
				same = false
			}
		}
		if same {
			return e.converted
		}
	}
	var local content.ErrorList
	var links []Link
	var mu sync.Mutex
	resolve := func(ref content.Ref) (string, string, bool) {
		l, ok := r.lookupInto(ref, &local)
		mu.Lock()
		links = append(links, l)
		mu.Unlock()
		return l.Title, l.URL, ok
	}
	c := r.md.convert(md, idBase, resolve, &local)
	if err := local.Err(); err != nil {
		for _, e := range err.(content.Errors) {
			r.errs.Add(e)
		}
		return c
	}
	r.cache.mu.Lock()
	if r.cache.entries == nil {
		r.cache.entries = make(map[string]mdEntry)
	}
	r.cache.entries[key] = mdEntry{c, links}
	r.cache.mu.Unlock()
	return c
}
