package content

import (
	"cmp"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// langTag is the shape of a BCP 47 language tag: "es", "en-GB", "pt-BR".
var langTag = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// This file decodes each kind from its fields and applies the rules that
// involve one record only. Rules across records (references) are the site
// package's.

// common reads the fields every kind has. It returns publish, which is not
// kept on the record: an unpublished record never leaves the loader.
func common(f *fields, r *Record, bodyInFile bool) (publish bool) {
	r.Summary = f.str("summary")
	if !bodyInFile {
		r.Body = f.markdown("body")
	}
	r.Tags = f.strs("tags")
	r.Draft = f.boolean("draft", false)
	r.Updated = f.date("updated")
	r.Verification = f.enum("verification", Verifications)
	publish = f.boolean("publish", true)
	if r.Kind == KindPrisoner {
		r.Anonymous = f.boolean("anonymous", false)
	} else if _, set := f.m["anonymous"]; set {
		f.known = append(f.known, "anonymous") // not a key of this kind, but a mistake worth a message of its own
		f.errorf("anonymous", "anonymous applies to prisoners only; to keep this %s out of the site, write publish = false", r.Kind)
	}
	f.skip("private")
	if v, ok := f.m["private"]; ok {
		if _, isTable := v.(map[string]any); !isTable {
			f.typeError("private", v, "a table written as [private]")
		}
	}
	list := f.tableList("sources")
	if len(list) > 0 {
		r.Sources = make([]Source, 0, len(list))
	}
	for i, t := range list {
		r.Sources = append(r.Sources, f.sources.source(f, i, t))
	}
	return publish
}

func source(f *fields) Source {
	s := Source{
		Title:     f.required("title", `title = "Headline of the report"`),
		URL:       f.required("url", `url = "https://..."`),
		Publisher: word(f.str("publisher")),
		Date:      f.date("date"),
		Archive:   f.str("archive"),
	}
	webURL(f, "url", s.URL)
	webURL(f, "archive", s.Archive)
	f.done()
	return s
}

// webURL checks that a source link is an absolute http or https URL.
func webURL(f *fields, key, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		f.errorf(key, "%s %q must be a full web address starting with https://", key, s)
	}
}

func decodeBrief(f *fields, r Record) (*Brief, bool) {
	b := &Brief{Record: r}
	publish := common(f, &b.Record, true)
	b.Title = f.required("title", `title = "..."`)
	b.Date = f.date("date")
	f.require("date", f.m["date"] != nil, "date = 2026-01-09")
	b.Authors = f.strs("authors")
	b.Prisoners = f.refs("prisoners", KindPrisoner)
	b.Statements = f.refs("statements", KindStatement)
	b.Sites = f.refs("sites", KindSite)
	f.done()
	return b, publish
}

func decodePage(f *fields, r Record) (*Page, bool) {
	p := &Page{Record: r}
	publish := common(f, &p.Record, true)
	p.Title = f.required("title", `title = "..."`)
	p.Date = f.date("date")
	f.done()
	return p, publish
}

func decodePrisoner(f *fields, r Record) (*Prisoner, bool) {
	p := &Prisoner{Record: r}
	publish := common(f, &p.Record, false)
	p.Name = f.required("name", `name = "Full name"`)
	p.Status = f.enum("status", PrisonerStatuses)
	f.require("status", f.m["status"] != nil, `status = "detained" (one of `+strings.Join(PrisonerStatuses, ", ")+")")
	p.Aliases = f.strs("aliases")
	p.Gender = f.enum("gender", Genders)
	p.Nationality = f.strs("nationality")
	p.Occupation = word(f.str("occupation"))
	p.Arrested = f.date("arrested")
	p.Released = f.date("released")
	p.Died = f.date("died")
	p.Charges = f.strs("charges")
	if !p.Arrested.IsZero() && !p.Released.IsZero() && p.Released.Before(p.Arrested) {
		f.errorf("released", "released %s is before arrested %s; check both dates", p.Released, p.Arrested)
	}
	if !p.Died.IsZero() {
		switch {
		case p.Status != "" && p.Status != "deceased":
			f.errorf("died", "died is given but status is %q; a person who died has status = \"deceased\"", p.Status)
		case !p.Arrested.IsZero() && p.Died.Before(p.Arrested):
			f.errorf("died", "died %s is before arrested %s; check both dates", p.Died, p.Arrested)
		case !p.Released.IsZero() && p.Died.Before(p.Released):
			f.errorf("died", "died %s is before released %s; check both dates", p.Died, p.Released)
		}
	}
	end, endName := p.CustodyEnd(), "the release"
	if p.DiedInCustody() {
		endName = "the death"
	}
	var order custodyOrder
	for _, c := range f.tables("custody") {
		cu := Custody{
			Site: c.ref("site", KindSite),
			From: c.date("from"),
			To:   c.date("to"),
			Note: word(c.str("note")),
			Pos:  c.at,
		}
		c.require("site", cu.Site.Slug != "" || c.m["site"] != nil, `site = "el-helicoide"`)
		switch {
		case !cu.From.IsZero() && !cu.To.IsZero() && cu.To.Before(cu.From):
			c.errorf("to", "custody ends (%s) before it starts (%s)", cu.To, cu.From)
		case !cu.To.IsZero() && !end.IsZero() && end.Before(cu.To):
			c.errorf("to", "custody runs to %s, past %s on %s; end it on or before %s", cu.To, endName, end, endName)
		case !cu.From.IsZero() && !p.Arrested.IsZero() && cu.From.Before(p.Arrested):
			c.errorf("from", "custody starts (%s) before the arrest (%s)", cu.From, p.Arrested)
		}
		order.check(c, cu)
		c.done()
		p.Custody = append(p.Custody, cu)
	}
	p.Events = milestones(f)
	f.done()
	if p.Anonymous {
		withhold(f, p)
	}
	return p, publish
}

