package search

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/sitetest"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

func fixture(t *testing.T, extra map[string]string) *Index {
	t.Helper()
	fsys := testsite.MapFS(testsite.Archive())
	for name, data := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	s := sitetest.New(t, fsys)
	return Build(s)
}

func titles(rs []Result) string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Doc.Title)
	}
	return strings.Join(out, " | ")
}

func TestRanking(t *testing.T) {
	ix := fixture(t, map[string]string{
		"content/prisoners/maria-sanchez.toml": "name = \"María Sánchez\"\nstatus = \"detained\"\nsummary = \"Held with Ana Pérez.\"\n",
		"content/prisoners/san-miguel.toml":    "name = \"Rocío San Miguel\"\nstatus = \"released\"\n",
		"content/briefs/san.md":                "+++\ntitle = \"Notes\"\ndate = 2024-01-01\n+++\nOn Rocío San Miguel and Ana Pérez.\n",
	})
	tests := []struct{ q, want string }{
		// A name beats a mention in a summary, which beats one in a body.
		{"perez", "Ana Pérez | María Sánchez | Notes"},
		// Accents and case do not matter.
		{"PÉREZ", "Ana Pérez | María Sánchez | Notes"},
		// Every word must match; the exact name first.
		{"san miguel", "Rocío San Miguel | Notes"},
		// An exact word beats a longer word that starts with it.
		{"san", "Rocío San Miguel | María Sánchez | Notes"},
		// Part of a word, while typing.
		{"sanch", "María Sánchez"},
		// Plurals and stop words.
		{"las notes", "Notes | A brief"},      // its footnote says "A note"
		{"elections", "Election | Ana Pérez"}, // her body links the election
		// Short terms match whole words only.
		{"sa", ""},
		// Only stop words: nothing to search for.
		{"de la", ""},
	}
	for _, tt := range tests {
		if got := titles(ix.Search(tt.q)); got != tt.want {
			t.Errorf("Search(%q) = %s\n                       want %s", tt.q, got, tt.want)
		}
	}
}

func TestDocumentsNumberedByKindThenName(t *testing.T) {
	ix := fixture(t, nil)
	var got []string
	for _, d := range ix.Docs {
		got = append(got, string(d.Kind)+":"+d.Title)
	}
	want := "prisoner:Ana Pérez prisoner:Luis Gómez prisoner:Name withheld site:El Helicoide site:La Tumba statement:Foro Penal brief:A brief event:Election event:Transfers reported " +
		"count:Foro Penal: 1,800 held, 4 November 2024 count:Foro Penal: 863 held, 29 December 2024 count:Foro Penal: at least 154 released since 20 November 2024, 24 December 2024 " +
		"count:Government of Venezuela: 626 released since 20 November 2024, 23 December 2024 count:Plataforma Unitaria: about 1,000 held, 31 December 2024"
	if strings.Join(got, " ") != want {
		t.Errorf("docs:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	for i, d := range ix.Docs {
		if d.ID != i {
			t.Errorf("%s has id %d at %d", d.Title, d.ID, i)
		}
	}
	// The anonymous person is found by nothing that named them.
	if rs := ix.Search("hidden person"); len(rs) != 0 {
		t.Errorf("an anonymous person's name is searchable: %s", titles(rs))
	}
}

func TestCountsAreSearchable(t *testing.T) {
	ix := fixture(t, map[string]string{
		"content/counts/fp.toml":         "counter = \"Foro Penal\"\nmeasure = \"held\"\nas_of = 2024-12-19\nvalue = 777\nverification = \"reported\"\nnote = \"Down from 863 after the January releases.\"\n[[sources]]\ntitle = \"Balance\"\nurl = \"https://foropenal.example/\"\n",
		"content/counts/fp-arrests.toml": "counter = \"Foro Penal\"\nmeasure = \"arrests\"\nsince = \"2014\"\nas_of = 2024-12-19\nvalue = 18739\nverification = \"reported\"\n[[sources]]\ntitle = \"Balance\"\nurl = \"https://foropenal.example/\"\n",
	})
	if got := titles(ix.Search("foro penal")); !strings.Contains(got, "Foro Penal: 777 held, 19 December 2024") {
		t.Errorf("Search(foro penal) = %s", got)
	}
	for _, q := range []string{"18739", "18,739", "18.739"} {
		if got := titles(ix.Search(q)); !strings.Contains(got, "Foro Penal: 18,739 arrests") {
			t.Errorf("Search(%s) = %s: the count written 18,739 is not found", q, got)
		}
	}
	rs := ix.Search("january releases")
	if len(rs) == 0 || rs[0].Doc.Kind != content.KindCount || rs[0].Doc.URL != "counts/#count-fp" {
		t.Errorf("Search(january releases) = %s", titles(rs))
	}
}
