package site

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/history"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/internal/parallel"
)

// Site is the whole briefing, resolved: every published record with its
// URL, rendered Markdown, references and back-references, the timeline and
// the figures. It is read-only once New returns.
type Site struct {
	Config     *content.Config
	Lang       string           // the language of the pages
	Words      *i18n.Dict       // interface text in that language
	Briefs     []*Brief         // newest first
	Prisoners  []*Prisoner      // by name; people whose name is withheld last
	Statements []*Statement     // newest first
	Sites      []*DetentionSite // by name
	Events     []*Event         // oldest first
	Counts     []*Count         // by as-of date, then counter
	Pages      []*Page          // by slug
	Timeline   []*Entry         // oldest first
	// TimelinePages are the timeline's pages; the first is timeline/.
	TimelinePages []*TimelinePage
	Figures       Figures
	Updated       content.Date // the latest date in the content
	// History is true when the site was built with the history of its
	// records (package history); Changes are then their public changes,
	// newest first.
	History bool
	Changes []*Change
}

// A Link names a record and where its page is.
type Link struct {
	Kind  content.Kind
	Title string
	URL   string // relative to the site's root: "prisoners/x/"
	// Status is a prisoner's status, for the badge beside the link; ""
	// for other records.
	Status string
}

// Brief is a resolved brief.
type Brief struct {
	*content.Brief
	URL        string
	Body       HTML
	Prisoners  []*Prisoner
	Statements []*Statement
	Sites      []*DetentionSite
	Changes    []*Change // its public changes, newest first
	Updated    content.Date
}

// Page is a resolved standing page.
type Page struct {
	*content.Page
	URL     string
	Body    HTML
	Changes []*Change // its public changes, newest first
	Updated content.Date
}

// Prisoner is a resolved prisoner with what the site derives about them.
type Prisoner struct {
	*content.Prisoner
	label      string
	URL        string
	Body       HTML
	Events     []Milestone
	Custody    []*Stay
	Days       int  // days deprived of liberty, at least; 0 when unknown
	Held       bool // still deprived of liberty (detained, disappeared, house arrest)
	Briefs     []*Brief
	Statements []*Statement
	Mentions   []*Event  // standalone events that name them
	History    []*Entry  // their own dated history, oldest first
	Changes    []*Change // its public changes, newest first
	Updated    content.Date
}

// Stay is a custody period of one prisoner at one site.
type Stay struct {
	Prisoner *Prisoner
	Site     *DetentionSite
	From, To content.Date
	Days     int // at least; 0 when a date is unknown
	Note     string
	// First and Last say whether this is the prisoner's first or last
	// stay: where From or To is unknown, the arrest or the release (or
	// "still held") bounds it.
	First, Last bool
}

// DetentionSite is a resolved detention site.
type DetentionSite struct {
	*content.Site
	URL        string
	Body       HTML
	Events     []Milestone
	Held       []*Stay // who was held here, by start date
	Briefs     []*Brief
	Statements []*Statement
	Mentions   []*Event
	History    []*Entry
	Changes    []*Change // its public changes, newest first
	Updated    content.Date
}

// Statement is a resolved statement.
type Statement struct {
	*content.Statement
	label     string
	QuoteLang string // the language of the quote: its language, else the site's default
	URL       string
	Body      HTML
	Context   HTML
	Prisoners []*Prisoner
	Sites     []*DetentionSite
	Briefs    []*Brief
	Mentions  []*Event
	Changes   []*Change // its public changes, newest first
	Updated   content.Date
}

// Event is a resolved standalone event. It has no page: its URL is its
// entry on the timeline.
type Event struct {
	*content.Event
	URL        string
	Anchor     string
	Body       HTML
	Prisoners  []*Prisoner
	Statements []*Statement
	Sites      []*DetentionSite
	Changes    []*Change // its public changes, newest first
	Updated    content.Date
}

