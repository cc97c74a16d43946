package linkcheck

import (
	"fmt"
	"maps"
	"net/url"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
)

// A Checker checks the files of a site as they are made: Add scans each
// HTML page once, keeping only its ids and the links it cannot follow yet
// (to a file not added yet, or one with a problem), and Problems, once
// every file is added, follows those. A link kept is two numbers: its text
// as written and where it leads, each stored once for the whole site. It
// is safe for concurrent use.
type Checker struct {
	base string // where 404 pages' absolute links start

	mu     sync.Mutex
	files  map[string]struct{} // every file added
	pages  map[string]*page    // the HTML pages, by name
	raws   []string            // the distinct links as written
	rawIDs map[string]int32
	ends   []end // the distinct places links lead to
	endIDs map[end]int32
	strs   map[string]string // interned ids
}

// page is what the check keeps of one HTML page.
type page struct {
	ids    []string // sorted
	links  []ref    // the links not followed yet, in the page's order
	unsafe []string // what would run a script or load from another host
	twice  map[string]int
}

// A ref is one link of a page: its text and where it leads.
type ref struct{ raw, end int32 }

// An end is where a link leads, or what is wrong with it whatever the
// site holds.
type end struct {
	target   string // the file it leads to; "" for a link to another site
	fragment string // the anchor it names, or ""
	problem  string
}

// New returns a checker for a site published at base ("/" without a base
// URL): the links of 404.html and es/404.html are absolute, under base,
// since hosts serve them at any depth.
func New(base string) *Checker {
	return &Checker{base: base, files: make(map[string]struct{}), pages: make(map[string]*page),
		rawIDs: make(map[string]int32), endIDs: make(map[end]int32), strs: make(map[string]string)}
}

// Add notes a file of the site, and scans it when it is a page.
func (c *Checker) Add(name string, data []byte) {
	if path.Ext(name) != ".html" {
		c.mu.Lock()
		c.files[name] = struct{}{}
		c.mu.Unlock()
		return
	}
	own := ""
	if isNotFound(name) {
		own = c.base
	}
	s := scan(data, own)
	ends := make([]end, len(s.links))
	for i, raw := range s.links {
		ends[i] = resolve(name, raw, c.base)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[name] = struct{}{}
	p := &page{unsafe: s.unsafe, twice: s.twice, ids: make([]string, 0, len(s.ids))}
	for id := range s.ids {
		p.ids = append(p.ids, c.intern(id))
	}
	sort.Strings(p.ids)
	c.pages[name] = p // its own anchors ("#top") are followed at once
	for i, raw := range s.links {
		if c.follow(ends[i]) == "" {
			continue // it leads where it should: nothing to keep
		}
		r, ok := c.rawIDs[raw]
		if !ok {
			r = int32(len(c.raws))
			c.raws = append(c.raws, raw)
			c.rawIDs[raw] = r
		}
		e, ok := c.endIDs[ends[i]]
		if !ok {
			e = int32(len(c.ends))
			c.ends = append(c.ends, ends[i])
			c.endIDs[ends[i]] = e
		}
		p.links = append(p.links, ref{r, e})
	}
}

func (c *Checker) intern(s string) string {
	if v, ok := c.strs[s]; ok {
		return v
	}
	c.strs[s] = s
	return s
}

// A Problem is one thing wrong on a page of the site.
type Problem struct {
	Page string // the page it is on
	Link string // the link as written, for a link's problem
	// Target and Fragment are the file a link leads to and the anchor it
	// names, when the problem is that the site lacks one of them: the
	// file itself when NoFile, else the anchor.
	Target, Fragment string
	NoFile           bool
	Message          string // what is wrong
}

func (p Problem) Error() string {
	if p.Link != "" {
		return fmt.Sprintf("%s: link %q %s", p.Page, p.Link, p.Message)
	}
	return p.Page + ": " + p.Message
}

// Problems returns each link between the files that leads nowhere (a
// missing file, a missing anchor, a link that starts with "/", which would
// break under a subpath, on a mirror and from disk, or names a folder,
// which would break from disk), each thing on a page that the
// Content-Security-Policy would block or that loads from another host, and
// each id on more than one element of a page (raw HTML in Markdown may
// repeat one the layout uses, such as main); by page, in name order.
func (c *Checker) Problems() []Problem {
	c.mu.Lock()
	defer c.mu.Unlock()
	var problems []Problem
	for _, name := range slices.Sorted(maps.Keys(c.pages)) {
		p := c.pages[name]
		for _, l := range p.links {
			e := c.ends[l.end]
			if msg := c.follow(e); msg != "" {
				pr := Problem{Page: name, Link: c.raws[l.raw], Message: msg}
				if e.problem == "" {
					_, has := c.files[e.target]
					pr.Target, pr.Fragment, pr.NoFile = e.target, e.fragment, !has
				}
				problems = append(problems, pr)
			}
		}
		for _, u := range p.unsafe {
			problems = append(problems, Problem{Page: name, Message: u})
		}
		for _, id := range slices.Sorted(maps.Keys(p.twice)) {
			problems = append(problems, Problem{Page: name, Message: fmt.Sprintf("the id %q is on %d elements; an id names one element (links and the skip link go to the first): rename the others", id, p.twice[id])})
		}
	}
	return problems
}

// follow says what is wrong with a resolved link, or "".
func (c *Checker) follow(l end) string {
	if l.problem != "" || l.target == "" {
		return l.problem
	}
	if _, ok := c.files[l.target]; !ok {
		return "leads to " + l.target + ", which does not exist"
	}
	if l.fragment != "" {
		p, ok := c.pages[l.target]
		if !ok {
			return "names the anchor #" + l.fragment + ", which " + l.target + " does not have"
		}
		if _, found := slices.BinarySearch(p.ids, l.fragment); !found {
			return "names the anchor #" + l.fragment + ", which " + l.target + " does not have"
		}
	}
	return ""
}

// Files checks a whole site held in memory, by name.
func Files(files map[string][]byte, base string) []Problem {
	c := New(base)
	for name, data := range files {
		c.Add(name, data)
	}
	return c.Problems()
}

// isNotFound reports whether name is a 404 page: 404.html at the root, or
// under a language's prefix (es/404.html).
func isNotFound(name string) bool {
	return path.Base(name) == "404.html" && !strings.Contains(path.Dir(name), "/")
}

// resolve resolves a link of the page from: the file it leads to and the
// anchor it names, or the problem it has whatever the site holds. A link
// to another site has neither: it is not ours to check.
func resolve(from, raw, base string) end {
	ref := raw
	if isNotFound(from) {
		rest, ok := strings.CutPrefix(ref, base)
		if !ok {
			if strings.HasPrefix(ref, "#") {
				return linkOK
			}
			if u, err := url.Parse(ref); err == nil && u.Scheme != "" {
				return linkOK // a link to another site
			}
			return problem("does not start with the base URL " + base)
		}
		ref, from = rest, "index.html"
	}
	u, err := url.Parse(ref)
	if err != nil {
		return problem("is not a valid URL")
	}
	if u.Scheme != "" || u.Host != "" {
		return linkOK // a link to another site: not ours to check
	}
	if strings.HasPrefix(u.Path, "/") {
		return problem("starts with /; links between pages must be relative")
	}
	if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
		return problem("names a folder; a copy opened from disk shows a listing there: link its index.html")
	}
	target := from
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			return problem("leads outside the site")
		}
	}
	return end{target: target, fragment: u.Fragment}
}

var linkOK = end{}

func problem(msg string) end { return end{problem: msg} }
