package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestPackagesImportDownward: the README's "How it is built" lists every
// package of the generator, and each imports only those listed above it,
// so that the list is the order in which to read them and a package never
// reaches back up (site into render, pipeline into serve).
func TestPackagesImportDownward(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := string(readme)
	if i := strings.Index(section, "## How it is built"); i >= 0 {
		section = section[i:]
	}
	var order []string // import paths below the module, "generator/site"
	for _, m := range regexp.MustCompile(`(?m)^(generator(?:/[a-z0-9]+)?)\s`).FindAllStringSubmatch(section, -1) {
		order = append(order, m[1])
	}
	if len(order) == 0 {
		t.Fatal(`the README's "How it is built" lists no package`)
	}
	const module = "github.com/presos-politicos/briefing/"
	dirs, _ := filepath.Glob("*")
	listed := map[string]bool{}
	for _, p := range order {
		listed[p] = true
	}
	for _, d := range append(dirs, ".") {
		if fi, err := os.Stat(d); err != nil || !fi.IsDir() || d == "internal" || d == "testdata" {
			continue
		}
		if p := filepath.ToSlash(filepath.Join("generator", d)); !listed[p] {
			if files, _ := filepath.Glob(filepath.Join(d, "*.go")); len(files) > 0 {
				t.Errorf("package %s is not in the README's \"How it is built\"", p)
			}
		}
	}
	for i, pkg := range order {
		files, _ := filepath.Glob(filepath.Join(strings.TrimPrefix(strings.TrimPrefix(pkg, "generator"), "/"), "*.go"))
		if strings.TrimPrefix(pkg, "generator") == "" {
			files, _ = filepath.Glob("*.go")
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range file.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				dep, ours := strings.CutPrefix(path, module)
				if !ours || strings.HasPrefix(dep, "generator/internal/") {
					continue
				}
				if j := slices.Index(order, dep); j < 0 || j >= i {
					t.Errorf("%s imports %s, which the README lists below it (or not at all): move one, or keep the import going down", f, dep)
				}
			}
		}
	}
}

// TestFilesAreShort: no source file of the generator passes about 400
// lines (450, so that a file near the mark is not split for a comment):
// one file is one feature, and a longer one is two to be told apart.
// Tests are left out; they follow the file they test.
func TestFilesAreShort(t *testing.T) {
	const most = 450
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if n := strings.Count(string(data), "\n"); n > most {
			t.Errorf("generator/%s is %d lines, over %d: split it by feature", filepath.ToSlash(path), n, most)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
