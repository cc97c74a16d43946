package feed

import (
	"encoding/xml"
	"testing"
)

// FuzzXMLDoc checks that any text and attribute value the feeds and the
// sitemap write comes back unchanged from an XML parser.
func FuzzXMLDoc(f *testing.F) {
	f.Add("Ana & <Luis>", `"quoted" 'single'`)
	f.Add("line\nbreak\ttab", "]]> -->")
	f.Fuzz(func(t *testing.T, text, attr string) {
		d := newXMLDoc()
		d.WriteString("<doc>\n")
		d.elem("  ", "title", text)
		d.empty("  ", "link", "href", attr, "rel", "")
		d.WriteString("</doc>\n")
		var got struct {
			Title string `xml:"title"`
			Link  struct {
				Href string  `xml:"href,attr"`
				Rel  *string `xml:"rel,attr"`
			} `xml:"link"`
		}
		if err := xml.Unmarshal(d.Bytes(), &got); err != nil {
			t.Fatalf("%v\n%s", err, d.Bytes())
		}
		// XML cannot carry every code point: EscapeText replaces those it
		// cannot with U+FFFD, so compare only what XML can hold.
		if want := xmlSafe(text); got.Title != want {
			t.Errorf("title %q, want %q", got.Title, want)
		}
		if want := xmlSafe(attr); got.Link.Href != want {
			t.Errorf("href %q, want %q", got.Link.Href, want)
		}
		if got.Link.Rel != nil {
			t.Error("an empty attribute was written")
		}
	})
}

// xmlSafe is s as encoding/xml writes and reads it back.
func xmlSafe(s string) string {
	var d xmlDoc
	d.text(s)
	var out string
	if err := xml.Unmarshal([]byte("<a>"+d.String()+"</a>"), &out); err != nil {
		return ""
	}
	return out
}
