// Package scaffold makes new records for editors: from a template with
// every field and a comment on what it means (New, Template), or from the
// rows of a spreadsheet (Import). Both take the keys of each kind from the
// content package's schema (content.Schemas), never from a list of their
// own.
//
// Both write only new files, under content/, and never replace one, and
// neither writes through a symbolic link (content/ or content/events/ a
// link to a folder elsewhere), as the build never reads through one. A new
// record passes check as written: required keys hold placeholders and the
// record is a draft until the editor says otherwise.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// Kinds are the kinds New can make.
var Kinds = []content.Kind{content.KindPrisoner, content.KindStatement, content.KindSite, content.KindEvent, content.KindCount, content.KindBrief, content.KindPage}

// ParseKind reads a kind's name, as a user writes it.
func ParseKind(s string) (content.Kind, error) {
	for _, k := range Kinds {
		if string(k) == s || k.Dir() == s {
			return k, nil
		}
	}
	var names []string
	for _, k := range Kinds {
		names = append(names, string(k))
	}
	if m := content.Suggest(strings.TrimSuffix(s, "s"), names); m != "" {
		return "", fmt.Errorf("unknown kind %q (did you mean %q?); use one of %s", s, m, strings.Join(names, ", "))
	}
	return "", fmt.Errorf("unknown kind %q; use one of %s", s, strings.Join(names, ", "))
}

// fileName is where a record of a kind and slug lives, under the site.
func fileName(kind content.Kind, slug string) string {
	ext := ".toml"
	if kind == content.KindBrief || kind == content.KindPage {
		ext = ".md"
	}
	return filepath.Join("content", kind.Dir(), slug+ext)
}

// PagePath is where a record's page is, from the site's root: an event,
// which has no page, is on the timeline; a count is on the counts page.
func PagePath(kind content.Kind, slug string) string {
	if url, ok := site.PageURL(kind, slug); ok {
		return url
	}
	if kind == content.KindCount {
		return "counts/"
	}
	return "timeline/"
}

// New writes a new record of kind with slug into the site at src, from
// its template, and returns the file's path. It refuses a bad slug and an
// existing file.
func New(src string, kind content.Kind, slug string) (string, error) {
	if !content.ValidSlug(slug) {
		return "", fmt.Errorf("%q is not a valid slug: use lower-case letters, digits and single hyphens, such as rocio-san-miguel", slug)
	}
	name := fileName(kind, slug)
	if err := content.NoLink(os.DirFS(src), filepath.ToSlash(filepath.Dir(name))); err != nil {
		return "", err
	}
	if err := writeNew(filepath.Join(src, name), Template(kind)); err != nil {
		return "", err
	}
	return name, nil
}

// writeNew writes a file that must not exist yet.
func writeNew(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s exists already; it is never replaced: choose another slug or edit that file", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}
