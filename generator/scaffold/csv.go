package scaffold

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// This file reads the spreadsheets editors really have. Excel saves "CSV"
// with the separator of its locale (";" where the decimal comma is used,
// as in Spain and Venezuela) and, unless "CSV UTF-8" is chosen, in the
// Windows code page (Windows-1252 in Western Europe and the Americas).
// LibreOffice and Google Sheets save UTF-8, with "," or what was chosen.
// So: the separator is read from the header row (",", ";" or a tab); a
// byte-order mark is dropped; line ends may be CRLF; and bytes that are
// not UTF-8 are never turned into U+FFFD: each cell that holds them is
// named, with what it reads as in Windows-1252, and nothing is imported.

// maxSpreadsheet is the largest spreadsheet read: 100,000 rows of a few
// hundred bytes.
const maxSpreadsheet = 64 << 20

// A sheet is a spreadsheet's rows, the header first, with the line each
// row starts on (rows are numbered as the spreadsheet numbers them).
type sheet struct {
	rows  [][]string
	lines []int
	comma rune
}

// readSheet reads a CSV file. Cells with bytes that are not UTF-8 are
// problems, by row and column.
func readSheet(r io.Reader) (*sheet, []Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSpreadsheet+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > maxSpreadsheet {
		return nil, nil, fmt.Errorf("the spreadsheet is over %d MB; split it", maxSpreadsheet>>20)
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return nil, nil, errors.New(`the spreadsheet is saved as UTF-16 ("Unicode Text"); save it as "CSV UTF-8 (Comma delimited)" and import again`)
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	s := &sheet{comma: separator(data)}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma = s.comma
	cr.FieldsPerRecord = -1
	for {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, nil, fmt.Errorf("row %d: %v", pe.StartLine, pe.Err)
			}
			return nil, nil, err
		}
		line, _ := cr.FieldPos(0)
		s.rows, s.lines = append(s.rows, row), append(s.lines, line)
	}
	if len(s.rows) == 0 {
		return nil, nil, errors.New("the spreadsheet is empty: its first row must name the fields")
	}
	var problems []Problem
	for i, row := range s.rows {
		for j, cell := range row {
			if utf8.ValidString(cell) {
				continue
			}
			column := fmt.Sprintf("column %d", j+1)
			if i > 0 && j < len(s.rows[0]) {
				column = strings.TrimSpace(strings.ToLower(s.rows[0][j]))
			}
			problems = append(problems, Problem{Row: s.lines[i], Column: column, order: j,
				Msg: fmt.Sprintf("%s is not UTF-8 (in Windows-1252 it reads %q); save the spreadsheet as \"CSV UTF-8\" and import again", quoteInvalid(cell), windows1252(cell))})
		}
	}
	return s, problems, nil
}

// separator is the one of ",", ";" and tab that the header row (the first
// line, outside quotes) uses most; "," when it uses none.
func separator(data []byte) rune {
	counts := map[byte]int{}
	quoted := false
	for _, c := range data {
		if c == '"' {
			quoted = !quoted
		}
		if c == '\n' && !quoted {
			break
		}
		if !quoted {
			counts[c]++
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

// quoteInvalid writes a cell with its invalid bytes as \xNN, so that the
// editor sees where they are.
func quoteInvalid(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && n <= 1 {
			fmt.Fprintf(&b, `\x%02x`, s[0])
		} else {
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	b.WriteByte('"')
	return b.String()
}

// windows1252 reads a cell as Windows-1252, to show the editor what the
// bytes most likely meant.
func windows1252(s string) string {
	out, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		return s
	}
	return out
}
