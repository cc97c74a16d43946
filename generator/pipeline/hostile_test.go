package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"golang.org/x/net/html"
)

// TestHostileContent builds a site whose every field is hostile: the
// check, which scans every page for inline scripts, event handlers, unsafe
// URLs and third-party loads, finds none, and neither does a scan here of
// every output file.
func TestHostileContent(t *testing.T) {
	src := testsite.DirFrom(t, "testdata/hostile.txtar")
	if _, err := Check(Options{Src: src}); err != nil {
		t.Fatalf("check of the hostile site:\n%v", err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Src: src, Out: out}); err != nil {
		t.Fatal(err)
	}
	ownScript := regexp.MustCompile(`^[./]*(timeline|search|prisoners|lang)\.[0-9a-f]{8}\.js$`)
	for name, data := range testsite.Read(t, out) {
		switch filepath.Ext(name) {
		case ".html":
			// Parse as a browser does: escaped text is not markup.
			z := html.NewTokenizer(bytes.NewReader(data))
			for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
				if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
					continue
				}
				tag, more := z.TagName()
				switch string(tag) {
				case "iframe", "object", "embed", "svg", "style":
					t.Errorf("%s has a <%s>", name, tag)
				}
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					attr, val := string(k), string(v)
					switch {
					case strings.HasPrefix(attr, "on") || attr == "style":
						t.Errorf("%s: <%s %s=%q>", name, tag, attr, val)
					case string(tag) == "script" && attr == "src" && !ownScript.MatchString(val):
						t.Errorf("%s loads the script %s", name, val)
					case (attr == "src" || attr == "href") && strings.Contains(strings.ToLower(val), "script:"):
						t.Errorf("%s: <%s %s=%q>", name, tag, attr, val)
					case (attr == "src" || attr == "action") && strings.Contains(val, "//"):
						t.Errorf("%s: <%s src=%q> loads from another host", name, tag, val)
					}
				}
			}
		case ".js", ".json":
			if strings.HasPrefix(name, "search/") || strings.HasPrefix(name, "data/") {
				// Data is JSON: markup in it is escaped.
				if bytes.Contains(data, []byte("<script")) || bytes.Contains(data, []byte("</script")) {
					t.Errorf("%s holds unescaped markup", name)
				}
			}
		}
	}
}

func TestCheckFindsUnsafeMarkup(t *testing.T) {
	src := testsite.Dir(t)
	must(t, os.WriteFile(filepath.Join(src, "templates/search.html"), []byte(`{{define "main"}}<h1 onclick="x()">S</h1><script>alert(1)</script><img src="https://cdn.example/x.png" alt=""><p style="color:red">x</p><a href="javascript:void(0)">j</a>{{end}}`), 0o644))
	_, err := Check(Options{Src: src})
	if err == nil {
		t.Fatal("check passed unsafe markup")
	}
	for _, want := range []string{
		`search/index.html: <h1 onclick> is an inline event handler`,
		`search/index.html: an inline <script>`,
		`search/index.html: <img src="https://cdn.example/x.png"> loads a file from another host`,
		`search/index.html: <p style> is an inline style`,
		`search/index.html: <a href="javascript:void(0)"> runs a script`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("check does not report %s:\n%v", want, err)
		}
	}
}
