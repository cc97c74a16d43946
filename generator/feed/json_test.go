package feed

import (
	"bytes"
	"encoding/json"
	"testing"
	"testing/fstest"

	"github.com/presos-politicos/briefing/generator/internal/sitetest"
)

// files keeps what is written, copied, since a writer reuses its buffer
// once WriteFile returns (see site.Output).
type files map[string][]byte

func (f files) WriteFile(name string, data []byte) error { f[name] = bytes.Clone(data); return nil }

func TestTimelineJSON(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                     {Data: []byte("title = \"T\"\nbaseURL = \"https://example.org/b/\"\n")},
		"content/prisoners/ana.toml":    {Data: []byte("name = \"Ana\"\nstatus = \"released\"\narrested = \"2024-02\"\nreleased = 2025-01-02\n")},
		"content/statements/s.toml":     {Data: []byte("speaker = \"X\"\ndate = \"2024\"\nquote = \"Dijo\"\nlanguage = \"es\"\nprisoners = [\"ana\"]\n")},
		"content/prisoners/hidden.toml": {Data: []byte("name = \"Hidden\"\nstatus = \"detained\"\narrested = 2024-01-01\npublish = false\n")},
	}
	s := sitetest.New(t, fsys)
	out := files{}
	if _, err := Write(s, out, 0); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(out["data/timeline.json"], &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d entries, want 3 (the unpublished arrest is not one):\n%s", len(got), out["data/timeline.json"])
	}
	first := got[1] // known only to its year: after the months of 2024
	for k, want := range map[string]any{
		"id": "2024-statement-s", "date": "2024", "precision": "year", "kind": "statement",
		"title": "X: “Dijo”", "url": "https://example.org/b/timeline/#2024-statement-s", "anchor": "2024-statement-s", "language": "es",
	} {
		if first[k] != want {
			t.Errorf("%s = %v, want %v", k, first[k], want)
		}
	}
	if rec := first["record"].(map[string]any); rec["url"] != "https://example.org/b/statements/s/" || rec["kind"] != "statement" {
		t.Errorf("record = %v", rec)
	}
	if inv := first["involves"].([]any); len(inv) != 1 || inv[0].(map[string]any)["title"] != "Ana" {
		t.Errorf("involves = %v", inv)
	}
	if got[0]["precision"] != "month" || got[2]["kind"] != "release" {
		t.Errorf("order: %v, %v", got[0], got[2])
	}
}
