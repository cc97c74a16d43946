package feed

import (
	"slices"
	"strings"

	"github.com/presos-politicos/briefing/generator/site"
)

// A Page is one page of the site for the sitemap: its URL relative to the
// site's root, the date it was last updated (ISO 8601, any precision), and
// the same page in each language of the site, by language.
type Page struct {
	URL        string
	Lastmod    string
	Alternates [][2]string // language, URL relative to the site's root
}

// maxSitemapURLs is the most addresses one sitemap may list
// (sitemaps.org/protocol.html).
const maxSitemapURLs = 50_000

// Sitemap writes sitemap.xml and robots.txt. A sitemap needs absolute
// addresses, so without a base URL (site.toml or -baseurl) it writes only
// a robots.txt that allows everything. A sitemap of more than 50,000
// addresses or of partBytes (0 means PartBytes) is written in parts
// (sitemap-1.xml, ...), and sitemap.xml is the index that lists them.
func Sitemap(baseURL string, pages []Page, out site.Output, partBytes int) error {
	if partBytes == 0 {
		partBytes = PartBytes
	}
	return sitemap(baseURL, pages, out, partBytes, maxSitemapURLs)
}

func sitemap(baseURL string, pages []Page, out site.Output, limit, maxURLs int) error {
	robots := "User-agent: *\nAllow: /\n"
	if baseURL != "" {
		d := newXMLDoc()
		d.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`)
		if slices.ContainsFunc(pages, func(p Page) bool { return len(p.Alternates) > 0 }) {
			d.WriteString(` xmlns:xhtml="http://www.w3.org/1999/xhtml"`)
		}
		d.WriteString(">\n")
		head := d.String()
		w := newPartWriter(out, limit)
		f := w.begin("sitemap.xml", head, "", "</urlset>\n", head+"</urlset>\n", maxURLs)
		for _, p := range pages {
			d.Reset()
			d.WriteString("  <url>\n")
			d.elem("    ", "loc", baseURL+p.URL)
			if p.Lastmod != "" {
				d.elem("    ", "lastmod", p.Lastmod)
			}
			for _, a := range p.Alternates {
				d.empty("    ", "xhtml:link", "rel", "alternate", "hreflang", a[0], "href", baseURL+a[1])
			}
			d.WriteString("  </url>\n")
			if err := f.add(d.Bytes()); err != nil {
				return err
			}
		}
		names, err := f.close()
		if err != nil {
			return err
		}
		if len(w.parts) > 0 {
			index := newXMLDoc()
			index.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
			for _, n := range names {
				index.WriteString("  <sitemap>\n")
				index.elem("    ", "loc", baseURL+n)
				index.WriteString("  </sitemap>\n")
			}
			index.WriteString("</sitemapindex>\n")
			if err := out.WriteFile("sitemap.xml", index.Bytes()); err != nil {
				return err
			}
		}
		robots += "Sitemap: " + baseURL + "sitemap.xml\n"
	}
	return out.WriteFile("robots.txt", []byte(strings.TrimLeft(robots, "\n")))
}
