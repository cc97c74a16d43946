package feed

import (
	"bytes"
	"encoding/csv"
	"iter"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/presos-politicos/briefing/generator/site"
)

// The CSV files are for spreadsheets: UTF-8 with a byte-order mark (so
// that Excel reads the accents), a header row, one record a row, lists
// joined with "; ". A cell that a spreadsheet would read as a formula (it
// starts with =, +, -, @, a tab or a carriage return) is prefixed with an
// apostrophe, so that a hostile record cannot run one.

func writeCSV(s *site.Site, w *partWriter) error {
	files := map[string]iter.Seq[[]string]{
		"data/prisoners.csv":  prisonersCSV(s),
		"data/statements.csv": statementsCSV(s),
		"data/sites.csv":      sitesCSV(s),
		"data/counts.csv":     countsCSV(s),
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	// row encodes one row, each cell neutralised.
	row := func(cells []string) ([]byte, error) {
		buf.Reset()
		for i, cell := range cells {
			cells[i] = Cell(cell)
		}
		if err := cw.Write(cells); err != nil {
			return nil, err
		}
		cw.Flush()
		return buf.Bytes(), cw.Error()
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		var f *partFile
		for cells := range files[name] {
			data, err := row(cells)
			if err != nil {
				return err
			}
			if f == nil {
				// Each part starts as the whole file does: the byte-order
				// mark and the header row.
				head := "\ufeff" + string(data)
				f = w.begin(name, head, "", "", head, 0)
				continue
			}
			if err := f.add(data); err != nil {
				return err
			}
		}
		if _, err := f.close(); err != nil {
			return err
		}
	}
	return nil
}

// Cell neutralises a cell a spreadsheet would run as a formula.
func Cell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func list(items []string) string { return strings.Join(items, "; ") }

func sourceURLs(ss []source) string {
	var urls []string
	for _, s := range ss {
		urls = append(urls, s.URL)
	}
	return list(urls)
}

func itoa(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func prisonersCSV(s *site.Site) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		if !yield([]string{"slug", "url", "name", "status", "arrested", "released", "died", "days_in_custody_at_least", "nationality", "occupation", "charges", "last_known_site", "verification", "sources", "updated"}) {
			return
		}
		for p := range prisoners(s) {
			last := ""
			if n := len(p.Custody); n > 0 {
				last = p.Custody[n-1].Site
			}
			if !yield([]string{p.Slug, p.URL, p.Name, p.Status, p.Arrested, p.Released, p.Died, itoa(p.Days), list(p.Nationality), p.Occupation, list(p.Charges), last, p.Verification, sourceURLs(p.Sources), p.Updated}) {
				return
			}
		}
	}
}

func statementsCSV(s *site.Site) iter.Seq[[]string] {
	return func(yield func([]string) bool) {
		if !yield([]string{"slug", "url", "date", "speaker", "role", "organization", "medium", "language", "quote", "translation", "prisoners", "sites", "verification", "sources", "updated"}) {
			return
		}
		for v := range statements(s) {
			if !yield([]string{v.Slug, v.URL, v.Date, v.Speaker, v.Role, v.Organization, v.Medium, v.Language, v.Quote, v.Translation, list(v.Prisoners), list(v.Sites), v.Verification, sourceURLs(v.Sources), v.Updated}) {
				return
			}
		}
	}
}

func sitesCSV(s *site.Site) iter.Seq[[]string] {
	rows := [][]string{{"slug", "url", "name", "kind", "operator", "city", "state", "lat", "lon", "status", "opened", "closed", "people_documented", "verification", "sources", "updated"}}
	for _, v := range sites(s) {
		lat, lon := "", ""
		if v.Lat != nil {
			lat, lon = strconv.FormatFloat(*v.Lat, 'f', -1, 64), strconv.FormatFloat(*v.Lon, 'f', -1, 64)
		}
		rows = append(rows, []string{v.Slug, v.URL, v.Name, v.Kind, v.Operator, v.City, v.State, lat, lon, v.Status, v.Opened, v.Closed, strconv.Itoa(v.PeopleHeld), v.Verification, sourceURLs(v.Sources), v.Updated})
	}
	return slices.Values(rows)
}

func countsCSV(s *site.Site) iter.Seq[[]string] {
	rows := [][]string{{"slug", "url", "as_of", "counter", "government", "measure", "since", "value", "qualifier", "breakdown", "statement", "verification", "sources", "updated"}}
	for i, c := range counts(s) {
		var parts []string
		for _, p := range s.Counts[i].Breakdown {
			parts = append(parts, p.Name+": "+strconv.Itoa(p.Value))
		}
		gov := ""
		if c.Government {
			gov = "yes"
		}
		rows = append(rows, []string{c.Slug, c.URL, c.AsOf, c.Counter, gov, c.Measure, c.Since, strconv.Itoa(c.Value), c.Qualifier, list(parts), c.Statement, c.Verification, sourceURLs(c.Sources), c.Updated})
	}
	return slices.Values(rows)
}
