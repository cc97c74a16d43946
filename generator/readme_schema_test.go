package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/content"
)

var update = flag.Bool("update", false, "rewrite the README's field tables from the schema")

const (
	schemaBegin = "<!-- fields: made from generator/content/schema.go by go test ./generator -run TestREADMEFields -update -->\n"
	schemaEnd   = "<!-- end of fields -->\n"
)

// TestREADMEFields: the README's field tables are the schema's
// (content.Schemas), so that the editor's guide names every key of every
// kind, with its type, whether it is required and what it means. -update
// writes them.
func TestREADMEFields(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	before, rest, ok := strings.Cut(string(readme), schemaBegin)
	if !ok {
		t.Fatalf("the README has no line %q", schemaBegin)
	}
	got, after, ok := strings.Cut(rest, schemaEnd)
	if !ok {
		t.Fatalf("the README has no line %q", schemaEnd)
	}
	want := fieldTables()
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile("../README.md", []byte(before+schemaBegin+want+schemaEnd+after), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the README's field tables are not the schema's; run go test ./generator -run TestREADMEFields -update\ngot:\n%s\nwant:\n%s", got, want)
}

// fieldTables writes the schema as Markdown tables: the keys every kind
// has, then each kind's own.
func fieldTables() string {
	var common []content.Field
	for _, f := range content.Schemas[0].Fields {
		everywhere := true
		for _, s := range content.Schemas[1:] {
			if g := s.Field(f.Key); g == nil || g.Doc != f.Doc {
				everywhere = false
			}
		}
		if everywhere {
			common = append(common, f)
		}
	}
	var b strings.Builder
	b.WriteString("\n#### Every kind\n\n")
	table(&b, common)
	for _, s := range content.Schemas {
		var own []content.Field
		for _, f := range s.Fields {
			if !slices.ContainsFunc(common, func(c content.Field) bool { return c.Key == f.Key }) {
				own = append(own, f)
			}
		}
		ext := ".toml"
		if s.Kind == content.KindBrief || s.Kind == content.KindPage {
			ext = ".md"
		}
		fmt.Fprintf(&b, "\n#### %s: `content/%s/<slug>%s`\n\n%s\n\n", s.Kind, s.Kind.Dir(), ext, s.Doc)
		table(&b, own)
	}
	b.WriteString("\n")
	return b.String()
}

func table(b *strings.Builder, fields []content.Field) {
	b.WriteString("| key | value | required | meaning |\n| --- | --- | --- | --- |\n")
	for _, f := range fields {
		key := "`" + f.Key + "`"
		switch f.Type {
		case content.TablesField:
			key = "`[[" + f.Key + "]]`"
		case content.TableField:
			key = "`[" + f.Key + "]`"
		}
		req := ""
		if f.Required {
			req = "yes"
		}
		doc := f.Doc
		if f.Type == content.TablesField {
			var subs []string
			for _, sub := range f.Fields {
				s := "`" + sub.Key + "` (" + valueType(sub)
				if sub.Required {
					s += ", required"
				}
				subs = append(subs, s+"): "+sub.Doc)
			}
			doc += "; each with " + strings.Join(subs, "; ")
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", key, valueType(f), req, strings.ReplaceAll(doc, "|", `\|`))
	}
}

func valueType(f content.Field) string {
	switch f.Type {
	case content.EnumField:
		return "one of `" + strings.Join(f.Values, "`, `") + "`"
	case content.RefField:
		return "the slug of a " + string(f.Ref)
	case content.RefsField:
		return "a list of slugs of " + f.Ref.Dir()
	case content.TablesField:
		return "tables"
	case content.TableField:
		return "a table of any keys"
	}
	return f.Type.String()
}
