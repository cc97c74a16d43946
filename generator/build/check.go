package build

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/net/html"
)

// Check builds the site in memory and verifies every internal link and
// anchor of the rendered pages. It writes nothing. The error lists every
// problem.
func Check(opts Options) (*Result, error) {
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, err
	}
	out := newFiles()
	s, err := generate(os.DirFS(src), opts, out)
	if err != nil {
		return nil, err
	}
	base := "/"
	if s.Config.BaseURL != "" {
		base = s.Config.BaseURL
	}
	if problems := checkLinks(out.m, base); len(problems) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	res := &Result{Files: len(out.m)}
	for n, data := range out.m {
		res.Bytes += int64(len(data))
		if path.Ext(n) == ".html" {
			res.Pages++
		}
	}
	return res, nil
}

// page is what the link check needs to know of one HTML page.
type page struct {
	ids   map[string]bool
	links []string
}

// checkLinks returns a line for each link between the files that leads
// nowhere: a missing file, a missing anchor, or a link that starts with "/"
// (it would break under a subpath, on a mirror and from disk) or at a folder
// (it would break from disk). 404.html's
// links are absolute, under base, since hosts serve it at any depth.
func checkLinks(files map[string][]byte, base string) []string {
	pages := make(map[string]*page)
	for name, data := range files {
		if path.Ext(name) == ".html" {
			pages[name] = scan(data)
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
	}
	return problems
}

func checkLink(files map[string][]byte, pages map[string]*page, from, link, base string) string {
	if from == "404.html" {
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

// scan collects the ids and the links (href, src) of an HTML page.
func scan(data []byte) *page {
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
		name, hasAttr := z.TagName()
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch string(k) {
			case "id":
				p.ids[string(v)] = true
			case "href", "src":
				if string(name) == "a" || string(name) == "link" || string(name) == "img" || string(name) == "script" || string(name) == "source" {
					p.links = append(p.links, string(v))
				}
			case "action":
				p.links = append(p.links, string(v))
			}
		}
	}
}
