package content

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// fixture reads a txtar file from testdata as a file system a test may
// change in place.
func fixture(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	return testsite.MapFS(testsite.ArchiveFrom(t, "testdata/"+name))
}

func TestLoadGoodSite(t *testing.T) {
	set, err := Load(fixture(t, "good.txtar"), Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if got := set.Config.BaseURL; got != "https://example.org/b/" {
		t.Errorf("BaseURL = %q", got)
	}
	if len(set.Prisoners) != 1 || len(set.Sites) != 1 || len(set.Statements) != 1 ||
		len(set.Events) != 1 || len(set.Briefs) != 1 || len(set.Pages) != 1 {
		t.Fatalf("counts: %d prisoners, %d sites, %d statements, %d events, %d briefs, %d pages",
			len(set.Prisoners), len(set.Sites), len(set.Statements), len(set.Events), len(set.Briefs), len(set.Pages))
	}
	p := set.Prisoners[0]
	if p.Name != "Ana Pérez" || p.Status != "detained" || p.Arrested.String() != "2024-08-02" {
		t.Errorf("prisoner = %+v", p)
	}
	if len(p.Custody) != 1 || p.Custody[0].Site.Slug != "el-helicoide" || p.Custody[0].Note != "moved after a week" {
		t.Errorf("custody = %+v", p.Custody)
	}
	if want := (Pos{File: "content/prisoners/ana-perez.toml", Line: 7, Col: 8}); p.Custody[0].Site.Pos != want {
		t.Errorf("custody site position = %v, want %v", p.Custody[0].Site.Pos, want)
	}
	if len(p.Sources) != 1 || p.Sources[0].Date.String() != "2024-08-03" {
		t.Errorf("sources = %+v", p.Sources)
	}
	st := set.Statements[0]
	if st.Date.Precision != Month || st.Prisoners[0].Slug != "ana-perez" {
		t.Errorf("statement = %+v", st)
	}
	b := set.Briefs[0]
	if !strings.Contains(b.Body.Text.String(), "[](prisoner:ana-perez)") {
		t.Errorf("brief body = %q", b.Body.Text.String())
	}
	// The body keeps the file's line numbers: its text is on line 7.
	if line := strings.Split(b.Body.Text.String(), "\n")[6]; !strings.HasPrefix(line, "Ana was arrested") {
		t.Errorf("line 7 of the body = %q", line)
	}
	if s := set.Sites[0]; !s.HasCoords || s.Lat != 10.4894 {
		t.Errorf("site = %+v", s)
	}
}

// TestBrokenSite breaks the good site one way per row and checks the exact
// message and position of the error.
func TestBrokenSite(t *testing.T) {
	tests := []struct {
		name, file, from, to string
		want                 string
	}{
		{"unknown key", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, "arrested = 2024-08-02\nrelased = 2025-01-01",
			`content/prisoners/ana-perez.toml:4:1: unknown key "relased" (did you mean "released"?)`},
		{"wrong type", "content/prisoners/ana-perez.toml", `name = "Ana Pérez"`, `name = 12`,
			`content/prisoners/ana-perez.toml:1:8: name must be a string in quotes, not a number`},
		{"missing name", "content/prisoners/ana-perez.toml", `name = "Ana Pérez"`, ``,
			`content/prisoners/ana-perez.toml:1:1: missing required key "name"; add a line such as name = "Full name"`},
		{"bad status", "content/prisoners/ana-perez.toml", `status = "detained"`, `status = "detaind"`,
			`content/prisoners/ana-perez.toml:2:10: status "detaind" is not one of detained, disappeared, house_arrest, conditionally_released, released, exiled, deceased (did you mean "detained"?)`},
		{"impossible month", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, `arrested = "2024-13"`,
			`content/prisoners/ana-perez.toml:3:12: arrested: "2024-13": there is no month 13`},
		{"impossible day", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, `arrested = "2023-02-29"`,
			`content/prisoners/ana-perez.toml:3:12: arrested: "2023-02-29": February 2023 has 28 days`},
		{"date with time", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, `arrested = 2024-08-02T10:00:00`,
			`content/prisoners/ana-perez.toml:3:12: arrested must be a date without a time or zone, such as 2024-02-09`},
		{"release before arrest", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, "arrested = 2024-08-02\nreleased = 2024-07-01",
			`content/prisoners/ana-perez.toml:4:12: released 2024-07-01 is before arrested 2024-08-02; check both dates`},
		{"died but not deceased", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, "arrested = 2024-08-02\ndied = 2024-09-01",
			`content/prisoners/ana-perez.toml:4:8: died is given but status is "detained"; a person who died has status = "deceased"`},
		{"death before arrest", "content/prisoners/ana-perez.toml", "status = \"detained\"\narrested = 2024-08-02", "status = \"deceased\"\narrested = 2024-08-02\ndied = 2024-07-01",
			`content/prisoners/ana-perez.toml:4:8: died 2024-07-01 is before arrested 2024-08-02; check both dates`},
		{"death before release", "content/prisoners/ana-perez.toml", "status = \"detained\"\narrested = 2024-08-02", "status = \"deceased\"\narrested = 2024-08-02\nreleased = 2024-09-01\ndied = 2024-08-20",
			`content/prisoners/ana-perez.toml:5:8: died 2024-08-20 is before released 2024-09-01; check both dates`},
		{"custody past death", "content/prisoners/ana-perez.toml", "status = \"detained\"\narrested = 2024-08-02\nverification = \"reported\"\n\n[[custody]]\nsite = \"el-helicoide\"\nfrom = 2024-08-02", "status = \"deceased\"\narrested = 2024-08-02\ndied = 2024-08-20\nverification = \"reported\"\n\n[[custody]]\nsite = \"el-helicoide\"\nfrom = 2024-08-02\nto = 2024-08-25",
			`content/prisoners/ana-perez.toml:10:6: custody runs to 2024-08-25, past the death on 2024-08-20; end it on or before the death`},
		{"bad gender", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, "arrested = 2024-08-02\ngender = \"woman\"",
			`content/prisoners/ana-perez.toml:4:10: gender "woman" is not one of female, male`},
		{"custody ends before it starts", "content/prisoners/ana-perez.toml", `from = 2024-08-02`, "from = 2024-08-02\nto = 2024-08-01",
			`content/prisoners/ana-perez.toml:9:6: custody ends (2024-08-01) before it starts (2024-08-02)`},
		{"custody past release", "content/prisoners/ana-perez.toml", "verification = \"reported\"\n\n[[custody]]\nsite = \"el-helicoide\"\nfrom = 2024-08-02", "released = 2024-08-20\n\n[[custody]]\nsite = \"el-helicoide\"\nfrom = 2024-08-02\nto = 2024-08-25",
			`content/prisoners/ana-perez.toml:9:6: custody runs to 2024-08-25, past the release on 2024-08-20; end it on or before the release`},
		{"custody before arrest", "content/prisoners/ana-perez.toml", "from = 2024-08-02", "from = 2024-08-01",
			`content/prisoners/ana-perez.toml:8:8: custody starts (2024-08-01) before the arrest (2024-08-02)`},
		{"custody periods overlap", "content/prisoners/ana-perez.toml", `note = "moved after a week"`, "note = \"moved after a week\"\nto = 2024-09-01\n\n[[custody]]\nsite = \"el-helicoide\"\nfrom = 2024-08-20",
			`content/prisoners/ana-perez.toml:14:8: custody period 2 starts (2024-08-20) before period 1 ends (2024-09-01); a person is held at one place at a time: correct the dates`},
		{"custody periods out of order", "content/prisoners/ana-perez.toml", "from = 2024-08-02\nnote = \"moved after a week\"", "from = 2024-09-10\nto = 2024-10-01\n\n[[custody]]\nsite = \"el-helicoide\"\n\n[[custody]]\nsite = \"el-helicoide\"\nfrom = 2024-08-05",
			`content/prisoners/ana-perez.toml:16:8: custody period 3 starts (2024-08-05) before period 1 (from 2024-09-10); list the periods earliest first`},
		{"escaped NUL in a string", "content/prisoners/ana-perez.toml", `name = "Ana Pérez"`, `name = "Ana\u0000Pérez"`,
			`content/prisoners/ana-perez.toml:1:8: name holds the control character U+0000 (NUL), which is invisible and would reach the data files as a raw byte; remove it`},
		{"escaped ESC in a list", "content/prisoners/ana-perez.toml", `verification = "reported"`, "verification = \"reported\"\ncharges = [\"treason\", \"x\\u001b[2Jy\"]",
			`content/prisoners/ana-perez.toml:5:11: charges holds the control character U+001B (ESC), which is invisible and would reach the data files as a raw byte; remove it`},
		{"escaped carriage return in a note", "content/prisoners/ana-perez.toml", `note = "moved after a week"`, `note = "moved\rafter a week"`,
			`content/prisoners/ana-perez.toml:9:8: note holds the control character U+000D (CR), which is invisible and would reach the data files as a raw byte; remove it`},
		{"raw ESC in Markdown", "content/briefs/update.md", "Ana was arrested", "Ana was \x1b[31marrested",
			`content/briefs/update.md:7:9: the control character U+001B (ESC) is not allowed in a record: it is invisible and would reach the data files as a raw byte; remove it`},
		{"raw NUL in a TOML comment", "content/prisoners/ana-perez.toml", `verification = "reported"`, "verification = \"reported\" # \x00",
			`content/prisoners/ana-perez.toml:4:29: the control character U+0000 (NUL) is not allowed in a record: it is invisible and would reach the data files as a raw byte; remove it`},
		{"unknown key in custody", "content/prisoners/ana-perez.toml", `note = "moved after a week"`, `notes = "moved after a week"`,
			`content/prisoners/ana-perez.toml:9:1: unknown key "notes" (did you mean "note"?)`},
		{"source without url", "content/prisoners/ana-perez.toml", `url = "https://news.example/ana"`, ``,
			`content/prisoners/ana-perez.toml:11:1: missing required key "url"; add a line such as url = "https://..."`},
		{"source with unsafe url", "content/prisoners/ana-perez.toml", `url = "https://news.example/ana"`, `url = "javascript:alert(1)"`,
			`content/prisoners/ana-perez.toml:13:7: url "javascript:alert(1)" must be a full web address starting with https://`},
		{"invalid TOML", "content/sites/el-helicoide.toml", `status = "operating"`, `status = "operating`,
			`content/sites/el-helicoide.toml:2:20: invalid TOML: strings cannot contain newlines`},
		{"bad latitude", "content/sites/el-helicoide.toml", `lat = 10.4894`, `lat = 100.5`,
			`content/sites/el-helicoide.toml:3:7: lat 100.5 is not a latitude (-90 to 90)`},
		{"front matter not closed", "content/briefs/update.md", "prisoners = [\"ana-perez\"]\n+++", `prisoners = ["ana-perez"]`,
			`content/briefs/update.md:1:1: the front matter is not closed: add a line of +++ after it`},
		{"unknown key in front matter", "content/briefs/update.md", `date = 2024-08-10`, "date = 2024-08-10\nauthor = \"Ana\"",
			`content/briefs/update.md:4:1: unknown key "author" (did you mean "authors"?)`},
		{"brief without date", "content/briefs/update.md", "date = 2024-08-10\n", ``,
			`content/briefs/update.md:1:1: missing required key "date"; add a line such as date = 2026-01-09`},
		{"anonymous on a site", "content/sites/el-helicoide.toml", `status = "operating"`, "status = \"operating\"\nanonymous = true",
			`content/sites/el-helicoide.toml:3:13: anonymous applies to prisoners only; to keep this site out of the site, write publish = false`},
		{"private not a table", "content/sites/el-helicoide.toml", `status = "operating"`, "status = \"operating\"\nprivate = \"x\"",
			`content/sites/el-helicoide.toml:3:11: private must be a table written as [private], not a string`},
		{"bad verification", "content/statements/foro-penal.toml", `quote = "863 political prisoners"`, "quote = \"863 political prisoners\"\nverification = \"confirm\"",
			`content/statements/foro-penal.toml:4:16: verification "confirm" is not one of confirmed, reported, unverified (did you mean "confirmed"?)`},
		{"bad language tag", "content/statements/foro-penal.toml", `quote = "863 political prisoners"`, "quote = \"863 political prisoners\"\nlanguage = \"es\\\" onclick=\\\"x\"",
			`content/statements/foro-penal.toml:4:12: language "es\" onclick=\"x" is not a language tag; write one such as "es" or "pt-BR"`},
		{"bad measure", "content/counts/releases-claimed.toml", `measure = "released"`, `measure = "releases"`,
			`content/counts/releases-claimed.toml:2:11: measure "releases" is not one of held, released, arrests (did you mean "released"?)`},
		{"bad qualifier", "content/counts/releases-claimed.toml", `qualifier = "about"`, `qualifier = "approx"`,
			`content/counts/releases-claimed.toml:6:13: qualifier "approx" is not one of exact, at_least, about`},
		{"negative value", "content/counts/releases-claimed.toml", `value = 626`, `value = -626`,
			`content/counts/releases-claimed.toml:5:9: value is -626; a count is not negative`},
		{"value not whole", "content/counts/releases-claimed.toml", `value = 626`, `value = 626.5`,
			`content/counts/releases-claimed.toml:5:9: value must be a whole number such as 777, not a number`},
		{"since after as_of", "content/counts/releases-claimed.toml", `since = 2025-12-23`, `since = 2026-02-01`,
			`content/counts/releases-claimed.toml:3:9: since 2026-02-01 is after as_of 2026-01-23; a count runs from since to as_of`},
		{"since on a held count", "content/counts/foro-penal-2025-12-29.toml", `as_of = 2025-12-29`, "as_of = 2025-12-29\nsince = 2025-01-01",
			`content/counts/foro-penal-2025-12-29.toml:4:9: since applies to released and arrests counts; a held count is the number held on as_of, so remove since`},
		{"count without sources", "content/counts/releases-claimed.toml", "[[sources]]\ntitle = \"Statement on releases\"\nurl = \"https://gov.example/626\"", ``,
			`content/counts/releases-claimed.toml:1:1: a count needs its sources: add a [[sources]] table with the title and url of where the figure was reported`},
		{"count without verification", "content/counts/releases-claimed.toml", `verification = "reported"`, ``,
			`content/counts/releases-claimed.toml:1:1: a count needs its verification: add a line such as verification = "reported" (one of confirmed, reported, unverified)`},
		{"breakdown not a number", "content/counts/foro-penal-2025-12-29.toml", `women = 87`, `women = "87"`,
			`content/counts/foro-penal-2025-12-29.toml:8:9: women must be a whole number such as 777, not a string`},
		{"unknown count key", "content/counts/releases-claimed.toml", `value = 626`, "value = 626\nvalu = 1",
			`content/counts/releases-claimed.toml:6:1: unknown key "valu" (did you mean "value"?)`},
		{"interval ends before it starts", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, `arrested = "2024-08-09/2024-08-01"`,
			`content/prisoners/ana-perez.toml:3:12: arrested: "2024-08-09/2024-08-01": the interval ends (1 August 2024) before it starts (9 August 2024); write the earlier date first`},
		{"interval of one day", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, `arrested = "2024-08-02/2024-08-02"`,
			`content/prisoners/ana-perez.toml:3:12: arrested: "2024-08-02/2024-08-02": the interval starts and ends on 2 August 2024; write that date alone`},
		{"date in 9999", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, `arrested = 9999-08-02`,
			`content/prisoners/ana-perez.toml:3:12: arrested: 9999-08-02 is more than a year after the figures' as-of date (2026-01-31); check the year`},
		{"string date in 9999", "content/events/election.toml", `date = 2024-07-28`, `date = "9999"`,
			`content/events/election.toml:1:8: date: 9999 is more than a year after the figures' as-of date (2026-01-31); check the year`},
		{"date before 1900", "content/prisoners/ana-perez.toml", `arrested = 2024-08-02`, `arrested = 1899-12-31`,
			`content/prisoners/ana-perez.toml:3:12: arrested: "1899-12-31": year 1899 is before 1900; the briefing has no date that early, check the year`},
		{"source date in year 1", "content/prisoners/ana-perez.toml", `date = 2024-08-03`, `date = 0001-01-01`,
			`content/prisoners/ana-perez.toml:15:8: date: "0001-01-01": year 1 is before 1900; the briefing has no date that early, check the year`},
		{"unknown config key", "site.toml", `title = "Test briefing"`, "title = \"Test briefing\"\ntitel = \"x\"",
			`site.toml:2:1: unknown key "titel" (did you mean "title"?)`},
		{"bad base URL", "site.toml", `baseURL = "https://example.org/b/"`, `baseURL = "example.org"`,
			`site.toml:2:11: baseURL must be a full address such as https://example.org/briefing/`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixture(t, "good.txtar")
			src := string(fsys[tt.file].Data)
			if !strings.Contains(src, tt.from) {
				t.Fatalf("%s does not contain %q", tt.file, tt.from)
			}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(src, tt.from, tt.to, 1))}
			_, err := Load(fsys, Options{Today: Date{Year: 2026, Month: 1, Day: 31, Precision: Day}})
			if tt.want == "" {
				if err == nil {
					t.Fatal("Load succeeded; want an error")
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("Load error = %v (%T); want Errors", err, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

func TestBadFiles(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"content/prisoners/Ana.toml", `name = "x"`, `content/prisoners/Ana.toml: file name "Ana.toml" is not a valid slug: use lower-case letters, digits and single hyphens, such as rocio-san-miguel.toml`},
		{"content/prisoners/ana.md", `name = "x"`, `content/prisoners/ana.md: a prisoner is a .toml file; rename it to ana.toml`},
		{"content/prisoner/ana.toml", `name = "x"`, `content/prisoner: unknown folder; content holds briefs/, prisoners/, statements/, sites/, events/, counts/, pages/`},
		{"content/prisoners/ana.es.toml", `name = "x"`, `content/prisoners/ana.es.toml: "ana.es.toml" looks like a translation into "es" of ana.toml, but site.toml configures no language "es"`},
		{"content/prisoners/bad.toml", "name = \"x\xff\"\nstatus = \"detained\"", `content/prisoners/bad.toml:1:10: invalid UTF-8; save the file as UTF-8`},
		{"content/prisoners/big.toml", strings.Repeat("#", MaxFileSize+1), `content/prisoners/big.toml: file is 1048577 bytes, over the 1048576-byte limit for a record; split it or remove pasted material`},
		{"content/prisoners/.ana.toml.swp", "junk", ``},
		{"content/prisoners/ana.toml~", "junk", ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fixture(t, "good.txtar")
			fsys[tt.name] = &fstest.MapFile{Data: []byte(tt.data)}
			_, err := Load(fsys, Options{})
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("error:\n got: %s\nwant: %s", got, tt.want)
			}
		})
	}
}

// TestAllErrorsAtOnce checks that one run reports the problems of every
// file: the files that do not parse first, then the rest by file and line.
func TestAllErrorsAtOnce(t *testing.T) {
	fsys := fixture(t, "good.txtar")
	fsys["content/prisoners/b.toml"] = &fstest.MapFile{Data: []byte("name = \"B\"\nstatus = \"gone\"\nfoo = 1\n")}
	fsys["content/prisoners/a.toml"] = &fstest.MapFile{Data: []byte("status = \"detained\"\n")}
	fsys["content/sites/x.toml"] = &fstest.MapFile{Data: []byte("name = \n")}
	_, err := Load(fsys, Options{})
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		`content/sites/x.toml:1:8: invalid TOML`,
		`content/prisoners/a.toml:1:1: missing required key "name"`,
		`content/prisoners/b.toml:2:10: status "gone" is not one of`,
		`content/prisoners/b.toml:3:1: unknown key "foo"`,
	}
	if len(es) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(es), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(es[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, es[i].Error(), w)
		}
	}
}

