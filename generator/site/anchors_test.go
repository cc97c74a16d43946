package site

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// TestHeadingIDs: a heading's anchor keeps its accented letters, without
// their accents; an ASCII heading's anchor is goldmark's own.
func TestHeadingIDs(t *testing.T) {
	ours := newHeadingIDs()
	for _, c := range []struct{ heading, want string }{
		{"¿Cuántas personas siguen detenidas?", "cuantas-personas-siguen-detenidas"},
		{"Verificación", "verificacion"},
		{"El Helicoide y los demás centros", "el-helicoide-y-los-demas-centros"},
		{"Año 2026: niñas y niños", "ano-2026-ninas-y-ninos"},
		{"Verificación", "verificacion-1"},
		{"Verificacion", "verificacion-2"},
		{"«¿?»", "heading"},
	} {
		if got := string(ours.Generate([]byte(c.heading), ast.KindHeading)); got != c.want {
			t.Errorf("%q: #%s, want #%s", c.heading, got, c.want)
		}
	}
	ours, theirs := newHeadingIDs(), parser.NewContext().IDs()
	for _, h := range []string{"How to read it", "  Who is included  ", "Counts (2024–2026)", "snake_case and kebab-case", "Background", "Background", "Tab\there", "!!!"} {
		got, want := ours.Generate([]byte(h), ast.KindHeading), theirs.Generate([]byte(h), ast.KindHeading)
		if string(got) != string(want) {
			t.Errorf("%q: #%s, goldmark's #%s", h, got, want)
		}
	}
}