// custodyOrder checks that custody periods are listed earliest first and
// do not overlap: the page shows them in file order under "earliest first",
// and the last is the last known place of detention (the data files'
// last_known_site). A period without a date is not compared; the next
// dated one is compared with the latest dated period before it. Dates
// known only to their month or year are compared at their precision: only
// a period that certainly starts before another ends is an error, so a
// transfer on the day the previous period ends is fine.
type custodyOrder struct {
	n        int  // periods seen
	lastFrom Date // the latest start so far, of period fromN
	fromN    int
	lastTo   Date // the end of the latest period that has one, period toN
	toN      int
}

func (o *custodyOrder) check(c *fields, cu Custody) {
	o.n++
	if !cu.From.IsZero() {
		switch {
		case !o.lastFrom.IsZero() && cu.From.Before(o.lastFrom):
			c.errorf("from", "custody period %d starts (%s) before period %d (from %s); list the periods earliest first", o.n, cu.From, o.fromN, o.lastFrom)
		case !o.lastTo.IsZero() && cu.From.Before(o.lastTo):
			c.errorf("from", "custody period %d starts (%s) before period %d ends (%s); a person is held at one place at a time: correct the dates", o.n, cu.From, o.toN, o.lastTo)
		}
		o.lastFrom, o.fromN = cu.From, o.n
	}
	if !cu.To.IsZero() {
		o.lastTo, o.toN = cu.To, o.n
	}
}

// withhold removes every identifying field of an anonymous prisoner, so that
// no later step can publish it. What stays is what the figures and site pages
// need: status, dates, custody periods and the verification level.
func withhold(f *fields, p *Prisoner) {
	for _, part := range strings.Fields(Fold(p.Name)) {
		if len(part) > 2 && strings.Contains(p.Slug, part) {
			f.errs.Addf(Pos{File: p.File}, "the file name of an anonymous prisoner contains their name (%q); rename the file to a neutral slug such as anon-%s", part, "0001")
			break
		}
	}
	p.Name, p.Aliases, p.Gender, p.Nationality, p.Occupation, p.Charges = "", nil, "", nil, "", nil
	p.Summary, p.Body, p.Tags, p.Sources, p.Events = "", Markdown{}, nil, nil, nil
	for i := range p.Custody {
		p.Custody[i].Note = ""
	}
}

func milestones(f *fields) []Milestone {
	var out []Milestone
	for _, e := range f.tables("events") {
		m := Milestone{Date: e.date("date"), Title: e.required("title", `title = "What happened"`), Body: e.markdown("body"), Pos: e.at}
		e.require("date", e.m["date"] != nil, "date = 2026-01-08")
		e.done()
		out = append(out, m)
	}
	return out
}

func decodeStatement(f *fields, r Record) (*Statement, bool) {
	s := &Statement{Record: r}
	publish := common(f, &s.Record, false)
	s.Speaker = f.required("speaker", `speaker = "Name of who said it"`)
	s.Date = f.date("date")
	f.require("date", f.m["date"] != nil, "date = 2026-01-08")
	s.Quote = f.required("quote", `quote = "What was said"`)
	s.Role = f.str("role")
	s.Organization = f.str("organization")
	s.Medium = f.str("medium")
	s.Language = f.str("language")
	if s.Language != "" && !langTag.MatchString(s.Language) {
		f.errorf("language", "language %q is not a language tag; write one such as \"es\" or \"pt-BR\"", s.Language)
		s.Language = ""
	}
	s.Translation = f.str("translation")
	s.Context = f.markdown("context")
	s.Prisoners = f.refs("prisoners", KindPrisoner)
	s.Sites = f.refs("sites", KindSite)
	f.done()
	return s, publish
}

