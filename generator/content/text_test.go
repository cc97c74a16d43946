package content

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

func TestTextsKeepLongTextsInTheirFile(t *testing.T) {
	dir := t.TempDir()
	texts, err := NewTexts(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Its name is gone at once where the system allows it, so that a
	// process killed mid-build leaves no file behind.
	if left, _ := os.ReadDir(dir); runtime.GOOS != "windows" && len(left) > 0 {
		t.Errorf("the file of texts has a name while it is open: %s", left[0].Name())
	}
	short := "a short text"
	long := strings.Repeat("a long text, ", 100)
	// Kept from many goroutines at once, as the loader and the renderer do.
	kept := make([]Text, 50)
	var wg sync.WaitGroup
	for i := range kept {
		wg.Go(func() { kept[i] = texts.Keep(fmt.Sprintf("%d: %s", i, long)) })
	}
	wg.Wait()
	s, b := texts.Keep(short), texts.KeepBytes([]byte(long))
	if s.texts != nil || s.String() != short || s.Len() != len(short) {
		t.Errorf("short text = %+v, want it in memory", s)
	}
	if b.texts == nil || b.s != "" {
		t.Errorf("long text = %+v, want it in the file", b)
	}
	if b.String() != long || b.Len() != len(long) {
		t.Errorf("long text read back as %q (length %d)", b.String(), b.Len())
	}
	for i, k := range kept {
		if want := fmt.Sprintf("%d: %s", i, long); k.String() != want {
			t.Errorf("text %d read back as %.20q, want %.20q", i, k.String(), want)
		}
	}
	if err := texts.Err(); err != nil {
		t.Error(err)
	}
	if err := texts.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("Close left %s", left[0].Name())
	}
	// Read after Close: the failure is kept, for the build to report.
	_ = b.String()
	if texts.Err() == nil {
		t.Error("reading a text after Close: no error")
	}
}

func TestTextsNilKeepsInMemory(t *testing.T) {
	var texts *Texts
	long := strings.Repeat("x", 1000)
	if k := texts.Keep(long); k.texts != nil || k.String() != long {
		t.Errorf("nil Texts: %+v", k)
	}
	if (Text{}).String() != "" || (Text{}).Len() != 0 {
		t.Error("the zero Text is not empty")
	}
	if texts.Err() != nil || texts.Close() != nil {
		t.Error("nil Texts has an error")
	}
}

func TestLoadKeepsMarkdownInTexts(t *testing.T) {
	long := strings.Repeat("Ana was held without charge. ", 20)
	fsys := fstest.MapFS{
		"site.toml":                        mapFile("title = \"T\"\n"),
		"content/prisoners/ana-perez.toml": mapFile("name = \"Ana\"\nstatus = \"detained\"\nbody = \"" + long + "\"\n\n[[events]]\ndate = 2024-01-01\ntitle = \"Moved\"\nbody = \"" + long + "\"\n"),
		"content/briefs/b.md":              mapFile("+++\ntitle = \"B\"\ndate = 2024-01-02\n+++\n" + long + "\n"),
	}
	texts, err := NewTexts(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer texts.Close()
	set, err := Load(fsys, Options{Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	if set.Texts != texts {
		t.Error("the set does not name its Texts")
	}
	p, b := set.Prisoners[0], set.Briefs[0]
	for _, md := range []Markdown{p.Body, p.Events[0].Body, b.Body} {
		if md.Text.texts != texts || strings.TrimSpace(md.Text.String()) != strings.TrimSpace(long) {
			t.Errorf("%s: text %.30q not in the Texts", md.Pos, md.Text.String())
		}
	}
}

// TestTextBlank: Blank tells a blank text without reading it back: a long
// one that is white space only stays in memory, so that a text in the file
// is never blank.
func TestTextBlank(t *testing.T) {
	texts, err := NewTexts(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer texts.Close()
	long := strings.Repeat("a long text, ", 100)
	for _, tc := range []struct {
		text          Text
		blank, inFile bool
	}{
		{texts.Keep(""), true, false},
		{texts.Keep(" \n\t"), true, false},
		{texts.Keep(strings.Repeat(" \n", 300)), true, false},
		{texts.KeepBytes([]byte(strings.Repeat("\n", 300))), true, false},
		{texts.Keep("short"), false, false},
		{texts.Keep(long), false, true},
		{texts.KeepBytes([]byte("\n" + long + "\n")), false, true},
	} {
		if got := tc.text.Blank(); got != tc.blank {
			t.Errorf("%.20q: Blank = %v, want %v", tc.text.String(), got, tc.blank)
		}
		if inFile := tc.text.texts != nil; inFile != tc.inFile {
			t.Errorf("%.20q: in the file = %v, want %v", tc.text.String(), inFile, tc.inFile)
		}
	}
}
