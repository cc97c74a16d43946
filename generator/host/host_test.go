package host

import (
	"strings"
	"testing"
)

func TestMeasureFiles(t *testing.T) {
	m := MeasureFiles(map[string]int64{
		"index.html":                10,
		"prisoners/a/index.html":    30,
		"prisoners/b/index.html":    30,
		"prisoners/c/feed.xml":      5,
		"prisoners/d/index.html":    1,
		"prisoners/index.html":      7,
		"briefing-offline-en.zip":   50,
		"es/prisoners/a/index.html": 1,
	})
	want := Measure{Bytes: 134, Files: 8, Folders: 8, Largest: "briefing-offline-en.zip", LargestBytes: 50, Fullest: "prisoners", FolderEntries: 5}
	if m != want {
		t.Errorf("got %+v\nwant %+v", m, want)
	}
	if m := MeasureFiles(nil); m != (Measure{}) {
		t.Errorf("empty: %+v", m)
	}
}

func TestCheck(t *testing.T) {
	h := Host{Name: "tiny", TotalBytes: 100, TotalText: "100 B", Files: 10, FileBytes: 40, FileText: "40 B", FolderEntries: 3}
	for _, tc := range []struct {
		name               string
		m                  Measure
		problems, warnings string
	}{
		{"fits", Measure{Bytes: 79, Files: 7, LargestBytes: 31, Largest: "a", FolderEntries: 2}, "", ""},
		{"near every limit", Measure{Bytes: 80, Files: 8, LargestBytes: 32, Largest: "a.zip", Fullest: "p", FolderEntries: 3}, "",
			"80 bytes in all, near the 100 (100 B) tiny allows (80%)|8 files, near the 10 tiny allows (80%)|a.zip is 32 bytes, near the 40 (40 B) per file tiny allows (80%)|p/ holds 3 entries, near the 3 per folder tiny allows (100%)"},
		{"over every limit", Measure{Bytes: 1234, Files: 48727, LargestBytes: 41, Largest: "a.zip", FolderEntries: 4}, "1,234 bytes in all; tiny allows 100 (100 B)|48,727 files; tiny allows 10|a.zip is 41 bytes; tiny allows 40 (40 B) per file|the top folder holds 4 entries; tiny allows 3 per folder", ""},
	} {
		p, w := h.Check(tc.m)
		if got := strings.Join(p, "|"); got != tc.problems {
			t.Errorf("%s: problems\n%s\nwant\n%s", tc.name, got, tc.problems)
		}
		if got := strings.Join(w, "|"); got != tc.warnings {
			t.Errorf("%s: warnings\n%s\nwant\n%s", tc.name, got, tc.warnings)
		}
	}
	// A host that counts folders as entries says so.
	gl := Host{Name: "gl", Files: 10, FoldersCount: true}
	if p, _ := gl.Check(Measure{Files: 6, Folders: 5}); strings.Join(p, "") != "11 files and folders; gl allows 10" {
		t.Errorf("folders counted: %q", p)
	}
	// No limit documented: nothing checked.
	if p, w := (Host{Name: "free"}).Check(Measure{Bytes: 1 << 40, Files: 1e6}); p != nil || w != nil {
		t.Errorf("a host without limits: %q %q", p, w)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int64]string{0: "0", 999: "999", 1000: "1,000", 48727: "48,727", 1000000000: "1,000,000,000", -1234: "-1,234"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestDocumented(t *testing.T) {
	if got := Names(Documented); got != "cloudflare-pages, cloudflare-pages-free, github-pages, gitlab-pages or netlify" {
		t.Errorf("names: %s", got)
	}
	for _, h := range Documented {
		if h.Source == "" || !strings.Contains(h.Source, "read 20") {
			t.Errorf("%s: no source with the date it was read", h.Name)
		}
		if h.TotalBytes > 0 && h.TotalText == "" || h.FileBytes > 0 && h.FileText == "" {
			t.Errorf("%s: a limit without the host's own spelling", h.Name)
		}
	}
}
