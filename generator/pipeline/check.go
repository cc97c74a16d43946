package build

import (
	"bytes"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/presos-politicos/briefing/generator/site"
	"golang.org/x/net/html"
)

// Memory is a site built in memory, as check and serve use it.
type Memory struct {
	Files map[string][]byte // by path: "prisoners/x/index.html"
	Site  *site.Site
	Note  string // why the site has no history of changes, if it has none

	archives []archivePart
}

// InMemory builds the site in memory, writing nothing. The offline archives
// are left out; Archives makes them.
func InMemory(opts Options) (*Memory, error) {
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, err
	}
	out := newFiles()
	opts.dir = src
	s, note, err := generate(os.DirFS(src), opts, out)
	if err != nil {
		return nil, err
	}
	return &Memory{Files: out.m, Site: s, Note: note, archives: out.archives}, nil
}

// Archives makes the offline archives of the site, as planned when it was
// drawn, by name.
func (m *Memory) Archives() (map[string][]byte, error) {
	out := make(map[string][]byte)
	for _, p := range m.archives {
		var buf bytes.Buffer
		if err := writeZip(&buf, p.folder, p.files, func(name string) ([]byte, error) { return m.Files[name], nil }, m.Site.Updated.First()); err != nil {
			return nil, err
		}
		if buf.Len() > MaxFileBytes {
			return nil, fmt.Errorf("%s came out %s bytes, over the %d MiB a file may be; report this as a bug", p.Name, thousands(int64(buf.Len())), MaxFileBytes>>20)
		}
		out[p.Name] = buf.Bytes()
	}
	return out, nil
}

// Check builds the site in memory and verifies every internal link and
// anchor of the rendered pages. It writes nothing. The error lists every
// problem.
func Check(opts Options) (*Result, error) {
	m, err := InMemory(opts)
	if err != nil {
		return nil, err
	}
	archives, err := m.Archives()
	if err != nil {
		return nil, err
	}
	for n, data := range archives {
		m.Files[n] = data
	}
	base := "/"
	if m.Site.Config.BaseURL != "" {
		base = m.Site.Config.BaseURL
	}
	if problems := checkLinks(m.Files, base); len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	res := &Result{Files: len(m.Files), Note: m.Note}
	sizes := make(map[string]int64, len(m.Files))
	for n, data := range m.Files {
		res.Bytes += int64(len(data))
		sizes[n] = int64(len(data))
		if path.Ext(n) == ".html" {
			res.Pages++
		}
	}
	sizes[Marker] = int64(len(markerText)) // build writes it; check does not
	if err := fitHost(opts, m.Site.Config.Host, sizes, res); err != nil {
		return nil, err
	}
	return res, nil
}

// page is what the link check needs to know of one HTML page.
type page struct {
	ids    map[string]bool
	links  []string
	unsafe []string       // what would run a script or load from another host
	twice  map[string]int // ids on more than one element, with how many
}

// checkLinks returns a line for each id on more than one element of a
// page (raw HTML in Markdown may repeat one the layout uses, such as main)
// and for each link between the files that leads
// nowhere: a missing file, a missing anchor, or a link that starts with "/"
// (it would break under a subpath, on a mirror and from disk) or at a folder
// (it would break from disk). The links of 404.html and es/404.html
// are absolute, under base, since hosts serve them at any depth.
func checkLinks(files map[string][]byte, base string) []string {
	pages := make(map[string]*page)
	for name, data := range files {
		if path.Ext(name) == ".html" {
			own := ""
			if isNotFound(name) {
				own = base
			}
			pages[name] = scan(data, own)
		}
	}
	var problems []string
	names := make([]string, 0, len(pages))
	for n := range pages {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, link := range pages[name].links {
			if msg := checkLink(files, pages, name, link, base); msg != "" {
				problems = append(problems, fmt.Sprintf("%s: link %q %s", name, link, msg))
			}
		}
		for _, u := range pages[name].unsafe {
			problems = append(problems, fmt.Sprintf("%s: %s", name, u))
		}
		for _, id := range slices.Sorted(maps.Keys(pages[name].twice)) {
			problems = append(problems, fmt.Sprintf("%s: the id %q is on %d elements; an id names one element (links and the skip link go to the first): rename the others", name, id, pages[name].twice[id]))
		}
	}
	return problems
}

// isNotFound reports whether name is a 404 page: 404.html at the root, or
// under a language's prefix (es/404.html).
func isNotFound(name string) bool {
	return path.Base(name) == "404.html" && !strings.Contains(path.Dir(name), "/")
}

