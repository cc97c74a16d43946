// Package corpus writes synthetic briefing sites in the content format, for
// tests and benchmarks of sites far larger than the real briefing.
//
// A corpus is deterministic: the same Size always writes the same bytes. It
// is realistic where that matters for speed and correctness: accented
// Spanish names, dates at every precision, custody transfers between
// sites, statements and briefs that reference prisoners by slug and with
// prisoner: links, and Markdown with headings, lists and tables.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Size says how many records of each kind to write.
type Size struct {
	Prisoners, Statements, Sites, Briefs, Events int
	BriefWords                                   int  // about this many words per brief
	BodyWords                                    int  // words in each prisoner's body, in paragraphs of 60; 0 means 60
	Spanish                                      bool // a second language, with the interface in Spanish and the records untranslated
}

// Scaled returns the proportions of the benchmark corpus (10,000
// prisoners, 2,000 statements, 50 sites, 1,000 briefs, 500 events) for n
// prisoners.
func Scaled(n int) Size {
	return Size{
		Prisoners:  n,
		Statements: max(n/5, 1),
		Sites:      max(min(n/200, 50), 2),
		Briefs:     max(n/10, 1),
		Events:     max(n/20, 1),
		BriefWords: 800,
	}
}

var (
	given   = []string{"Rocío", "José", "María", "Andrés", "Lucía", "Jesús", "Ramón", "Inés", "Néstor", "Begoña", "Julián", "Dayana", "Yolanda", "Óscar", "Víctor", "Ángela", "Raúl", "Sofía", "Héctor", "Mónica"}
	family  = []string{"Pérez", "Gómez", "Rodríguez", "Hernández", "Martínez", "Núñez", "Sánchez", "Ramírez", "Peña", "Álvarez", "Díaz", "Castañeda", "Muñoz", "Ibáñez", "Suárez", "Guzmán", "Chacón", "Briceño", "Jiménez", "Villegas"}
	cities  = []string{"Caracas", "Maracaibo", "Valencia", "Barquisimeto", "Mérida", "San Cristóbal", "Ciudad Bolívar", "Maturín"}
	jobs    = []string{"journalist", "student", "trade unionist", "lawyer", "military officer", "activist", "human rights defender", "politician"}
	charges = []string{"treason", "conspiracy", "terrorism", "incitement to hatred", "association to commit crimes"}
	status  = []string{"detained", "detained", "detained", "disappeared", "house_arrest", "conditionally_released", "released", "exiled"}
	words   = strings.Fields("el la de los presos políticos detención arbitraria centro tribunal audiencia defensa familia denuncia ONG liberación excarcelación condiciones salud visita abogado fiscalía juicio cárcel protesta régimen medida cautelar traslado aislamiento")
)