// Milestone is a dated event in a prisoner's or a site's history.
type Milestone struct {
	content.Milestone
	Body HTML
}

// WithheldName is shown in place of the name of an anonymous prisoner
// (translated, as every interface text).
const WithheldName = "Name withheld"

// recordTexts are the texts that name records and what befell them.
var recordTexts = []string{WithheldName, "{name} arrested", "{name} moved to {site}", "{name} held at {site}",
	"{name}: {event}", "{name} released", "{site} opened", "{site} closed", "{site}: {event}", "{speaker}: “{quote}”"}

// Label returns the name to show: the name, or WithheldName.
func (p *Prisoner) Label() string { return p.label }

func (p *Prisoner) Link() Link {
	return Link{Kind: content.KindPrisoner, Title: p.Label(), URL: p.URL, Status: p.Status}
}
func (b *Brief) Link() Link         { return Link{Kind: content.KindBrief, Title: b.Title, URL: b.URL} }
func (p *Page) Link() Link          { return Link{Kind: content.KindPage, Title: p.Title, URL: p.URL} }
func (s *DetentionSite) Link() Link { return Link{Kind: content.KindSite, Title: s.Name, URL: s.URL} }
func (s *Statement) Link() Link {
	return Link{Kind: content.KindStatement, Title: s.Label(), URL: s.URL}
}
func (e *Event) Link() Link        { return Link{Kind: content.KindEvent, Title: e.Title, URL: e.URL} }
func (s *Statement) Label() string { return s.label }

// reserved are the top-level URL segments a page slug may not take.
var reserved = []string{"briefs", "prisoners", "statements", "sites", "events", "counts", "pages", "timeline", "search", "data", "static", "404.html", "feed.xml", "sitemap.xml", "robots.txt"}

// New resolves a loaded set into a Site. Every unknown or unpublished
// reference is an error with its position; all are returned at once as a
// content.Errors.
// Interface text (timeline titles, "Name withheld", dates) is in English.
func New(set *content.Set) (*Site, error) { return NewCached(set, nil, nil, nil) }

