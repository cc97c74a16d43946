package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/internal/parallel"
	"github.com/presos-politicos/briefing/generator/site"
)

// layout is the template every page is drawn in; partials are the files
// whose names start with "_".
const layout = "base.html"

// pageTemplates are the templates a site must have, one per page kind.
var pageTemplates = []string{
	"home.html", "brief.html", "briefs.html", "prisoner.html", "prisoners.html",
	"statement.html", "statements.html", "site.html", "sites.html",
	"page.html", "timeline.html", "search.html", "data.html", "404.html", "counts.html",
	"changes.html",
}

// A Renderer holds a site's templates, parsed once, in one language.
type Renderer struct {
	pages map[string]*template.Template // by page template file name
	// copies holds a copy of pages for each goroutine of Render but the
	// first, made by the first Render, before any template is executed
	// (html/template copies no template it has executed), and not before:
	// a build's memory is bounded by what it holds once loaded, copies
	// excluded: a template looks up every function it calls under a lock
	// of its own (text/template's findFunction), and goroutines drawing
	// through the same template at once took turns at it, the more the
	// more functions they called (a record's Changes call one for each
	// change).
	copies   []map[string]*template.Template
	copyOnce sync.Once
	words    *i18n.Dict
}

// New parses the templates in fsys's templates/ folder: base.html, the
// partials (_*.html) and one template per page kind, with their interface
// text in the language of words (nil: English, as written).
func New(fsys fs.FS, words *i18n.Dict) (*Renderer, error) {
	if err := noSymlinks(fsys); err != nil {
		return nil, err
	}
	if words == nil {
		words, _ = i18n.Load(nil, i18n.English)
	}
	base := template.New(layout).Funcs(funcs(words))
	var counted []string // the words the templates give count
	src, err := fs.ReadFile(fsys, path.Join(content.TemplateDir, layout))
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s/%s: %s", content.TemplateDir, layout, content.Unreadable(err))
		}
		return nil, fmt.Errorf("%s/%s: missing; it is the layout every page is drawn in", content.TemplateDir, layout)
	}
	if _, err := parse(base, string(src), words, &counted); err != nil {
		return nil, templateError(err)
	}
	partials, err := fs.Glob(fsys, path.Join(content.TemplateDir, "_*.html"))
	if err != nil {
		return nil, err
	}
	sort.Strings(partials)
	for _, p := range partials {
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", p, content.Unreadable(err))
		}
		if _, err := parse(base.New(path.Base(p)), string(src), words, &counted); err != nil {
			return nil, templateError(err)
		}
	}
	r := &Renderer{pages: make(map[string]*template.Template), words: words}
	var errs []error
	for _, name := range pageTemplates {
		src, err := fs.ReadFile(fsys, path.Join(content.TemplateDir, name))
		if errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("%s/%s: missing; every site needs a template for this page kind", content.TemplateDir, name))
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s/%s: %s", content.TemplateDir, name, content.Unreadable(err)))
			continue
		}
		t := template.Must(base.Clone())
		if _, err := parse(t.New(name), string(src), words, &counted); err != nil {
			errs = append(errs, templateError(err))
			continue
		}
		r.pages[name] = t
	}
	words.Check(slices.Concat(texts(), counted)...)
	if err := errors.Join(append(errs, words.MissingError())...); err != nil {
		return nil, err
	}
	return r, nil
}

// copyPages makes the copies of the templates for Render's goroutines
// (see Renderer.copies); none when a template was executed already (Page
// was called first), and the goroutines share the templates.
func (r *Renderer) copyPages() {
	for range runtime.GOMAXPROCS(0) - 1 {
		copies := make(map[string]*template.Template, len(r.pages))
		for name, t := range r.pages {
			c, err := t.Clone()
			if err != nil {
				return
			}
			copies[name] = c
		}
		r.copies = append(r.copies, copies)
	}
}

// Words is the dictionary the renderer draws with: after Render, its
// Missing lists the texts the code asked for that have no translation.
func (r *Renderer) Words() *i18n.Dict { return r.words }

// countCall finds the words the templates give count ("day", "days"), to
// check their translation.
var countCall = regexp.MustCompile(`\bcount\s+(?:\([^)]*\)|\S+)\s+("(?:[^"\\]|\\.)*")\s+("(?:[^"\\]|\\.)*")`)