func decodeSite(f *fields, r Record) (*Site, bool) {
	s := &Site{Record: r}
	publish := common(f, &s.Record, false)
	s.Name = f.required("name", `name = "Name of the site"`)
	s.Type = f.str("kind")
	s.Operator = f.str("operator")
	s.City = f.str("city")
	s.State = f.str("state")
	lat, hasLat := f.float("lat")
	lon, hasLon := f.float("lon")
	switch {
	case hasLat != hasLon:
		f.errorf("lat", "give both lat and lon, or neither")
	case hasLat && (lat < -90 || lat > 90):
		f.errorf("lat", "lat %v is not a latitude (-90 to 90)", lat)
	case hasLon && (lon < -180 || lon > 180):
		f.errorf("lon", "lon %v is not a longitude (-180 to 180)", lon)
	default:
		s.Lat, s.Lon, s.HasCoords = lat, lon, hasLat
	}
	s.Status = f.enum("status", SiteStatuses)
	s.Opened = f.date("opened")
	s.Closed = f.date("closed")
	if !s.Opened.IsZero() && !s.Closed.IsZero() && s.Closed.Before(s.Opened) {
		f.errorf("closed", "closed %s is before opened %s", s.Closed, s.Opened)
	}
	s.Events = milestones(f)
	f.done()
	return s, publish
}

func decodeEvent(f *fields, r Record) (*Event, bool) {
	e := &Event{Record: r}
	publish := common(f, &e.Record, false)
	e.Date = f.date("date")
	f.require("date", f.m["date"] != nil, "date = 2026-01-03")
	e.Title = f.required("title", `title = "What happened"`)
	e.Type = f.str("kind")
	e.Prisoners = f.refs("prisoners", KindPrisoner)
	e.Statements = f.refs("statements", KindStatement)
	e.Sites = f.refs("sites", KindSite)
	f.done()
	return e, publish
}

func decodeCount(f *fields, r Record) (*Count, bool) {
	c := &Count{Record: r}
	publish := common(f, &c.Record, false)
	c.Counter = f.required("counter", `counter = "Foro Penal"`)
	c.Measure = f.enum("measure", Measures)
	f.require("measure", f.m["measure"] != nil, `measure = "held" (one of `+strings.Join(Measures, ", ")+")")
	c.AsOf = f.date("as_of")
	f.require("as_of", f.m["as_of"] != nil, "as_of = 2026-01-19")
	c.Since = f.date("since")
	value, hasValue := f.whole("value")
	c.Value = value
	f.require("value", hasValue || f.m["value"] != nil, "value = 777")
	c.Qualifier = f.enum("qualifier", Qualifiers)
	if c.Qualifier == "" {
		c.Qualifier = "exact"
	}
	if b := f.table("breakdown"); b != nil {
		names := make([]string, 0, len(b.m))
		for k := range b.m {
			names = append(names, k)
		}
		slices.SortFunc(names, func(x, y string) int {
			ix, iy := slices.Index(BreakdownParts, x), slices.Index(BreakdownParts, y)
			if ix < 0 {
				ix = len(BreakdownParts)
			}
			if iy < 0 {
				iy = len(BreakdownParts)
			}
			return cmp.Or(cmp.Compare(ix, iy), strings.Compare(x, y))
		})
		for _, k := range names {
			if v, ok := b.whole(k); ok {
				c.Breakdown = append(c.Breakdown, Part{k, v})
			}
		}
		b.done()
	}
	c.Statement = f.ref("statement", KindStatement)
	c.Note = f.markdown("note")
	switch {
	case !c.Since.IsZero() && c.Measure == "held":
		f.errorf("since", "since applies to released and arrests counts; a held count is the number held on as_of, so remove since")
	case !c.Since.IsZero() && !c.AsOf.IsZero() && c.AsOf.Before(c.Since):
		f.errorf("since", "since %s is after as_of %s; a count runs from since to as_of", c.Since, c.AsOf)
	}
	if len(c.Sources) == 0 {
		f.missingf("sources", "a count needs its sources: add a [[sources]] table with the title and url of where the figure was reported")
	}
	if c.Verification == "" {
		f.missingf("verification", "a count needs its verification: add a line such as verification = \"reported\" (one of %s)", strings.Join(Verifications, ", "))
	}
	f.done()
	return c, publish
}
