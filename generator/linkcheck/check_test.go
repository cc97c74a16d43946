package linkcheck

import (
	"slices"
	"strings"
	"testing"
)

// TestCheckerInAnyOrder: a link is followed once every file is added,
// whatever order they came in; each broken link is reported where it is,
// as often as it is written, by page in name order.
func TestCheckerInAnyOrder(t *testing.T) {
	c := New("https://example.org/b/")
	c.Add("index.html", []byte(`<a href="prisoners/a/index.html#bio">a</a><a href="prisoners/b/index.html">b</a><a href="missing.html">m</a><a href="missing.html">m</a><a href="prisoners/">folder</a>`))
	c.Add("prisoners/a/index.html", []byte(`<h1 id="bio">A</h1><a href="../../index.html#nowhere">home</a><a href="../../style.css">css</a><a href="/abs.html">abs</a>`))
	c.Add("style.css", nil)
	c.Add("404.html", []byte(`<a href="https://example.org/b/index.html">home</a><a href="../index.html">rel</a>`))
	c.Add("prisoners/b/index.html", []byte(`<p id="x">1</p><p id="x">2</p><p onclick="f()">3</p>`))
	want := []string{
		`404.html: link "../index.html" does not start with the base URL https://example.org/b/`,
		`index.html: link "missing.html" leads to missing.html, which does not exist`,
		`index.html: link "missing.html" leads to missing.html, which does not exist`,
		`index.html: link "prisoners/" names a folder; a copy opened from disk shows a listing there: link its index.html`,
		`prisoners/a/index.html: link "../../index.html#nowhere" names the anchor #nowhere, which index.html does not have`,
		`prisoners/a/index.html: link "/abs.html" starts with /; links between pages must be relative`,
		`prisoners/b/index.html: <p onclick> is an inline event handler, which the Content-Security-Policy blocks`,
		`prisoners/b/index.html: the id "x" is on 2 elements; an id names one element (links and the skip link go to the first): rename the others`,
	}
	if got := lines(c.Problems()); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSharedLinks: links that cannot be followed yet, written alike or
// leading to one place, are kept once; a link that can be followed at once
// is not kept; a link resolves from its own page's folder.
func TestSharedLinks(t *testing.T) {
	c := New("/")
	c.Add("style.css", nil)
	c.Add("a/x.html", []byte(`<a href="y.html">y</a><a href="../style.css">css</a>`))
	c.Add("a/z.html", []byte(`<a href="y.html">y</a>`))
	c.Add("b/x.html", []byte(`<a href="y.html">y</a>`))
	c.Add("c/d/x.html", []byte(`<a href="../../a/y.html">y</a>`))
	c.Add("a/y.html", nil)
	if len(c.raws) != 2 || len(c.ends) != 2 {
		t.Errorf("%d links as written and %d places kept, want 2 and 2", len(c.raws), len(c.ends))
	}
	want := `b/x.html: link "y.html" leads to b/y.html, which does not exist`
	if got := lines(c.Problems()); len(got) != 1 || got[0] != want {
		t.Errorf("problems = %q, want %q", got, want)
	}
}

func lines(problems []Problem) []string {
	var out []string
	for _, p := range problems {
		out = append(out, p.Error())
	}
	return out
}

// TestProblemNamesWhatIsMissing: a link to a missing file or anchor names
// them, so that a caller can tell the editor where the link was written;
// a link wrong whatever the site holds names neither.
func TestProblemNamesWhatIsMissing(t *testing.T) {
	c := New("/")
	c.Add("index.html", []byte(`<a href="a.html#x">1</a><a href="b.html">2</a><a href="/c.html">3</a>`))
	c.Add("a.html", []byte(`<p id="y">a</p>`))
	want := []Problem{
		{Page: "index.html", Link: "a.html#x", Target: "a.html", Fragment: "x", Message: "names the anchor #x, which a.html does not have"},
		{Page: "index.html", Link: "b.html", Target: "b.html", NoFile: true, Message: "leads to b.html, which does not exist"},
		{Page: "index.html", Link: "/c.html", Message: "starts with /; links between pages must be relative"},
	}
	if got := c.Problems(); !slices.Equal(got, want) {
		t.Errorf("problems:\n%#v\nwant:\n%#v", got, want)
	}
}
