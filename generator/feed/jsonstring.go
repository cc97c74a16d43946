package feed

import "unicode/utf8"

// A jsonAppender writes itself as encoding/json's Marshal would, byte for
// byte, without reflection: writeJSON uses it for the rows a large site
// has hundreds of thousands of (data/changes.json).
type jsonAppender interface {
	appendJSON(b []byte) []byte
}

// appendJSONString appends s as a JSON string, escaped exactly as
// encoding/json escapes it (HTML escaping on): <, > and & as \u003c,
// \u003e and \u0026, the line and paragraph separators U+2028 and U+2029
// escaped, and each byte of invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONField appends "name":value, after a comma unless first; with
// omitEmpty, nothing for an empty value (the tag's omitempty).
func appendJSONField(b []byte, name, value string, first, omitEmpty bool) []byte {
	if omitEmpty && value == "" {
		return b
	}
	if !first {
		b = append(b, ',')
	}
	b = append(b, '"')
	b = append(b, name...)
	b = append(b, '"', ':')
	return appendJSONString(b, value)
}

func (l link) appendJSON(b []byte) []byte {
	b = appendJSONField(append(b, '{'), "kind", l.Kind, true, false)
	b = appendJSONField(b, "title", l.Title, false, false)
	b = appendJSONField(b, "url", l.URL, false, false)
	return append(b, '}')
}

// appendJSON writes a row of data/changes.json as Marshal would (the
// order and omitempty of change's tags; a test holds them together).
func (c change) appendJSON(b []byte) []byte {
	b = appendJSONField(append(b, '{'), "id", c.ID, true, false)
	b = appendJSONField(b, "date", c.Date, false, false)
	b = appendJSONField(b, "time", c.Time, false, false)
	b = c.Record.appendJSON(append(b, `,"record":`...))
	b = appendJSONField(b, "slug", c.Slug, false, false)
	b = appendJSONField(b, "change", c.Change, false, false)
	b = appendJSONField(b, "field", c.Field, false, true)
	b = appendJSONField(b, "within", c.Within, false, true)
	b = appendJSONField(b, "old", c.Old, false, true)
	b = appendJSONField(b, "new", c.New, false, true)
	b = appendJSONField(b, "text", c.Text, false, false)
	b = appendJSONField(b, "note", c.Note, false, true)
	b = appendJSONField(b, "url", c.URL, false, false)
	return append(b, '}')
}
