package search

import (
	"fmt"
	"strings"
	"testing"
)

func prisoner(name string, extra ...string) string {
	return fmt.Sprintf("name = %q\nstatus = \"detained\"\n%s", name, strings.Join(extra, "\n"))
}

// TestWholeNameFirst: a name holding every word of the query, repeated
// words as often, ranks above one holding some; the exact name first.
func TestWholeNameFirst(t *testing.T) {
	ix := fixture(t, map[string]string{
		"content/prisoners/v1.toml": prisoner("Verónica Suárez Gómez"),
		"content/prisoners/v2.toml": prisoner("Verónica Suárez Díaz"),
		"content/prisoners/v3.toml": prisoner("Verónica Suárez Suárez"),
		"content/prisoners/v4.toml": prisoner("Verónica Suárez Suárez Peña"),
		"content/prisoners/r1.toml": prisoner("Rocío San Miguel Sosa"),
		"content/prisoners/r2.toml": prisoner("Rocío San Miguel"),
		"content/prisoners/r3.toml": prisoner("Ana Rocío", `summary = "Met Miguel San Juan."`),
	})
	tests := []struct{ q, want string }{
		// The repeated surname counts twice: only the names that hold it
		// twice are whole, the exact one first.
		{"veronica suarez suarez", "Verónica Suárez Suárez | Verónica Suárez Suárez Peña | Verónica Suárez Díaz | Verónica Suárez Gómez"},
		// In any order, accents or not.
		{"Suárez Suárez Verónica", "Verónica Suárez Suárez | Verónica Suárez Suárez Peña | Verónica Suárez Díaz | Verónica Suárez Gómez"},
		// The exact name before a longer one holding it.
		{"rocio san miguel", "Rocío San Miguel | Rocío San Miguel Sosa | Ana Rocío"},
		{"miguel rocio san", "Rocío San Miguel | Rocío San Miguel Sosa | Ana Rocío"},
		// Once, the surname is in every name: exact first, then by name.
		{"veronica suarez", "Verónica Suárez Díaz | Verónica Suárez Gómez | Verónica Suárez Suárez | Verónica Suárez Suárez Peña"},
	}
	for _, tt := range tests {
		if got := titles(ix.Search(tt.q)); got != tt.want {
			t.Errorf("Search(%q) =\n  %s\nwant\n  %s", tt.q, got, tt.want)
		}
	}
	a := ix.Search("veronica suarez suarez")
	if a[0].Name != ExactName || a[1].Name != WholeName || a[2].Name != NoName {
		t.Errorf("name tiers %d %d %d, want exact, whole, none", a[0].Name, a[1].Name, a[2].Name)
	}
}

// TestAliases: an alias is a name like the name.
func TestAliases(t *testing.T) {
	ix := fixture(t, map[string]string{
		"content/prisoners/kt.toml": prisoner("Kennedy Tejeda", `aliases = ["Kenny Tejeda Jiménez", "Kennedy Tejada"]`),
		"content/prisoners/k2.toml": prisoner("Kenny Jiménez Tejeda Ruiz"),
		"content/prisoners/k3.toml": prisoner("Tejeda Tejeda"),
	})
	tests := []struct{ q, want string }{
		// The alias is an exact name; the other person holds the words in a longer name.
		{"kenny tejeda jimenez", "Kennedy Tejeda | Kenny Jiménez Tejeda Ruiz"},
		{"kennedy tejada", "Kennedy Tejeda"},
		// Words of two different names do not make a whole name: the
		// name holding "tejeda" twice comes first.
		{"tejeda tejeda", "Tejeda Tejeda | Kennedy Tejeda | Kenny Jiménez Tejeda Ruiz"},
	}
	for _, tt := range tests {
		rs := ix.Search(tt.q)
		if got := titles(rs); got != tt.want {
			t.Errorf("Search(%q) =\n  %s\nwant\n  %s", tt.q, got, tt.want)
		}
	}
	if rs := ix.Search("kenny tejeda jimenez"); rs[0].Name != ExactName {
		t.Errorf("an alias typed whole is not an exact name: %+v", rs[0])
	}
	if d := ix.Search("kennedy")[0].Doc; d.Aliases != "Kenny Tejeda Jiménez, Kennedy Tejada" {
		t.Errorf("aliases shown = %q", d.Aliases)
	}
}

