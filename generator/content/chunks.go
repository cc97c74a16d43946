package content

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// chunks parses the versions of one file's TOML piece by piece, keeping
// each piece parsed: a statement of the top-level table, or a table with
// its statements ([x] or [[x]] and the lines up to the next header).
// Versions of a file share most of their pieces, so a file's history costs
// about one parse of the file and of each piece that changed, instead of
// one parse per version. Package history decodes every version of every
// record this way (Decoder).
//
// The pieces are merged as the TOML decoder merges them; anything the
// merge cannot be sure of (a piece that does not parse alone, a table
// defined twice, a table inside an array of tables, an unterminated
// string) falls back to parsing the whole text.
type chunks map[string]map[string]any

// maxPieces bounds the pieces a chunks keeps: when it holds that many, it
// starts afresh.
const maxPieces = 1 << 15

// parse is parseValues, piece by piece.
func (c chunks) parse(file, src string, lineOffset int, errs *ErrorList) (*fields, bool) {
	m, ok := c.decode(src)
	if !ok {
		return parseValues(file, src, lineOffset, errs)
	}
	at := Pos{File: file, Line: 1 + lineOffset, Col: 1}
	if lineOffset > 0 {
		at = Pos{File: file, Line: lineOffset, Col: 1}
	}
	return &fields{file: file, m: m, at: at, errs: errs, known: make([]string, 0, 32)}, true // a kind's keys, read one by one
}

func (c chunks) decode(src string) (map[string]any, bool) {
	if !utf8.ValidString(src) {
		return nil, false
	}
	buf := piecesPool.Get().(*[]piece)
	pieces, ok := splitPieces(src, (*buf)[:0])
	defer func() {
		clear(pieces) // so as not to keep src
		*buf = pieces[:0]
		piecesPool.Put(buf)
	}()
	if !ok {
		return nil, false
	}
	doc := make(map[string]any)
	arrays := make(map[string]bool) // paths of the arrays of tables made by [[ ]]
	headers := make(map[string]bool)
	owned := make(map[string]bool) // see merge
	for _, p := range pieces {
		if p.header != "" && !p.array {
			if headers[p.header] {
				return nil, false
			}
			headers[p.header] = true
		}
		frag, cached := c[p.text]
		if !cached {
			frag = make(map[string]any)
			if _, err := toml.Decode(p.text, &frag); err != nil {
				return nil, false
			}
			if len(c) >= maxPieces {
				clear(c)
			}
			c[strings.Clone(p.text)] = frag // not the whole text it is cut from
		}
		if !merge(doc, frag, "", p.array, arrays, owned) {
			return nil, false
		}
	}
	return doc, true
}

// merge adds a piece's values to the document. The document shares the
// parsed pieces' values and copies a table only to merge into it, so that
// the pieces stay as they are: owned holds the tables and arrays of
// tables of the document that are its own (by path); an array of tables
// is copied the first time it grows, and grows in place after. It
// reports false where TOML would not merge them alike.
func merge(dst, src map[string]any, path string, array bool, arrays, owned map[string]bool) bool {
	for k, v := range src {
		old, has := dst[k]
		if !has {
			dst[k] = v
			if _, isArray := v.([]map[string]any); isArray && array {
				arrays[path+"\x00"+k] = true
			}
			continue
		}
		p := path + "\x00" + k // made only here: most keys are new
		switch o := old.(type) {
		case map[string]any:
			n, ok := v.(map[string]any)
			if !ok {
				return false
			}
			if !owned[p] {
				o = maps.Clone(o)
				dst[k], owned[p] = o, true
			}
			if !merge(o, n, p, array, arrays, owned) {
				return false
			}
		case []map[string]any:
			n, ok := v.([]map[string]any)
			if !ok || !array || !arrays[p] {
				return false
			}
			if owned[p] {
				dst[k] = append(o, n...)
			} else {
				dst[k], owned[p] = slices.Concat(o, n), true
			}
		default:
			return false
		}
	}
	return true
}

// A piece is a top-level statement, or a table header with its
// statements.
type piece struct {
	text   string // a run of the file's text
	from   int    // where it starts
	header string // "[a.b]" or "[[a]]"; "" for a top-level statement
	array  bool
}

// tomlSyntax marks the bytes splitPieces looks at outside strings.
var tomlSyntax = [256]bool{'#': true, '"': true, '\'': true, '[': true, '{': true, ']': true, '}': true, '\n': true}

