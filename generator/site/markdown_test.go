package site

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/presos-politicos/briefing/generator/content"
)

func convert(t *testing.T, allowHTML bool, text string) (string, error) {
	t.Helper()
	var errs content.ErrorList
	resolve := func(ref content.Ref) (string, string, bool) {
		if ref.Slug == "ana" {
			return "Ana", "prisoners/ana/", true
		}
		errs.Addf(ref.Pos, "unknown %s", ref.Slug)
		return "", "", false
	}
	c := newMarkdown(allowHTML).convert(content.Markdown{Text: content.TextOf(text), Pos: content.Pos{File: "f.md", Line: 1, Col: 1}}, "", resolve, &errs)
	h := c.html
	return h.String(), errs.Err()
}

func TestUnsafeLinksAreErrors(t *testing.T) {
	for _, src := range []string{
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](java&#x09;script:alert(1))",
		"[x](vbscript:msgbox)",
		"[x](data:text/html,<script>alert(1)</script>)",
		"[x](file:///etc/passwd)",
		"<javascript:alert(1)>",
		"[x](Prisoner:ana)",
		"![x](data:image/png;base64,AAAA)",
		"![x](https://cdn.example/x.png)",
		"![x](//cdn.example/x.png)",
	} {
		out, err := convert(t, false, src)
		if err == nil || !strings.HasPrefix(err.Error(), "f.md:1:") {
			t.Errorf("%s: err = %v", src, err)
		}
		low := strings.ToLower(out)
		for _, bad := range []string{"javascript:", "vbscript:", "data:", "file:", "cdn.example"} {
			if strings.Contains(low, `href="`+bad) || strings.Contains(low, `src="`+bad) || strings.Contains(low, `src="https://`+bad) || strings.Contains(low, `src="//`+bad) {
				t.Errorf("%s rendered %s", src, out)
			}
		}
	}
	for _, src := range []string{"[x](https://example.org/)", "[x](mailto:a@example.org)", "[x](#sources)", "[x](../about/)", "[](prisoner:ana)", "<https://example.org>", "www.example.org"} {
		if _, err := convert(t, false, src); err != nil {
			t.Errorf("%s: %v", src, err)
		}
	}
}

func TestRawHTML(t *testing.T) {
	src := "<script>alert(1)</script>\n\nText <b onclick=\"alert(1)\">bold</b> <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">a</a>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n<div style=\"color:red\" class=\"note\"><p>kept</p><style>p{}</style></div>\n"
	// By default raw HTML is dropped.
	out, err := convert(t, false, src)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "<b") || strings.Contains(out, "<div") || strings.Contains(out, "<script") || strings.Contains(out, "<img") {
		t.Errorf("raw HTML rendered by default:\n%s", out)
	}
	// Allowed, it is sanitized.
	out, err = convert(t, true, src)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "alert(1)</script", "onclick", "onerror", "javascript:", "<iframe", "evil.example", "style=", "<style"} {
		if strings.Contains(out, bad) {
			t.Errorf("sanitized HTML contains %q:\n%s", bad, out)
		}
	}
	for _, good := range []string{"<b>bold</b>", `<img src="@@site/x">`, `<div class="note"><p>kept</p></div>`, "<a>a</a>"} {
		if !strings.Contains(out, good) {
			t.Errorf("sanitized HTML lacks %s:\n%s", good, out)
		}
	}
}

func TestTemplateSyntaxStaysText(t *testing.T) {
	out, err := convert(t, false, "{{.Site.Config}} and {{template \"x\"}}")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "{{.Site.Config}}") {
		t.Errorf("out = %s", out)
	}
}

// FuzzMarkdown renders arbitrary Markdown with reference links: it never
// panics, and never emits a script, a frame, a style, an event handler or a
// link or image with an unsafe scheme.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{"[](prisoner:ana)", "[x](prisoner:nobody)", "<script>x</script>", "[a](javascript:x)", "![i](x.png)", "# H\n\n[^1]\n\n[^1]: n", "<a href=\"java\tscript:x\">", "| a |\n| - |\n| [](site:x) |"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, src string, allowHTML bool) {
		out, _ := convert(t, allowHTML, src)
		if msg := unsafeHTML(out); msg != "" {
			t.Errorf("%q rendered %q: %s", src, out, msg)
		}
	})
}

// unsafeHTML says what in rendered HTML could run a script or load from
// another host, or returns "".
func unsafeHTML(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			switch string(name) {
			case "script", "iframe", "frame", "object", "embed", "style", "link", "meta", "base", "form":
				return "element " + string(name)
			}
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch attr := strings.ToLower(string(k)); {
				case strings.HasPrefix(attr, "on"), attr == "style", attr == "srcdoc", attr == "formaction":
					return "attribute " + attr
				case attr == "href" || attr == "cite":
					if !safeLink(string(v)) {
						return "link " + string(v)
					}
				case attr == "src":
					if !localFile(strings.TrimPrefix(string(v), RootMarker)) {
						return "source " + string(v)
					}
				}
			}
		}
	}
}

func TestRootLinks(t *testing.T) {
	out, err := convert(t, false, "[zip](/briefing-offline.zip) [data](/data/) [ext](//cdn.example/x)")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="@@site/briefing-offline.zip"`, `href="@@root/data/index.html"`, `href="//cdn.example/x"`} {
		if !strings.Contains(out, want) {
			t.Errorf("lacks %s: %s", want, out)
		}
	}
}

// TestMarkdownLinks: the links only the built site can vouch for (from
// the root, or a record's with an anchor) are noted with where they lead,
// from the site's root, and where they are written; a record's link
// without an anchor and a link to another site are not.
func TestMarkdownLinks(t *testing.T) {
	text := "[a](prisoner:ana) [b](prisoner:ana#bio)\n[c](/timeline/#2026-x) [d](/share.png) [e](https://example.org/#x)"
	resolve := func(ref content.Ref) (string, string, bool) { return "Ana", "prisoners/ana/", true }
	var errs content.ErrorList
	c := newMarkdown(false).convert(content.Markdown{Text: content.TextOf(text), Pos: content.Pos{File: "f.md", Line: 3, Col: 1}}, "", resolve, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	want := []MarkdownLink{
		{Dest: "prisoner:ana#bio", Target: "es/prisoners/ana/index.html", Fragment: "bio", Pos: content.Pos{File: "f.md", Line: 3, Col: 23}},
		{Dest: "/timeline/#2026-x", Target: "es/timeline/index.html", Fragment: "2026-x", Pos: content.Pos{File: "f.md", Line: 4, Col: 5}},
		{Dest: "/share.png", Target: "share.png", Pos: content.Pos{File: "f.md", Line: 4, Col: 28}},
	}
	if got := placed(c.links, "es/"); !slices.Equal(got, want) {
		t.Errorf("links:\n%+v\nwant:\n%+v", got, want)
	}
	if !strings.Contains(c.html.String(), `href="`+RootMarker+`prisoners/ana/index.html#bio"`) {
		t.Errorf("the anchor is not kept: %s", c.html)
	}
}