// TestTypos: one edit of any kind, anywhere in the word, first letters
// included, still finds the word, below the exact and prefix matches, and
// the answer says what it was widened to.
func TestTypos(t *testing.T) {
	ix := fixture(t, map[string]string{
		"content/prisoners/r.toml":  prisoner("Rodrigo Castañeda Rodríguez"),
		"content/prisoners/r2.toml": prisoner("Rodrigo Castañeda Briceño"),
		"content/prisoners/r3.toml": prisoner("Rodrigo Castañeda Rodrigue"),
	})
	for _, q := range []string{
		"rodrigo castaneda rodrigez",   // dropped
		"rodrigo castaneda rodriguezz", // added
		"rodrigo castaneda rodrigiez",  // changed
		"rodrigo castaneda rodrigeuz",  // swapped
		"rodrigo castaneda odriguez",   // dropped, first letter
		"rodrigo castaneda rodriguez",  // (exact, for comparison)
		"rodrigo castaneda rordiguez",  // swapped in the first three
		"rodrigo castaneda rpdriguez",  // changed in the first three
		"rodrigo castaneda rxodriguez", // added in the first three
	} {
		rs := ix.Search(q)
		if len(rs) == 0 || rs[0].Doc.Title != "Rodrigo Castañeda Rodríguez" {
			t.Errorf("Search(%q) = %s", q, titles(rs))
		}
	}
	a := ix.Query("rodrigo castaneda rodrigez")
	if strings.Join(a.Widened, ",") != "rodríguez" || !a.Results[0].Typo || a.Results[0].Name != WholeName {
		t.Errorf("widened to %q, first %+v", a.Widened, a.Results[0])
	}
	// A rare name typed right is not widened: "rodrigue" is the exact
	// word of one name and the start of another, and those two are all,
	// with no close spelling ("rodrigo", stemmed "rodrig", one letter off
	// "rodrigu") under them and no note.
	a = ix.Query("rodrigue")
	if got := titles(a.Results); got != "Rodrigo Castañeda Rodrigue | Rodrigo Castañeda Rodríguez" || len(a.Widened) != 0 {
		t.Errorf("rodrigue: %s, widened %q", got, a.Widened)
	}
	// But when no record holds every word, the words that did match are
	// widened too, to the typos that share their first letters: a typo
	// that made another word of the briefing ("rodrigue" for "rodrigo")
	// still finds the person, not as a partial match.
	a = ix.Query("rodrigue briceno")
	if titles(a.Results) != "Rodrigo Castañeda Briceño" || a.Partial || !a.Results[0].Typo || strings.Join(a.Widened, ",") != "rodrigo" {
		t.Errorf("rodrigue briceno: %s, partial %v, widened %q", titles(a.Results), a.Partial, a.Widened)
	}
	// A word that matches nothing widens only itself: "rodrigo" and
	// "castaneda" are not widened to their close spellings.
	a = ix.Query("rodrigo castaneda rodrigez")
	if titles(a.Results) != "Rodrigo Castañeda Rodríguez" || strings.Join(a.Widened, ",") != "rodríguez" {
		t.Errorf("rodrigo castaneda rodrigez: %s, widened %q", titles(a.Results), a.Widened)
	}
	// Exact and prefix matches rank above typos: "rodrig" (the start of
	// both surnames and of Rodrigo) is not widened to "rodrigo" typos.
	a = ix.Query("briceno castaneda")
	if titles(a.Results) != "Rodrigo Castañeda Briceño" || len(a.Widened) != 0 {
		t.Errorf("briceno castaneda: %s, widened %q", titles(a.Results), a.Widened)
	}
	// Words of two letters are never widened: one edit from them is nearly any word.
	if rs := ix.Search("rod"); len(rs) != 3 {
		t.Errorf("rod: %s", titles(rs))
	}
	if rs := ix.Search("ro"); len(rs) != 0 {
		t.Errorf("ro: %s", titles(rs))
	}
	// A letter missing from a word the stemmer would have cut: "maria"
	// stems to "mari", "mria" to itself; its form "mri" is one edit away.
	ix = fixture(t, map[string]string{"content/prisoners/m.toml": prisoner("María Díaz Núñez")})
	if rs := ix.Search("mria diaz nunez"); len(rs) == 0 || rs[0].Doc.Title != "María Díaz Núñez" || !rs[0].Typo {
		t.Errorf("mria diaz nunez: %s", titles(rs))
	}
	// Two query words do not both take a name's one word: "jimenz
	// jimenez" is whole in "Jiménez Jiménez" only.
	ix = fixture(t, map[string]string{
		"content/prisoners/j1.toml": prisoner("Jesús Díaz Jiménez"),
		"content/prisoners/j2.toml": prisoner("Jesús Jiménez Jiménez"),
	})
	if rs := ix.Search("jesus jimenz jimenez"); titles(rs) != "Jesús Jiménez Jiménez | Jesús Díaz Jiménez" || rs[0].Name != WholeName || rs[1].Name != NoName {
		t.Errorf("jesus jimenz jimenez: %s", titles(rs))
	}
}