// NewCached is New for the language of set, with words in that language
// (nil for English), reusing the Markdown that earlier calls with the same
// cache rendered where the text and what its links name are unchanged:
// serve's rebuilds. hist, when not nil, is the records' public history:
// each record's Changes, and its last-updated date, come from it.
func NewCached(set *content.Set, words *i18n.Dict, cache *Cache, hist *history.History) (*Site, error) {
	if words == nil {
		words, _ = i18n.Load(nil, i18n.English)
	}
	r := &resolver{
		words:      words,
		cache:      cache,
		set:        set,
		md:         newMarkdown(set.Config.RawHTML),
		prisoners:  make(map[string]*Prisoner),
		statements: make(map[string]*Statement),
		sites:      make(map[string]*DetentionSite),
		briefs:     make(map[string]*Brief),
		events:     make(map[string]*Event),
		pages:      make(map[string]*Page),
		counts:     make(map[string]*Count),
	}
	s := &Site{Config: set.Config, Lang: set.Lang, Words: words}
	r.site = s
	for _, p := range set.Prisoners {
		w := &Prisoner{Prisoner: p, label: p.Name, URL: "prisoners/" + p.Slug + "/"}
		if p.Anonymous {
			w.label = words.T(WithheldName)
		}
		s.Prisoners = append(s.Prisoners, w)
		r.prisoners[p.Slug] = w
	}
	for _, st := range set.Statements {
		w := &Statement{Statement: st, label: st.Speaker + ", " + r.date(st.Date), URL: "statements/" + st.Slug + "/", QuoteLang: st.Language}
		if w.QuoteLang == "" {
			w.QuoteLang = set.Config.Language
		}
		s.Statements = append(s.Statements, w)
		r.statements[st.Slug] = w
	}
	for _, si := range set.Sites {
		w := &DetentionSite{Site: si, URL: "sites/" + si.Slug + "/"}
		s.Sites = append(s.Sites, w)
		r.sites[si.Slug] = w
	}
	for _, b := range set.Briefs {
		w := &Brief{Brief: b, URL: "briefs/" + b.Slug + "/"}
		s.Briefs = append(s.Briefs, w)
		r.briefs[b.Slug] = w
	}
	r.layout = planLayout(set, set.Config.TimelinePageSize)
	for _, e := range set.Events {
		w := &Event{Event: e, Anchor: entryID(e.Date, "event", e.Slug)}
		w.URL = r.layout.page(e.Date) + "#" + w.Anchor
		s.Events = append(s.Events, w)
		r.events[e.Slug] = w
	}
	for _, c := range set.Counts {
		w := &Count{Count: c, Anchor: "count-" + c.Slug, label: r.countLabel(c)}
		w.URL = "counts/#" + w.Anchor
		s.Counts = append(s.Counts, w)
		r.counts[c.Slug] = w
	}
	for _, p := range set.Pages {
		w := &Page{Page: p, URL: p.Slug + "/"}
		switch {
		case slices.Contains(reserved, p.Slug):
			r.errs.Addf(content.Pos{File: p.File}, "a page cannot be called %q: the site uses /%s/ for something else; rename the file", p.Slug, p.Slug)
		case set.Config.Has(p.Slug) && set.Config.Prefix(p.Slug) != "":
			r.errs.Addf(content.Pos{File: p.File}, "a page cannot be called %q: the site's pages in that language are under /%s/; rename the file", p.Slug, p.Slug)
		}
		s.Pages = append(s.Pages, w)
		r.pages[p.Slug] = w
	}

	r.md.isPage = func(slug string) bool { _, ok := r.pages[slug]; return ok }
	r.md.static = func(name string) bool { _, ok := slices.BinarySearch(set.Static, name); return ok }
	r.convertAll()
	r.link()
	r.changes(hist)
	r.dates()
	r.now = r.asOf()
	r.custody()
	s.Figures = r.figures()
	r.order()
	s.Timeline = r.timeline()
	s.TimelinePages = r.timelinePages(s.Timeline)
	return s, r.errs.Err()
}

// resolver holds the indexes used while resolving.
type resolver struct {
	set        *content.Set
	site       *Site
	md         *markdown
	errs       content.ErrorList
	prisoners  map[string]*Prisoner
	statements map[string]*Statement
	sites      map[string]*DetentionSite
	briefs     map[string]*Brief
	events     map[string]*Event
	pages      map[string]*Page
	counts     map[string]*Count
	mdRefs     map[any][]content.Ref // references found in each record's Markdown
	now        content.Date          // the date figures and days in custody run to
	// contentUpdated is the latest date of the content, history aside.
	contentUpdated content.Date
	layout         layout // which timeline page each date is on
	cache          *Cache
	words          *i18n.Dict
}

// lookup finds the record a reference names, recording an error if there is
// none or it is not published.
func (r *resolver) lookup(ref content.Ref) (Link, bool) { return r.lookupInto(ref, &r.errs) }

// lookupInto is lookup, recording its error in errs.
func (r *resolver) lookupInto(ref content.Ref, errs *content.ErrorList) (Link, bool) {
	if l, ok := r.find(ref.Kind, ref.Slug); ok {
		return l, true
	}
	if _, broken := r.set.Broken[ref.Kind][ref.Slug]; broken {
		return Link{}, false // its file's error says what to fix
	}
	if why, withheld := r.set.Withheld[ref.Kind][ref.Slug]; withheld {
		errs.AddStagef(content.Reference, ref.Pos, "%s %q is not published (%s in %s); remove this reference or publish that record", ref.Kind, ref.Slug, why, "content/"+ref.Kind.Dir()+"/"+ref.Slug+ext(ref.Kind))
		return Link{}, false
	}
	hint := ""
	if m := content.Suggest(ref.Slug, r.slugs(ref.Kind)); m != "" {
		hint = " (did you mean " + `"` + m + `"?)`
	}
	errs.AddStagef(content.Reference, ref.Pos, "unknown %s %q: there is no content/%s/%s%s%s", ref.Kind, ref.Slug, ref.Kind.Dir(), ref.Slug, ext(ref.Kind), hint)
	return Link{}, false
}

