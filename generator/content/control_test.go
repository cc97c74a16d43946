package content

import (
	"testing"
	"unicode"
)

var controlSeeds = []string{"", "plain text", "a\tb\nc", "a\rb", "a\r\n", "a\r", "x\u0085y", "\xff\x1b", "é\x1b", "\x7f", "\x00", "ñ\u2028", "\xc2"}

// TestControlAt: the control characters found, at their byte offsets.
func TestControlAt(t *testing.T) {
	for _, c := range []struct {
		s    string
		at   int
		char rune
	}{
		{"plain text", -1, 0},
		{"a\tb\nc", -1, 0},
		{"a\r\nb", -1, 0},
		{"a\rb", 1, '\r'},
		{"a\r", 1, '\r'},
		{"x\u0085y", 1, 0x85},
		{"é\x1b", 2, 0x1b},
		{"\xff\x7f", 1, 0x7f},
		{"ñ\u2028", -1, 0}, // a line separator is not a control character
	} {
		if at, char := controlAt(c.s); at != c.at || char != c.char {
			t.Errorf("controlAt(%q) = %d, %U; want %d, %U", c.s, at, char, c.at, c.char)
		}
	}
}

// FuzzControlAt: controlAt, which skips printable ASCII without decoding
// it, finds what a rune by rune reading finds.
func FuzzControlAt(f *testing.F) {
	for _, s := range controlSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		wantAt, wantChar := -1, rune(0)
		for i, r := range s {
			if unicode.IsControl(r) && r != '\t' && r != '\n' && !(r == '\r' && i+1 < len(s) && s[i+1] == '\n') {
				wantAt, wantChar = i, r
				break
			}
		}
		if at, char := controlAt(s); at != wantAt || char != wantChar {
			t.Fatalf("controlAt(%q) = %d, %U; rune by rune %d, %U", s, at, char, wantAt, wantChar)
		}
	})
}
