package content

import (
	"io/fs"
	"sync"
	"time"
)

// A Cache keeps the records decoded by its Load, so that the next Load
// decodes only the files that changed (by size and modification time):
// serve's rebuilds. Records are never changed once decoded, so a cached
// record may be shared between two sets.
type Cache struct {
	mu      sync.Mutex
	entries map[string]cached
	seen    map[string]bool // files this load looked at
}

// prune forgets the files the last load did not look at: deleted ones.
func (c *Cache) prune() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for p := range c.entries {
		if !c.seen[p] {
			delete(c.entries, p)
		}
	}
	c.seen = nil
}

type cached struct {
	size    int64
	mod     time.Time
	asOf    Date // the bound its dates were checked against
	rec     interface{ Meta() *Record }
	publish bool
	ok      bool
	errs    []*Error
}

// Load is Load, reusing what earlier loads decoded of unchanged files.
func (c *Cache) Load(fsys fs.FS, opts Options) (*Set, error) { return load(fsys, opts, c) }

func (c *Cache) get(path string, info fs.FileInfo, asOf Date) (cached, bool) {
	if c == nil {
		return cached{}, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen == nil {
		c.seen = make(map[string]bool)
	}
	c.seen[path] = true
	e, ok := c.entries[path]
	return e, ok && e.size == info.Size() && e.mod.Equal(info.ModTime()) && e.asOf == asOf
}

func (c *Cache) put(path string, e cached) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = make(map[string]cached)
	}
	c.entries[path] = e
}
