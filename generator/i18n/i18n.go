// Package i18n holds the words of the site's interface in each language.
//
// Templates and code write their interface text in English, the language
// the templates are written in: {{t "Skip to content"}} in a template,
// Dict.T("Skip to content") in code. A language other than English has a
// file templates/i18n/<lang>.toml that maps each English text to its
// translation:
//
//	"Skip to content" = "Saltar al contenido"
//	"Political prisoners" = "Presos políticos"
//
// Texts with parts to fill name them in braces: "{name} arrested" =
// "Detención de {name}".
//
// One English text may need two translations: "Released" is a status
// ("Libertad plena") and the label of a date ("Excarcelación"). A text may
// then carry a context after a vertical bar, "Released|date", which English
// drops. A text that names a person may be given for each gender, "Named
// in|female" = "Mencionada en", so that languages whose words agree with
// the person can (Dict.G); without a gender the plain text's translation
// is used, which should then read well for anyone ("Aparece en"). Month names ("January") and date patterns
// ("{day} {month} {year}", "{month} {year}") are texts like any other, so
// that dates read as the language writes them, and so are the marks that
// write a number: ",|thousands" = "." and ".|decimal" = ",", so that 48,727
// and 6.5 read 48.727 and 6,5 in Spanish (Number, Decimal).
//
// A text with no translation is an error naming the text and the language,
// never an empty string: Missing lists them, and the build fails on them.
// A language file is checked for every text the code may ask for, not only
// those a given site shows: each package that draws text lists its texts
// (history.Texts, site.Texts, and render's own), and render.New hands them,
// with the words its templates count, to Dict.Check. There is no registry:
// what is checked is what the caller passes.
// The code knows no language by name: adding one is a matter of
// configuration (site.toml) and of translation (its file).
package i18n

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"
)

// Dir is the folder of the translation files, in the site.
const Dir = "templates/i18n"

// A Dict translates English interface text into one language.
type Dict struct {
	Lang  string
	words map[string]string // nil for the language the texts are written in

	mu      sync.Mutex
	missing map[string]bool
}

// English is the language the texts are written in.
const English = "en"

// Load reads the translation file of lang from fsys. English needs none.
func Load(fsys fs.FS, lang string) (*Dict, error) {
	d := &Dict{Lang: lang, missing: make(map[string]bool)}
	if lang == English {
		return d, nil
	}
	name := Dir + "/" + lang + ".toml"
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: missing; every language in site.toml needs its interface texts translated there", name)
	}
	if err != nil {
		return nil, err
	}
	d.words = make(map[string]string)
	if _, err := toml.Decode(string(data), &d.words); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			return nil, fmt.Errorf("%s:%d:%d: %s", name, perr.Position.Line, perr.Position.Col, perr.Message)
		}
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return d, nil
}

// Has reports whether text has a translation (or needs none).
func (d *Dict) Has(text string) bool {
	if d.words == nil {
		return true
	}
	_, ok := d.words[text]
	return ok
}

// T translates text. A missing translation is recorded (see Missing) and
// the English text is returned, so that a build can list every missing
// text before it fails. A context after a vertical bar ("Released|date")
// is part of the text to translate, and never shown.
func (d *Dict) T(text string) string {
	if d.words == nil {
		return english(text)
	}
	if t, ok := d.words[text]; ok && t != "" {
		return t
	}
	d.mu.Lock()
	d.missing[text] = true
	d.mu.Unlock()
	return english(text)
}

// english is text without its context: "Released|date" is "Released".
func english(text string) string {
	if i := strings.IndexByte(text, '|'); i >= 0 {
		return text[:i]
	}
	return text
}

// G translates text said of a person whose gender is gender ("female",
// "male" or "" when the record gives none): the language's "text|female"
// or "text|male" where it has one, else text's own translation.
func (d *Dict) G(text, gender string) string {
	if gender != "" && d.words != nil {
		if t, ok := d.words[text+"|"+gender]; ok && t != "" {
			return t
		}
	}
	return d.T(text)
}

