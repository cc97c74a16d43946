package scaffold

import (
	"fmt"
	"strings"

	"github.com/presos-politicos/briefing/generator/content"
)

// Template is what New writes for a kind: every key of its schema
// (content.Schemas), each with an example value and what it means. The
// required keys hold their example, so the record passes check as written;
// the others are commented out, for the editor to take up. The record is
// a draft.
func Template(kind content.Kind) []byte {
	s := content.SchemaOf(kind)
	var b strings.Builder
	markdown := kind == content.KindBrief || kind == content.KindPage
	if markdown {
		b.WriteString("+++\n")
	}
	fmt.Fprintf(&b, "# %s\n", s.Doc)
	b.WriteString("# Keys with a value are required; remove the # of any other to use it.\n")
	b.WriteString(`# Dates: 2024-02-09 when the day is known, "2024-02" or "2024" when only the month or year is.` + "\n")
	line(&b, "", "draft = true", "remove this line, or set false, to publish")
	b.WriteString("\n")
	for _, f := range s.Fields {
		switch {
		case f.Key == "draft":
		case f.Type == content.TablesField:
			// A required table is written with its required keys.
			b.WriteString("\n")
			line(&b, commented(!f.Required), "[["+f.Key+"]]", f.Doc)
			for _, sub := range f.Fields {
				line(&b, commented(!f.Required || !sub.Required), sub.Key+" = "+sub.Example, doc(sub))
			}
		case f.Type == content.TableField:
			b.WriteString("\n")
			line(&b, "# ", "["+f.Key+"]", f.Doc)
			line(&b, "# ", f.Example, "")
		case f.Required:
			line(&b, "", f.Key+" = "+f.Example, doc(f))
		default:
			line(&b, "# ", f.Key+" = "+f.Example, doc(f))
		}
	}
	if markdown {
		b.WriteString("+++\n\nWrite here, in Markdown. Link records with `[](prisoner:slug)`,\n`[](site:slug)`, `[](statement:slug)` or `[](event:slug)`, where slug is the\nrecord's file name; an empty text shows the record's name.\n")
	}
	return []byte(b.String())
}

func commented(yes bool) string {
	if yes {
		return "# "
	}
	return ""
}

// doc is a field's meaning, with the values an enumeration allows.
func doc(f content.Field) string {
	if f.Type == content.EnumField && !strings.Contains(f.Doc, f.Values[0]) {
		return f.Doc + ": " + strings.Join(f.Values, ", ")
	}
	return f.Doc
}

// line writes a line of TOML, commented out by prefix, with its comment
// aligned; a value of several lines is commented line by line.
func line(b *strings.Builder, prefix, text, comment string) {
	lines := strings.Split(text, "\n")
	if len(lines) > 1 && comment != "" {
		// A comment after the opening quotes would be part of the text.
		b.WriteString(prefix + strings.TrimSpace(comment) + ":\n")
		comment = ""
	}
	for i, l := range lines {
		l = prefix + l
		if i == 0 && comment != "" {
			l += strings.Repeat(" ", max(1, 34-len(l))) + "# " + comment
		}
		b.WriteString(strings.TrimRight(l, " ") + "\n")
	}
}
