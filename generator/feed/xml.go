package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"unicode/utf8"
)

// xmlDoc builds an XML document by appending to a buffer: the feeds and
// the sitemap are flat and known in advance, so they are written directly
// rather than through encoding/xml's reflection, which cost more than the
// rest of the build's feeds put together.
type xmlDoc struct {
	bytes.Buffer
}

func newXMLDoc() *xmlDoc {
	d := &xmlDoc{}
	d.start()
	return d
}

// start empties the document, keeping its buffer, and writes the XML
// declaration.
func (d *xmlDoc) start() {
	d.Reset()
	d.WriteString(xml.Header)
}

// text writes s escaped for element content or a quoted attribute.
func (d *xmlDoc) text(s string) {
	if strings.IndexFunc(s, needsEscape) < 0 {
		d.WriteString(s)
		return
	}
	xml.EscapeText(d, []byte(s))
}

// needsEscape reports whether xml.EscapeText would change r.
func needsEscape(r rune) bool {
	switch r {
	case '&', '<', '>', '"', '\'', '\t', '\n', '\r', utf8.RuneError:
		return true
	}
	return r < 0x20 || r >= 0xD800 && r < 0xE000 || r == 0xFFFE || r == 0xFFFF
}

// elem writes <name>text</name> on its own line, indented.
func (d *xmlDoc) elem(indent, name, text string) {
	d.WriteString(indent)
	d.WriteString("<" + name + ">")
	d.text(text)
	d.WriteString("</" + name + ">\n")
}

// empty writes an empty element with the given attributes, in pairs of
// name and value; an attribute with an empty value is left out.
func (d *xmlDoc) empty(indent, name string, attrs ...string) {
	d.WriteString(indent)
	d.WriteString("<" + name)
	for i := 0; i+1 < len(attrs); i += 2 {
		if attrs[i+1] == "" {
			continue
		}
		d.WriteString(" " + attrs[i] + `="`)
		d.text(attrs[i+1])
		d.WriteByte('"')
	}
	d.WriteString("></" + name + ">\n")
}