func checkLink(files map[string][]byte, pages map[string]*page, from, link, base string) string {
	if isNotFound(from) {
		rest, ok := strings.CutPrefix(link, base)
		if !ok {
			if strings.HasPrefix(link, "#") {
				return ""
			}
			if u, err := url.Parse(link); err == nil && u.Scheme != "" {
				return "" // a link to another site
			}
			return "does not start with the base URL " + base
		}
		link, from = rest, "index.html"
	}
	u, err := url.Parse(link)
	if err != nil {
		return "is not a valid URL"
	}
	if u.Scheme != "" || u.Host != "" {
		return "" // a link to another site: not ours to check
	}
	if strings.HasPrefix(u.Path, "/") {
		return "starts with /; links between pages must be relative"
	}
	if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
		return "names a folder; a copy opened from disk shows a listing there: link its index.html"
	}
	target := from
	if u.Path != "" {
		target = path.Join(path.Dir(from), u.Path)
		if strings.HasPrefix(target, "../") || target == ".." {
			return "leads outside the site"
		}
	}
	if _, ok := files[target]; !ok {
		return "leads to " + target + ", which does not exist"
	}
	if u.Fragment != "" {
		p, ok := pages[target]
		if !ok || !p.ids[u.Fragment] {
			return "names the anchor #" + u.Fragment + ", which " + target + " does not have"
		}
	}
	return ""
}

// loaders are the elements whose URL the browser fetches by itself.
var loaders = map[string]bool{"script": true, "img": true, "link": true, "iframe": true, "frame": true, "source": true, "video": true, "audio": true, "embed": true, "object": true, "track": true, "input": true}

// scan collects the ids and the links (href, src, action) of an HTML page,
// and what in it could run a script the site did not ship or make a
// request to another host: an inline script, an event handler, a style
// attribute, a javascript: URL, a file loaded from another host.
// A URL that starts with own (404.html's base URL) is the site's own.
func scan(data []byte, own string) *page {
	p := &page{ids: make(map[string]bool)}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return p
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		tag := string(name)
		var attrs [][2]string
		rel := ""
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs = append(attrs, [2]string{string(k), string(v)})
			if string(k) == "rel" {
				rel = strings.ToLower(string(v))
			}
		}
		hasSrc := false
		for _, a := range attrs {
			attr, val := a[0], a[1]
			switch {
			case attr == "id":
				if p.ids[val] {
					if p.twice == nil {
						p.twice = make(map[string]int)
					}
					p.twice[val] = max(p.twice[val], 1) + 1
				}
				p.ids[val] = true
			case strings.HasPrefix(attr, "on"):
				p.unsafe = append(p.unsafe, fmt.Sprintf("<%s %s> is an inline event handler, which the Content-Security-Policy blocks", tag, attr))
			case attr == "style":
				p.unsafe = append(p.unsafe, fmt.Sprintf("<%s style> is an inline style, which the Content-Security-Policy blocks", tag))
			case attr == "href" || attr == "src" || attr == "action" || attr == "srcset" || attr == "poster" || attr == "data":
				hasSrc = hasSrc || attr == "src"
				u, err := url.Parse(strings.TrimSpace(val))
				// A link element loads what it names unless it only
				// describes the page (canonical, alternate).
				loads := loaders[tag] && attr != "href" || tag == "link" && attr == "href" && !strings.Contains(rel, "canonical") && !strings.Contains(rel, "alternate")
				switch {
				case err == nil && (strings.EqualFold(u.Scheme, "javascript") || strings.EqualFold(u.Scheme, "vbscript")):
					p.unsafe = append(p.unsafe, fmt.Sprintf("<%s %s=%q> runs a script", tag, attr, val))
				case loads && (err != nil || (u.Host != "" || u.Scheme != "") && u.Scheme != "data") && !(own != "" && strings.HasPrefix(val, own)):
					p.unsafe = append(p.unsafe, fmt.Sprintf("<%s %s=%q> loads a file from another host; readers must make no request outside the site", tag, attr, val))
				}
				if (attr == "href" || attr == "src" || attr == "action") && (tag == "a" || tag == "link" && loads || tag == "img" || tag == "script" || tag == "source" || tag == "form") {
					p.links = append(p.links, val)
				}
			}
		}
		if tag == "script" && !hasSrc {
			p.unsafe = append(p.unsafe, "an inline <script>, which the Content-Security-Policy blocks")
		}
	}
}
