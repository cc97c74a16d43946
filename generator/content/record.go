package content

import (
	"regexp"
	"strings"
)

// A Kind is a kind of record; each has a folder under content/.
type Kind string

const (
	KindBrief     Kind = "brief"
	KindPage      Kind = "page"
	KindPrisoner  Kind = "prisoner"
	KindStatement Kind = "statement"
	KindSite      Kind = "site"
	KindEvent     Kind = "event"
	KindCount     Kind = "count"
)

// Kinds lists every kind, in the order the site presents them.
var Kinds = []Kind{KindBrief, KindPrisoner, KindStatement, KindSite, KindEvent, KindCount, KindPage}

// Dir is the kind's folder under content/, which is also its URL segment.
func (k Kind) Dir() string { return string(k) + "s" }

// Markdown marks a text as Markdown and keeps where it starts, so that an
// error inside it can name its line. Its text may be kept on disk while a
// build runs (see Text).
type Markdown struct {
	Text Text
	Pos  Pos
}

// A Ref names another record by kind and slug, with where it was written.
type Ref struct {
	Kind Kind
	Slug string
	Pos  Pos
}

// A Source backs the claims of a record.
type Source struct {
	Title     string
	URL       string
	Publisher string
	Date      Date
	Archive   string // URL of an archived copy
}

// Record holds the fields common to every kind.
type Record struct {
	Kind         Kind
	Slug         string
	Lang         string // the language the record is written in
	File         string // path under the site folder: content/prisoners/x.toml
	Summary      string // plain text
	Body         Markdown
	Tags         []string
	Draft        bool
	Updated      Date
	Sources      []Source
	Verification string // confirmed, reported, unverified or ""
	Anonymous    bool   // only prisoners: name and identifying fields withheld
}

// Meta returns the common fields; it lets code handle any kind.
func (r *Record) Meta() *Record { return r }

// A Brief is a dated piece of analysis written in Markdown.
type Brief struct {
	Record
	Title      string
	Date       Date
	Authors    []string
	Prisoners  []Ref
	Statements []Ref
	Sites      []Ref
}

// A Page is a standing page such as about or methodology.
type Page struct {
	Record
	Title string
	Date  Date
}

// Prisoner statuses.
var PrisonerStatuses = []string{"detained", "disappeared", "house_arrest", "conditionally_released", "released", "exiled", "deceased"}

// Genders are the values of a prisoner's optional gender field. It is
// there only so that languages which agree words with a person ("Mencionada
// en") can; it is identifying, so an anonymous prisoner loses it.
var Genders = []string{"female", "male"}

// A Prisoner is one person deprived of liberty for political reasons.
type Prisoner struct {
	Record
	Name        string // "" when Anonymous
	Status      string
	Aliases     []string
	Gender      string // "", "female" or "male"; "" when Anonymous
	Nationality []string
	Occupation  string
	Arrested    Date
	Released    Date
	Died        Date // with Status "deceased"; in custody when Released is zero
	Charges     []string
	Custody     []Custody
	Events      []Milestone
}

// DiedInCustody says whether the person died deprived of liberty: a date
// of death and no release before it.
func (p *Prisoner) DiedInCustody() bool { return !p.Died.IsZero() && p.Released.IsZero() }

// CustodyEnd is when the person's deprivation of liberty ended: the
// release, or the death in custody; zero when neither is known.
func (p *Prisoner) CustodyEnd() Date {
	if p.DiedInCustody() {
		return p.Died
	}
	return p.Released
}

// Custody is a period a prisoner spent at one detention site.
type Custody struct {
	Site     Ref
	From, To Date
	Note     string
	Pos      Pos
}

// A Milestone is a dated event in the history of a prisoner or a site.
type Milestone struct {
	Date  Date
	Title string
	Body  Markdown
	Pos   Pos
}

// A Statement is something an official or organisation said.
type Statement struct {
	Record
	Speaker      string
	Date         Date
	Quote        string
	Role         string
	Organization string
	Medium       string
	Language     string // language of Quote, a BCP 47 tag such as "es"
	Translation  string
	Context      Markdown
	Prisoners    []Ref
	Sites        []Ref
}

// Site statuses.
var SiteStatuses = []string{"operating", "closure_announced", "closed"}

// A Site is a place of detention.
type Site struct {
	Record
	Name      string
	Type      string // the TOML key "kind": prison, police station...
	Operator  string
	City      string
	State     string
	Lat, Lon  float64
	HasCoords bool
	Status    string
	Opened    Date
	Closed    Date
	Events    []Milestone
}

// An Event is a dated event that belongs to no other record.
type Event struct {
	Record
	Date       Date
	Title      string
	Type       string // the TOML key "kind": election, announcement...
	Prisoners  []Ref
	Statements []Ref
	Sites      []Ref
}

// Count measures: what a count counts.
var Measures = []string{"held", "released", "arrests"}

// Count qualifiers: how the counter gave the number.
var Qualifiers = []string{"exact", "at_least", "about"}

// BreakdownParts are the usual parts of a count's [breakdown], in the order
// they are shown; a counter's other parts follow them, by name.
var BreakdownParts = []string{"men", "women", "civilians", "military", "foreigners", "minors", "rights_defenders", "whereabouts_unknown"}

// PartNames are the English words for the usual parts of a breakdown, as
// pages and changes write them: interface texts, which each language
// translates.
var PartNames = map[string]string{
	"men": "men", "women": "women", "civilians": "civilians", "military": "military",
	"foreigners": "foreigners", "minors": "minors", "rights_defenders": "human rights defenders",
	"whereabouts_unknown": "whereabouts unknown",
}

// PartName is the name of a part of a breakdown: one of PartNames (usual
// is true: translate it), or a counter's own part as written, with spaces
// for its underscores.
func PartName(key string) (name string, usual bool) {
	if n, ok := PartNames[key]; ok {
		return n, true
	}
	return strings.ReplaceAll(key, "_", " "), false
}

// A Count is a figure that someone reported, kept with who reported it and
// never merged with anyone else's.
type Count struct {
	Record
	Counter   string // who counted: "Foro Penal", "Government of Venezuela"
	Measure   string // held, released or arrests
	AsOf      Date   // the date the figure is current to
	Since     Date   // for released and arrests: counted from this date
	Value     int
	Qualifier string // exact, at_least or about
	Breakdown []Part // in BreakdownParts order, then by name
	Statement Ref    // the statement that announced it, if any
	Note      Markdown
}

// A Part is one named part of a count's breakdown.
type Part struct {
	Name  string
	Value int
}

// Verification levels.
var Verifications = []string{"confirmed", "reported", "unverified"}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// ValidSlug reports whether s may name a record.
func ValidSlug(s string) bool { return slugRE.MatchString(s) }

// Slug makes a slug from a name or title: folded, its letters and digits
// joined by hyphens, at most maxWords words (all of them when 0).
func Slug(s string, maxWords int) string {
	words := strings.FieldsFunc(Fold(s), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	if maxWords > 0 && len(words) > maxWords {
		words = words[:maxWords]
	}
	return strings.Join(words, "-")
}
