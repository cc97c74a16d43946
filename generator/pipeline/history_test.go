package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"golang.org/x/tools/txtar"
)

// needGit skips a test when git is missing, except in CI.
func needGit(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("git is missing")
		}
		t.Skip("git is missing")
	}
}

// gitRun runs git in dir with a fixed author, committer and date: the
// author's name and e-mail are canaries, since they must never be
// published.
func gitRun(t testing.TB, dir, date string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	cmd.Env = append(os.Environ(),
		"GIT_AUTHOR_NAME=Canary Author", "GIT_AUTHOR_EMAIL=canary.author@example.org",
		"GIT_COMMITTER_NAME=Canary Committer", "GIT_COMMITTER_EMAIL=canary.committer@example.org",
		"GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// historySite writes a txtar fixture of commits (see
// testdata/history.txtar) as a git repository, commit by commit, and adds
// the real templates, uncommitted.
func historySite(t testing.TB, archive string) string {
	t.Helper()
	a, err := txtar.ParseFile(filepath.Join("testdata", archive))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gitRun(t, dir, "2026-01-01T00:00:00Z", "init", "-q", "-b", "main")
	date, msg := "", ""
	commit := func() {
		if date != "" {
			gitRun(t, dir, date, "add", "-A")
			gitRun(t, dir, date, "commit", "-q", "--allow-empty", "-m", msg)
		}
	}
	for _, f := range a.Files {
		switch {
		case strings.HasPrefix(f.Name, ".commit "):
			commit()
			date, msg = strings.TrimPrefix(f.Name, ".commit "), string(f.Data)
		case strings.HasPrefix(f.Name, ".delete "):
			if err := os.Remove(filepath.Join(dir, strings.TrimPrefix(f.Name, ".delete "))); err != nil {
				t.Fatal(err)
			}
		default:
			p := filepath.Join(dir, f.Name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	commit()
	testsite.Templates(t, dir)
	return dir
}

// TestHistory builds a site from its git history and reads the changes on
// the pages, in the feeds and in data/changes.json; nothing private,
// unpublished or anonymous from any past version reaches any file.
func TestHistory(t *testing.T) {
	needGit(t)
	src := historySite(t, "history.txtar")
	res, err := Build(Options{Src: src, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	if res.Note != "" {
		t.Errorf("note = %q, want none: the site has its history", res.Note)
	}
	files := testsite.Read(t, res.Out)
	if d := os.Getenv("HISTORY_DUMP"); d != "" {
		os.CopyFS(d, os.DirFS(res.Out))
	}

	// Nothing private, ever: past private fields, the name of a person
	// anonymous now, an unpublished period, commit messages, authors.
	for name, data := range files {
		for n, d := range unpack(t, name, data) {
			if i := bytes.Index(bytes.ToUpper(d), []byte("CANARY")); i >= 0 {
				t.Errorf("%s holds private data: %q", n, d[max(0, i-60):min(len(d), i+60)])
			}
		}
	}

	contains := func(file string, want ...string) {
		t.Helper()
		got := string(files[file])
		if got == "" {
			t.Errorf("%s was not written", file)
			return
		}
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %s", file, w)
			}
		}
	}
	lacks := func(file string, unwanted ...string) {
		t.Helper()
		for _, u := range unwanted {
			if strings.Contains(string(files[file]), u) {
				t.Errorf("%s holds %s", file, u)
			}
		}
	}

	// The page: newest first, each change dated, with its note. The
	// occupation (now private) and the tidying commit show nothing, so the
	// last public change is January 10.
	ana := "prisoners/ana-perez/index.html"
	contains(ana,
		`<h2 id="changes">Changes</h2>
<ol class="entries">
<li><time datetime="2026-01-10">10 January 2026</time>: Release date corrected from 9 January 2026 to 8 January 2026. Custody at El Helicoide: end date corrected from 9 January 2026 to 8 January 2026. Source added: The Independent. <span class="note">Correction note: The release date was first given as 9 January; the family confirmed 8 January.</span></li>
<li><time datetime="2026-01-08">8 January 2026</time>: Status changed from detained to released. Release date added: 9 January 2026. Custody at El Helicoide: end date added: 9 January 2026. <span class="note">Correction note: The family confirmed the release.</span></li>
<li><time datetime="2026-01-02">2 January 2026</time>: First published.</li>
</ol>`,
		`<p class="updated">Last updated <time datetime="2026-01-10">10 January 2026</time>`)
	lacks(ana, "2026-01-12", "2026-01-15", "2026-01-20", "Occupation", "occupation")

	// In Spanish, with the translation's own revision.
	contains("es/"+ana,
		`<li><time datetime="2026-01-21">21 de enero de 2026</time>: Se revisó el resumen.</li>`,
		`<li><time datetime="2026-01-08">8 de enero de 2026</time>: Cambió la situación: de detención a libertad plena. Se añadió la fecha de excarcelación: 9 de enero de 2026. Reclusión en El Helicoide: se añadió la fecha de fin: 9 de enero de 2026. <span class="note">Nota de corrección: The family confirmed the release.</span>`,
		`Última actualización: <time datetime="2026-01-21">21 de enero de 2026</time>`)

	// The person whose name is withheld now: their status change shows, no
	// note (it named them), nothing identifying.
	contains("prisoners/anon-0001/index.html",
		`<li><time datetime="2026-01-09">9 January 2026</time>: Status changed from detained to released.</li>`)

	// Unpublished from January 5 to 15: one change on the day it came back,
	// from the last published version, and no note (the commit that brought
	// it back also changed the anonymous person's file).
	contains("prisoners/luis-gomez/index.html",
		`<li><time datetime="2026-01-15">15 January 2026</time>: Status changed from detained to under house arrest.</li>
<li><time datetime="2026-01-02">2 January 2026</time>: First published.</li>
</ol>`)
	lacks("prisoners/luis-gomez/index.html", "2026-01-05", "2026-01-12", "deceased", "Deceased")

	// The site-wide page, in both languages.
	contains("changes/index.html", `<li id="change-2026-01-10-prisoner-ana-perez-3"><time datetime="2026-01-10">10 January 2026</time> <span class="kind">Prisoner</span> <a href="../prisoners/ana-perez/index.html">Ana Pérez</a>: Release date corrected from 9 January 2026 to 8 January 2026.`)
	contains("es/changes/index.html", `<a href="../prisoners/ana-perez/index.html">Ana Pérez</a>: Se corrigió la fecha de excarcelación: de 9 de enero de 2026 a 8 de enero de 2026.`)

	// A count, revised across commits: its changes in its row of the counts
	// page, newest first, in both languages; its note, private now, never
	// shows, not even as revised. It has no page of its own: on the changes
	// page and in the data its record is its row.
	contains("counts/index.html", `<details class="count-changes"><summary>Changes</summary><ol><li><time datetime="2026-01-13">13 January 2026</time>: As-of date corrected from 5 January 2026 to 6 January 2026. Breakdown, women: figure added: 87. Source added: El Pitazo.</li><li><time datetime="2026-01-11">11 January 2026</time>: Figure corrected from 863 to 866. <span class="note">Correction note: Foro Penal corrected its figure for January 5 from 863 to 866.</span></li><li><time datetime="2026-01-02">2 January 2026</time>: First published.</li></ol></details>`)
	contains("es/counts/index.html", `<li><time datetime="2026-01-13">13 de enero de 2026</time>: Se corrigió la fecha de corte: de 5 de enero de 2026 a 6 de enero de 2026. Desglose, mujeres: se añadió la cifra: 87. Se añadió una fuente: El Pitazo.</li><li><time datetime="2026-01-11">11 de enero de 2026</time>: Se corrigió la cifra: de 863 a 866.`)
	lacks("counts/index.html", "Note revised", "Note removed")
	contains("changes/index.html", `<li id="change-2026-01-11-count-foro-penal-held-2"><time datetime="2026-01-11">11 January 2026</time> <span class="kind">Reported count</span> <a href="../counts/index.html#count-foro-penal-held">Foro Penal: 866 held, 6 January 2026</a>: Figure corrected from 863 to 866.`)
	contains("es/changes/index.html", `<a href="../counts/index.html#count-foro-penal-held">Foro Penal: 866 personas detenidas, 6 de enero de 2026</a>: Se corrigió la cifra: de 863 a 866.`)
	contains("feed.xml", `<title>Foro Penal: 866 held, 6 January 2026: Figure corrected from 863 to 866</title>`)
	contains("es/feed.xml", `<title>Foro Penal: 866 personas detenidas, 6 de enero de 2026: Se corrigió la cifra: de 863 a 866</title>`)

	// The main feed has the changes; a person's own feed the change to their
	// status, not the other corrections.
	contains("feed.xml", `<title>Ana Pérez: Release date corrected from 9 January 2026 to 8 January 2026. Custody at El Helicoide: end date corrected from 9 January 2026 to 8 January 2026. Source added: The Independent</title>
    <updated>2026-01-10T18:00:00-04:00</updated>`,
		`<summary>The release date was first given as 9 January; the family confirmed 8 January.</summary>`)
	contains("prisoners/ana-perez/feed.xml", `<title>Ana Pérez: Status changed from detained to released.`, `<category term="change"></category>`)
	lacks("prisoners/ana-perez/feed.xml", "Release date corrected")

	// The home page was last updated with the last public change, but the
	// figures run to the content's latest date, not to a commit's.
	contains("index.html", `as of <time datetime="2026-01-08">8 January 2026</time>`,
		`Last updated <time datetime="2026-01-15">15 January 2026</time>`)

	// The data file: one row per change to a field.
	var rows []map[string]any
	if err := json.Unmarshal(files["data/changes.json"], &rows); err != nil {
		t.Fatal(err)
	}
	found, countFound := false, false
	for _, r := range rows {
		if id, _ := r["id"].(string); r["url"] != "https://example.org/changes/#"+id {
			t.Errorf("changes.json: url %v, want the changes page at the id %s", r["url"], id)
		}
		if r["slug"] == "ana-perez" && r["field"] == "released" && r["change"] == "corrected" {
			found = true
			want := map[string]any{"date": "2026-01-10", "old": "2026-01-09", "new": "2026-01-08",
				"note": "The release date was first given as 9 January; the family confirmed 8 January.",
				"text": "Release date corrected from 9 January 2026 to 8 January 2026",
				"id":   "change-2026-01-10-prisoner-ana-perez-3", "url": "https://example.org/changes/#change-2026-01-10-prisoner-ana-perez-3"}
			for k, v := range want {
				if r[k] != v {
					t.Errorf("changes.json: %s = %v, want %v", k, r[k], v)
				}
			}
		}
		if r["slug"] == "foro-penal-held" && r["field"] == "value" {
			countFound = true
			want := map[string]any{"date": "2026-01-11", "change": "corrected", "old": "863", "new": "866",
				"note": "Foro Penal corrected its figure for January 5 from 863 to 866.", "text": "Figure corrected from 863 to 866"}
			for k, v := range want {
				if r[k] != v {
					t.Errorf("changes.json, the count: %s = %v, want %v", k, r[k], v)
				}
			}
			if rec, _ := r["record"].(map[string]any); rec["kind"] != "count" || rec["url"] != "https://example.org/counts/#count-foro-penal-held" {
				t.Errorf("changes.json, the count: record = %v", r["record"])
			}
		}
		if r["slug"] == "foro-penal-held" && r["field"] == "breakdown" && (r["within"] != "women" || r["new"] != "87") {
			t.Errorf("changes.json, the count's breakdown: %v", r)
		}
		if r["slug"] == "now-draft" || r["slug"] == "now-hidden" {
			t.Errorf("changes.json has a change to %s, which is not published now", r["slug"])
		}
	}
	if !found {
		t.Errorf("changes.json has no correction of Ana Pérez's release date:\n%s", files["data/changes.json"])
	}
	if !countFound {
		t.Error("changes.json has no correction of the count's figure")
	}

	// The same commit builds the same site, byte for byte.
	again, err := Build(Options{Src: src, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	second := testsite.Read(t, again.Out)
	for name, data := range files {
		if !bytes.Equal(data, second[name]) {
			t.Errorf("%s differs between two builds of the same commit", name)
		}
	}
}

// TestShallowCloneHasNoHistory: a shallow clone, whose history is cut
// short, builds as a site without git does: no Changes section, no changes
// page or file, and a note saying why.
func TestShallowCloneHasNoHistory(t *testing.T) {
	needGit(t)
	src := historySite(t, "history.txtar")
	shallow := filepath.Join(t.TempDir(), "shallow")
	gitRun(t, src, "2026-02-01T00:00:00Z", "clone", "-q", "--depth", "1", "file://"+src, shallow)
	testsite.Templates(t, shallow)
	res, err := Build(Options{Src: shallow, Out: filepath.Join(t.TempDir(), "public")})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Note, "shallow clone") {
		t.Errorf("note = %q, want one about the shallow clone", res.Note)
	}
	files := testsite.Read(t, res.Out)
	for _, gone := range []string{"changes/index.html", "es/changes/index.html", "data/changes.json"} {
		if _, ok := files[gone]; ok {
			t.Errorf("%s was written without history", gone)
		}
	}
	for name, data := range files {
		if strings.HasSuffix(name, ".html") && bytes.Contains(data, []byte(`id="changes"`)) {
			t.Errorf("%s has a Changes section without history", name)
		}
	}
	if !bytes.Contains(files["prisoners/ana-perez/index.html"], []byte(`Last updated <time datetime="2026-01-08">`)) {
		t.Error("without history, Last updated is not the record's own latest date")
	}
}
