package search

import (
	"slices"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Rocío San Miguel", []string{"roci", "san", "miguel"}},
		{"ROCIO", []string{"roci"}},
		{"rocio", []string{"roci"}},
		{"El Helicoide", []string{"helicoid"}},
		{"presos políticos", []string{"pres", "politic"}},
		{"Presas políticas", []string{"pres", "politic"}},
		{"las detenciones y la detención", []string{"detencion", "detencion"}},
		{"releases, release", []string{"releas", "releas"}},
		{"863 political prisoners", []string{"863", "political", "prisoner"}},
		{"la excarcelación", []string{"excarcelacion"}},
		{"Foro Penal: at least 86", []string{"foro", "penal", "least", "86"}},
		{"co-founder's", []string{"co", "founder"}},
		{"1,800 held; 1.800 personas; 18,739 arrests", []string{"1800", "held", "1800", "person", "18739", "arrest"}},
		{"1,800,000 and 6.5 MB, 2024, 2025", []string{"1800000", "6", "5", "mb", "2024", "2025"}},
		{"12,3456 or 1,23", []string{"12", "3456", "1", "23"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStemJoinsForms(t *testing.T) {
	groups := [][]string{
		{"preso", "presos", "presa", "presas"},
		{"detenido", "detenida", "detenidos", "detenidas"},
		{"detencion", "detenciones"},
		{"release", "releases"},
		{"country", "countries"},
		{"carcel", "carceles"},
		{"vez", "veces"},
		{"prisoner", "prisoners"},
	}
	for _, g := range groups {
		for _, w := range g[1:] {
			if Stem(w) != Stem(g[0]) {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q; want the same", w, Stem(w), g[0], Stem(g[0]))
			}
		}
	}
	// Short words and numbers stay as they are.
	for _, w := range []string{"san", "86", "2024", "ley"} {
		if Stem(w) != w {
			t.Errorf("Stem(%q) = %q", w, Stem(w))
		}
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Rocío San Miguel", "ÅÉÎ ßẞ ǅ", "a\u0301\u0301", "x\xffy", "🙂 emoji", "ΣΊΣΥΦΟΣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, tok := range Tokens(s) {
			if tok == "" {
				t.Fatalf("empty token from %q", s)
			}
			if stopWords[tok] {
				t.Errorf("stop word %q kept", tok)
			}
			// Tokens are stable: a token tokenises to itself, or to
			// nothing when stemming made a stop word.
			if again := Tokens(tok); len(again) > 1 {
				t.Errorf("Tokens(%q) = %q: a token split again", tok, again)
			}
		}
	})
}
