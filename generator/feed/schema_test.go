package feed

import (
	"iter"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/site"
)

// notInData are the keys of the content format the data files leave out,
// and why. A key added to the schema is in the data, or here.
var notInData = map[string]string{
	"body":        "Markdown, for the pages; the data carry the plain-text summary",
	"context":     "Markdown, for the pages",
	"events.body": "Markdown, for the pages",
	"note":        "Markdown, for the pages",
	"draft":       "a published record is not a draft",
	"publish":     "a published record is published",
	"private":     "never published",
	"gender":      "only to agree words in languages that need it, not a published fact",
}

// dataRecords are the records of data/<kind>s.json, by kind.
var dataRecords = map[content.Kind]any{
	content.KindBrief:     brief{},
	content.KindPrisoner:  prisoner{},
	content.KindStatement: statement{},
	content.KindSite:      detentionSite{},
	content.KindEvent:     event{},
	content.KindCount:     count{},
}

// jsonKeys lists the keys a record type writes, with those of its lists of
// records as "custody.site".
func jsonKeys(t reflect.Type, prefix string, out map[string]bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		out[prefix+name] = true
		if ft := f.Type; ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct {
			jsonKeys(ft.Elem(), prefix+name+".", out)
		}
	}
}

// TestDataFollowTheSchema: every key of every kind's schema is a field of
// its data file's records (by the same name), or is left out on purpose;
// every column of the CSV files is a key of the schema, or one the data
// derive.
func TestDataFollowTheSchema(t *testing.T) {
	for _, s := range content.Schemas {
		rec, ok := dataRecords[s.Kind]
		if !ok {
			if s.Kind != content.KindPage {
				t.Errorf("no data file for %ss", s.Kind)
			}
			continue
		}
		keys := make(map[string]bool)
		jsonKeys(reflect.TypeOf(rec), "", keys)
		for _, f := range s.Fields {
			paths := []string{f.Key}
			for _, sub := range f.Fields {
				paths = append(paths, f.Key+"."+sub.Key)
			}
			for _, p := range paths {
				if !keys[p] && notInData[p] == "" {
					t.Errorf("%ss: the data files lack %q", s.Kind, p)
				}
			}
		}
	}
	derived := []string{"slug", "url", "days_in_custody_at_least", "last_known_site", "people_documented", "sources", "government"}
	for kind, rows := range map[content.Kind][]string{
		content.KindPrisoner:  header(prisonersCSV(&site.Site{})),
		content.KindStatement: header(statementsCSV(&site.Site{})),
		content.KindSite:      header(sitesCSV(&site.Site{})),
		content.KindCount:     header(countsCSV(&site.Site{})),
	} {
		s := content.SchemaOf(kind)
		for _, col := range rows {
			if s.Field(col) == nil && !slices.Contains(derived, col) {
				t.Errorf("%ss.csv: column %q is neither a key of the schema nor derived", kind, col)
			}
		}
	}
}

// header is the first row of a CSV file's rows: its header.
func header(rows iter.Seq[[]string]) []string {
	for row := range rows {
		return row
	}
	return nil
}
