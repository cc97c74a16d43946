package content

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
)

// exampleRecord writes a record of a kind with every key of its schema at
// its example value (all), or only the required ones, but skip.
func exampleRecord(s KindSchema, all bool, skip string) string {
	var b, tables strings.Builder
	for _, f := range s.Fields {
		switch {
		case f.Key == skip:
		case f.Type == TablesField && (all || f.Required):
			fmt.Fprintf(&tables, "\n[[%s]]\n", f.Key)
			for _, sub := range f.Fields {
				if all || sub.Required {
					fmt.Fprintf(&tables, "%s = %s\n", sub.Key, sub.Example)
				}
			}
		case f.Type == TablesField:
		case f.Type == TableField:
			if all {
				fmt.Fprintf(&tables, "\n[%s]\n%s\n", f.Key, f.Example)
			}
		case all || f.Required:
			fmt.Fprintf(&b, "%s = %s\n", f.Key, f.Example)
		}
	}
	return b.String() + tables.String()
}

// decodeExample decodes src as a record of kind, returning the keys the
// decoder read and the errors.
func decodeExample(t *testing.T, kind Kind, src string) (map[string]bool, error) {
	t.Helper()
	var errs ErrorList
	file := "content/" + kind.Dir() + "/x.toml"
	f, ok := parseTOML(file, src, 0, &errs)
	if !ok {
		t.Fatalf("example %s does not parse: %v\n%s", kind, errs.Err(), src)
	}
	f.asked = make(map[string]bool)
	decode(f, Record{Kind: kind, Slug: "x", File: file})
	return f.asked, errs.Err()
}

// TestSchemaIsTheDecoder holds the decoder to the schema: a record with
// every key of its kind's schema decodes without a problem, the decoder
// reads exactly those keys, and each required key is required.
func TestSchemaIsTheDecoder(t *testing.T) {
	for _, s := range Schemas {
		t.Run(string(s.Kind), func(t *testing.T) {
			src := exampleRecord(s, true, "")
			if s.Kind == KindPrisoner { // died is given only with status = "deceased"
				src = strings.Replace(src, `status = "detained"`, `status = "deceased"`, 1)
			}
			asked, err := decodeExample(t, s.Kind, src)
			if err != nil {
				t.Errorf("every key at its example value:\n%s\n%v", src, err)
			}
			var want []string
			for _, f := range s.Fields {
				want = append(want, f.Key)
				for _, sub := range f.Fields {
					want = append(want, f.Key+"."+sub.Key)
				}
			}
			slices.Sort(want)
			for k := range asked {
				// The keys of a table of any keys ([breakdown]) are the editor's.
				if table, _, nested := strings.Cut(k, "."); nested && s.Field(table).Type == TableField {
					delete(asked, k)
				}
			}
			if got := slices.Sorted(maps.Keys(asked)); !slices.Equal(got, want) {
				t.Errorf("the decoder reads\n%v\nthe schema declares\n%v", got, want)
			}

			src = exampleRecord(s, false, "")
			if _, err := decodeExample(t, s.Kind, src); err != nil {
				t.Errorf("the required keys alone:\n%s\n%v", src, err)
			}
			for _, f := range s.Fields {
				if !f.Required {
					continue
				}
				without := exampleRecord(s, false, f.Key)
				if _, err := decodeExample(t, s.Kind, without); err == nil || !strings.Contains(err.Error(), f.Key) {
					t.Errorf("without %s: %v", f.Key, err)
				}
			}
		})
	}
	for _, s := range Schemas {
		for _, k := range s.Naming {
			if f := s.Field(k); f == nil || !f.Required {
				t.Errorf("%s: a slug is made from %q, which is not a required key", s.Kind, k)
			}
		}
	}
	if len(Schemas) != len(Kinds) {
		t.Errorf("%d schemas for %d kinds", len(Schemas), len(Kinds))
	}
	for _, k := range Kinds {
		SchemaOf(k) // panics if one is missing
	}
}

// TestPartNames: every usual part of a breakdown has its name, which pages
// and changes show (translated), and every name is of a usual part.
func TestPartNames(t *testing.T) {
	for _, p := range BreakdownParts {
		if name, usual := PartName(p); !usual || name == "" {
			t.Errorf("no name for the breakdown part %q", p)
		}
	}
	if len(PartNames) != len(BreakdownParts) {
		t.Errorf("%d part names for %d usual parts", len(PartNames), len(BreakdownParts))
	}
	if name, usual := PartName("political_prisoners_abroad"); usual || name != "political prisoners abroad" {
		t.Errorf("a counter's own part is named %q (usual %v), want it as written", name, usual)
	}
}
