package pipeline

import (
	"bufio"
	"fmt"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// headerRule is one path of a _headers file with its header lines.
type headerRule struct {
	path    string
	headers [][2]string // name, value; a detached header has the value "!"
}

// parseHeaders reads a _headers file as Netlify and Cloudflare Pages do: a
// line starting with "/" opens a rule, an indented "Name: value" line adds
// a header to it, "! Name" detaches one (Cloudflare), "#" is a comment.
// Anything else is a problem.
func parseHeaders(data string) (rules []headerRule, problems []string) {
	errorf := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	name := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*$`)
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case strings.HasPrefix(line, "/"):
			if strings.ContainsAny(line, " \t") {
				errorf("_headers:%d: a path with a space: %q", n, line)
			}
			rules = append(rules, headerRule{path: line})
		case len(rules) == 0:
			errorf("_headers:%d: a header before any path: %q", n, line)
		case !strings.HasPrefix(line, "  "):
			errorf("_headers:%d: a header line must be indented: %q", n, line)
		case strings.HasPrefix(trimmed, "! "):
			h := strings.TrimPrefix(trimmed, "! ")
			if !name.MatchString(h) {
				errorf("_headers:%d: detaches %q, not a header name", n, h)
			}
			rules[len(rules)-1].headers = append(rules[len(rules)-1].headers, [2]string{h, "!"})
		default:
			k, v, ok := strings.Cut(trimmed, ":")
			if !ok || !name.MatchString(k) || strings.TrimSpace(v) == "" {
				errorf("_headers:%d: not a header line Name: value: %q", n, line)
				continue
			}
			rules[len(rules)-1].headers = append(rules[len(rules)-1].headers, [2]string{k, strings.TrimSpace(v)})
		}
	}
	return rules, problems
}

// TestHeadersFile: the _headers file parses, sends the pages' own CSP with
// frame-ancestors and the other security headers everywhere, and names
// every fingerprinted file, each of which exists, with the long cache.
func TestHeadersFile(t *testing.T) {
	res, err := Build(Options{Src: testsite.Dir(t)})
	if err != nil {
		t.Fatal(err)
	}
	files := testsite.Read(t, res.Out)
	data, ok := files[HeadersFile]
	if !ok {
		t.Fatal("no _headers file")
	}
	rules, problems := parseHeaders(string(data))
	for _, p := range problems {
		t.Error(p)
	}
	if len(rules) < 2 || rules[0].path != "/*" {
		t.Fatalf("the first rule must cover every path: %+v", rules)
	}
	all := make(map[string]string)
	for _, h := range rules[0].headers {
		all[h[0]] = h[1]
	}
	// The CSP sent is the one every page carries, plus frame-ancestors.
	meta := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)
	for name, page := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		m := meta.FindSubmatch(page)
		if m == nil {
			t.Errorf("%s has no Content-Security-Policy", name)
			continue
		}
		if want := strings.ReplaceAll(string(m[1]), "&#39;", "'") + "; frame-ancestors 'none'"; all["Content-Security-Policy"] != want {
			t.Fatalf("%s: the header's CSP is\n%s\nthe page's plus frame-ancestors is\n%s", name, all["Content-Security-Policy"], want)
		}
	}
	for k, v := range map[string]string{
		"Referrer-Policy":        "no-referrer",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "public, max-age=600",
	} {
		if all[k] != v {
			t.Errorf("/*: %s is %q, want %q", k, all[k], v)
		}
	}
	if pp := all["Permissions-Policy"]; !strings.Contains(pp, "camera=()") || !strings.Contains(pp, "geolocation=()") || !strings.Contains(pp, "microphone=()") {
		t.Errorf("Permissions-Policy turns off too little: %q", pp)
	}
	// Every fingerprinted file has a rule; every rule names a file.
	fingerprinted := regexp.MustCompile(`\.[0-9a-f]{8}\.(css|js)$`)
	named := make(map[string]bool)
	for _, r := range rules[1:] {
		name := strings.TrimPrefix(r.path, "/")
		named[name] = true
		if _, ok := files[name]; !ok {
			t.Errorf("_headers names %s, which the site does not have", r.path)
		}
		if !fingerprinted.MatchString(name) {
			t.Errorf("_headers caches %s forever, but its name is not fingerprinted", r.path)
		}
		want := [][2]string{{"Cache-Control", "!"}, {"Cache-Control", "public, max-age=31536000, immutable"}}
		if len(r.headers) != 2 || r.headers[0] != want[0] || r.headers[1] != want[1] {
			t.Errorf("%s: %q, want %q", r.path, r.headers, want)
		}
	}
	n := 0
	for name := range files {
		if fingerprinted.MatchString(name) {
			n++
			if !named[name] {
				t.Errorf("%s is fingerprinted but not cached as immutable", name)
			}
		}
	}
	if n < 3 {
		t.Errorf("only %d fingerprinted files", n)
	}
}

// TestParseHeadersRejects: the parser the test relies on finds a broken file.
func TestParseHeadersRejects(t *testing.T) {
	for _, bad := range []string{
		"X-A: b\n",             // a header before any path
		"/*\nX-A: b\n",         // not indented
		"/*\n  X-A b\n",        // no colon
		"/*\n  X-A:\n",         // no value
		"/a b\n  X-A: b\n",     // a space in the path
		"/*\n  ! not a name\n", // a detached non-name
	} {
		if _, problems := parseHeaders(bad); len(problems) == 0 {
			t.Errorf("accepted %q", bad)
		}
	}
}
