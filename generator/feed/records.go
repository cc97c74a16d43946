package feed

import (
	"iter"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// The records of data/*.json: every published record with the fields the
// pages show, its page's URL and its sources. Dates are ISO 8601 at their
// precision ("2024", "2024-02", "2024-02-09"); a field with no value is
// left out.

type source struct {
	Title     string `json:"title"`
	URL       string `json:"url"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	Archive   string `json:"archive,omitempty"`
}

func sources(list []content.Source) []source {
	out := []source{}
	for _, s := range list {
		out = append(out, source{s.Title, s.URL, s.Publisher, s.Date.String(), s.Archive})
	}
	return out
}

type stay struct {
	Site string `json:"site"`
	URL  string `json:"url"`
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	Days int    `json:"days_at_least,omitempty"`
	Note string `json:"note,omitempty"`
}

type dated struct {
	Date  string `json:"date"`
	Title string `json:"title"`
}

type prisoner struct {
	Slug         string   `json:"slug"`
	URL          string   `json:"url"`
	Name         string   `json:"name"`
	Anonymous    bool     `json:"anonymous,omitempty"`
	Status       string   `json:"status"`
	Aliases      []string `json:"aliases,omitempty"`
	Nationality  []string `json:"nationality,omitempty"`
	Occupation   string   `json:"occupation,omitempty"`
	Arrested     string   `json:"arrested,omitempty"`
	Released     string   `json:"released,omitempty"`
	Died         string   `json:"died,omitempty"`
	Days         int      `json:"days_in_custody_at_least,omitempty"`
	Charges      []string `json:"charges,omitempty"`
	Custody      []stay   `json:"custody,omitempty"`
	Events       []dated  `json:"events,omitempty"`
	Summary      string   `json:"summary,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	Verification string   `json:"verification,omitempty"`
	Sources      []source `json:"sources"`
	Updated      string   `json:"updated"`
}

func prisoners(s *site.Site) iter.Seq[prisoner] {
	return func(yield func(prisoner) bool) {
		for _, p := range s.Prisoners {
			r := prisoner{
				Slug: p.Slug, URL: abs(s, p.URL), Name: p.Label(), Anonymous: p.Anonymous, Status: p.Status,
				Aliases: p.Aliases, Nationality: p.Nationality, Occupation: p.Occupation,
				Arrested: p.Arrested.String(), Released: p.Released.String(), Died: p.Died.String(), Days: p.Days, Charges: p.Charges,
				Summary: p.Summary, Tags: p.Tags, Verification: p.Verification, Sources: sources(p.Sources), Updated: p.Updated.String(),
			}
			for _, c := range p.Custody {
				r.Custody = append(r.Custody, stay{c.Site.Slug, abs(s, c.Site.URL), c.From.String(), c.To.String(), c.Days, c.Note})
			}
			for _, m := range p.Events {
				r.Events = append(r.Events, dated{m.Date.String(), m.Title})
			}
			if !yield(r) {
				return
			}
		}
	}
}

type statement struct {
	Slug         string   `json:"slug"`
	URL          string   `json:"url"`
	Speaker      string   `json:"speaker"`
	Role         string   `json:"role,omitempty"`
	Organization string   `json:"organization,omitempty"`
	Medium       string   `json:"medium,omitempty"`
	Date         string   `json:"date"`
	Quote        string   `json:"quote"`
	Language     string   `json:"language,omitempty"`
	Translation  string   `json:"translation,omitempty"`
	Summary      string   `json:"summary,omitempty"`
	Prisoners    []string `json:"prisoners,omitempty"`
	Sites        []string `json:"sites,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	Verification string   `json:"verification,omitempty"`
	Sources      []source `json:"sources"`
	Updated      string   `json:"updated"`
}

func statements(s *site.Site) iter.Seq[statement] {
	return func(yield func(statement) bool) {
		for _, v := range s.Statements {
			if !yield(statement{
				Slug: v.Slug, URL: abs(s, v.URL), Speaker: v.Speaker, Role: v.Role, Organization: v.Organization,
				Medium: v.Medium, Date: v.Date.String(), Quote: v.Quote, Language: v.Language, Translation: v.Translation,
				Summary: v.Summary, Prisoners: slugs(v.Prisoners), Sites: slugs(v.Sites), Tags: v.Tags,
				Verification: v.Verification, Sources: sources(v.Sources), Updated: v.Updated.String(),
			}) {
				return
			}
		}
	}
}

type detentionSite struct {
	Slug         string   `json:"slug"`
	URL          string   `json:"url"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind,omitempty"`
	Operator     string   `json:"operator,omitempty"`
	City         string   `json:"city,omitempty"`
	State        string   `json:"state,omitempty"`
	Lat          *float64 `json:"lat,omitempty"`
	Lon          *float64 `json:"lon,omitempty"`
	Status       string   `json:"status,omitempty"`
	Opened       string   `json:"opened,omitempty"`
	Closed       string   `json:"closed,omitempty"`
	Summary      string   `json:"summary,omitempty"`
	PeopleHeld   int      `json:"people_documented"`
	Events       []dated  `json:"events,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	Verification string   `json:"verification,omitempty"`
	Sources      []source `json:"sources"`
	Updated      string   `json:"updated"`
}

func sites(s *site.Site) []detentionSite {
	out := []detentionSite{}
	for _, v := range s.Sites {
		r := detentionSite{
			Slug: v.Slug, URL: abs(s, v.URL), Name: v.Name, Kind: v.Type, Operator: v.Operator, City: v.City,
			State: v.State, Status: v.Status, Opened: v.Opened.String(), Closed: v.Closed.String(), Summary: v.Summary,
			PeopleHeld: heldCount(v), Tags: v.Tags, Verification: v.Verification, Sources: sources(v.Sources), Updated: v.Updated.String(),
		}
		if v.HasCoords {
			r.Lat, r.Lon = &v.Lat, &v.Lon
		}
		for _, m := range v.Events {
			r.Events = append(r.Events, dated{m.Date.String(), m.Title})
		}
		out = append(out, r)
	}
	return out
}

// heldCount counts the people documented at a site, each once.
func heldCount(v *site.DetentionSite) int {
	seen := make(map[string]bool)
	for _, st := range v.Held {
		seen[st.Prisoner.Slug] = true
	}
	return len(seen)
}

type event struct {
	Slug         string   `json:"slug"`
	URL          string   `json:"url"`
	Date         string   `json:"date"`
	Title        string   `json:"title"`
	Kind         string   `json:"kind,omitempty"`
	Summary      string   `json:"summary,omitempty"`
	Prisoners    []string `json:"prisoners,omitempty"`
	Statements   []string `json:"statements,omitempty"`
	Sites        []string `json:"sites,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	Verification string   `json:"verification,omitempty"`
	Sources      []source `json:"sources"`
	Updated      string   `json:"updated"`
}

func events(s *site.Site) []event {
	out := []event{}
	for _, v := range s.Events {
		out = append(out, event{
			Slug: v.Slug, URL: abs(s, v.URL), Date: v.Date.String(), Title: v.Title, Kind: v.Type, Summary: v.Summary,
			Prisoners: slugs(v.Prisoners), Statements: slugs(v.Statements), Sites: slugs(v.Sites), Tags: v.Tags,
			Verification: v.Verification, Sources: sources(v.Sources), Updated: v.Updated.String(),
		})
	}
	return out
}

type brief struct {
	Slug         string   `json:"slug"`
	URL          string   `json:"url"`
	Title        string   `json:"title"`
	Date         string   `json:"date"`
	Authors      []string `json:"authors,omitempty"`
	Summary      string   `json:"summary,omitempty"`
	Prisoners    []string `json:"prisoners,omitempty"`
	Statements   []string `json:"statements,omitempty"`
	Sites        []string `json:"sites,omitempty"`
	Tags         []string `json:"tags,omitempty"`
	Verification string   `json:"verification,omitempty"`
	Sources      []source `json:"sources"`
	Updated      string   `json:"updated"`
}

func briefs(s *site.Site) []brief {
	out := []brief{}
	for _, v := range s.Briefs {
		out = append(out, brief{
			Slug: v.Slug, URL: abs(s, v.URL), Title: v.Title, Date: v.Date.String(), Authors: v.Authors, Summary: v.Summary,
			Prisoners: slugs(v.Prisoners), Statements: slugs(v.Statements), Sites: slugs(v.Sites), Tags: v.Tags,
			Verification: v.Verification, Sources: sources(v.Sources), Updated: v.Updated.String(),
		})
	}
	return out
}

type count struct {
	Slug         string         `json:"slug"`
	URL          string         `json:"url"`
	Counter      string         `json:"counter"`
	Government   bool           `json:"government,omitempty"`
	Measure      string         `json:"measure"`
	AsOf         string         `json:"as_of"`
	Since        string         `json:"since,omitempty"`
	Value        int            `json:"value"`
	Qualifier    string         `json:"qualifier"`
	Breakdown    map[string]int `json:"breakdown,omitempty"`
	Statement    string         `json:"statement,omitempty"`
	Summary      string         `json:"summary,omitempty"`
	Tags         []string       `json:"tags,omitempty"`
	Verification string         `json:"verification,omitempty"`
	Sources      []source       `json:"sources"`
	Updated      string         `json:"updated"`
}

func counts(s *site.Site) []count {
	out := []count{}
	for _, v := range s.Counts {
		c := count{
			Slug: v.Slug, URL: abs(s, v.URL), Counter: v.Counter, Government: v.Government(), Measure: v.Measure,
			AsOf: v.AsOf.String(), Since: v.Since.String(), Value: v.Value, Qualifier: v.Qualifier, Summary: v.Summary, Tags: v.Tags,
			Verification: v.Verification, Sources: sources(v.Sources), Updated: v.Updated.String(),
		}
		if v.Statement != nil {
			c.Statement = v.Statement.Slug
		}
		if len(v.Breakdown) > 0 {
			c.Breakdown = make(map[string]int, len(v.Breakdown))
			for _, p := range v.Breakdown {
				c.Breakdown[p.Name] = p.Value
			}
		}
		out = append(out, c)
	}
	return out
}

// slugs lists the slugs of resolved records.
func slugs[T interface{ Link() site.Link }](list []T) []string {
	var out []string
	for _, v := range list {
		l := v.Link()
		out = append(out, lastSegment(l.URL))
	}
	return out
}

// lastSegment is the slug at the end of a record URL: "prisoners/x/" -> "x".
func lastSegment(u string) string {
	u = u[:len(u)-1]
	for i := len(u) - 1; i >= 0; i-- {
		if u[i] == '/' {
			return u[i+1:]
		}
	}
	return u
}
