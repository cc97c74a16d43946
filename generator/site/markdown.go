package site

import (
	"bytes"
	"io/fs"
	"net/url"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// HTML is Markdown rendered to HTML; a text without any is nil, so that a
// template's {{with .Body}} leaves it out. Links into the site in it start
// with RootMarker, which the renderer replaces with the path from the page
// that shows it to the site's root, so one rendering serves pages at any
// depth. Its bytes are a content.Text, kept where the set keeps its
// Markdown (content.Set.Texts): in a file while build and check run.
type HTML struct{ text content.Text }

// String returns the HTML; "" for nil.
func (h *HTML) String() string {
	if h == nil {
		return ""
	}
	return h.text.String()
}

// RootMarker stands for the relative path to the root of the page's
// language in the links of rendered Markdown ("../../" on a prisoner's
// page); SiteRootMarker for the path to the site's root, where the files
// shared by every language are (static files, the offline archive).
const (
	RootMarker     = "@@root/"
	SiteRootMarker = "@@site/"
)

// File turns a URL relative to the site's root into the link that works
// everywhere: a folder's URL names its index.html ("prisoners/x/" becomes
// "prisoners/x/index.html"), so that a copy opened from disk, where a folder
// shows as a listing, follows it too. A fragment is kept.
func File(u string) string {
	path, frag, hasFrag := strings.Cut(u, "#")
	if path == "" || strings.HasSuffix(path, "/") {
		path += "index.html"
	}
	if hasFrag {
		path += "#" + frag
	}
	return path
}

// refSchemes maps the scheme of a reference link to the kind it names.
var refSchemes = map[string]content.Kind{
	"prisoner:":  content.KindPrisoner,
	"statement:": content.KindStatement,
	"site:":      content.KindSite,
	"brief:":     content.KindBrief,
	"event:":     content.KindEvent,
	"page:":      content.KindPage,
	"count:":     content.KindCount,
}

func isRef(dest string) bool {
	for scheme := range refSchemes {
		if strings.HasPrefix(dest, scheme) {
			return true
		}
	}
	return false
}

// markdown converts the site's Markdown. It is safe for concurrent use.
type markdown struct {
	md     goldmark.Markdown
	texts  *content.Texts         // where the rendered texts are kept; nil: in memory
	isPage func(slug string) bool // whether a slug is a standing page's
	static func(name string) bool // whether static/ holds a file; nil: any
}

// docState travels with one document through the parser.
type docState struct {
	isPage  func(slug string) bool
	src     []byte
	at      content.Pos
	idBase  string
	resolve func(content.Ref) (title, url string, ok bool)
	refs    []content.Ref
	static  func(name string) bool
	images  []string       // the files of static/ the images show
	links   []MarkdownLink // its links that only the built site vouches for
	tooDeep bool           // nesting past maxNesting was reported
	lines   []int          // where each line of src starts, once a position is asked for
	rescans int            // bytes that searches for a link's address have read again
	errs    *content.ErrorList
}

var stateKey = parser.NewContextKey()

// newMarkdown makes the converter; allowHTML is site.toml's
// [markdown] raw_html.
func newMarkdown(allowHTML bool) *markdown {
	return &markdown{md: goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(blockParsers()...),
			parser.WithInlineParsers(parser.DefaultInlineParsers()...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
		)),
		goldmark.WithExtensions(
			extension.Table,
			extension.Strikethrough,
			extension.Linkify,
			extension.Typographer,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)),
		),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(transformer{}, 100)),
			parser.WithInlineParsers(util.Prioritized(quoteRuns{}, 9000)), // before the typographer's, at 9999
		),
		goldmark.WithRendererOptions(
			renderer.WithNodeRenderers(util.Prioritized(rawHTML{allow: allowHTML}, 100)),
		),
	)}
}

// A converted text is a Markdown text rendered, and what the rendering
// found in it.
type converted struct {
	html   *HTML
	refs   []content.Ref  // its reference links, for back-references
	images []string       // the files of static/ its images show
	links  []MarkdownLink // its links to the site's files, under their marker
}

// convert renders one Markdown text. Reference links are resolved with
// resolve; an unknown one is an error at its line. idBase prefixes
// footnote ids, so that two documents on one page do not clash. The
// images it shows are returned, so that a cached rendering can be checked
// against the files of the next build, and its links into the site, for
// check.
func (m *markdown) convert(md content.Markdown, idBase string, resolve func(content.Ref) (string, string, bool), errs *content.ErrorList) converted {
	text := md.Text.String()
	if strings.TrimSpace(text) == "" {
		return converted{}
	}
	isPage := m.isPage
	if isPage == nil {
		isPage = func(string) bool { return false }
	}
	static := m.static
	if static == nil {
		static = func(string) bool { return true }
	}
	st := &docState{isPage: isPage, static: static, src: []byte(text), at: md.Pos, idBase: idBase, resolve: resolve, errs: errs}
	refused := false
	for _, tooMuch := range []func() bool{st.tooMuchWork, st.tooManyDefinitions, st.parensTooDeep, st.tableTooBig} {
		refused = tooMuch() || refused // each reports its error
	}
	if refused {
		return converted{} // an error: not worth the seconds it would take
	}
	ctx := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	ctx.Set(stateKey, st)
	var buf bytes.Buffer
	if err := m.md.Convert(st.src, &buf, parser.WithContext(ctx)); err != nil {
		errs.Addf(md.Pos, "cannot render Markdown: %v", err)
	}
	c := converted{refs: st.refs, images: st.images, links: st.links}
	if buf.Len() != 0 {
		c.html = &HTML{m.texts.KeepBytes(buf.Bytes())}
	}
	return c
}