// Write writes a site of the given size into dir: site.toml and content/.
// Templates and static files are not written; copy them from the real site.
func Write(dir string, size Size) error {
	r := rand.New(rand.NewPCG(1, 2))
	w := &writer{dir: dir}
	config := "title = \"Synthetic briefing\"\ndescription = \"A synthetic corpus for tests and benchmarks.\"\nbaseURL = \"https://example.org/\"\n"
	if size.Spanish {
		config += "language_name = \"English\"\n\n[languages.es]\nname = \"Español\"\ntitle = \"Informe sintético\"\ndescription = \"Un corpus sintético para pruebas y mediciones.\"\n"
	}
	config += "\n[figures]\nas_of = 2026-01-09\n"
	w.file("site.toml", config)

	for i := range size.Sites {
		w.file(fmt.Sprintf("content/sites/site-%d.toml", i), fmt.Sprintf(`name = "Centro de detención %d"
kind = "prison"
city = %q
status = %q
lat = %.4f
lon = %.4f
opened = "%d"
summary = "A detention site in %s."

[[sources]]
title = "Report on site %d"
url = "https://news.example/sites/%d"
`, i, cities[i%len(cities)], []string{"operating", "operating", "closure_announced", "closed"}[i%4], 6+r.Float64()*5, -72+r.Float64()*10, 1960+i%50, cities[i%len(cities)], i, i))
	}

	for i := range size.Prisoners {
		name := given[r.IntN(len(given))] + " " + family[r.IntN(len(family))] + " " + family[r.IntN(len(family))]
		st := status[r.IntN(len(status))]
		year := 2014 + r.IntN(12)
		month := 1 + r.IntN(12)
		day := 1 + r.IntN(28)
		var arrested string
		switch i % 10 {
		case 0:
			arrested = fmt.Sprintf(`"%d"`, year)
		case 1, 2:
			arrested = fmt.Sprintf(`"%d-%02d"`, year, month)
		default:
			arrested = fmt.Sprintf("%d-%02d-%02d", year, month, day)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "name = %q\nstatus = %q\narrested = %s\n", name, st, arrested)
		released := ""
		if st != "detained" && st != "disappeared" && st != "house_arrest" {
			released = fmt.Sprintf("%d-%02d-%02d", year+1, month, day)
			fmt.Fprintf(&b, "released = %s\n", released)
		}
		fmt.Fprintf(&b, "occupation = %q\nnationality = [\"Venezuelan\"]\ncharges = [%q, %q]\nverification = %q\n",
			jobs[r.IntN(len(jobs))], charges[r.IntN(len(charges))], charges[r.IntN(len(charges))], []string{"confirmed", "reported", "unverified"}[i%3])
		fmt.Fprintf(&b, "summary = \"%s, %s, arrested in %d.\"\n", name, jobs[i%len(jobs)], year)
		fmt.Fprintf(&b, "body = \"\"\"\n%s\n\"\"\"\n", body(r, size.BodyWords))
		if i%50 == 7 {
			b.WriteString("anonymous = true\n")
		}
		if size.Sites > 0 {
			first := r.IntN(size.Sites)
			if arrested[0] == '"' {
				fmt.Fprintf(&b, "\n[[custody]]\nsite = \"site-%d\"\n", first)
			} else {
				mid := fmt.Sprintf("%d-%02d-%02d", year, month, min(day+1, 28))
				fmt.Fprintf(&b, "\n[[custody]]\nsite = \"site-%d\"\nfrom = %s\nto = %s\n", first, arrested, mid)
				fmt.Fprintf(&b, "\n[[custody]]\nsite = \"site-%d\"\nfrom = %s\nnote = \"transferred\"\n", (first+1)%size.Sites, mid)
				if released != "" {
					fmt.Fprintf(&b, "to = %s\n", released)
				}
			}
		}
		if i%4 == 0 {
			fmt.Fprintf(&b, "\n[[events]]\ndate = \"%d-%02d\"\ntitle = \"Hearing postponed\"\n", year, month)
		}
		fmt.Fprintf(&b, "\n[[sources]]\ntitle = \"Report on %s\"\nurl = \"https://news.example/p/%d\"\npublisher = \"News\"\n", name, i)
		fmt.Fprintf(&b, "\n[private]\nfamily_contact = \"private-%d\"\n", i)
		w.file(fmt.Sprintf("content/prisoners/p-%d.toml", i), b.String())
	}

	for i := range size.Statements {
		w.file(fmt.Sprintf("content/statements/s-%d.toml", i), fmt.Sprintf(`speaker = "Portavoz %d"
role = "Official"
date = %d-%02d-%02d
quote = %q
language = "es"
prisoners = [%s]
context = "About [](prisoner:%s)."

[[sources]]
title = "Statement %d"
url = "https://news.example/s/%d"
`, i, 2015+i%11, 1+i%12, 1+i%28, sentence(r, 14), refs(r, "p-", size.Prisoners, 2), slug("p-", r, size.Prisoners), i, i))
	}

	for i := range size.Events {
		w.file(fmt.Sprintf("content/events/e-%d.toml", i), fmt.Sprintf(`date = "%d-%02d"
title = "Event %d: %s"
kind = "announcement"
prisoners = [%s]
sites = [%s]
`, 2014+i%12, 1+i%12, i, sentence(r, 6), refs(r, "p-", size.Prisoners, 2), refs(r, "site-", size.Sites, 1)))
	}

	for i := range size.Briefs {
		var b strings.Builder
		fmt.Fprintf(&b, "+++\ntitle = \"Brief %d: %s\"\ndate = %d-%02d-%02d\nsummary = %q\nprisoners = [%s]\nstatements = [%s]\nsites = [%s]\n",
			i, sentence(r, 5), 2015+i%11, 1+i%12, 1+i%28, sentence(r, 20), refs(r, "p-", size.Prisoners, 3), refs(r, "s-", size.Statements, 2), refs(r, "site-", size.Sites, 1))
		fmt.Fprintf(&b, "\n[[sources]]\ntitle = \"Source %d\"\nurl = \"https://news.example/b/%d\"\n+++\n\n", i, i)
		written := 0
		for section := 0; written < size.BriefWords; section++ {
			fmt.Fprintf(&b, "## Section %d\n\n%s See [](prisoner:%s).\n\n", section+1, paragraph(r, 90), slug("p-", r, size.Prisoners))
			fmt.Fprintf(&b, "- %s\n- %s\n- [](site:%s)\n\n", sentence(r, 8), sentence(r, 8), slug("site-", r, size.Sites))
			if section%2 == 0 {
				fmt.Fprintf(&b, "| Date | Count |\n| --- | --- |\n| %d | %d |\n| %d | %d |\n\n", 2020+section%6, r.IntN(900), 2021+section%5, r.IntN(900))
			}
			written += 120
		}
		w.file(fmt.Sprintf("content/briefs/b-%d.md", i), b.String())
	}
	w.file("content/pages/about.md", "+++\ntitle = \"About\"\n+++\n\nA synthetic corpus.\n")
	w.file("content/pages/methodology.md", "+++\ntitle = \"Methodology\"\n+++\n\nHow we count.\n")
	return w.err
}

func slug(prefix string, r *rand.Rand, n int) string {
	if n == 0 {
		return prefix + "0"
	}
	return fmt.Sprintf("%s%d", prefix, r.IntN(n))
}

// refs returns up to k distinct quoted slugs for a TOML list.
func refs(r *rand.Rand, prefix string, n, k int) string {
	if n == 0 {
		return ""
	}
	seen := map[int]bool{}
	var out []string
	for range k {
		j := r.IntN(n)
		if !seen[j] {
			seen[j] = true
			out = append(out, fmt.Sprintf("%q", fmt.Sprintf("%s%d", prefix, j)))
		}
	}
	return strings.Join(out, ", ")
}

func sentence(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = words[r.IntN(len(words))]
	}
	s := strings.Join(ws, " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// body is a prisoner's body of n words (60 when 0), in paragraphs of 60.
func body(r *rand.Rand, n int) string {
	if n == 0 {
		n = 60
	}
	var paras []string
	for ; n > 0; n -= 60 {
		paras = append(paras, paragraph(r, min(n, 60)))
	}
	return strings.Join(paras, "\n\n")
}

func paragraph(r *rand.Rand, n int) string {
	var parts []string
	for n > 0 {
		k := min(n, 12)
		parts = append(parts, sentence(r, k)+".")
		n -= k
	}
	return strings.Join(parts, " ")
}

type writer struct {
	dir string
	err error
}

func (w *writer) file(name, data string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(p, []byte(data), 0o644)
}
