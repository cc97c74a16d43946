package site

import (
	"os"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
)

func TestDateInWords(t *testing.T) {
	en, _ := i18n.Load(nil, i18n.English)
	es, err := i18n.Load(os.DirFS("../.."), "es")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, en, es string }{
		{"2024-02-09", "9 February 2024", "9 de febrero de 2024"},
		{"2024-02-01/2024-02-09", "between 1 and 9 February 2024", "entre el 1 y el 9 de febrero de 2024"},
		{"2026-01-08/2026-01", "after 8 January 2026", "después del 8 de enero de 2026"},
		{"2026-01-08/2026", "after 8 January 2026", "después del 8 de enero de 2026"},
		{"2026-01/2026-01-20", "by 20 January 2026", "a más tardar el 20 de enero de 2026"},
		{"2024-01-30/2024-02-09", "between 30 January and 9 February 2024", "entre el 30 de enero y el 9 de febrero de 2024"},
		{"2025-12-30/2026-01-02", "between 30 December 2025 and 2 January 2026", "entre el 30 de diciembre de 2025 y el 2 de enero de 2026"},
		{"2024-01/2024-03", "between January and March 2024", "entre enero y marzo de 2024"},
		{"2026-01-08/2026-02", "between 8 January 2026 and February 2026", "entre el 8 de enero de 2026 y febrero de 2026"},
		{"2024/2025", "between 2024 and 2025", "entre 2024 y 2025"},
	}
	for _, tt := range tests {
		d, err := content.ParseDate(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := Date(en, d); got != tt.en {
			t.Errorf("%s in English = %q, want %q", tt.in, got, tt.en)
		}
		if got := Date(es, d); got != tt.es {
			t.Errorf("%s in Spanish = %q, want %q", tt.in, got, tt.es)
		}
	}
}
