package feed

import (
	"encoding/xml"
	"strings"
)

// A Page is one page of the site for the sitemap: its URL relative to the
// site's root and the date it was last updated (ISO 8601, any precision).
type Page struct {
	URL     string
	Lastmod string
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	Lastmod string `xml:"lastmod,omitempty"`
}

// Sitemap writes sitemap.xml and robots.txt. A sitemap needs absolute
// addresses, so without a base URL (site.toml or -baseurl) it writes only
// a robots.txt that allows everything.
func Sitemap(baseURL string, pages []Page, out Output) error {
	robots := "User-agent: *\nAllow: /\n"
	if baseURL != "" {
		set := urlset{}
		for _, p := range pages {
			set.URLs = append(set.URLs, sitemapURL{Loc: baseURL + p.URL, Lastmod: p.Lastmod})
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
