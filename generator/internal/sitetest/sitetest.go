// Package sitetest gives the tests of the packages that draw a site
// (render, feed, search, and pipeline's benchmarks) the site of a folder:
// its content loaded and resolved in its default language, as site.New
// resolves it, any error failing the test.
package sitetest

import (
	"io/fs"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// New loads the content of fsys and resolves it.
func New(t testing.TB, fsys fs.FS) *site.Site {
	t.Helper()
	set, err := content.Load(fsys, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := site.New(set)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
