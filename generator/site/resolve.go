package site

import (
	"slices"
	"strconv"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/i18n"
	"github.com/presos-politicos/briefing/generator/internal/parallel"
)

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
		dst   **HTML
	}
	var jobs []job
	add := func(owner any, md content.Markdown, id string, dst **HTML) {
		if md.Text.Len() != 0 { // convert leaves out a text of spaces
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

	done := make([]converted, len(jobs))
	parallel.Do(len(jobs), func(i int) error {
		done[i] = r.convert(jobs[i].md, jobs[i].id)
		*jobs[i].dst = done[i].html
		return nil
	})
	r.mdRefs = make(map[any][]content.Ref)
	prefix := s.Config.Prefix(s.Lang)
	for i, j := range jobs {
		r.mdRefs[j.owner] = append(r.mdRefs[j.owner], done[i].refs...)
		s.Links = append(s.Links, placed(done[i].links, prefix)...)
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
