package site

import (
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

// A MarkdownLink is a link in a record's Markdown to a file of the site
// that nothing but the built site can vouch for: one written from the root
// ([the archive](/data/#offline)), or a record's link with an anchor
// ([](prisoner:rocio-san-miguel#changes)). Site.Links lists them, so that
// check reports one that leads to a missing file or anchor once, at the
// line the editor wrote it, rather than on every page that shows the text.
type MarkdownLink struct {
	Dest     string // as written
	Target   string // the file it leads to, from the site's root: "es/timeline/index.html"
	Fragment string // the anchor it names, or ""
	Pos      content.Pos
}

// link notes a link of the text being converted; target is the address
// it was given, under RootMarker or SiteRootMarker.
func (st *docState) link(dest, target string, pos content.Pos) {
	target, fragment, _ := strings.Cut(target, "#")
	st.links = append(st.links, MarkdownLink{Dest: dest, Target: target, Fragment: fragment, Pos: pos})
}

// placed returns the links with their targets from the site's root: a
// language's pages are under prefix ("es/"), the files every language
// shares are at the root.
func placed(links []MarkdownLink, prefix string) []MarkdownLink {
	out := make([]MarkdownLink, len(links))
	for i, l := range links {
		if rest, ok := strings.CutPrefix(l.Target, RootMarker); ok {
			l.Target = prefix + rest
		} else {
			l.Target = strings.TrimPrefix(l.Target, SiteRootMarker)
		}
		out[i] = l
	}
	return out
}
