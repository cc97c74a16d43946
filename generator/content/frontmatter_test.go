package content

import (
	"bytes"
	"io/fs"
	"testing"
)

func TestSplitFrontMatter(t *testing.T) {
	src := "+++\ntitle = \"x\"\ndate = 2024-01-01\n+++\n\nBody line 6.\n"
	front, body, err := splitFrontMatter([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if string(front) != "title = \"x\"\ndate = 2024-01-01\n" {
		t.Errorf("front = %q", front)
	}
	lines := bytes.Split(body, []byte("\n"))
	if string(lines[5]) != "Body line 6." {
		t.Errorf("line 6 of the body = %q; the body must keep the file's line numbers (body %q)", lines[5], body)
	}
	for _, bad := range []string{"", "title = 1\n", "+++\ntitle = 1\n", "++++\n+++\n"} {
		if _, _, err := splitFrontMatter([]byte(bad)); err == nil {
			t.Errorf("splitFrontMatter(%q) succeeded", bad)
		}
	}
	// Windows line endings and a byte-order mark are accepted.
	if _, _, err := splitFrontMatter([]byte("\ufeff+++\r\ntitle = \"x\"\r\n+++\r\nBody")); err != nil {
		t.Errorf("CRLF with BOM: %v", err)
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"x\"\n+++\nbody"))
	f.Add([]byte("+++\n+++\n"))
	f.Add([]byte("+++"))
	f.Add([]byte("\ufeff+++\r\na = 1\r\n+++\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		front, body, err := splitFrontMatter(src)
		if err != nil {
			return
		}
		// The body keeps every line of the file: as many lines as the file.
		if bytes.Count(body, []byte("\n")) != bytes.Count(src, []byte("\n")) {
			t.Errorf("body has %d newlines, source %d", bytes.Count(body, []byte("\n")), bytes.Count(src, []byte("\n")))
		}
		if !bytes.Contains(src, front) {
			t.Errorf("front matter %q is not part of the source", front)
		}
	})
}

// FuzzLoadRecord decodes arbitrary TOML as each kind of record: it must
// never panic, and every error must carry the file's name.
func FuzzLoadRecord(f *testing.F) {
	f.Add("name = \"A\"\nstatus = \"detained\"\narrested = 2024-02-09\n[[custody]]\nsite = \"x\"\nfrom = \"2024-02\"\n")
	f.Add("speaker = \"A\"\ndate = \"2024\"\nquote = \"q\"\n[private]\nx = 1\n")
	f.Add("name = \"S\"\nlat = 1\nlon = 2\n[[events]]\ndate = 2024-01-01\ntitle = \"t\"\n")
	f.Add("date = 2024-01-01\ntitle = \"t\"\n[[sources]]\ntitle = \"s\"\nurl = \"https://x.example/\"\n")
	f.Add("counter = \"F\"\nmeasure = \"held\"\nas_of = \"2024-02-01/2024-02\"\nvalue = 3\n[breakdown]\nwomen = 1\n")
	f.Add("a.b.c = 1\n[x.y]\n'q' = \"\"\"\nmulti\n\"\"\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, kind := range Kinds {
			var errs ErrorList
			ext := ".toml"
			data := src
			if kind == KindBrief || kind == KindPage {
				ext = ".md"
				data = "+++\n" + src + "\n+++\nbody"
			}
			file := "content/" + kind.Dir() + "/x" + ext
			fsys := fixture(t, "good.txtar")
			fsys[file] = mapFile(data)
			info, _ := fs.Stat(fsys, file)
			loadFile(fsys, contentFile{kind: kind, slug: "x", path: file, asOf: Date{Year: 2026, Month: 1, Day: 31, Precision: Day}}, info, &errs)
			if err := errs.Err(); err != nil {
				for _, e := range err.(Errors) {
					if e.Pos.File != file {
						t.Errorf("error without the file's name: %v", e)
					}
				}
			}
		}
	})
}
