package pipeline

import (
	"context"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/offline"
	"github.com/presos-politicos/briefing/generator/outdir"
)

// Marker is the file every output folder holds, so that a build only ever
// replaces a folder it made itself (package outdir).
const Marker = outdir.Marker

// Build builds the site into a fresh folder beside the output folder and
// swaps it in only when the whole build succeeded: a failed build leaves the
// previous output as it was.
func Build(opts Options) (*Result, error) { return BuildContext(context.Background(), opts) }

// BuildContext is Build, stopped when ctx is done: the build returns the
// context's error, removes its temporary folder and leaves the previous
// output as it was. main cancels it on SIGINT and SIGTERM.
func BuildContext(ctx context.Context, opts Options) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, err
	}
	fsys := os.DirFS(src)
	given, err := outputDir(fsys, src, opts.Out)
	if err != nil {
		return nil, err
	}
	if err := checkHistoryCache(opts.HistoryCache, src, given); err != nil {
		return nil, err
	}
	folder, err := outdir.Open(ctx, src, given)
	if err != nil {
		return nil, err
	}
	defer folder.Close() // gone after a successful swap; the half-written site otherwise
	spool, err := offline.NewFileSpool(filepath.Join(folder.Temp(), ".offline-zip-spool"))
	if err != nil {
		return nil, err
	}
	defer spool.Close()
	out := newFiles(written{folder}, spool)
	opts.dir = src
	s, note, err := generateWithTexts(fsys, opts, out, folder.Temp())
	if err != nil {
		return nil, err
	}
	if err := spool.Close(); err != nil {
		return nil, err
	}
	if err := out.note(Marker, outdir.MarkerBytes); err != nil {
		return nil, err
	}
	res := out.result()
	res.Out, res.Note = given, note
	if folder.Target() != given {
		res.Target = folder.Target()
	}
	if err := fitHost(opts, s.Config.Host, out.sizes, res); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := folder.Commit(); err != nil {
		return nil, err
	}
	return res, nil
}

// written is build's sink: the new output folder.
type written struct{ *outdir.Folder }

func (w written) Begin(*content.Config) {}

func (w written) Create(name string) (io.Writer, error) { return w.Folder.Create(name) }

// outputDir resolves the output folder: the one given, or site.toml's
// output inside the site folder.
func outputDir(fsys fs.FS, src, out string) (string, error) {
	if out == "" {
		cfg, err := content.LoadConfig(fsys)
		if err != nil {
			return "", err
		}
		out = cfg.Output
		if !filepath.IsAbs(out) {
			out = filepath.Join(src, out)
		}
	}
	return filepath.Abs(out)
}
