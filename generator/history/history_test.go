package history

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
)

func TestPublicNote(t *testing.T) {
	for _, tc := range []struct{ msg, want string }{
		{"Fix a date\n\nThe family called.", ""},
		{"Fix a date\n\nPublic-note: The release date was first given as 9 January.", "The release date was first given as 9 January."},
		{"Fix\n\npublic-note:   lower case works too  ", "lower case works too"},
		{"Fix\n\nPublic-note: The release date was first given as 9 January;\n  the family confirmed 8 January.\nSigned-off-by: X <x@example.org>", "The release date was first given as 9 January; the family confirmed 8 January."},
		{"Fix\n\nPublic-note: one\nPublic-note: two", "one two"},
		{"Fix\n\nNot a Public-note: inside a line", ""},
		{"Fix\n\nPublic-note:", ""},
	} {
		if got := PublicNote(tc.msg); got != tc.want {
			t.Errorf("PublicNote(%q) = %q, want %q", tc.msg, got, tc.want)
		}
	}
}

func FuzzPublicNote(f *testing.F) {
	f.Add("Fix\n\nPublic-note: a\n  b\n")
	f.Add("Public-note:\n\t\n")
	f.Fuzz(func(t *testing.T, msg string) {
		n := PublicNote(msg)
		if strings.ContainsAny(n, "\n") {
			t.Errorf("note %q spans lines", n)
		}
		if utf8.ValidString(msg) && !utf8.ValidString(n) {
			t.Errorf("note %q of valid text is not valid UTF-8", n)
		}
	})
}

// TestParseLog reads git log's raw output: record files only, deletions
// as empty blobs, a commit's date with its zone.
func TestParseLog(t *testing.T) {
	zero, one, two, three := strings.Repeat("0", 40), strings.Repeat("1", 40), strings.Repeat("2", 40), strings.Repeat("3", 40)
	out := "\x1eaaaa 2026-01-08T09:30:00-04:00\nRelease\n\nPublic-note: Confirmed.\n\x00\n" +
		":000000 100644 " + zero + " " + one + " A\x00content/prisoners/x.toml\x00" +
		":000000 100644 " + zero + " " + two + " A\x00content/prisoners/x.es.toml\x00" +
		":000000 100644 " + zero + " " + three + " A\x00content/prisoners/notes.txt\x00" +
		"\x1ebbbb 2026-01-09T10:00:00Z\nRemove\n\x00\n" +
		":100644 000000 " + one + " " + zero + " D\x00content/prisoners/x.toml\x00"
	l := &Log{files: make(map[string][]step)}
	err := parseLog(l, bufio.NewReader(strings.NewReader(out)))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Commits) != 2 || l.Commits[0].Note != "Confirmed." || l.Commits[0].Time.Format("2006-01-02 15:04 -0700") != "2026-01-08 09:30 -0400" {
		t.Errorf("commits = %+v", l.Commits)
	}
	if got := l.files["content/prisoners/x.toml"]; len(got) != 2 || got[0].commit != 0 || l.names.at(got[0].blob).String() != one || got[1] != (step{1, 0}) {
		t.Errorf("x.toml = %v", got)
	}
	if got := l.files["content/prisoners/x.es.toml"]; len(got) != 1 {
		t.Errorf("x.es.toml = %v", got)
	}
	if _, ok := l.files["content/prisoners/notes.txt"]; ok {
		t.Error("a file that is not a record was kept")
	}
	if err := parseLog(&Log{files: make(map[string][]step)}, bufio.NewReader(strings.NewReader("garbage\x00"))); err == nil {
		t.Error("unexpected output was accepted")
	}
	short := "\x1eaaaa 2026-01-08T09:30:00Z\nAdd\n\x00\n:000000 100644 0000 1111 A\x00content/prisoners/x.toml\x00"
	if err := parseLog(&Log{files: make(map[string][]step)}, bufio.NewReader(strings.NewReader(short))); err == nil {
		t.Error("a blob's name cut short was accepted")
	}
}

func decode(t *testing.T, src string) any {
	t.Helper()
	v := content.DecodeVersion("content/prisoners/p-1.toml", src, "", "")
	if v.Record == nil {
		t.Fatalf("does not decode:\n%s", src)
	}
	return v.Record
}

