package scaffold

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/content"
)

// TestTemplatesFollowTheSchema: new's template of each kind names every key
// of the kind's schema, commented out or not, and no other.
func TestTemplatesFollowTheSchema(t *testing.T) {
	keyLine := regexp.MustCompile(`^(?:# )?([a-z_]+) = `)
	header := regexp.MustCompile(`^(?:# )?\[\[?([a-z_]+)\]\]?`)
	for _, s := range content.Schemas {
		var got []string
		table := ""
		for _, line := range strings.Split(string(Template(s.Kind)), "\n") {
			if m := header.FindStringSubmatch(line); m != nil {
				table = m[1]
				got = append(got, table)
				continue
			}
			if m := keyLine.FindStringSubmatch(line); m != nil {
				if table != "" && s.Field(table).Type == content.TablesField {
					got = append(got, table+"."+m[1])
				} else if table == "" {
					got = append(got, m[1])
				}
			}
		}
		var want []string
		for _, f := range s.Fields {
			want = append(want, f.Key)
			for _, sub := range f.Fields {
				want = append(want, f.Key+"."+sub.Key)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s template names\n%v\nthe schema\n%v", s.Kind, got, want)
		}
	}
}

// FuzzReadSheet: any bytes read as a spreadsheet give rows or an error,
// never a panic, and never a cell with U+FFFD that the input did not hold.
func FuzzReadSheet(f *testing.F) {
	f.Add([]byte("name,status\nAna,detained\n"))
	f.Add([]byte("\ufeffname;status\r\n\"Ana; B\";detained\r\n"))
	f.Add([]byte("name\tstatus\nAna P\xe9rez\tdetained\n"))
	f.Add([]byte("\"a\nb\";c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, problems, err := readSheet(bytes.NewReader(data))
		if err != nil {
			return
		}
		if !bytes.ContainsRune(data, utf8.RuneError) {
			for _, row := range sh.rows {
				for _, cell := range row {
					if strings.ContainsRune(cell, utf8.RuneError) && utf8.ValidString(cell) {
						t.Fatalf("cell %q holds U+FFFD", cell)
					}
				}
			}
		}
		_ = problems
	})
}
