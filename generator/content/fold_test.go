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
