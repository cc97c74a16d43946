package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/render"
	"github.com/presos-politicos/briefing/generator/site"
)

// copyStatic copies static/ to the top of the site and lists its files by
// name. CSS and JavaScript files get a hash of their content in their
// name, so that hosts can cache them forever; other files keep theirs.
func copyStatic(fsys fs.FS, out site.Output) (map[string]render.Asset, error) {
	assets := make(map[string]render.Asset)
	err := fs.WalkDir(fsys, content.StaticDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 || !d.Type().IsRegular() {
			return fmt.Errorf("%s: only regular files are copied; replace the link with the file", p)
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, content.StaticDir+"/")
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(data)
			a := render.Asset{Path: strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext}
			assets[name] = a
			name = a.Path
		} else {
			assets[name] = render.Asset{Path: name}
		}
		return out.WriteFile(name, data)
	})
	if errors.Is(err, fs.ErrNotExist) {
		return assets, nil
	}
	return assets, err
}
