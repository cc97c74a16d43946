package site

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// Raw HTML in Markdown is dropped unless site.toml's [markdown] raw_html is
// true. Even then it passes through sanitizeHTML: only the elements and
// attributes of plain prose survive, every URL is checked, and script,
// style, frames, objects, forms and event handlers never reach a page.

// allowedTags are the elements raw HTML may use, with the attributes each
// may carry besides the global ones.
var allowedTags = map[string][]string{
	"a": {"href"}, "abbr": nil, "b": nil, "blockquote": {"cite"}, "br": nil, "caption": nil,
	"cite": nil, "code": nil, "dd": nil, "del": nil, "details": nil, "dfn": nil, "div": nil,
	"dl": nil, "dt": nil, "em": nil, "figcaption": nil, "figure": nil, "h2": nil, "h3": nil,
	"h4": nil, "h5": nil, "h6": nil, "hr": nil, "i": nil, "img": {"src", "alt", "width", "height"},
	"ins": nil, "kbd": nil, "li": nil, "mark": nil, "ol": {"start"}, "p": nil, "pre": nil,
	"q": {"cite"}, "s": nil, "small": nil, "span": nil, "strong": nil, "sub": nil,
	"summary": nil, "sup": nil, "table": nil, "tbody": nil, "td": {"colspan", "rowspan"},
	"tfoot": nil, "th": {"colspan", "rowspan", "scope"}, "thead": nil, "time": {"datetime"},
	"tr": nil, "u": nil, "ul": nil,
}

// globalAttrs may stand on any allowed element.
var globalAttrs = []string{"title", "lang", "dir", "class", "id"}

// droppedWithContent are elements whose content goes with them.
var droppedWithContent = map[string]bool{
	"script": true, "style": true, "iframe": true, "frame": true, "frameset": true, "object": true,
	"embed": true, "noscript": true, "template": true, "svg": true, "math": true, "textarea": true,
	"select": true, "title": true, "xmp": true, "noembed": true, "noframes": true, "plaintext": true,
}

// sanitizeHTML writes the harmless part of an HTML fragment.
func sanitizeHTML(w util.BufWriter, frag []byte) {
	z := html.NewTokenizer(bytes.NewReader(frag))
	skip := ""
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return
		case html.TextToken:
			if skip == "" {
				w.WriteString(html.EscapeString(string(z.Text())))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			if skip != "" {
				continue
			}
			if droppedWithContent[tag] {
				if tt == html.StartTagToken {
					skip = tag
				}
				continue
			}
			extra, ok := allowedTags[tag]
			if !ok {
				continue
			}
			w.WriteString("<" + tag)
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attr := string(k)
				if !contains(globalAttrs, attr) && !contains(extra, attr) {
					continue
				}
				val := string(v)
				switch attr {
				case "href", "cite":
					if !safeLink(val) {
						continue
					}
				case "src":
					if !localFile(val) {
						continue
					}
					val = SiteRootMarker + strings.TrimLeft(val, "/")
				}
				w.WriteString(" " + attr + `="` + html.EscapeString(val) + `"`)
			}
			w.WriteString(">")
		case html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			if skip != "" {
				if tag == skip {
					skip = ""
				}
				continue
			}
			if _, ok := allowedTags[tag]; ok {
				w.WriteString("</" + tag + ">")
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// scheme returns the lower-case scheme of a URL as a browser reads it:
// after decoding character references and dropping the control characters
// and spaces that browsers ignore ("java&#x09;script:" is javascript:). It
// returns "" for a relative URL.
func scheme(u string) string {
	clean := strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, html.UnescapeString(u))
	i := strings.IndexAny(clean, ":/?#")
	if i <= 0 || clean[i] != ':' || !validScheme(clean[:i]) {
		return "" // no scheme: a browser reads it as a relative URL
	}
	return strings.ToLower(clean[:i])
}

// validScheme reports whether s is a URL scheme: a letter, then letters,
// digits, "+", "-" or ".".
func validScheme(s string) bool {
	for i, c := range []byte(s) {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// safeLink reports whether a link may be emitted: to the web, to an
// address, or relative.
func safeLink(u string) bool {
	switch scheme(u) {
	case "", "http", "https", "mailto":
		return true
	}
	return false
}

// localFile reports whether an image source is one of the site's own
// files: relative, with no host.
func localFile(u string) bool {
	if scheme(u) != "" || strings.HasPrefix(strings.TrimSpace(u), "//") {
		return false
	}
	p, err := url.Parse(u)
	return err == nil && p.Host == ""
}

// rawHTML renders raw HTML through sanitizeHTML, or drops it.
type rawHTML struct{ allow bool }

func (r rawHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHTMLBlock, r.block)
	reg.Register(ast.KindRawHTML, r.inline)
}

func (r rawHTML) block(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering || !r.allow {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.HTMLBlock)
	var buf bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		buf.Write(seg.Value(source))
	}
	if n.HasClosure() {
		buf.Write(n.ClosureLine.Value(source))
	}
	sanitizeHTML(w, buf.Bytes())
	return ast.WalkSkipChildren, nil
}

func (r rawHTML) inline(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering || !r.allow {
		return ast.WalkSkipChildren, nil
	}
	n := node.(*ast.RawHTML)
	var buf bytes.Buffer
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		buf.Write(seg.Value(source))
	}
	sanitizeHTML(w, buf.Bytes())
	return ast.WalkSkipChildren, nil
}