func TestWithheld(t *testing.T) {
	fsys := fixture(t, "good.txtar")
	fsys["content/prisoners/hidden.toml"] = &fstest.MapFile{Data: []byte("name = \"Hidden\"\nstatus = \"detained\"\npublish = false\n")}
	fsys["content/prisoners/wip.toml"] = &fstest.MapFile{Data: []byte("name = \"Draft\"\nstatus = \"detained\"\ndraft = true\n")}
	set, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Prisoners) != 1 {
		t.Errorf("published prisoners = %d, want 1", len(set.Prisoners))
	}
	if got := set.Withheld[KindPrisoner]; got["hidden"] != "publish = false" || got["wip"] != "draft = true" {
		t.Errorf("withheld = %v", got)
	}
	set, err = Load(fsys, Options{Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Prisoners) != 2 {
		t.Errorf("with drafts: prisoners = %d, want 2", len(set.Prisoners))
	}
}

func TestAnonymousPrisonerLosesIdentifyingFields(t *testing.T) {
	fsys := fixture(t, "good.txtar")
	fsys["content/prisoners/anon-0001.toml"] = &fstest.MapFile{Data: []byte(`name = "Secret Person"
status = "detained"
anonymous = true
aliases = ["Secreto"]
gender = "female"
occupation = "journalist"
summary = "Secret summary"
body = "Secret body"
arrested = 2024-08-01
[[custody]]
site = "el-helicoide"
note = "secret note"
[[sources]]
title = "Secret source"
url = "https://news.example/secret"
`)}
	set, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var p *Prisoner
	for _, q := range set.Prisoners {
		if q.Slug == "anon-0001" {
			p = q
		}
	}
	if p == nil {
		t.Fatal("anonymous prisoner not loaded")
	}
	if p.Name != "" || p.Aliases != nil || p.Gender != "" || p.Occupation != "" || p.Summary != "" || p.Body.Text.Len() != 0 || p.Sources != nil || p.Custody[0].Note != "" {
		t.Errorf("identifying fields kept: %+v", p)
	}
	if p.Status != "detained" || p.Arrested.IsZero() || p.Custody[0].Site.Slug != "el-helicoide" {
		t.Errorf("fields the figures need were dropped: %+v", p)
	}

	fsys["content/prisoners/secret-person.toml"] = &fstest.MapFile{Data: []byte("name = \"Secret Person\"\nstatus = \"detained\"\nanonymous = true\n")}
	_, err = Load(fsys, Options{})
	want := `content/prisoners/secret-person.toml: the file name of an anonymous prisoner contains their name ("secret"); rename the file to a neutral slug such as anon-0001`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

func TestMissingConfig(t *testing.T) {
	_, err := Load(fstest.MapFS{}, Options{})
	if err == nil || err.Error() != "site.toml: no site.toml here; run the command in a site folder or name one with -src" {
		t.Errorf("err = %v", err)
	}
}

func TestCacheReusesUnchangedFiles(t *testing.T) {
	dir := t.TempDir()
	fsys := fixture(t, "good.txtar")
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	var c Cache
	first, err := c.Load(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "content/statements/foro-penal.toml")
	data, _ := os.ReadFile(p)
	os.WriteFile(p, bytes.Replace(data, []byte("863"), []byte("864"), 1), 0o644)
	os.Chtimes(p, time.Now(), time.Now().Add(time.Second))
	second, err := c.Load(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if first.Prisoners[0] != second.Prisoners[0] {
		t.Error("an unchanged record was decoded again")
	}
	if second.Statements[0].Quote != "864 political prisoners" {
		t.Errorf("a changed record was not decoded again: %q", second.Statements[0].Quote)
	}
	// A deleted file is forgotten, so that a long preview does not grow.
	before := len(c.entries)
	os.Remove(filepath.Join(dir, "content/events/election.toml"))
	if _, err := c.Load(os.DirFS(dir), Options{}); err != nil {
		t.Fatal(err)
	}
	if len(c.entries) != before-1 {
		t.Errorf("%d cached files after a delete, want %d", len(c.entries), before-1)
	}
	// An error stays reported while its file is unchanged.
	os.WriteFile(p, []byte("speaker = 1\n"), 0o644)
	os.Chtimes(p, time.Now(), time.Now().Add(2*time.Second))
	for range 2 {
		if _, err := c.Load(os.DirFS(dir), Options{}); err == nil || !strings.Contains(err.Error(), "foro-penal.toml:1:11: speaker must be a string") {
			t.Errorf("err = %v", err)
		}
	}
}
