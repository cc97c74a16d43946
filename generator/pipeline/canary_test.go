package pipeline

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// TestPrivateDataNeverLeaves builds a site full of private data marked
// with canaries and greps every byte of every output file, unzipping any
// archive, for them.
func TestPrivateDataNeverLeaves(t *testing.T) {
	src := testsite.DirFrom(t, "testdata/canary.txtar")
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, res.Out)
	for name, data := range files {
		for n, d := range unpack(t, name, data) {
			if i := bytes.Index(bytes.ToUpper(d), []byte("CANARY")); i >= 0 {
				t.Errorf("%s holds private data: %q", n, d[max(0, i-40):min(len(d), i+40)])
			}
			// The unpublished and draft counts' numbers, which carry no word.
			for _, v := range []string{"424242", "31337", "515151"} {
				if i := bytes.Index(d, []byte(v)); i >= 0 {
					t.Errorf("%s holds an unpublished count: %q", n, d[max(0, i-40):min(len(d), i+40)])
				}
			}
		}
	}
	// The anonymous person has a page at their slug, counts in the
	// figures and shows on the site's list and the statement.
	anon := string(files["prisoners/anon-0001/index.html"])
	if !strings.Contains(anon, "Name withheld") {
		t.Error("the anonymous person's page does not say Name withheld")
	}
	home := string(files["index.html"])
	if !strings.Contains(home, "<strong>2</strong> people documented here are still deprived of liberty, of 2 people recorded") {
		t.Error("the anonymous person is not counted in the figures")
	}
	if !strings.Contains(string(files["statements/s/index.html"]), `prisoners/anon-0001/index.html">Name withheld</a>`) {
		t.Error("the statement does not name the anonymous person as Name withheld")
	}
	if !strings.Contains(string(files["counts/index.html"]), `<tr id="count-published">`) || !strings.Contains(string(files["data/counts.json"]), `"slug":"published"`) {
		t.Error("the published count is not on the counts page and in data/counts.json")
	}
	for _, gone := range []string{"prisoners/unpublished/index.html", "prisoners/wip/index.html", "sites/secret-site/index.html", "statements/draft/index.html", "briefs/hidden/index.html", "briefs/draft/index.html"} {
		if _, ok := files[gone]; ok {
			t.Errorf("%s was published", gone)
		}
	}
}

// unpack returns a file's contents, or every member of a zip archive.
func unpack(t *testing.T, name string, data []byte) map[string][]byte {
	if !strings.HasSuffix(name, ".zip") {
		return map[string][]byte{name: data}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	out := make(map[string][]byte)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		d, _ := io.ReadAll(rc)
		rc.Close()
		out[name+"!"+f.Name] = d
	}
	return out
}

// TestReferenceToUnpublishedIsAnError: a published record that names an
// unpublished or draft one fails the build with the reason, leaking
// nothing.
func TestReferenceToUnpublishedIsAnError(t *testing.T) {
	src := testsite.DirFrom(t, "testdata/canary.txtar")
	p := filepath.Join(src, "content/statements/s.toml")
	os.WriteFile(p, []byte("speaker = \"Someone\"\ndate = 2024-10-01\nquote = \"Words\"\nprisoners = [\"unpublished\", \"wip\"]\n"), 0o644)
	_, err := Build(Options{Src: src})
	want := `content/statements/s.toml:4:13: prisoner "unpublished" is not published (publish = false in content/prisoners/unpublished.toml); remove this reference or publish that record
content/statements/s.toml:4:13: prisoner "wip" is not published (draft = true in content/prisoners/wip.toml); remove this reference or publish that record`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// TestUnpublishedLeavesALinkedOutput: with the output folder a symbolic
// link to the folder a web server serves, a person made unpublished after
// a build is gone from what readers are served, not only from a new folder
// that replaced the link.
func TestUnpublishedLeavesALinkedOutput(t *testing.T) {
	src := testsite.DirFrom(t, "testdata/canary.txtar")
	record := filepath.Join(src, "content/prisoners/unpublished.toml")
	private, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	// The person was published once: the served folder holds their page.
	os.WriteFile(record, bytes.Replace(private, []byte("publish = false\n"), nil, 1), 0o644)
	served := filepath.Join(t.TempDir(), "www", "briefing")
	if _, err := Build(Options{Src: src, Out: served}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(served, "prisoners/unpublished/index.html")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(src, "public")
	if err := os.Symlink(served, link); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(record, private, 0o644)
	res, err := Build(Options{Src: src})
	if err != nil {
		t.Fatal(err)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the build replaced the link %s: %v", link, err)
	}
	if res.Out != link || res.Target != served {
		t.Errorf("result: Out %s, Target %s; want %s, %s", res.Out, res.Target, link, served)
	}
	files := testsite.Read(t, served)
	if len(files) < 10 {
		t.Fatalf("the served folder holds %d files", len(files))
	}
	for name, data := range files {
		for n, d := range unpack(t, name, data) {
			if i := bytes.Index(bytes.ToUpper(d), []byte("CANARY")); i >= 0 {
				t.Errorf("served %s holds private data: %q", n, d[max(0, i-40):min(len(d), i+40)])
			}
		}
	}
	// Nothing but the served folder is left beside it.
	entries, _ := os.ReadDir(filepath.Dir(served))
	if len(entries) != 1 {
		t.Errorf("beside the served folder: %v", entries)
	}
}
