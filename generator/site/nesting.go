package site

import (
	"bytes"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// maxNesting is how deep quotes and lists may nest. A brief quotes a
// quote, or nests a list three levels; sixteen is far past any real text.
// Without a bound, goldmark's work grows with the square of the depth (it
// looks at every open container on every line): 400 KB of "> " took
// minutes, and any file under the size limit must render in well under a
// second.
const maxNesting = 16

// nestingLimit wraps the parser of a container block (a quote, a list):
// it refuses to open one nested deeper than maxNesting, which reports an
// error at its marker; the line is then read as text.
type nestingLimit struct {
	parser.BlockParser
	marks func(line []byte) bool // whether a line starts with the block's marker
}

func (n nestingLimit) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	// A list is asked to open inside a list too, for each of its items;
	// it opens none there.
	_, inList := parent.(*ast.List)
	if line, _ := reader.PeekLine(); !inList && depth(parent) >= maxNesting && n.marks(bytes.TrimLeft(line, " \t")) {
		if st, _ := pc.Get(stateKey).(*docState); st != nil && !st.tooDeep {
			st.tooDeep = true
			_, seg := reader.PeekLine()
			st.errs.Addf(st.posAt(seg.Start), "quotes and lists are nested more than %d deep here; no brief needs that many: flatten them", maxNesting)
		}
		return nil, parser.NoChildren
	}
	return n.BlockParser.Open(parent, reader, pc)
}

// depth counts the quotes and lists that hold n.
func depth(n ast.Node) int {
	d := 0
	for ; n != nil; n = n.Parent() {
		switch n.(type) {
		case *ast.Blockquote, *ast.List:
			d++
		}
	}
	return d
}

// quoteMark reports whether a line starts a quote: "> x".
func quoteMark(line []byte) bool { return len(line) > 0 && line[0] == '>' }

// listMark reports whether a line starts a list item: "- x", "1. x".
func listMark(line []byte) bool {
	i := 0
	switch {
	case len(line) == 0:
		return false
	case line[0] == '-' || line[0] == '+' || line[0] == '*':
		i = 1
	default:
		for i < len(line) && i < 9 && line[i] >= '0' && line[i] <= '9' {
			i++
		}
		if i == 0 || i == len(line) || line[i] != '.' && line[i] != ')' {
			return false
		}
		i++
	}
	return i == len(line) || line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r'
}

// blockParsers are goldmark's (parser.DefaultBlockParsers, same
// priorities), with quotes and lists bounded in depth.
func blockParsers() []util.PrioritizedValue {
	return []util.PrioritizedValue{
		util.Prioritized(parser.NewSetextHeadingParser(), 100),
		util.Prioritized(parser.NewThematicBreakParser(), 200),
		util.Prioritized(nestingLimit{parser.NewListParser(), listMark}, 300),
		util.Prioritized(parser.NewListItemParser(), 400),
		util.Prioritized(parser.NewCodeBlockParser(), 500),
		util.Prioritized(parser.NewATXHeadingParser(), 600),
		util.Prioritized(parser.NewFencedCodeBlockParser(), 700),
		util.Prioritized(nestingLimit{parser.NewBlockquoteParser(), quoteMark}, 800),
		util.Prioritized(parser.NewHTMLBlockParser(), 900),
		util.Prioritized(parser.NewParagraphParser(), 1000),
	}
}

// maxParens is how deep parentheses may nest in one word. goldmark reads
// a link's address from each "](" to the parenthesis that closes it,
// within the word: unclosed ones make that work grow with the square of
// the word's length. CommonMark allows such a limit; an address nests two
// or three deep.
const maxParens = 32

// parensTooDeep records an error at the first parenthesis nested deeper
// than maxParens in a word (a run without spaces or line breaks), and
// reports whether there was one.
func (st *docState) parensTooDeep() bool {
	depth := 0
	for i := 0; i < len(st.src); i++ {
		switch st.src[i] {
		case ' ', '\t', '\n', '\r':
			depth = 0
		case '\\':
			i++ // an escaped character
		case '(':
			if depth++; depth > maxParens {
				st.errs.Addf(st.posAt(i), "parentheses are nested more than %d deep in one word; no address needs that many: close them or put a space between", maxParens)
				return true
			}
		case ')':
			depth = max(depth-1, 0)
		}
	}
	return false
}

// maxTableCells bounds a table's rows times its columns. goldmark gives
// every row as many cells as the header has columns, so a wide header over
// many short rows ("|" lines) makes cells by the million from a few
// kilobytes. A brief's table has tens of rows of a few columns.
const maxTableCells = 100_000

// tableTooBig records an error at the header of the first table with more
// than maxTableCells cells, and reports whether there was one. A table is
// a header line, a delimiter line ("| --- | :-: |"), and the lines up to a
// blank one; the count includes the header row.
func (st *docState) tableTooBig() bool {
	lines := bytes.Split(st.src, []byte("\n"))
	for i := 1; i < len(lines); i++ {
		cols := delimiterColumns(lines[i])
		if cols == 0 {
			continue
		}
		rows := 1
		for j := i + 1; j < len(lines) && len(bytes.TrimSpace(lines[j])) > 0; j++ {
			rows++
		}
		if rows*cols > maxTableCells {
			offset := len(bytes.Join(lines[:i-1], []byte("\n")))
			if i > 1 {
				offset++
			}
			st.errs.Addf(st.posAt(offset), "this table would have %s rows of %d columns, more than %s cells; split it into smaller tables", thousands(rows), cols, thousands(maxTableCells))
			return true
		}
		i += rows - 1
	}
	return false
}

// delimiterColumns returns the number of columns a table's delimiter line
// names ("| --- | :-: |" names 2), or 0 if line is not one.
func delimiterColumns(line []byte) int {
	line = bytes.TrimSpace(line)
	cols, inCell := 0, false
	for _, c := range line {
		switch c {
		case '-':
			if !inCell {
				cols, inCell = cols+1, true
			}
		case ':', ' ', '\t':
		case '|':
			inCell = false
		default:
			return 0
		}
	}
	if !bytes.ContainsRune(line, '|') {
		return 0 // a thematic break or a setext heading's underline
	}
	return cols
}

// thousands writes n with commas: 100,000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