// find returns the link to the published record of a kind and slug.
func (r *resolver) find(kind content.Kind, slug string) (Link, bool) {
	switch kind {
	case content.KindPrisoner:
		if v, ok := r.prisoners[slug]; ok {
			return v.Link(), true
		}
	case content.KindStatement:
		if v, ok := r.statements[slug]; ok {
			return v.Link(), true
		}
	case content.KindSite:
		if v, ok := r.sites[slug]; ok {
			return v.Link(), true
		}
	case content.KindBrief:
		if v, ok := r.briefs[slug]; ok {
			return v.Link(), true
		}
	case content.KindEvent:
		if v, ok := r.events[slug]; ok {
			return v.Link(), true
		}
	case content.KindPage:
		if v, ok := r.pages[slug]; ok {
			return v.Link(), true
		}
	case content.KindCount:
		if v, ok := r.counts[slug]; ok {
			return v.Link(), true
		}
	}
	return Link{}, false
}

// slugs lists the published slugs of a kind, for suggestions.
func (r *resolver) slugs(kind content.Kind) []string {
	switch kind {
	case content.KindPrisoner:
		return keys(r.prisoners)
	case content.KindStatement:
		return keys(r.statements)
	case content.KindSite:
		return keys(r.sites)
	case content.KindBrief:
		return keys(r.briefs)
	case content.KindEvent:
		return keys(r.events)
	case content.KindCount:
		return keys(r.counts)
	}
	return keys(r.pages)
}