// F translates a text with parts in braces and fills them: F("{name}
// arrested", "name", "Ana").
func (d *Dict) F(text string, pairs ...string) string {
	s := d.T(text)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.ReplaceAll(s, "{"+pairs[i]+"}", pairs[i+1])
	}
	return s
}

// Count writes "1 day" or "3 days", translating each form.
func (d *Dict) Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + d.T(one)
	}
	return d.Number(n) + " " + d.T(many)
}

// Number writes a whole number as the language does, its thousands
// grouped by the language's mark (",|thousands"): 48,727 in English,
// 48.727 in Spanish. Numbers of four digits are grouped too (1,000), as
// the briefing's Spanish style asks (1.000).
func (d *Dict) Number(n int) string { return Group(int64(n), d.T(",|thousands")) }

// Group writes n with mark between its thousands: Group(48727, ",") is
// "48,727". Messages to editors, which are in English, write their
// numbers with it; pages write theirs with Dict.Number.
func Group(n int64, mark string) string {
	if n < 0 {
		return "-" + Group(-n, mark)
	}
	s := strconv.FormatInt(n, 10)
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/3*len(mark))
	head := len(s) % 3
	if head == 0 {
		head = 3
	}
	b.WriteString(s[:head])
	for i := head; i < len(s); i += 3 {
		b.WriteString(mark)
		b.WriteString(s[i : i+3])
	}
	return b.String()
}

// Decimal writes x with one decimal, grouped and marked as the language
// does: 1,234.5 in English, 1.234,5 in Spanish.
func (d *Dict) Decimal(x float64) string {
	tenths := int(math.Round(x * 10))
	sign := ""
	if tenths < 0 {
		sign, tenths = "-", -tenths
	}
	return sign + d.Number(tenths/10) + d.T(".|decimal") + strconv.Itoa(tenths%10)
}

// Check records as missing every one of texts that has no translation,
// and every text the Dict itself asks for (the months and the date
// patterns); MissingError then names them. The caller lists the texts its
// code may ask for (each package that draws text says which, as
// history.Texts does), so that a language file is checked for them all
// when it is loaded, not only for those a given site happens to show.
func (d *Dict) Check(texts ...string) {
	for _, t := range ownTexts {
		d.T(t)
	}
	for _, t := range texts {
		d.T(t)
	}
}

// Missing lists the texts asked for that have no translation, sorted.
func (d *Dict) Missing() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for t := range d.missing {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}

// MissingError is an error naming every missing text, one error (and one
// line) per text joined with errors.Join, or nil.
func (d *Dict) MissingError() error {
	m := d.Missing()
	if len(m) == 0 {
		return nil
	}
	errs := make([]error, len(m))
	for i, t := range m {
		errs[i] = fmt.Errorf("%s/%s.toml: no translation of %q into %s; add a line %q = \"...\"", Dir, d.Lang, t, d.Lang, t)
	}
	return errors.Join(errs...)
}

// ownTexts are the texts the Dict itself asks for, in Date, Month,
// Number and Decimal.
var ownTexts = append(months[:len(months):len(months)], "{day} {month} {year}", "{month} {year}", ",|thousands", ".|decimal")

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// Date writes a date at its precision as the language does: "9 February
// 2024" / "9 de febrero de 2024", "February 2024" / "febrero de 2024".
// year, month and day are the date's parts; precision is 1 (year), 2
// (month) or 3 (day).
func (d *Dict) Date(year int, month time.Month, day int, precision int) string {
	switch precision {
	case 1:
		return strconv.Itoa(year)
	case 2:
		return d.F("{month} {year}", "month", d.T(months[month-1]), "year", strconv.Itoa(year))
	case 3:
		return d.F("{day} {month} {year}", "month", d.T(months[month-1]), "day", strconv.Itoa(day), "year", strconv.Itoa(year))
	}
	return ""
}

// Month names a month: "February" / "febrero".
func (d *Dict) Month(m time.Month) string { return d.T(months[m-1]) }
