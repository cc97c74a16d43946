package i18n

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestDict(t *testing.T) {
	fsys := fstest.MapFS{Dir + "/es.toml": {Data: []byte(`
"{day} {month} {year}" = "{day} de {month} de {year}"
"{month} {year}" = "{month} de {year}"
"February" = "febrero"
"day" = "día"
"days" = "días"
"{name} arrested" = "Detención de {name}"
`)}}
	es, err := Load(fsys, "es")
	if err != nil {
		t.Fatal(err)
	}
	if got := es.Date(2024, time.February, 9, 3); got != "9 de febrero de 2024" {
		t.Errorf("day date = %q", got)
	}
	if got := es.Date(2024, time.February, 0, 2); got != "febrero de 2024" {
		t.Errorf("month date = %q", got)
	}
	if got := es.Count(1, "day", "days") + ", " + es.Count(679, "day", "days"); got != "1 día, 679 días" {
		t.Errorf("counts = %q", got)
	}
	if got := es.F("{name} arrested", "name", "Ana"); got != "Detención de Ana" {
		t.Errorf("F = %q", got)
	}
	// A missing text comes back in English, and is named by MissingError.
	if got := es.T("Skip to content"); got != "Skip to content" {
		t.Errorf("missing = %q", got)
	}
	err = es.MissingError()
	if err == nil || !strings.Contains(err.Error(), `templates/i18n/es.toml: no translation of "Skip to content" into es`) {
		t.Errorf("MissingError = %v", err)
	}
	// The texts given to Check, and the Dict's own (months, date
	// patterns), are checked whether or not a site shows them.
	es.Check("Only in code")
	for _, text := range []string{`"Only in code"`, `"January"`} {
		if !strings.Contains(es.MissingError().Error(), text) {
			t.Errorf("Check did not check %s", text)
		}
	}
	// English needs no file and translates nothing.
	en, err := Load(fstest.MapFS{}, English)
	if err != nil || en.T("Skip to content") != "Skip to content" || en.Date(2024, time.February, 9, 3) != "9 February 2024" {
		t.Errorf("English: %v", err)
	}
	if _, err := Load(fstest.MapFS{}, "pt"); err == nil || !strings.Contains(err.Error(), "templates/i18n/pt.toml: missing") {
		t.Errorf("a language without its file: %v", err)
	}
	if _, err := Load(fstest.MapFS{Dir + "/pt.toml": {Data: []byte("x = \n")}}, "pt"); err == nil || !strings.HasPrefix(err.Error(), "templates/i18n/pt.toml:1:") {
		t.Errorf("a malformed file: %v", err)
	}
}

// A text with a context shows without it in English and translates on its
// own; a text said of a person takes the gendered form the language gives,
// and the plain one without a gender or without a gendered form.
func TestContextAndGender(t *testing.T) {
	fsys := fstest.MapFS{Dir + "/es.toml": {Data: []byte(`
"Released" = "Libertad plena"
"Released|date" = "Excarcelación"
"Named in" = "Aparece en"
"Named in|female" = "Mencionada en"
"Named in|male" = "Mencionado en"
"Time in custody" = "Privación de libertad"
`)}}
	es, err := Load(fsys, "es")
	if err != nil {
		t.Fatal(err)
	}
	en, _ := Load(fsys, English)
	for _, c := range []struct {
		d                  *Dict
		text, gender, want string
	}{
		{es, "Released", "", "Libertad plena"},
		{es, "Released|date", "", "Excarcelación"},
		{en, "Released|date", "", "Released"},
		{es, "Named in", "female", "Mencionada en"},
		{es, "Named in", "male", "Mencionado en"},
		{es, "Named in", "", "Aparece en"},
		{es, "Time in custody", "female", "Privación de libertad"},
		{en, "Named in", "female", "Named in"},
	} {
		got := c.d.T(c.text)
		if c.gender != "" {
			got = c.d.G(c.text, c.gender)
		}
		if got != c.want {
			t.Errorf("%s: %q (%q) = %q, want %q", c.d.Lang, c.text, c.gender, got, c.want)
		}
	}
	// A missing text with a context is shown without it, and named with it.
	if got := es.T("Arrested|date"); got != "Arrested" {
		t.Errorf("missing with context = %q", got)
	}
	if err := es.MissingError(); err == nil || !strings.Contains(err.Error(), `"Arrested|date"`) {
		t.Errorf("MissingError = %v", err)
	}
}

func TestNumbers(t *testing.T) {
	es, err := Load(fstest.MapFS{Dir + "/es.toml": {Data: []byte(`
",|thousands" = "."
".|decimal" = ","
"days" = "días"
`)}}, "es")
	if err != nil {
		t.Fatal(err)
	}
	en, _ := Load(nil, English)
	for _, c := range []struct {
		n      int
		en, es string
	}{
		{0, "0", "0"},
		{999, "999", "999"},
		{1000, "1,000", "1.000"},
		{48727, "48,727", "48.727"},
		{100000, "100,000", "100.000"},
		{1234567, "1,234,567", "1.234.567"},
		{-1500, "-1,500", "-1.500"},
	} {
		if got := en.Number(c.n); got != c.en {
			t.Errorf("en.Number(%d) = %q, want %q", c.n, got, c.en)
		}
		if got := es.Number(c.n); got != c.es {
			t.Errorf("es.Number(%d) = %q, want %q", c.n, got, c.es)
		}
	}
	if got := es.Count(10000, "day", "days"); got != "10.000 días" {
		t.Errorf("es.Count = %q", got)
	}
	for _, c := range []struct {
		x      float64
		en, es string
	}{{6.5, "6.5", "6,5"}, {1234.56, "1,234.6", "1.234,6"}, {0.04, "0.0", "0,0"}, {25.96, "26.0", "26,0"}} {
		if got := en.Decimal(c.x); got != c.en {
			t.Errorf("en.Decimal(%v) = %q, want %q", c.x, got, c.en)
		}
		if got := es.Decimal(c.x); got != c.es {
			t.Errorf("es.Decimal(%v) = %q, want %q", c.x, got, c.es)
		}
	}
	// A language file without the marks is told to add them.
	bare, _ := Load(fstest.MapFS{Dir + "/pt.toml": {Data: []byte(`"x" = "y"`)}}, "pt")
	bare.Check()
	if m := strings.Join(bare.Missing(), "\n"); !strings.Contains(m, ",|thousands") || !strings.Contains(m, ".|decimal") {
		t.Errorf("missing = %q, want the number marks", m)
	}
}
