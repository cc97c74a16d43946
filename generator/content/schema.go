package content

import "slices"

// This file is the one description of the content format: the keys of
// each kind, with their types, whether they are required and what they
// mean. The decoder (kinds.go) reads exactly these keys, and a test holds
// it to them; new's templates and import's columns are made from them;
// the data files and the README's field tables are tested against them.
// A key added here and nowhere else, or anywhere else and not here, fails
// a test.

// A FieldType is the type of a key's value, as written in TOML.
type FieldType int

const (
	StringField FieldType = iota // a string: "..."
	TextField                    // Markdown, in a string (often """...""")
	ListField                    // a list of strings: ["a", "b"]
	DateField                    // 2024-02-09, "2024-02" or "2024"
	NumberField                  // a number: 10.4894
	WholeField                   // a whole number, 0 or more: 777
	BoolField                    // true or false
	EnumField                    // one of Field.Values
	RefField                     // the slug of a record of Field.Ref
	RefsField                    // a list of slugs of records of Field.Ref
	TablesField                  // tables, one per item: [[key]], with Field.Fields
	TableField                   // a table of any keys: [key]
)

var fieldTypeNames = [...]string{"string", "Markdown", "list of strings", "date", "number", "whole number", "true/false", "one of", "slug", "list of slugs", "tables", "table"}

func (t FieldType) String() string { return fieldTypeNames[t] }

// A Field is one key of a kind's records.
type Field struct {
	Key      string
	Type     FieldType
	Required bool
	Values   []string  // EnumField: the values allowed
	Ref      Kind      // RefField, RefsField: the kind of record named
	Fields   []Field   // TablesField: the keys of each table
	Item     FieldType // TableField: the type of each value
	Example  string    // a valid value, as written in TOML
	Doc      string    // what it means, in a few words
}

// A KindSchema describes a kind of record: what it is and its keys.
type KindSchema struct {
	Kind   Kind
	Doc    string   // what one record is, in a sentence
	Fields []Field  // in the order a template lists them
	Naming []string // the keys import makes a slug from, when none is given
}

// Field returns the field with a key, or nil.
func (s KindSchema) Field(key string) *Field {
	for i := range s.Fields {
		if s.Fields[i].Key == key {
			return &s.Fields[i]
		}
	}
	return nil
}

var (
	sourceFields = []Field{
		{Key: "title", Type: StringField, Required: true, Example: `"Headline of the report"`, Doc: "the source's title"},
		{Key: "url", Type: StringField, Required: true, Example: `"https://example.org/report"`, Doc: "its address, starting with https://"},
		{Key: "publisher", Type: StringField, Example: `"El Pitazo"`, Doc: "who published it"},
		{Key: "date", Type: DateField, Example: "2026-01-08", Doc: "when"},
		{Key: "archive", Type: StringField, Example: `"https://web.archive.org/web/2026/https://example.org/report"`, Doc: "the address of an archived copy"},
	}
	milestoneFields = []Field{
		{Key: "date", Type: DateField, Required: true, Example: "2024-02-12", Doc: "when it happened"},
		{Key: "title", Type: StringField, Required: true, Example: `"Brought before a court"`, Doc: "what happened, in a line"},
		{Key: "body", Type: TextField, Example: `"More, in Markdown."`, Doc: "more, in Markdown"},
	}
)

// commonFields are the fields every kind has, but those noted. body is a key of
// the TOML kinds only: a brief's or page's body is its Markdown.
func commonFields(kind Kind) []Field {
	out := []Field{{Key: "summary", Type: StringField, Example: `"One or two sentences."`, Doc: "one or two sentences of plain text, shown in lists and as the page's description"}}
	if kind != KindBrief && kind != KindPage {
		out = append(out, Field{Key: "body", Type: TextField, Example: `"""
Markdown. Link other records: [](site:el-helicoide).
"""`, Doc: "the record's text, in Markdown"})
	}
	out = append(out,
		Field{Key: "tags", Type: ListField, Example: `["lawyers"]`, Doc: "a list of words to group records by"},
		Field{Key: "verification", Type: EnumField, Values: Verifications, Required: kind == KindCount, Example: `"reported"`, Doc: "confirmed (two independent sources), reported (one), unverified"},
		Field{Key: "updated", Type: DateField, Example: "2026-01-09", Doc: `the date of the last revision, shown as "Last updated"`},
		Field{Key: "draft", Type: BoolField, Example: "true", Doc: "left out of the site unless built with -drafts"},
		Field{Key: "publish", Type: BoolField, Example: "false", Doc: "false keeps the record out of every output"},
	)
	if kind == KindPrisoner {
		out = append(out, Field{Key: "anonymous", Type: BoolField, Example: "true", Doc: `shown as "Name withheld"; the file name must not hold the name`})
	}
	return out
}