func ext(k content.Kind) string {
	if k == content.KindBrief || k == content.KindPage {
		return ".md"
	}
	return ".toml"
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// convertAll renders every Markdown text, in parallel, and records the
// references found in each.
func (r *resolver) convertAll() {
	type job struct {
		owner any
		md    content.Markdown
		id    string
		dst   *HTML
	}
	var jobs []job
	add := func(owner any, md content.Markdown, id string, dst *HTML) {
		if strings.TrimSpace(md.Text) != "" {
			jobs = append(jobs, job{owner, md, id, dst})
		}
	}
	s := r.site
	for _, p := range s.Prisoners {
		add(p, p.Prisoner.Body, "p-", &p.Body)
		p.Events = make([]Milestone, len(p.Prisoner.Events))
		for i, m := range p.Prisoner.Events {
			p.Events[i].Milestone = m
			add(p, m.Body, "p"+strconv.Itoa(i)+"-", &p.Events[i].Body)
		}
	}
	for _, v := range s.Sites {
		add(v, v.Site.Body, "s-", &v.Body)
		v.Events = make([]Milestone, len(v.Site.Events))
		for i, m := range v.Site.Events {
			v.Events[i].Milestone = m
			add(v, m.Body, "s"+strconv.Itoa(i)+"-", &v.Events[i].Body)
		}
	}
	for _, v := range s.Statements {
		add(v, v.Statement.Body, "b-", &v.Body)
		add(v, v.Statement.Context, "c-", &v.Context)
	}
	for _, v := range s.Briefs {
		add(v, v.Brief.Body, "", &v.Body)
	}
	for _, v := range s.Events {
		add(v, v.Event.Body, v.Slug+"-", &v.Body)
	}
	for _, v := range s.Pages {
		add(v, v.Page.Body, "", &v.Body)
	}
	for _, v := range s.Counts {
		add(v, v.Count.Body, v.Slug+"-", &v.Body)
		add(v, v.Count.Note, v.Slug+"-n-", &v.Note)
	}

	refs := make([][]content.Ref, len(jobs))
	parallel.Do(len(jobs), func(i int) error {
		j := jobs[i]
		*j.dst, refs[i] = r.convert(j.md, j.id)
		return nil
	})
	r.mdRefs = make(map[any][]content.Ref)
	for i, j := range jobs {
		r.mdRefs[j.owner] = append(r.mdRefs[j.owner], refs[i]...)
	}
}

// resolveLink resolves a reference link in Markdown; it may run on many
// goroutines, and only reads the indexes.
func (r *resolver) resolveLink(ref content.Ref) (title, url string, ok bool) {
	l, ok := r.lookup(ref)
	return l.Title, l.URL, ok
}

// refsOf returns the references a record makes, in its lists and then its
// Markdown, each target once.
func (r *resolver) refsOf(owner any, lists ...[]content.Ref) []content.Ref {
	var all []content.Ref
	for _, l := range lists {
		all = append(all, l...)
	}
	all = append(all, r.mdRefs[owner]...)
	seen := make(map[[2]string]bool)
	out := all[:0:0]
	for _, ref := range all {
		k := [2]string{string(ref.Kind), ref.Slug}
		if !seen[k] {
			seen[k] = true
			out = append(out, ref)
		}
	}
	return out
}

// link resolves the references of every record and fills back-references.
func (r *resolver) link() {
	s := r.site
	for _, b := range s.Briefs {
		for _, ref := range r.refsOf(b, b.Brief.Prisoners, b.Brief.Statements, b.Brief.Sites) {
			switch ref.Kind {
			case content.KindPrisoner:
				if p := r.prisoner(ref); p != nil {
					b.Prisoners = append(b.Prisoners, p)
					p.Briefs = append(p.Briefs, b)
				}
			case content.KindStatement:
				if v := r.statement(ref); v != nil {
					b.Statements = append(b.Statements, v)
					v.Briefs = append(v.Briefs, b)
				}
			case content.KindSite:
				if v := r.detentionSite(ref); v != nil {
					b.Sites = append(b.Sites, v)
					v.Briefs = append(v.Briefs, b)
				}
			}
		}
	}
	for _, st := range s.Statements {
		for _, ref := range r.refsOf(st, st.Statement.Prisoners, st.Statement.Sites) {
			switch ref.Kind {
			case content.KindPrisoner:
				if p := r.prisoner(ref); p != nil {
					st.Prisoners = append(st.Prisoners, p)
					p.Statements = append(p.Statements, st)
				}
			case content.KindSite:
				if v := r.detentionSite(ref); v != nil {
					st.Sites = append(st.Sites, v)
					v.Statements = append(v.Statements, st)
				}
			}
		}
	}
	for _, e := range s.Events {
		for _, ref := range r.refsOf(e, e.Event.Prisoners, e.Event.Statements, e.Event.Sites) {
			switch ref.Kind {
			case content.KindPrisoner:
				if p := r.prisoner(ref); p != nil {
					e.Prisoners = append(e.Prisoners, p)
					p.Mentions = append(p.Mentions, e)
				}
			case content.KindStatement:
				if v := r.statement(ref); v != nil {
					e.Statements = append(e.Statements, v)
					v.Mentions = append(v.Mentions, e)
				}
			case content.KindSite:
				if v := r.detentionSite(ref); v != nil {
					e.Sites = append(e.Sites, v)
					v.Mentions = append(v.Mentions, e)
				}
			}
		}
	}
	for _, c := range s.Counts {
		if c.Count.Statement.Slug != "" {
			c.Statement = r.statement(c.Count.Statement)
		}
		for _, ref := range r.mdRefs[c] {
			r.lookup(ref)
		}
	}
	// Front-matter references were checked above; Markdown ones in
	// convertAll. Lists of kinds a record cannot hold were rejected by the
	// loader, so nothing else needs checking here.
}

func (r *resolver) prisoner(ref content.Ref) *Prisoner {
	if p, ok := r.prisoners[ref.Slug]; ok {
		return p
	}
	r.lookup(ref) // records why it is missing
	return nil
}

func (r *resolver) statement(ref content.Ref) *Statement {
	if v, ok := r.statements[ref.Slug]; ok {
		return v
	}
	r.lookup(ref) // records why it is missing
	return nil
}

func (r *resolver) detentionSite(ref content.Ref) *DetentionSite {
	if v, ok := r.sites[ref.Slug]; ok {
		return v
	}
	r.lookup(ref) // records why it is missing
	return nil
}

// dates sets each record's last-updated date and the site's.
func (r *resolver) dates() {
	s := r.site
	latest := func(ds ...content.Date) content.Date {
		var m content.Date
		for _, d := range ds {
			if d.Compare(m) > 0 {
				m = d
			}
		}
		return m
	}
	or := func(updated content.Date, ds ...content.Date) content.Date {
		if !updated.IsZero() {
			return updated
		}
		return latest(ds...)
	}
	// With history, a record was last updated on its latest public
	// change, whatever its own dates say. The figures run to the latest
	// date of the content itself, never to a commit's.
	var all, own []content.Date
	set := func(dst *content.Date, changes []*Change, updated content.Date, ds ...content.Date) {
		d := or(updated, ds...)
		own = append(own, d)
		*dst = or(lastChange(changes), d)
		all = append(all, *dst)
	}
	for _, p := range s.Prisoners {
		ds := []content.Date{p.Arrested, p.Released}
		for _, c := range p.Prisoner.Custody {
			ds = append(ds, c.From, c.To)
		}
		for _, m := range p.Events {
			ds = append(ds, m.Date)
		}
		set(&p.Updated, p.Changes, p.Prisoner.Updated, ds...)
	}
	for _, v := range s.Sites {
		ds := []content.Date{v.Opened, v.Closed}
		for _, m := range v.Events {
			ds = append(ds, m.Date)
		}
		set(&v.Updated, v.Changes, v.Site.Updated, ds...)
	}
	for _, v := range s.Statements {
		set(&v.Updated, v.Changes, v.Statement.Updated, v.Date)
	}
	for _, v := range s.Briefs {
		set(&v.Updated, v.Changes, v.Brief.Updated, v.Date)
	}
	for _, v := range s.Events {
		set(&v.Updated, v.Changes, v.Event.Updated, v.Date)
	}
	for _, v := range s.Pages {
		set(&v.Updated, v.Changes, v.Page.Updated, v.Date)
	}
	for _, v := range s.Counts {
		v.Updated = or(v.Count.Updated, v.AsOf)
		all = append(all, v.Updated)
	}
	s.Updated = latest(all...)
	r.contentUpdated = latest(own...)
	// A record with no date of its own shows the date the briefing was
	// last updated, so that every page says how current it is.
	for _, p := range s.Prisoners {
		p.Updated = or(p.Updated, s.Updated)
	}
	for _, v := range s.Sites {
		v.Updated = or(v.Updated, s.Updated)
	}
	for _, v := range s.Pages {
		v.Updated = or(v.Updated, s.Updated)
	}
}

// order sorts every list the way readers expect it.
func (r *resolver) order() {
	s := r.site
	newest := func(a, b content.Date, sa, sb string) int {
		return cmp.Or(b.Compare(a), strings.Compare(sa, sb))
	}
	slices.SortFunc(s.Briefs, func(a, b *Brief) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
	slices.SortFunc(s.Statements, func(a, b *Statement) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
	slices.SortFunc(s.Events, func(a, b *Event) int { return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.Slug, b.Slug)) })
	sortCounts(s.Counts)
	sortByName(s.Prisoners, func(p *Prisoner) string {
		if p.Anonymous {
			return "\uffff" // people whose name is withheld last
		}
		return p.Name
	}, func(p *Prisoner) string { return p.Slug })
	sortByName(s.Sites, func(v *DetentionSite) string { return v.Name }, func(v *DetentionSite) string { return v.Slug })
	for _, p := range s.Prisoners {
		slices.SortFunc(p.Briefs, func(a, b *Brief) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
		slices.SortFunc(p.Statements, func(a, b *Statement) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
	}
	for _, v := range s.Sites {
		slices.SortFunc(v.Briefs, func(a, b *Brief) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
		slices.SortFunc(v.Statements, func(a, b *Statement) int { return newest(a.Date, b.Date, a.Slug, b.Slug) })
	}
}

// sortByName sorts a list as a reader sorts names: without regard to case
// or accents, then by the name as written, then by slug. Each name is
// folded once, not at every comparison.
func sortByName[T any](list []T, name, slug func(T) string) {
	type keyed struct {
		folded, name, slug string
		v                  T
	}
	ks := make([]keyed, len(list))
	for i, v := range list {
		n := name(v)
		ks[i] = keyed{content.Fold(n), n, slug(v), v}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.folded, b.folded), strings.Compare(a.name, b.name), strings.Compare(a.slug, b.slug))
	})
	for i, k := range ks {
		list[i] = k.v
	}
}

// Page returns the standing page with the given slug, or nil, so that
// templates can link to "methodology" only where the site has one.
func (s *Site) Page(slug string) *Page {
	for _, p := range s.Pages {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

// Base is the absolute address of the root of the site's language: the
// base URL, with the language's prefix; "" without a base URL.
func (s *Site) Base() string {
	if s.Config.BaseURL == "" {
		return ""
	}
	return s.Config.BaseURL + s.Config.Prefix(s.Lang)
}

// date writes a date as the site's language does.
func (r *resolver) date(d content.Date) string { return Date(r.words, d) }

// Date writes a date as the language of words does; an interval as a
// reader would say it: "between February 1 and 9, 2024", "after January
// 8, 2026" (from a day to the end of its month or year), "by January 20,
// 2026" (from the start of a month or year to a day in it).
func Date(words *i18n.Dict, d content.Date) string {
	if !d.IsInterval() {
		return words.Date(d.Year, d.Month, d.Day, int(d.Precision))
	}
	a, b := d.Start(), d.Finish()
	month := func(m time.Month) string { return words.Month(m) }
	switch {
	case a.Precision == content.Day && b.Precision < content.Day && b.Last().Equal(endOf(a, b.Precision)):
		return words.F("after {date}", "date", Date(words, a))
	case a.Precision < content.Day && b.Precision == content.Day && a.First().Equal(startOf(b, a.Precision)):
		return words.F("by {date}", "date", Date(words, b))
	case a.Precision == content.Day && b.Precision == content.Day && a.Year == b.Year && a.Month == b.Month:
		return words.F("between {month} {day1} and {day2}, {year}", "month", month(a.Month), "day1", strconv.Itoa(a.Day), "day2", strconv.Itoa(b.Day), "year", strconv.Itoa(a.Year))
	case a.Precision == content.Day && b.Precision == content.Day && a.Year == b.Year:
		return words.F("between {month1} {day1} and {month2} {day2}, {year}", "month1", month(a.Month), "day1", strconv.Itoa(a.Day), "month2", month(b.Month), "day2", strconv.Itoa(b.Day), "year", strconv.Itoa(a.Year))
	case a.Precision == content.Month && b.Precision == content.Month && a.Year == b.Year:
		return words.F("between {month1} and {month2} {year}", "month1", month(a.Month), "month2", month(b.Month), "year", strconv.Itoa(a.Year))
	case a.Precision == content.Day && b.Precision == content.Day:
		return words.F("between {startDay} and {endDay}", "startDay", Date(words, a), "endDay", Date(words, b))
	case a.Precision == content.Day: // "entre el 8 de enero de 2026 y febrero de 2026"
		return words.F("between {startDay} and {end}", "startDay", Date(words, a), "end", Date(words, b))
	case b.Precision == content.Day:
		return words.F("between {start} and {endDay}", "start", Date(words, a), "endDay", Date(words, b))
	}
	return words.F("between {start} and {end}", "start", Date(words, a), "end", Date(words, b))
}

// dateTexts are the texts that write a date or an interval.
var dateTexts = []string{"after {date}", "by {date}", "between {month} {day1} and {day2}, {year}",
	"between {month1} {day1} and {month2} {day2}, {year}", "between {month1} and {month2} {year}", "between {startDay} and {endDay}", "between {start} and {end}",
	"between {startDay} and {end}", "between {start} and {endDay}"}

// endOf is the last day of the month or year (precision p) that holds d.
func endOf(d content.Date, p content.Precision) time.Time {
	return content.Date{Year: d.Year, Month: d.Month, Precision: p}.Last()
}

// startOf is the first day of the month or year (precision p) that holds d.
func startOf(d content.Date, p content.Precision) time.Time {
	return content.Date{Year: d.Year, Month: d.Month, Precision: p}.First()
}

// LastUpdated returns the date the record was last updated; it lets code
// treat every kind alike.
func (b *Brief) LastUpdated() content.Date         { return b.Updated }
func (p *Page) LastUpdated() content.Date          { return p.Updated }
func (p *Prisoner) LastUpdated() content.Date      { return p.Updated }
func (s *Statement) LastUpdated() content.Date     { return s.Updated }
func (s *DetentionSite) LastUpdated() content.Date { return s.Updated }
func (e *Event) LastUpdated() content.Date         { return e.Updated }

// Prepositions a date may follow in a sentence (DateIn).
const (
	On    = "on"    // "on February 9, 2024", "in February 2024", "between February 1 and 9, 2024"
	AsOf  = "as of" // "as of February 9, 2024", "between February 1 and 9, 2024"
	Since = "since" // "since February 9, 2024", "from a day between February 1 and 9, 2024"
	From  = "from"  // the start of a span: "from February 1, 2024" (an interval by its start)
	To    = "to"    // the end of a span: "to February 9, 2024" (an interval by its end)
)

var datePrepositions = []string{On, AsOf, Since, From, To}

// DateIn is the text to translate, with {date} in it, for a date after a
// preposition, and the date to fill it with. A language says "on" a day but
// "in" a month, and nothing before an interval, which carries its own
// "between": each preposition has a text per shape of date (day, month,
// year, interval), so that each language can write its own ("el 9 de
// febrero", "en febrero de 2024", "entre el 1 y el 9 de febrero"). From and
// To take an interval by its start and its end.
func DateIn(prep string, d content.Date) (text string, shown content.Date) {
	switch prep {
	case From:
		d = d.Start()
	case To:
		d = d.Finish()
	}
	return datePatterns[prep][shape(d)], d
}

// DatePhrase writes a date after a preposition (DateIn) as text.
func DatePhrase(words *i18n.Dict, prep string, d content.Date) string {
	text, shown := DateIn(prep, d)
	return words.F(text, "date", Date(words, shown))
}

func shape(d content.Date) int {
	if d.IsInterval() {
		return 0
	}
	return int(d.Precision)
}

// datePatterns are, per preposition, the texts for an interval, a year, a
// month and a day (by content.Precision); From and To never see an
// interval.
var datePatterns = map[string][4]string{
	On:    {"{date}|on, interval", "in {date}|year", "in {date}|month", "on {date}|day"},
	AsOf:  {"{date}|as of, interval", "as of {date}|year", "as of {date}|month", "as of {date}|day"},
	Since: {"from a day {date}|since, interval", "since {date}|year", "since {date}|month", "since {date}|day"},
	From:  {"from {date}|day", "from {date}|year", "from {date}|month", "from {date}|day"},
	To:    {"to {date}|day", "to {date}|year", "to {date}|month", "to {date}|day"},
}
