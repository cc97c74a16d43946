package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/host"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

func readme(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestREADMEHostLimits: the README's table of the hosts' limits is the one
// the program checks.
func TestREADMEHostLimits(t *testing.T) {
	row := regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|([^|]*)\\|$")
	rows := make(map[string][]string)
	for _, m := range row.FindAllStringSubmatch(readme(t), -1) {
		rows[m[1]] = m[2:]
	}
	n := func(v int) string {
		if v == 0 {
			return ""
		}
		return host.Thousands(int64(v))
	}
	for _, h := range host.Documented {
		r, ok := rows[h.Name]
		if !ok {
			t.Errorf("the README's table lacks %s", h.Name)
			continue
		}
		files := n(h.Files)
		if h.FoldersCount {
			files += " (folders count)"
		}
		want := []string{h.TotalText, files, h.FileText, n(h.FolderEntries)}
		for i, w := range want {
			if strings.TrimSpace(r[i]) != w {
				t.Errorf("README, %s, column %d: %q; the program checks %q", h.Name, i+2, strings.TrimSpace(r[i]), w)
			}
		}
		if !strings.Contains(r[4], "2026-") {
			t.Errorf("README, %s: no date the source was read", h.Name)
		}
	}
}

// TestREADMEServerHeaders: the nginx and Caddy blocks send the headers of
// _headers, and serve each language's 404 page.
func TestREADMEServerHeaders(t *testing.T) {
	text := readme(t)
	block := func(lang string) string {
		start := strings.Index(text, "```"+lang+"\n")
		if start < 0 {
			t.Fatalf("the README has no %s block", lang)
		}
		rest := text[start+len(lang)+4:]
		return rest[:strings.Index(rest, "```")]
	}
	for _, lang := range []string{"nginx", "caddy"} {
		b := block(lang)
		for _, want := range []string{pipeline.HeaderCSP, pipeline.PermissionsPolicy, pipeline.PageCache, pipeline.ImmutableCache, `"no-referrer"`, `"nosniff"`, "/es/404.html", "/404.html", `\.[0-9a-f]{8}\.(css|js)$`} {
			if !strings.Contains(b, want) {
				t.Errorf("the README's %s block lacks %s", lang, want)
			}
		}
	}
}