// parse parses a template's source after translating its interface text,
// and adds the words it gives count to *counted.
func parse(t *template.Template, src string, words *i18n.Dict, counted *[]string) (*template.Template, error) {
	for _, m := range countCall.FindAllStringSubmatch(src, -1) {
		for _, q := range m[1:] {
			if w, err := strconv.Unquote(q); err == nil {
				*counted = append(*counted, w)
			}
		}
	}
	src, err := translate(src, words)
	if err != nil {
		return nil, fmt.Errorf("template: %s: %w", t.Name(), err)
	}
	return t.Parse(src)
}

// noSymlinks refuses templates that are symbolic links: a link could
// publish any file of the machine that builds the site.
func noSymlinks(fsys fs.FS) error {
	entries, err := fs.ReadDir(fsys, content.TemplateDir)
	if err != nil {
		return fmt.Errorf("%s: %w; a site needs its templates", content.TemplateDir, err)
	}
	var bad []error
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			bad = append(bad, fmt.Errorf("%s/%s: symbolic links are not followed; copy the file here instead", content.TemplateDir, e.Name()))
		}
	}
	return errors.Join(bad...)
}

var templatePos = regexp.MustCompile(`(?:html/)?template: ?([\w.-]+\.html):`)

// templateError rewrites "template: x.html:12:" to "templates/x.html:12:",
// the position form every other error uses.
func templateError(err error) error {
	msg := err.Error()
	if loc := templatePos.FindStringSubmatchIndex(msg); loc != nil {
		return fmt.Errorf("%s/%s:%s", content.TemplateDir, msg[loc[2]:loc[3]], msg[loc[1]:])
	}
	return err
}

// Render renders to out the pages of list that need need (Page.Needs), in
// parallel, making each as it is drawn and letting it go once written
// (see List); made, if not nil, is called with each of them and its index
// as it is made, on any goroutine. It returns the first error of each
// failing template.
func (r *Renderer) Render(list *List, need Need, out site.Output, made func(i int, p *Page)) error {
	r.copyOnce.Do(r.copyPages)
	partials := new(sync.Map)
	var (
		mu         sync.Mutex
		byTemplate = make(map[string]indexedError) // one error per template: a broken template fails every page it makes
		goroutines atomic.Int32
	)
	type drawing struct {
		buf   *bytes.Buffer
		pages map[string]*template.Template // this goroutine's (see copies)
	}
	start := func() drawing {
		d := drawing{buf: new(bytes.Buffer), pages: r.pages}
		if k := int(goroutines.Add(1)) - 2; k >= 0 && len(r.copies) > 0 {
			d.pages = r.copies[k%len(r.copies)]
		}
		return d
	}
	parallel.DoWith(list.Len(), start, func(d drawing, i int) error {
		buf := d.buf
		if list.Needs(i) != need {
			return nil
		}
		p := list.At(i)
		if made != nil {
			made(i, p)
		}
		p.partials = partials
		buf.Reset()
		err := drawPage(buf, p, d.pages)
		if err == nil {
			err = out.WriteFile(p.Path, buf.Bytes())
		}
		if buf.Cap() > keptBuffer {
			*buf = bytes.Buffer{} // one list of every prisoner is no reason to hold its size for every page after it
		}
		if err != nil {
			mu.Lock()
			if first, seen := byTemplate[p.Template]; !seen || i < first.i {
				byTemplate[p.Template] = indexedError{i, err}
			}
			mu.Unlock()
		}
		return nil
	})
	if len(byTemplate) == 0 {
		return nil
	}
	first := make([]error, 0, len(byTemplate))
	for _, e := range byTemplate {
		first = append(first, e.err)
	}
	slices.SortFunc(first, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return errors.Join(first...)
}

// An indexedError is a page's error and the page's place in its list.
type indexedError struct {
	i   int
	err error
}

// keptBuffer is the largest buffer a goroutine of Render keeps for its
// next page: more than a record's page, far less than the list of every
// prisoner of a large site. A detention site's page lists everyone held
// there, 2.8 MB at 100,000 prisoners on the benchmark corpus (so up to
// about 140,000); with 1 MiB its 372 pages each grew a buffer afresh,
// doubling from the start, 1% of that build's processor time.
const keptBuffer = 4 << 20

// Page renders one page.
func (r *Renderer) Page(w *bytes.Buffer, p *Page) error { return drawPage(w, p, r.pages) }

// drawPage renders one page with a set of the renderer's templates.
func drawPage(w *bytes.Buffer, p *Page, pages map[string]*template.Template) error {
	t, ok := pages[p.Template]
	if !ok {
		return fmt.Errorf("no template %s", p.Template)
	}
	p.tmpl = t
	if p.partials == nil {
		p.partials = new(sync.Map)
	}
	if err := t.ExecuteTemplate(w, layout, p); err != nil {
		return templateError(err)
	}
	return nil
}