// piecesPool keeps the slices decode cuts texts into, one per decoding at
// a time: every version of every record is cut, and each slice is done
// with once its pieces are merged.
var piecesPool = sync.Pool{New: func() any { return new([]piece) }}

// splitPieces cuts TOML text into pieces at the ends of statements: a
// newline outside strings, comments and brackets, appending them to
// pieces. ok is false for text it cannot cut with certainty (and the
// pieces then mean nothing).
func splitPieces(s string, pieces []piece) (_ []piece, ok bool) {
	const (
		normal = iota
		basic
		literal
		multiBasic
		multiLiteral
	)
	state, depth, start := normal, 0, 0
	cur := -1 // the table whose statements come next; -1 for the top level
	// Blank lines and comments before the first statement of the top level
	// are parsed with it, so that they are checked; each piece is thus a
	// run of s, sliced from it rather than put together.
	pending := -1 // where they start; -1 when there are none
	end := func(i int) {
		from := start
		t := strings.TrimSpace(s[start:i])
		start = i
		if t == "" || t[0] == '#' {
			if cur >= 0 {
				pieces[cur].text = s[pieces[cur].from:i]
			} else if pending < 0 {
				pending = from
			}
			return
		}
		if cur >= 0 && t[0] != '[' {
			pieces[cur].text = s[pieces[cur].from:i]
			return
		}
		if pending >= 0 {
			from, pending = pending, -1
		}
		p := piece{text: s[from:i], from: from}
		if t[0] == '[' {
			h := t
			if j := strings.IndexByte(h, '#'); j >= 0 {
				h = strings.TrimSpace(h[:j])
			}
			p.header, p.array = h, strings.HasPrefix(h, "[[")
			cur = len(pieces)
		}
		pieces = append(pieces, p)
	}
	for i := 0; i < len(s); i++ {
		// Each state skips at once to the next byte that can end it
		// or that it must look at.
		switch state {
		case normal:
			for i < len(s) && !tomlSyntax[s[i]] {
				i++
			}
			if i == len(s) {
				continue
			}
			switch c := s[i]; {
			case c == '#':
				if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
					i += j - 1
				} else {
					i = len(s) - 1
				}
			case strings.HasPrefix(s[i:], `"""`):
				state, i = multiBasic, i+2
			case strings.HasPrefix(s[i:], `'''`):
				state, i = multiLiteral, i+2
			case c == '"':
				state = basic
			case c == '\'':
				state = literal
			case c == '[' || c == '{':
				depth++
			case c == ']' || c == '}':
				depth--
			case c == '\n' && depth == 0:
				end(i + 1)
			}
		case basic:
			j := strings.IndexAny(s[i:], "\\\"\n")
			if j < 0 {
				i = len(s)
				continue
			}
			i += j
			switch s[i] {
			case '\\':
				i++
			case '"':
				state = normal
			case '\n':
				return pieces, false
			}
		case literal:
			j := strings.IndexAny(s[i:], "'\n")
			if j < 0 {
				i = len(s)
				continue
			}
			i += j
			if s[i] == '\n' {
				return pieces, false
			}
			state = normal
		case multiBasic, multiLiteral:
			q, closer, stops := byte('"'), `"""`, "\\\""
			if state == multiLiteral {
				q, closer, stops = '\'', `'''`, "'"
			}
			j := strings.IndexAny(s[i:], stops)
			if j < 0 {
				i = len(s)
				continue
			}
			i += j
			if s[i] == '\\' {
				i++
				continue
			}
			if strings.HasPrefix(s[i:], closer) {
				for i+1 < len(s) && s[i+1] == q { // up to two quotes may end the string
					i++
				}
				state = normal
			}
		}
	}
	if state != normal || depth != 0 {
		return pieces, false
	}
	end(len(s))
	if pending >= 0 {
		pieces = append(pieces, piece{text: s[pending:], from: pending})
	}
	// A table inside an array of tables ([[a]] then [a.b]) belongs to its
	// last element: parsed alone, it would not.
	var arrays []string // the names of the arrays of tables so far, each once
	for _, p := range pieces {
		if p.header == "" {
			continue
		}
		name := strings.TrimSpace(strings.Trim(p.header, "[]"))
		for _, a := range arrays {
			if len(name) > len(a) && name[len(a)] == '.' && strings.HasPrefix(name, a) {
				return pieces, false
			}
		}
		if p.array && !slices.Contains(arrays, name) {
			arrays = append(arrays, name)
		}
	}
	return pieces, true
}