// transformer resolves reference links, fills their empty text, keeps
// images on the site's own files and shifts headings below the page's h1.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(stateKey).(*docState)
	if st == nil {
		return
	}
	doc.SetAttributeString("fnprefix", []byte(st.idBase))
	shift := false
	searchFrom := 0
	var unsafe []*ast.AutoLink
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				shift = true
			}
		case *ast.AutoLink:
			u := string(n.URL(st.src))
			pos := st.posOf(u, &searchFrom) // every link moves the search on, so that the next is found after it
			if !safeLink(u) {
				st.errs.Addf(pos, "link %q is not allowed: a link may go to a web address (https://), an e-mail address (mailto:) or a record (prisoner:slug)", u)
				unsafe = append(unsafe, n)
			}
		case *ast.Link:
			dest := string(n.Destination)
			pos := st.linkPos(n, dest, &searchFrom)
			if !isRef(dest) && !safeLink(dest) {
				st.errs.Addf(pos, "link %q is not allowed: a link may go to a web address (https://), an e-mail address (mailto:) or a record (prisoner:slug)", dest)
				n.Destination = nil
				return ast.WalkContinue, nil
			}
			if strings.HasPrefix(dest, "/") && !strings.HasPrefix(dest, "//") {
				// A link from the root, made relative to the page: to the
				// language's root for its pages, to the site's for the
				// files every language shares.
				p := strings.TrimLeft(dest, "/")
				first, _, _ := strings.Cut(p, "/")
				marker := SiteRootMarker
				if LanguagePath(first) || st.isPage(first) {
					marker = RootMarker
				}
				n.Destination = []byte(marker + File(p))
				st.link(dest, marker+File(p), pos)
				return ast.WalkContinue, nil
			}
			for scheme, kind := range refSchemes {
				slug, ok := strings.CutPrefix(dest, scheme)
				if !ok {
					continue
				}
				slug, anchor, hasAnchor := strings.Cut(slug, "#")
				ref := content.Ref{Kind: kind, Slug: slug, Pos: pos}
				title, url, ok := st.resolve(ref)
				if !ok {
					n.Destination = nil
					return ast.WalkContinue, nil
				}
				st.refs = append(st.refs, ref)
				if hasAnchor {
					if strings.Contains(url, "#") {
						st.errs.Addf(pos, "link %q names an anchor, but the link already goes to the %s's own place on its page: remove #%s", dest, kind, anchor)
					} else {
						url += "#" + anchor
						st.link(dest, RootMarker+File(url), pos)
					}
				}
				n.Destination = []byte(RootMarker + File(url))
				if n.ChildCount() == 0 {
					n.AppendChild(n, ast.NewString([]byte(title)))
				}
			}
		case *ast.Image:
			dest := string(n.Destination)
			pos := st.linkPos(n, dest, &searchFrom)
			if !localFile(dest) {
				st.errs.Addf(pos, "image %q is not on this site; readers must make no request to another host: copy it into static/ and write its path, such as images/%s", dest, lastSegment(dest))
				n.Destination = nil
				break
			}
			name, ok := staticName(dest)
			switch {
			case !ok:
				st.errs.Addf(pos, "image %q is not a file in static/: an image must be one of the site's own files, written by its path in static/, such as images/%s", dest, lastSegment(dest))
				n.Destination = nil
			case !st.static(name):
				st.errs.Addf(pos, "image %q does not exist: there is no static/%s; copy the image there or correct its path", dest, name)
				n.Destination = nil
			default:
				st.images = append(st.images, name)
				n.Destination = []byte(SiteRootMarker + strings.TrimLeft(dest, "/"))
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range unsafe {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.URL(st.src)))
	}
	if shift {
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering && h.Level < 6 {
				h.Level++
			}
			return ast.WalkContinue, nil
		})
	}
}

// staticName returns the file of static/ that an image's address names:
// its path, unescaped, from the root of the site, where static/'s files
// are. It reports false for an address that leaves the site ("..").
func staticName(dest string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil {
		return "", false
	}
	name := strings.TrimLeft(u.Path, "/")
	return name, name != "" && fs.ValidPath(strings.TrimSuffix(name, "/"))
}

func footnotePrefix(n ast.Node) []byte {
	if doc := n.OwnerDocument(); doc != nil {
		if v, ok := doc.AttributeString("fnprefix"); ok {
			return v.([]byte)
		}
	}
	return nil
}

func lastSegment(s string) string {
	s = strings.TrimRight(s, "/")
	return s[strings.LastIndexByte(s, '/')+1:]
}
