package content

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Control characters are invisible in an editor, and written out as raw
// bytes they corrupt what readers get: a NUL or ESC in a name reaches
// data/prisoners.csv and a terminal as it is, a carriage return breaks
// lines where none shows. So none is accepted anywhere in a record, raw in
// the file (Markdown included) or written as an escape in a TOML string
// ("\u001b"): each is an error at its position. Tab and newline are text;
// a carriage return is accepted only before a newline (files saved with
// Windows line endings).

// controlNames name the control characters an editor may recognise.
var controlNames = map[rune]string{0: "NUL", 7: "BEL", 8: "BS", 0x0b: "VT", 0x0c: "FF", '\r': "CR", 0x1b: "ESC", 0x7f: "DEL"}

// controlAt returns the byte offset of the first control character in s
// that is not text, and the character; -1 if there is none.
func controlAt(s string) (int, rune) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 0x20 && b < 0x7f {
			continue // printable ASCII, most of any text: no rune to decode
		}
		r, n := rune(b), 1
		if b >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !unicode.IsControl(r) || r == '\t' || r == '\n' || r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i += n - 1
			continue
		}
		return i, r
	}
	return -1, 0
}

// describeControl writes a control character as U+001B (ESC).
func describeControl(r rune) string {
	if name, ok := controlNames[r]; ok {
		return fmt.Sprintf("%U (%s)", r, name)
	}
	return fmt.Sprintf("%U", r)
}

// checkControl records an error at the first control character of a
// file's source, and reports whether there was none.
func checkControl(file string, src string, errs *ErrorList) bool {
	i, r := controlAt(src)
	if i < 0 {
		return true
	}
	line, col := 1, 1
	for _, c := range src[:i] {
		col++
		if c == '\n' {
			line, col = line+1, 1
		}
	}
	errs.Addf(Pos{File: file, Line: line, Col: col}, "the control character %s is not allowed in a record: it is invisible and would reach the data files as a raw byte; remove it", describeControl(r))
	return false
}

// controlFree records an error when a decoded string value of key holds a
// control character, written as an escape, and reports whether it did not.
func (f *fields) controlFree(key, s string) bool {
	if i, r := controlAt(s); i >= 0 {
		f.errorf(key, "%s holds the control character %s, which is invisible and would reach the data files as a raw byte; remove it", key, describeControl(r))
		return false
	}
	return true
}
