package linkcheck

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"golang.org/x/net/html"
)

// scanned is what one page holds that the check needs.
type scanned struct {
	ids    map[string]bool
	links  []string
	unsafe []string       // what would run a script or load from another host
	twice  map[string]int // ids on more than one element, with how many
}

// loaders are the elements whose URL the browser fetches by itself.
var loaders = map[string]bool{"script": true, "img": true, "link": true, "iframe": true, "frame": true, "source": true, "video": true, "audio": true, "embed": true, "object": true, "track": true, "input": true}

// scan collects the ids and the links (href, src, action) of an HTML page,
// and what in it could run a script the site did not ship or make a
// request to another host: an inline script, an event handler, a style
// attribute, a javascript: URL, a file loaded from another host.
// A URL that starts with own (404.html's base URL) is the site's own.
func scan(data []byte, own string) *scanned {
	p := &scanned{ids: make(map[string]bool)}
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
