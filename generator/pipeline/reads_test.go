package pipeline

import (
	"regexp"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// TestPagesRead reads the browser tests' site, built, for the sentences
// that numbers and dates make, in both languages (misread); TestEmbeddedBriefing
// does the same on the real briefing.
func TestPagesRead(t *testing.T) {
	_, out := builtBrowse(t)
	misread(t, testsite.Read(t, out))
}

// misread fails the test on a built site's sentences that numbers and
// dates make wrong, in both languages: "1 people", a counter without its
// article ("claimed by Government of Venezuela"), a preposition before an
// interval ("al entre", "on between") or the wrong one before a month
// ("el diciembre de 2025"), a heading that starts in lower case ("febrero
// de 2026" as a month's heading).
func misread(t *testing.T, files map[string][]byte) {
	t.Helper()
	wrong := []string{
		"<strong>1</strong> people", "<strong>1</strong> personas", ">1 people", " 1 people", " 1 personas",
		"by Government of", "to Government of", "por Gobierno de", "según Gobierno de",
		"on between", "as of between", "since between", "on after", "as of after",
		"al entre", "el entre", "desde el entre", "del entre", "al después", "el después",
		"counted, counted", "contadas, contadas", "counted by Foro Penal, counted since",
	}
	months := []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
	for _, m := range months {
		wrong = append(wrong, " el "+m+" de", " al "+m+" de", " desde el "+m+" de")
	}
	heading := regexp.MustCompile(`<h[1-6][^>]*>(?:<[^>]+>)*\p{Ll}`)
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(data)
		for _, w := range wrong {
			if i := strings.Index(page, w); i >= 0 {
				t.Errorf("%s reads %q: …%s…", name, w, page[max(0, i-80):min(len(page), i+80)])
			}
		}
		for _, h := range heading.FindAllString(page, -1) {
			t.Errorf("%s has a heading in lower case: %s", name, h)
		}
	}
}
