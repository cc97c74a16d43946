package pipeline

import (
	"errors"
	"io"
	"os"
	"path/filepath"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/linkcheck"
	"github.com/presos-politicos/briefing/generator/offline"
	"github.com/presos-politicos/briefing/generator/outdir"
	"github.com/presos-politicos/briefing/generator/site"
)

// Check makes every file of the site as Build does, writes nothing, and
// checks each page as it is made (package linkcheck): every internal link
// and anchor, once every file is made. It keeps of the site only what
// the links need and the compressed sizes of its files, from which the
// offline archives' sizes come out exactly, so that it holds no more
// than a build. The error lists every problem.
func Check(opts Options) (*Result, error) {
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, err
	}
	opts.dir = src
	if err := checkHistoryCache(opts.HistoryCache, src); err != nil {
		return nil, err
	}
	c := &checked{}
	out := newFiles(c, offline.NewSizeSpool())
	s, note, err := generateWithTexts(os.DirFS(src), opts, out, "")
	if err != nil {
		return nil, err
	}
	if problems := c.Problems(); len(problems) > 0 {
		return nil, problemsError(problems, out.links)
	}
	res := out.result()
	res.Note = note
	out.sizes[Marker] = outdir.MarkerBytes // build writes it; check does not count it
	if err := fitHost(opts, s.Config.Host, out.sizes, res); err != nil {
		return nil, err
	}
	return res, nil
}

// checked is check's sink: each file is checked as it is made, then let go.
type checked struct{ *linkcheck.Checker }

// Begin makes the checker: the 404 pages' links start with the base URL,
// or "/" without one.
func (c *checked) Begin(cfg *content.Config) {
	base := "/"
	if cfg.BaseURL != "" {
		base = cfg.BaseURL
	}
	c.Checker = linkcheck.New(base)
}

func (c *checked) WriteFile(name string, data []byte) error {
	c.Add(name, data)
	return nil
}

func (c *checked) Create(name string) (io.Writer, error) {
	c.Add(name, nil)
	return io.Discard, nil
}

// problemsError is an error for each problem, joined, so that a caller
// counts and lists them without reading the text back. A link that leads
// to a missing file or anchor and that a record's Markdown wrote is
// reported once at each line that writes it, as a content error, rather
// than on each page that shows the text (a template's link to the same
// place is then left out: fixing the text shows it).
func problemsError(problems []linkcheck.Problem, links []site.MarkdownLink) error {
	type place struct{ target, fragment string }
	missing := make(map[place]bool) // true: the file itself is missing
	for _, p := range problems {
		if p.Target != "" {
			missing[place{p.Target, p.Fragment}] = p.NoFile
		}
	}
	var list content.ErrorList
	written := make(map[place]bool)
	for _, l := range links {
		at := place{l.Target, l.Fragment}
		noFile, ok := missing[at]
		if !ok {
			continue
		}
		written[at] = true
		if noFile {
			list.Addf(l.Pos, "link %q leads to %s, which the site does not have: correct the address", l.Dest, l.Target)
		} else {
			list.Addf(l.Pos, "link %q names the anchor #%s, which %s does not have: correct the anchor, or link the page without it", l.Dest, l.Fragment, l.Target)
		}
	}
	var errs []error
	if err := list.Err(); err != nil {
		errs = append(errs, err)
	}
	for _, p := range problems {
		if p.Target == "" || !written[place{p.Target, p.Fragment}] {
			errs = append(errs, p)
		}
	}
	return errors.Join(errs...)
}
