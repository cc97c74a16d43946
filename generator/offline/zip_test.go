package offline

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestSpoolNamesAndSizes: the spool tells the names of the files it holds
// and each one's compressed size, the size its archive entry then has.
func TestSpoolNamesAndSizes(t *testing.T) {
	z := NewMemorySpool()
	defer z.Close()
	files := map[string]string{
		"index.html":             strings.Repeat("<p>the same words again</p>\n", 500),
		"prisoners/a/index.html": "<p>short</p>",
	}
	for name, data := range files {
		if err := z.Add(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	names := z.Names()
	slices.Sort(names)
	if want := []string{"index.html", "prisoners/a/index.html"}; !slices.Equal(names, want) {
		t.Errorf("Names = %q, want %q", names, want)
	}
	if got := z.Size("index.html"); got <= 0 || got >= int64(len(files["index.html"]))/10 {
		t.Errorf("Size(index.html) = %d, want the compressed size of %d repetitive bytes", got, len(files["index.html"]))
	}
	if got := z.Size("missing.html"); got != 0 {
		t.Errorf("Size of a file not spooled = %d, want 0", got)
	}
	var buf bytes.Buffer
	if _, err := z.Write(&buf, Part{Files: names}, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	r, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.File {
		if got := z.Size(f.Name); int64(f.CompressedSize64) != got {
			t.Errorf("%s: Size = %d, its archive entry %d", f.Name, got, f.CompressedSize64)
		}
	}
}
