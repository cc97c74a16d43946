package content

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Rocío":        "rocio",
		"ROCÍO":        "rocio",
		"Roci\u0301o":  "rocio", // already decomposed
		"Núñez Ibáñez": "nunez ibanez",
		"São Tomé":     "sao tome",
		"plain ASCII":  "plain ascii",
		"Ærø":          "ærø", // letters, not marks: kept
		"Δελτίο":       "δελτιο",
		"":             "",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkFold(b *testing.B) {
	for b.Loop() {
		Fold("Rocío San Miguel, presidenta de Control Ciudadano")
		Fold("Plain ascii name")
	}
}

func TestSlug(t *testing.T) {
	for _, tt := range []struct {
		in   string
		max  int
		want string
	}{
		{"Rocío San Miguel", 0, "rocio-san-miguel"},
		{"Arrested at Maiquetía: held incommunicado for days", 6, "arrested-at-maiquetia-held-incommunicado-for"},
		{"  --Ña, 2024!  ", 0, "na-2024"},
		{"", 0, ""},
	} {
		if got := Slug(tt.in, tt.max); got != tt.want || (got != "" && !ValidSlug(got)) {
			t.Errorf("Slug(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}