// closingFields are the tables every kind ends with. A count must have
// its sources: a number without its source is not published.
func closingFields(kind Kind) []Field {
	return []Field{
		{Key: "sources", Type: TablesField, Required: kind == KindCount, Fields: sourceFields, Doc: "one table per source: every claim needs one"},
		{Key: "private", Type: TableField, Item: StringField, Example: `notes = ""`, Doc: "notes for editors only, of any keys: never published"},
	}
}

// Schemas describes every kind, in the order of Kinds.
var Schemas = []KindSchema{
	{Kind: KindBrief, Doc: "A brief: TOML front matter between the +++ lines, then Markdown.", Fields: slices.Concat([]Field{
		{Key: "title", Type: StringField, Required: true, Example: `"Title of the brief"`, Doc: "the headline"},
		{Key: "date", Type: DateField, Required: true, Example: "2026-01-01", Doc: "the date of publication"},
		{Key: "authors", Type: ListField, Example: `["Name"]`, Doc: "who wrote it"},
		{Key: "prisoners", Type: RefsField, Ref: KindPrisoner, Example: `["rocio-san-miguel"]`, Doc: "slugs of the people it is about"},
		{Key: "statements", Type: RefsField, Ref: KindStatement, Example: `["foro-penal-2025-12-29"]`, Doc: "slugs of the statements it discusses"},
		{Key: "sites", Type: RefsField, Ref: KindSite, Example: `["el-helicoide"]`, Doc: "slugs of the places it concerns"},
	}, commonFields(KindBrief), closingFields(KindBrief)), Naming: []string{"title"}},
	{Kind: KindPrisoner, Doc: "A person deprived of liberty for political reasons.", Fields: slices.Concat([]Field{
		{Key: "name", Type: StringField, Required: true, Example: `"Full Name"`, Doc: "the person's name as the press writes it"},
		{Key: "status", Type: EnumField, Required: true, Values: PrisonerStatuses, Example: `"detained"`, Doc: "where they stand now"},
		{Key: "aliases", Type: ListField, Example: `["Nickname"]`, Doc: "other names"},
		{Key: "gender", Type: EnumField, Values: Genders, Example: `"female"`, Doc: "female or male, only to agree words in languages that need it (\"Mencionada en\")"},
		{Key: "nationality", Type: ListField, Example: `["Venezuelan"]`, Doc: "one or more"},
		{Key: "occupation", Type: StringField, Example: `"Lawyer"`, Doc: "what they do"},
		{Key: "arrested", Type: DateField, Example: `"2024-02"`, Doc: "the date of the arrest"},
		{Key: "released", Type: DateField, Example: "2026-01-08", Doc: "the date of the release; not before arrested"},
		{Key: "died", Type: DateField, Example: "2026-01-10", Doc: `the date of death, with status = "deceased"; in custody unless released is before it`},
		{Key: "charges", Type: ListField, Example: `["treason"]`, Doc: "the charges brought"},
	}, commonFields(KindPrisoner), []Field{
		{Key: "custody", Type: TablesField, Doc: "one table per place of detention, earliest first", Fields: []Field{
			{Key: "site", Type: RefField, Ref: KindSite, Required: true, Example: `"el-helicoide"`, Doc: "a slug in content/sites/"},
			{Key: "from", Type: DateField, Example: `"2024-02"`, Doc: "when they were brought there"},
			{Key: "to", Type: DateField, Example: "2026-01-08", Doc: "when they left; not after the release"},
			{Key: "note", Type: StringField, Example: `"transferred after a hearing"`, Doc: "a note on the stay"},
		}},
		{Key: "events", Type: TablesField, Fields: milestoneFields, Doc: "dated events in the person's history"},
	}, closingFields(KindPrisoner)), Naming: []string{"name"}},
	{Kind: KindStatement, Doc: "A statement by an official or an organisation.", Fields: slices.Concat([]Field{
		{Key: "speaker", Type: StringField, Required: true, Example: `"Who said it"`, Doc: "the person or organisation"},
		{Key: "date", Type: DateField, Required: true, Example: "2026-01-01", Doc: `when it was said; "2026-01" when only the month is known`},
		{Key: "quote", Type: StringField, Required: true, Example: `"What was said, word for word."`, Doc: "what was said, word for word"},
		{Key: "role", Type: StringField, Example: `"President of the National Assembly"`, Doc: "the speaker's office"},
		{Key: "organization", Type: StringField, Example: `"National Assembly of Venezuela"`, Doc: "the speaker's organisation"},
		{Key: "medium", Type: StringField, Example: `"State television"`, Doc: "where it was said"},
		{Key: "language", Type: StringField, Example: `"es"`, Doc: "the quote's language, if not the site's"},
		{Key: "translation", Type: StringField, Example: `"A translation."`, Doc: "a translation of a quote in another language"},
		{Key: "context", Type: TextField, Example: `"What led to it, in Markdown."`, Doc: "what led to it, in Markdown"},
		{Key: "prisoners", Type: RefsField, Ref: KindPrisoner, Example: `["rocio-san-miguel"]`, Doc: "slugs of the people it concerns"},
		{Key: "sites", Type: RefsField, Ref: KindSite, Example: `["el-helicoide"]`, Doc: "slugs of the places it concerns"},
	}, commonFields(KindStatement), closingFields(KindStatement)), Naming: []string{"speaker"}},
	{Kind: KindSite, Doc: "A place of detention.", Fields: slices.Concat([]Field{
		{Key: "name", Type: StringField, Required: true, Example: `"Name of the site"`, Doc: "its name"},
		{Key: "kind", Type: StringField, Example: `"prison"`, Doc: `"prison", "police station", "intelligence headquarters"`},
		{Key: "operator", Type: StringField, Example: `"Bolivarian National Intelligence Service (SEBIN)"`, Doc: "who runs it"},
		{Key: "city", Type: StringField, Example: `"Caracas"`, Doc: "its city"},
		{Key: "state", Type: StringField, Example: `"Distrito Capital"`, Doc: "its state"},
		{Key: "lat", Type: NumberField, Example: "10.4894", Doc: "latitude; give both lat and lon, or neither"},
		{Key: "lon", Type: NumberField, Example: "-66.9099", Doc: "longitude"},
		{Key: "status", Type: EnumField, Values: SiteStatuses, Example: `"operating"`, Doc: "whether it still holds people"},
		{Key: "opened", Type: DateField, Example: `"1984"`, Doc: "when it opened"},
		{Key: "closed", Type: DateField, Example: "2026-02-01", Doc: "when it closed; not before opened"},
	}, commonFields(KindSite), []Field{
		{Key: "events", Type: TablesField, Fields: milestoneFields, Doc: "dated events in the site's history"},
	}, closingFields(KindSite)), Naming: []string{"name"}},
	{Kind: KindEvent, Doc: "A dated event that belongs to no other record: it appears on the timeline.", Fields: slices.Concat([]Field{
		{Key: "date", Type: DateField, Required: true, Example: "2026-01-01", Doc: `when; "2026-01" or "2026" when only the month or year is known`},
		{Key: "title", Type: StringField, Required: true, Example: `"What happened"`, Doc: "what happened, in a line"},
		{Key: "kind", Type: StringField, Example: `"announcement"`, Doc: `"election", "announcement", "count"`},
		{Key: "prisoners", Type: RefsField, Ref: KindPrisoner, Example: `["rocio-san-miguel"]`, Doc: "slugs of the people it concerns"},
		{Key: "statements", Type: RefsField, Ref: KindStatement, Example: `["foro-penal-2025-12-29"]`, Doc: "slugs of the statements it concerns"},
		{Key: "sites", Type: RefsField, Ref: KindSite, Example: `["el-helicoide"]`, Doc: "slugs of the places it concerns"},
	}, commonFields(KindEvent), closingFields(KindEvent)), Naming: []string{"title"}},
	{Kind: KindCount, Doc: "A figure that someone reported, kept with who reported it and never merged with anyone else's.", Fields: slices.Concat([]Field{
		{Key: "counter", Type: StringField, Required: true, Example: `"Foro Penal"`, Doc: "who counted"},
		{Key: "measure", Type: EnumField, Required: true, Values: Measures, Example: `"released"`, Doc: "held: people held on as_of; released: releases from since to as_of; arrests: arrests from since"},
		{Key: "as_of", Type: DateField, Required: true, Example: "2026-01-19", Doc: "the date the figure is current to"},
		{Key: "value", Type: WholeField, Required: true, Example: "863", Doc: "the figure"},
		{Key: "since", Type: DateField, Example: "2026-01-08", Doc: "for released and arrests: counted from this date"},
		{Key: "qualifier", Type: EnumField, Values: Qualifiers, Example: `"at_least"`, Doc: "how the counter gave it (default exact)"},
		{Key: "statement", Type: RefField, Ref: KindStatement, Example: `"foro-penal-2025-12-29"`, Doc: "the statement that announced it"},
		{Key: "note", Type: TextField, Example: `"How it was counted, in Markdown."`, Doc: "a note, in Markdown"},
	}, commonFields(KindCount), []Field{
		{Key: "breakdown", Type: TableField, Item: WholeField, Example: "women = 87", Doc: "named parts of the figure: men, women, civilians, military, foreigners, minors, rights_defenders, whereabouts_unknown, or the counter's own"},
	}, closingFields(KindCount)), Naming: []string{"counter", "measure", "as_of"}},
	{Kind: KindPage, Doc: "A standing page such as about or methodology: TOML front matter, then Markdown.", Fields: slices.Concat([]Field{
		{Key: "title", Type: StringField, Required: true, Example: `"Title of the page"`, Doc: "the page's heading"},
		{Key: "date", Type: DateField, Example: "2026-01-01", Doc: "the date it was written"},
	}, commonFields(KindPage), closingFields(KindPage)), Naming: []string{"title"}},
}

// SchemaOf returns the description of a kind.
func SchemaOf(k Kind) KindSchema {
	for _, s := range Schemas {
		if s.Kind == k {
			return s
		}
	}
	panic("content: no schema for kind " + string(k))
}
