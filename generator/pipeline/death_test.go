package pipeline

import (
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// TestDeathInCustody builds a person who died in custody and checks what a
// reader sees of it, in both languages: the date of death where a release
// would stand (the record's page, the list, the last stay), the days in
// custody up to it, the death on the timeline, and the date in the data
// files.
func TestDeathInCustody(t *testing.T) {
	src := testsite.DirFrom(t, "testdata/bilingual.txtar", `-- content/prisoners/pedro-diaz.toml --
name = "Pedro Díaz"
status = "deceased"
arrested = 2024-03-01
died = 2024-04-01
summary = "Died in custody."

[[custody]]
site = "la-tumba"
from = 2024-03-01
-- content/sites/la-tumba.toml --
name = "La Tumba"
`)
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, res.Out)
	for page, wants := range map[string][]string{
		"prisoners/pedro-diaz/index.html": {
			`<dt>Died in custody</dt><dd><time datetime="2024-04-01">1 April 2024</time></dd>`,
			`at least 31 days`,
			`<time datetime="2024-04-01">1 April 2024</time> <span class="fallback">(death)</span>`,
		},
		"es/prisoners/pedro-diaz/index.html": {
			`<dt>Muerte bajo custodia</dt><dd><time datetime="2024-04-01">1 de abril de 2024</time></dd>`,
			`(muerte)`,
		},
		"prisoners/index.html":    {`Died in custody, <time datetime="2024-04-01">1 April 2024</time>`},
		"es/prisoners/index.html": {`Muerte bajo custodia, <time datetime="2024-04-01">1 de abril de 2024</time>`},
		"timeline/index.html":     {`id="2024-04-01-death-pedro-diaz"`, `<span class="kind">Death</span>`, `Pedro Díaz died in custody</a>`},
		"es/timeline/index.html":  {`<span class="kind">Muerte</span>`, `Muerte de Pedro Díaz bajo custodia</a>`},
		"data/prisoners.json":     {`"died":"2024-04-01","days_in_custody_at_least":31`},
		"data/prisoners.csv":      {"slug,url,name,status,arrested,released,died,", ",deceased,2024-03-01,,2024-04-01,31,"},
	} {
		got := string(files[page])
		for _, want := range wants {
			if !strings.Contains(got, want) {
				t.Errorf("%s lacks %s", page, want)
			}
		}
		if strings.Contains(page, "pedro-diaz") && (strings.Contains(got, "Still held") || strings.Contains(got, "Aún en detención")) {
			t.Errorf("%s says a dead man is still held", page)
		}
	}
}
