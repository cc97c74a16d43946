package content

import (
	"strconv"
	"strings"
)

// keyPos is where a key and its value stand in a TOML document.
type keyPos struct {
	Key, Value Pos
	TextLine   int // for a multi-line string, the line its text starts on
}

// keyPositions scans a TOML document for the positions of its keys, which
// the TOML decoder does not expose. Keys are named by their path, with the
// index of each array of tables: "status", "custody[1].site". Table headers
// are recorded under their own path. Inline tables and keys inside multi-line
// arrays are not indexed; errors about them fall back to the enclosing key.
// lineOffset is added to every line (front matter starts below its +++).
func keyPositions(file string, src string, lineOffset int) map[string]keyPos {
	out := make(map[string]keyPos)
	counts := make(map[string]int)
	prefix := ""
	var closer string // the delimiter of the multi-line string being skipped
	for i, line := range strings.Split(src, "\n") {
		lineNo := i + 1 + lineOffset
		if closer != "" {
			if strings.Contains(line, closer) {
				closer = ""
			}
			continue
		}
		trimmed := strings.TrimLeft(line, " \t")
		col := len(line) - len(trimmed) + 1
		if trimmed == "" || trimmed[0] == '#' {
			continue
		}
		if trimmed[0] == '[' {
			array := strings.HasPrefix(trimmed, "[[")
			name := strings.TrimLeft(trimmed, "[")
			end := strings.IndexByte(name, ']')
			if end < 0 {
				continue
			}
			path := joinKey(splitKey(name[:end]))
			if array {
				n := counts[path]
				counts[path] = n + 1
				path += "[" + strconv.Itoa(n) + "]"
			}
			prefix = path + "."
			p := Pos{File: file, Line: lineNo, Col: col}
			out[path] = keyPos{Key: p, Value: p}
			continue
		}
		eq := keyEnd(trimmed)
		if eq < 0 {
			continue
		}
		key := joinKey(splitKey(trimmed[:eq]))
		rest := trimmed[eq+1:]
		value := strings.TrimLeft(rest, " \t")
		vcol := col + eq + 1 + len(rest) - len(value)
		kp := keyPos{
			Key:   Pos{File: file, Line: lineNo, Col: col},
			Value: Pos{File: file, Line: lineNo, Col: vcol},
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, q) {
				kp.TextLine = lineNo
				if strings.TrimSpace(value[3:]) == "" {
					kp.TextLine = lineNo + 1 // TOML drops a newline right after the opening quotes
				}
				if !strings.Contains(value[3:], q) {
					closer = q
				}
			}
		}
		out[prefix+key] = kp
	}
	return out
}

// keyEnd returns the index of the '=' that ends the key at the start of
// line, or -1 if the line does not start with a key.
func keyEnd(line string) int {
	inQuote := byte(0)
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case inQuote != 0:
			if c == inQuote {
				inQuote = 0
			}
		case c == '"' || c == '\'':
			inQuote = c
		case c == '=':
			return i
		case c == '.' || c == ' ' || c == '\t' || c == '-' || c == '_' ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
		default:
			return -1
		}
	}
	return -1
}

// splitKey splits a dotted TOML key into its parts, unquoting them.
func splitKey(s string) []string {
	var parts []string
	var cur strings.Builder
	inQuote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inQuote != 0:
			if c == inQuote {
				inQuote = 0
			} else {
				cur.WriteByte(c)
			}
		case c == '"' || c == '\'':
			inQuote = c
		case c == '.':
			parts = append(parts, cur.String())
			cur.Reset()
		case c == ' ' || c == '\t':
		default:
			cur.WriteByte(c)
		}
	}
	return append(parts, cur.String())
}

func joinKey(parts []string) string { return strings.Join(parts, ".") }
