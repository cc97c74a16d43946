package site

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
)

func date(t *testing.T, s string) content.Date {
	t.Helper()
	if s == "" {
		return content.Date{}
	}
	d, err := content.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// counts makes a site of counts "counter measure as_of since value", oldest
// first.
func countsSite(t *testing.T, specs ...string) *Site {
	t.Helper()
	s := &Site{}
	for i, spec := range specs {
		f := strings.Split(spec, "|")
		var v int
		fmt.Sscan(f[4], &v)
		c := &content.Count{Counter: f[0], Measure: f[1], AsOf: date(t, f[2]), Since: date(t, f[3]), Value: v}
		c.Slug = fmt.Sprint("c", i)
		s.Counts = append(s.Counts, &Count{Count: c})
	}
	return s
}

func groups(gs []CountGroup) string {
	var out []string
	for _, g := range gs {
		var vs []string
		for _, c := range g.Counts {
			vs = append(vs, fmt.Sprint(c.Value))
		}
		out = append(out, strings.Join(vs, "+"))
	}
	return strings.Join(out, " ")
}

// Release counts from different starts are not the same count: Foro
// Penal's 24 overnight and the government's 400 since December, or 56
// since 8 January, sit in rows of their own, and never "differ".
func TestCountsOfSameMeasureAndPeriod(t *testing.T) {
	s := countsSite(t,
		"Foro Penal|released|2026-01-12/2026-01-13|2026-01-11/2026-01-12|24",
		"Government of Venezuela|released|2026-01-12/2026-01-13|2025-12|400",
		"Foro Penal B|released|2026-01-13|2026-01-08|56",
		"Plataforma Unitaria|released|2026-01-13|2026-01-08|73",
		"Government of Venezuela|released|2026-01-14||406",
		"Plataforma Unitaria B|released|2026-01-14||100",
		"Foro Penal|held|2026-01-26||711",
		"Plataforma Unitaria|held|2026-01-28||854",
		"Foro Penal|held|2026-02-02||687",
	)
	if got, want := groups(s.CountsOf("released")), "24 400 56+73 406 100"; got != want {
		t.Errorf("release groups = %s, want %s", got, want)
	}
	if got, want := groups(s.CountsOf("held")), "711+854 687"; got != want {
		t.Errorf("held groups = %s, want %s", got, want)
	}
	if got, want := groups(s.Disagreements()), "711+854 56+73"; got != want {
		t.Errorf("disagreements = %s, want %s", got, want)
	}
}

// A series of the releases chart is one counter from one start: 24
// overnight and 383 since December are not points of one line.
func TestSeriesPerCounterAndStart(t *testing.T) {
	s := countsSite(t,
		"Foro Penal|released|2026-01-12/2026-01-13|2026-01-11/2026-01-12|24",
		"Foro Penal|released|2026-01-13|2026-01-08|56",
		"Foro Penal|released|2026-01-22|2026-01-08|154",
		"Foro Penal|released|2026-01-26|2025-12|383",
		"Government of Venezuela|released|2026-01-23||626",
	)
	var got []string
	for _, cs := range s.Series("released") {
		var vs []string
		for _, c := range cs.Counts {
			vs = append(vs, fmt.Sprint(c.Value))
		}
		got = append(got, cs.Counter+" "+cs.Since.String()+": "+strings.Join(vs, ","))
	}
	want := "Foro Penal 2025-12: 383 | Foro Penal 2026-01-08: 56,154 | Foro Penal 2026-01-11/2026-01-12: 24 | Government of Venezuela : 626"
	if strings.Join(got, " | ") != want {
		t.Errorf("series =\n%s\nwant\n%s", strings.Join(got, " | "), want)
	}
}

func TestCounterIn(t *testing.T) {
	en, _ := i18n.Load(nil, i18n.English)
	es, err := i18n.Load(os.DirFS("../.."), "es")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		words   *i18n.Dict
		in, out string
	}{
		{en, "Government of Venezuela", "the Government of Venezuela"},
		{es, "Gobierno de Venezuela", "el Gobierno de Venezuela"},
		{en, "Foro Penal", "Foro Penal"},
		{es, "Plataforma Unitaria", "Plataforma Unitaria"},
	} {
		if got := CounterIn(tt.words, tt.in); got != tt.out {
			t.Errorf("CounterIn(%q) = %q, want %q", tt.in, got, tt.out)
		}
	}
}

// A date after a preposition reads as each language says it: "on" a day,
// "in" a month, nothing before an interval ("al entre el 1 y el 2" and "on
// between" are wrong).
func TestDatePhrase(t *testing.T) {
	en, _ := i18n.Load(nil, i18n.English)
	es, err := i18n.Load(os.DirFS("../.."), "es")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ prep, in, en, es string }{
		{On, "2026-01-14", "on 14 January 2026", "el 14 de enero de 2026"},
		{On, "2025-12", "in December 2025", "en diciembre de 2025"},
		{On, "2026-02-01/2026-02-02", "between 1 and 2 February 2026", "entre el 1 y el 2 de febrero de 2026"},
		{AsOf, "2026-02-02", "as of 2 February 2026", "al 2 de febrero de 2026"},
		{AsOf, "2025-12", "as of December 2025", "a diciembre de 2025"},
		{AsOf, "2026-02-01/2026-02-02", "between 1 and 2 February 2026", "entre el 1 y el 2 de febrero de 2026"},
		{Since, "2026-01-08", "since 8 January 2026", "desde el 8 de enero de 2026"},
		{Since, "2025-12", "since December 2025", "desde diciembre de 2025"},
		{Since, "2014", "since 2014", "desde 2014"},
		{Since, "2026-01-11/2026-01-12", "from a day between 11 and 12 January 2026", "desde un día entre el 11 y el 12 de enero de 2026"},
		{From, "2025-12", "from December 2025", "de diciembre de 2025"},
		{From, "2026-01-10/2026-01-11", "from 10 January 2026", "del 10 de enero de 2026"},
		{To, "2026-02-01/2026-02-02", "to 2 February 2026", "al 2 de febrero de 2026"},
	}
	for _, tt := range tests {
		d := date(t, tt.in)
		if got := DatePhrase(en, tt.prep, d); got != tt.en {
			t.Errorf("%s %s in English = %q, want %q", tt.prep, tt.in, got, tt.en)
		}
		if got := DatePhrase(es, tt.prep, d); got != tt.es {
			t.Errorf("%s %s in Spanish = %q, want %q", tt.prep, tt.in, got, tt.es)
		}
	}
}

func TestHeading(t *testing.T) {
	for in, want := range map[string]string{
		"febrero de 2024":                         "Febrero de 2024",
		"entre el 1 y el 2 de febrero":            "Entre el 1 y el 2 de febrero",
		`<time datetime="2024-02">febrero</time>`: `<time datetime="2024-02">Febrero</time>`,
		"9 de febrero":                            "9 de febrero",
		"":                                        "",
	} {
		if got := Heading(in); got != want {
			t.Errorf("Heading(%q) = %q, want %q", in, got, want)
		}
	}
}
