package pipeline

import (
	"errors"
	"io/fs"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/history"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/render"
	"github.com/presos-politicos/briefing/generator/site"
)

// prepared is a site loaded and resolved in each of its languages, the
// default first, with its templates parsed: what every output is made from.
type prepared struct {
	langs []*langSite
	// drafts are the files of the records left out as drafts, by the path
	// their page would have, in every language.
	drafts map[string]string
}

// langSite is the site in one language.
type langSite struct {
	site     *site.Site
	renderer *render.Renderer
	words    *i18n.Dict
}

// A Cache keeps what one build decoded and rendered for the next: the
// records of unchanged files, and Markdown whose text and links are
// unchanged. serve keeps one across its rebuilds.
type Cache struct {
	content content.Cache
	site    site.Cache

	// The records' history is read once, by the first build, and kept:
	// serve does not read git again at every save.
	historyRead bool
	history     *history.History
	historyNote string
}

// prepare loads and resolves the site in each language and parses its
// templates, reporting every problem at once. cache, when not nil, keeps
// what was decoded and rendered between calls.
func prepare(fsys fs.FS, opts Options, cache *Cache) (*prepared, error) {
	var sc *site.Cache
	if cache != nil {
		sc = &cache.site
	}
	set, errs := load(fsys, opts, cache, nil)
	var hist *history.History
	if set != nil && len(errs) == 0 {
		if cache == nil {
			hist, _ = readHistory(opts, set)
		} else {
			if !cache.historyRead {
				cache.history, cache.historyNote = readHistory(opts, set)
				cache.historyRead = true
			}
			hist = cache.history
		}
	}
	return resolveAll(fsys, set, sc, hist, errs)
}

// load reads the content, keeping its long texts in texts when it is not
// nil. The set is nil when nothing can be built.
func load(fsys fs.FS, opts Options, cache *Cache, texts *content.Texts) (*content.Set, []error) {
	var cc *content.Cache
	if cache != nil {
		cc = &cache.content
	}
	set, err := cc.Load(fsys, content.Options{Drafts: opts.Drafts, Texts: texts})
	var errs []error
	if err != nil {
		errs = append(errs, err)
	}
	if set != nil && opts.BaseURL != "" {
		set.Config.BaseURL = strings.TrimSuffix(opts.BaseURL, "/") + "/"
	}
	return set, errs
}

// resolveAll resolves the site in every language, adding their problems
// to errs, and reports them all.
func resolveAll(fsys fs.FS, set *content.Set, sc *site.Cache, hist *history.History, errs []error) (*prepared, error) {
	if set == nil {
		return nil, mergeErrors(errs)
	}
	p := &prepared{drafts: draftPages(set)}
	for _, lang := range set.Config.Languages {
		l, lerrs := resolve(fsys, set, lang.Code, sc, hist)
		errs = append(errs, lerrs...)
		if l != nil {
			p.langs = append(p.langs, l)
		}
	}
	sc.Prune()
	if len(errs) > 0 {
		return nil, mergeErrors(errs)
	}
	return p, nil
}

// draftPages maps the page each draft would have, in every language, to
// its file. An event has no page of its own.
func draftPages(set *content.Set) map[string]string {
	out := make(map[string]string)
	for kind, slugs := range set.Drafts {
		for slug, file := range slugs {
			url, ok := site.PageURL(kind, slug)
			if !ok {
				continue // no page of its own
			}
			for _, l := range set.Config.Languages {
				out[set.Config.Prefix(l.Code)+url+"index.html"] = file
			}
		}
	}
	return out
}

// resolve resolves the site in one language and parses its templates.
func resolve(fsys fs.FS, set *content.Set, lang string, sc *site.Cache, hist *history.History) (*langSite, []error) {
	words, err := i18n.Load(fsys, lang)
	if err != nil {
		return nil, []error{err}
	}
	var errs []error
	s, err := site.NewCached(set.In(lang), words, sc, hist)
	if err != nil {
		errs = append(errs, err)
	}
	r, err := render.New(fsys, words)
	if err != nil {
		errs = append(errs, err)
	}
	return &langSite{site: s, renderer: r, words: words}, errs
}

// mergeErrors joins content errors into one sorted list, keeping other
// errors (templates, output) after them, each once: every language parses
// the same templates, and one broken template is one mistake.
func mergeErrors(errs []error) error {
	var list content.ErrorList
	var other []error
	seen := make(map[string]bool)
	for _, err := range errs {
		var es content.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				list.Add(e)
			}
			continue
		}
		if !seen[err.Error()] {
			seen[err.Error()] = true
			other = append(other, err)
		}
	}
	if err := list.Err(); err != nil {
		other = append([]error{err}, other...)
	}
	return errors.Join(other...)
}
