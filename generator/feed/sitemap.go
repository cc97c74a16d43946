package feed

import (
	"encoding/xml"
	"strings"
)

// A Page is one page of the site for the sitemap: its URL relative to the
// site's root, the date it was last updated (ISO 8601, any precision), and
// the same page in each language of the site, by language.
type Page struct {
	URL        string
	Lastmod    string
	Alternates [][2]string // language, URL relative to the site's root
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	XHTML   string       `xml:"xmlns:xhtml,attr,omitempty"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc        string      `xml:"loc"`
	Lastmod    string      `xml:"lastmod,omitempty"`
	Alternates []xhtmlLink `xml:"xhtml:link"`
}

type xhtmlLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// Sitemap writes sitemap.xml and robots.txt. A sitemap needs absolute
// addresses, so without a base URL (site.toml or -baseurl) it writes only
// a robots.txt that allows everything.
func Sitemap(baseURL string, pages []Page, out Output) error {
	robots := "User-agent: *\nAllow: /\n"
	if baseURL != "" {
		set := urlset{}
		for _, p := range pages {
			u := sitemapURL{Loc: baseURL + p.URL, Lastmod: p.Lastmod}
			for _, a := range p.Alternates {
				u.Alternates = append(u.Alternates, xhtmlLink{Rel: "alternate", Hreflang: a[0], Href: baseURL + a[1]})
				set.XHTML = "http://www.w3.org/1999/xhtml"
			}
			set.URLs = append(set.URLs, u)
		}
		data, err := xml.MarshalIndent(set, "", "  ")
		if err != nil {
			return err
		}
		if err := out.WriteFile("sitemap.xml", append([]byte(xml.Header), append(data, '\n')...)); err != nil {
			return err
		}
		robots += "Sitemap: " + baseURL + "sitemap.xml\n"
	}
	return out.WriteFile("robots.txt", []byte(strings.TrimLeft(robots, "\n")))
}