// TestDiff: what a change between two versions shows, given the record as
// it is now.
func TestDiff(t *testing.T) {
	const base = "name = \"Ana Pérez\"\nstatus = \"detained\"\narrested = 2024-08-02\n"
	long := strings.Repeat("A long text. ", 30)
	body := func(s string) string { return "body = \"\"\"\n" + s + "\n\"\"\"\n" }
	event := func(s string) string {
		return "[[events]]\ndate = 2024-09-01\ntitle = \"Hearing\"\nbody = \"\"\"\n" + s + "\n\"\"\"\n"
	}
	texts, err := content.NewTexts(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer texts.Close()
	words, _ := i18n.Load(nil, i18n.English)
	name := func(r content.Ref) (string, bool) { return "El Helicoide", r.Slug == "el-helicoide" }
	for _, tc := range []struct {
		name          string
		old, new, cur string
		want          string
	}{
		{"formatting and comments", base, "# a comment\n" + strings.ReplaceAll(base, " = ", "   =   "), base, ""},
		{"private table", base, base + "[private]\nnote = \"x\"\n", base, ""},
		{"status", base, strings.Replace(base, "detained", "released", 1), strings.Replace(base, "detained", "released", 1),
			"Status changed from detained to released"},
		{"date corrected", base, strings.Replace(base, "08-02", "08-03", 1), base, "Arrest date corrected from 2 August 2024 to 3 August 2024"},
		{"field private now", base, base + "occupation = \"Lawyer\"\n", base, ""},
		{"text shown only while current", base, base + "occupation = \"Lawyer\"\n", base + "occupation = \"Judge\"\n", "Occupation added"},
		{"text current", base, base + "occupation = \"Judge\"\n", base + "occupation = \"Judge\"\n", "Occupation added: Judge"},
		{"summary", base + "summary = \"a\"\n", base + "summary = \"b\"\n", base + "summary = \"c\"\n", "Summary revised"},
		{"list entry removed is not named", base + "charges = [\"treason\", \"secret\"]\n", base + "charges = [\"treason\"]\n", base + "charges = [\"treason\"]\n", "Charge removed"},
		{"list entry added", base + "charges = [\"treason\"]\n", base + "charges = [\"treason\", \"terrorism\"]\n", base + "charges = [\"treason\", \"terrorism\"]\n", "Charge added: terrorism"},
		{"custody end", base + "[[custody]]\nsite = \"el-helicoide\"\nto = 2026-01-09\n", base + "[[custody]]\nsite = \"el-helicoide\"\nto = 2026-01-08\n", base + "[[custody]]\nsite = \"el-helicoide\"\nto = 2026-01-08\n",
			"Custody at El Helicoide: end date corrected from 9 January 2026 to 8 January 2026"},
		{"source", base, base + "[[sources]]\ntitle = \"T\"\nurl = \"https://example.com/\"\npublisher = \"The Independent\"\n", base + "[[sources]]\ntitle = \"T\"\nurl = \"https://example.com/\"\npublisher = \"The Independent\"\n",
			"Source added: The Independent"},
		{"anonymous now", base + "occupation = \"Lawyer\"\n", strings.Replace(base, "Ana Pérez", "Ana Pérez Gómez", 1) + "occupation = \"Judge\"\n", "anonymous = true\n" + strings.Replace(base, "detained", "released", 1) + "occupation = \"Judge\"\n", ""},
		// Long texts, which a build keeps in its file of texts.
		{"long body revised", base + body(long+"a"), base + body(long+"b"), base + body(long+"c"), "Text revised"},
		{"long body private now", base + body(long+"a"), base + body(long+"b"), base, ""},
		{"long body blank now", base + body(long+"a"), base + body(long+"b"), base + body(strings.Repeat(" ", 300)), ""},
		{"long event body revised", base + event(long+"a"), base + event(long+"b"), base + event(long+"c"), "“Hearing”: text revised"},
		{"long event body private now", base + event(long+"a"), base + event(long+"b"), base + event(""), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fields := fieldsOf(content.KindPrisoner)
			old, new := snap(fields, decode(t, tc.old), false), snap(fields, decode(t, tc.new), false)
			// The versions as the cache gives them back.
			l := &Log{}
			seq := []pair{{commit: 0, blobs: [2]blobID{l.names.add(testOID(0xaa)), 0}}, {commit: 1, blobs: [2]blobID{l.names.add(testOID(0xbb)), 0}}}
			k0, k1 := l.key(seq[0]), l.key(seq[1])
			keys := distinctKeys(l, seq, nil)
			c := &cache{groups: map[string]part{groupKey("f", ""): newPart(encodeGroup(l, seq, map[key]snapshot{k0: old, k1: new}, fields, nil), keysDigest(keys), len(keys))}}
			back, _ := c.group("f", "", fields)
			if !reflect.DeepEqual(back[k0], old) || !reflect.DeepEqual(back[k1], new) {
				t.Fatalf("the cache gave back other snapshots:\n%v\n%v", back, []snapshot{old, new})
			}
			items := diff(fields, back[k0], back[k1], snap(fields, decode(t, tc.cur), true))
			// The same, the current record's long texts in a build's file
			// of texts, which the snapshot does not read back.
			cur := decode(t, tc.cur).(interface{ Meta() *content.Record })
			texts.Markdown(cur)
			if kept := diff(fields, back[k0], back[k1], snap(fields, cur, true)); !reflect.DeepEqual(kept, items) {
				t.Errorf("with the texts in their file: %v, want %v", kept, items)
			}
			var got []string
			for _, it := range items {
				got = append(got, it.Describe(words, content.KindPrisoner, name, func(d content.Date) string { return dateWriter(words, d) }))
			}
			if g := strings.Join(got, ". "); g != tc.want {
				t.Errorf("got %q, want %q", g, tc.want)
			}
		})
	}
}

