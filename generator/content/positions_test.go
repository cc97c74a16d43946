package content

import (
	"testing"
	"testing/fstest"
)

func mapFile(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func TestKeyPositions(t *testing.T) {
	src := `name = "x"
  status="detained"
body = """
inside = "not a key"
"""
"quoted key" = 1
a.b = 2

[[custody]]
site = "a"

[[custody]]
  site = "b"
[private]
phone = "1"
`
	got := keyPositions("f.toml", src, 0)
	tests := []struct {
		key       string
		line, col int
		value     int
	}{
		{"name", 1, 1, 8},
		{"status", 2, 3, 10},
		{"body", 3, 1, 8},
		{"quoted key.", 0, 0, 0},
		{"quoted key", 6, 1, 16},
		{"a.b", 7, 1, 7},
		{"custody[0]", 9, 1, 1},
		{"custody[0].site", 10, 1, 8},
		{"custody[1].site", 13, 3, 10},
		{"private.phone", 15, 1, 9},
		{"inside", 0, 0, 0},
	}
	for _, tt := range tests {
		p, ok := got[tt.key]
		if tt.line == 0 {
			if ok {
				t.Errorf("%q indexed at %v; want it not indexed", tt.key, p.Key)
			}
			continue
		}
		if !ok || p.Key.Line != tt.line || p.Key.Col != tt.col || p.Value.Col != tt.value {
			t.Errorf("%q at %+v, want line %d col %d value col %d", tt.key, p, tt.line, tt.col, tt.value)
		}
	}
	if got["body"].TextLine != 4 {
		t.Errorf("body text starts on line %d, want 4", got["body"].TextLine)
	}
}
