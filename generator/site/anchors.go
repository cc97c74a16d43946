package site

import (
	"fmt"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// headingIDs gives a text's headings their anchors, as goldmark's own
// ids do (lower case, a hyphen for each space, other marks dropped, "-1",
// "-2" after a repeat), but with the accents folded first, so that a
// Spanish heading keeps its letters: "¿Cuántas personas?" is
// #cuantas-personas, not #cuntas-personas. An English heading's anchor is
// the same as goldmark's.
type headingIDs struct {
	used map[string]bool
	n    map[string]int // the last number put after each anchor
}

func newHeadingIDs() parser.IDs {
	return &headingIDs{used: make(map[string]bool), n: make(map[string]int)}
}

func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var id []byte
	for _, r := range content.Fold(strings.TrimSpace(string(value))) {
		switch {
		case 'a' <= r && r <= 'z', '0' <= r && r <= '9':
			id = append(id, byte(r))
		case r == ' ' || '\t' <= r && r <= '\r' || r == '-' || r == '_':
			id = append(id, '-')
		}
	}
	if len(id) == 0 {
		id = []byte("heading")
		if kind != ast.KindHeading {
			id = []byte("id")
		}
	}
	if !h.used[string(id)] {
		h.used[string(id)] = true
		return id
	}
	for i := h.n[string(id)] + 1; ; i++ {
		if next := fmt.Sprintf("%s-%d", id, i); !h.used[next] {
			h.used[next] = true
			h.n[string(id)] = i
			return []byte(next)
		}
	}
}

func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