// TestTextsTranslated: every sentence and field name has its Spanish
// translation in the real site's templates/i18n/es.toml.
func TestTextsTranslated(t *testing.T) {
	words, err := i18n.Load(os.DirFS("../.."), "es")
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range Texts() {
		if !words.Has(text) {
			t.Errorf("no Spanish for %q", text)
		}
	}
}

// A repository without a commit has an empty history, not an error.
func TestReadWithoutCommits(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v: %s", err, out)
	}
	l, err := Read(context.Background(), dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Commits) != 0 || len(l.files) != 0 {
		t.Errorf("Read of a repository without commits = %d commits, %d files; want none", len(l.Commits), len(l.files))
	}
}

// TestDiffCount: what a change to a count shows, in English and in
// Spanish, given the count as it is now.
func TestDiffCount(t *testing.T) {
	const base = "counter = \"Foro Penal\"\nmeasure = \"held\"\nas_of = 2026-01-19\nvalue = 863\nverification = \"reported\"\n"
	const src = "\n[[sources]]\ntitle = \"Report\"\nurl = \"https://example.org/report\"\npublisher = \"Foro Penal\"\n"
	const src2 = "\n[[sources]]\ntitle = \"Another\"\nurl = \"https://example.org/another\"\npublisher = \"Provea\"\n"
	en, _ := i18n.Load(nil, i18n.English)
	es, err := i18n.Load(os.DirFS("../.."), "es")
	if err != nil {
		t.Fatal(err)
	}
	name := func(r content.Ref) (string, bool) {
		return "Foro Penal, 19 January 2026", r.Slug == "foro-penal-2026-01-19"
	}
	date := dateWriter
	dec := func(src string) any {
		t.Helper()
		v := content.DecodeVersion("content/counts/foro-penal-held.toml", src, "", "")
		if v.Record == nil {
			t.Fatalf("does not decode:\n%s", src)
		}
		return v.Record
	}
	revised := strings.Replace(base, "863", "866", 1)
	rel := strings.Replace(base, "held", "released", 1)
	for _, tc := range []struct {
		name          string
		old, new, cur string
		en, es        string
	}{
		{"figure", base + src, revised + src, revised + src,
			"Figure corrected from 863 to 866", "Se corrigió la cifra: de 863 a 866"},
		{"as of", base + src, strings.Replace(base, "01-19", "01-20", 1) + src, strings.Replace(base, "01-19", "01-20", 1) + src,
			"As-of date corrected from 19 January 2026 to 20 January 2026", "Se corrigió la fecha de corte: de 19 de enero de 2026 a 20 de enero de 2026"},
		{"source added", base + src, base + src + src2, base + src + src2, "Source added: Provea", "Se añadió una fuente: Provea"},
		{"kind of figure", base + src, base + "qualifier = \"at_least\"\n" + src, base + "qualifier = \"at_least\"\n" + src,
			"Kind of figure changed from exact to minimum", "Cambió el tipo de cifra: de exacta a mínima"},
		{"start added", rel + src, rel + "since = 2026-01-08\n" + src, rel + "since = 2026-01-08\n" + src,
			"Start of the count added: 8 January 2026", "Se añadió el inicio del conteo: 8 de enero de 2026"},
		{"start added, an interval", rel + src, rel + "since = \"2026-01-11/2026-01-12\"\n" + src, rel + "since = \"2026-01-11/2026-01-12\"\n" + src,
			"Start of the count added: between 11 January 2026 and 12 January 2026", "Se añadió el inicio del conteo: between 11 de enero de 2026 and 12 de enero de 2026"},
		{"measure", base + src, strings.Replace(base, "held", "released", 1) + src, strings.Replace(base, "held", "released", 1) + src,
			"What is counted changed from people held to releases", "Cambió lo que se cuenta: de personas detenidas a excarcelaciones"},
		{"breakdown part corrected", base + src + "[breakdown]\nwomen = 87\n", base + src + "[breakdown]\nwomen = 90\n", base + src + "[breakdown]\nwomen = 90\n",
			"Breakdown, women: figure corrected from 87 to 90", "Desglose, mujeres: se corrigió la cifra: de 87 a 90"},
		{"breakdown part added", base + src + "[breakdown]\nwomen = 87\n", base + src + "[breakdown]\nwomen = 87\nminors = 3\n", base + src + "[breakdown]\nwomen = 87\nminors = 3\n",
			"Breakdown, minors: figure added: 3", "Desglose, menores de edad: se añadió la cifra: 3"},
		{"breakdown part gone now is not named", base + src + "[breakdown]\nwomen = 87\n", base + src + "[breakdown]\nwomen = 87\nsecret_unit = 3\n", base + src + "[breakdown]\nwomen = 87\n",
			"Part of the breakdown added", "Se añadió una parte del desglose"},
		{"statement", base + src, base + "statement = \"foro-penal-2026-01-19\"\n" + src, base + "statement = \"foro-penal-2026-01-19\"\n" + src,
			"Announcing statement added: Foro Penal, 19 January 2026", "Se añadió la declaración que la anunció: Foro Penal, 19 January 2026"},
		{"note private now", base + "note = \"a\"\n" + src, base + "note = \"b\"\n" + src, base + src, "", ""},
		{"note", base + "note = \"a\"\n" + src, base + "note = \"b\"\n" + src, base + "note = \"c\"\n" + src, "Note revised", "Se revisó la nota"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fields := fieldsOf(content.KindCount)
			items := diff(fields, snap(fields, dec(tc.old), false), snap(fields, dec(tc.new), false), snap(fields, dec(tc.cur), true))
			for _, lang := range []struct {
				words *i18n.Dict
				want  string
			}{{en, tc.en}, {es, tc.es}} {
				var got []string
				for _, it := range items {
					got = append(got, it.Describe(lang.words, content.KindCount, name, func(d content.Date) string { return date(lang.words, d) }))
				}
				if g := strings.Join(got, ". "); g != lang.want {
					t.Errorf("got %q, want %q", g, lang.want)
				}
			}
		})
	}
}

// dateWriter writes a date as site.Date does for a single date, and an
// interval by its two ends, to show that Describe hands it the interval
// whole (the pages' own wording of intervals is site's, tested there).
func dateWriter(words *i18n.Dict, d content.Date) string {
	if d.IsInterval() {
		a, b := d.Start(), d.Finish()
		return "between " + words.Date(a.Year, a.Month, a.Day, int(a.Precision)) + " and " + words.Date(b.Year, b.Month, b.Day, int(b.Precision))
	}
	return words.Date(d.Year, d.Month, d.Day, int(d.Precision))
}