// TestPartial: when no record holds every word, those holding the most,
// by how many and where, marked partial.
func TestPartial(t *testing.T) {
	ix := fixture(t, map[string]string{
		"content/prisoners/x.toml": prisoner("Xavier Quintero", `summary = "Held at La Tumba."`),
		"content/prisoners/y.toml": prisoner("Yolanda Quintero"),
	})
	a := ix.Query("xavier quintero zzzzzz")
	if !a.Partial || titles(a.Results) != "Xavier Quintero | Yolanda Quintero" {
		t.Fatalf("partial: %v %s", a.Partial, titles(a.Results))
	}
	if r := a.Results[0]; r.Matched != 2 || !r.Partial || a.Results[1].Matched != 1 {
		t.Errorf("matched %d, %d", r.Matched, a.Results[1].Matched)
	}
	// Where: a name beats a summary beats a body, for the same count.
	a = ix.Query("tumba quintero zzzzzz")
	if got := titles(a.Results); !strings.HasPrefix(got, "Xavier Quintero | ") {
		t.Errorf("tumba quintero zzzzzz: %s", got)
	}
	// One word that matches nothing has no partial results.
	if a := ix.Query("zzzzzz"); len(a.Results) != 0 || a.Partial {
		t.Errorf("zzzzzz: %+v", a)
	}
	// Where every word matches, no partial results are added.
	if a := ix.Query("xavier quintero"); a.Partial || titles(a.Results) != "Xavier Quintero" {
		t.Errorf("xavier quintero: %v %s", a.Partial, titles(a.Results))
	}
}

func TestOneEdit(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"perez", "perz", true},   // dropped
		{"perez", "pereez", true}, // added
		{"perez", "peres", true},  // changed
		{"perez", "pereze", true}, // added at the end
		{"perez", "eprez", true},  // swapped, first letters
		{"perez", "perze", true},  // swapped, last letters
		{"perez", "perez", false}, // the same
		{"perez", "prze", false},  // two edits
		{"perez", "pzrex", false}, // two changes
		{"perez", "pe", false},    // three dropped
		{"núñez", "nunez", false}, // two changes (the index is folded)
		{"núñez", "núñz", true},   // dropped, as letters not bytes
		{"ab", "ba", true},
	} {
		if got := OneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("OneEdit(%q, %q) = %v", tt.a, tt.b, got)
		}
		if got := OneEdit(tt.b, tt.a); got != tt.want {
			t.Errorf("OneEdit(%q, %q) = %v", tt.b, tt.a, got)
		}
	}
}

// TestNearKeys: two words one edit apart share a near key, wherever the
// edit is, so the near files find every neighbour.
func TestNearKeys(t *testing.T) {
	words := []string{"rodriguez", "perez", "suarez", "jose", "ines", "castaned"}
	for _, w := range words {
		r := []rune(w)
		var edits []string
		for i := range r {
			edits = append(edits, string(r[:i])+string(r[i+1:])) // dropped
			for _, c := range "aexz" {
				edits = append(edits, string(r[:i])+string(c)+string(r[i:]))   // added
				edits = append(edits, string(r[:i])+string(c)+string(r[i+1:])) // changed
			}
			if i+1 < len(r) {
				edits = append(edits, string(r[:i])+string(r[i+1])+string(r[i])+string(r[i+2:])) // swapped
			}
		}
		for _, e := range edits {
			if !OneEdit(w, e) && e != w {
				t.Errorf("%q to %q is not one edit", w, e)
			}
			if !shareOne(NearKeys(w), NearKeys(e)) {
				t.Errorf("%q and %q share no near key: %v, %v", w, e, NearKeys(w), NearKeys(e))
			}
		}
	}
}

func shareOne(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}
