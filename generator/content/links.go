package content

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// The build reads the site's files only from site.toml and these folders.
// None of them, and no folder or file below them, may be a symbolic link:
// a link to a folder elsewhere (static/ linked to a home folder) would
// publish whatever it leads to, into the site and its offline archive.
const (
	ContentDir  = "content"
	TemplateDir = "templates"
	StaticDir   = "static"
)

// linkError is the error for a symbolic link at name.
func linkError(fsys fs.FS, name string) *Error {
	what := "file"
	if info, err := fs.Stat(fsys, name); err == nil && info.IsDir() {
		what = "folder"
	}
	return Errorf(Pos{File: name}, "symbolic links are not followed; copy the %s here instead", what)
}

// NoLink returns an error when name, or a folder on the way to it, is a
// symbolic link; what does not exist yet is no link. new and import call
// it before writing into a folder, so that they refuse the links that the
// build refuses.
func NoLink(fsys fs.FS, name string) error {
	parts := strings.Split(name, "/")
	for i := range parts {
		p := path.Join(parts[:i+1]...)
		info, err := fs.Lstat(fsys, p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return linkError(fsys, p)
		}
	}
	return nil
}

// checkFolders records an error for each of the site's folders that is a
// symbolic link, and for each link in static/ and below the top of
// templates/ (the content walk reports those in content/, and the
// renderer the templates themselves). It returns the files of static/,
// relative to it, sorted: the files Markdown images may show.
func checkFolders(fsys fs.FS, errs *ErrorList) []string {
	for _, dir := range []string{ConfigFile, ContentDir, TemplateDir, StaticDir} {
		if err := NoLink(fsys, dir); err != nil {
			var e *Error
			if errors.As(err, &e) {
				errs.Add(e)
			} else {
				errs.Addf(Pos{File: dir}, "%v", err)
			}
		}
	}
	var static []string
	for _, dir := range []string{TemplateDir, StaticDir} {
		if info, err := fs.Lstat(fsys, dir); err != nil || !info.IsDir() {
			continue
		}
		fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs.Addf(Pos{File: p}, "%v", err)
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if dir == StaticDir || path.Dir(p) != TemplateDir {
					errs.Add(linkError(fsys, p))
				}
				return nil
			}
			if dir == StaticDir && d.Type().IsRegular() {
				static = append(static, strings.TrimPrefix(p, StaticDir+"/"))
			}
			return nil
		})
	}
	slices.Sort(static)
	return static
}
