package site

// Limits on Markdown. goldmark's work on some constructs grows with the
// square of their length, and on every construct with the number of marks
// and lines: 1 MiB of "[" took seconds, 400 KB of "> " minutes. Any text
// under the size limit must render in well under a second, so each bound
// below is an error at the line and column where it is passed, far past
// what a brief needs, checked before goldmark reads the text (or, for
// nesting, as it does), so that the text is not rendered at all.

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/presos-politicos/briefing/generator/i18n"
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
			st.errs.Addf(st.posAt(offset), "this table would have %s rows of %d columns, more than %s cells; split it into smaller tables", i18n.Group(int64(rows), ","), cols, i18n.Group(maxTableCells, ","))
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

// maxWork bounds how much Markdown one text may hold: each line counts 2
// and each mark that goldmark may make a node of counts 1. goldmark spends
// a few microseconds on each (a heading, a list item, an unclosed "[", an
// autolink), so that 1 MiB of them took up to 5 s; with the bound a text
// renders in about a tenth of a second. The longest brief counts about 400 (7
// KB), so the bound is met only by a text some 100 times as long.
const maxWork = 40_000

// workMarks are the marks that count towards maxWork: the brackets of
// links, the delimiters of emphasis, strikethrough and code, the start of
// raw HTML, autolinks and entities, quotes, and the ":" and "@" of web
// and e-mail addresses.
const workMarks = "[]*_~`<&\"':@"

// tooMuchWork records an error where a text passes maxWork and reports
// whether it does. The error names the mark that most of the count is
// made of.
func (st *docState) tooMuchWork() bool {
	at, most, passed := workPassed(st.src)
	if !passed {
		return false
	}
	what := fmt.Sprintf("%q", most)
	if most == '\n' {
		what = "lines"
	}
	st.errs.Addf(st.posAt(at), "this text holds more Markdown than renders in good time: it passes %s here, counting 2 for each line and 1 for each of %s, mostly %s; no brief comes near that: split the text or remove what repeats", i18n.Group(maxWork, ","), strings.Join(strings.Split(workMarks, ""), " "), what)
	return true
}

// workPassed returns where src passes maxWork (at the mark, or at the
// start of the line, that passes it) and what most of the count is made
// of ('\n' for lines), or false if it does not.
func workPassed(src []byte) (at int, most byte, passed bool) {
	work, blank, lineStart := 0, true, 0
	var counts [256]int
	for i, c := range src {
		at = i
		switch {
		case c == '\n':
			if !blank {
				work += 2
				counts['\n'] += 2
				at = lineStart
			}
			blank, lineStart = true, i+1
		case strings.IndexByte(workMarks, c) >= 0:
			work++
			counts[c]++
			blank = false
		case c != ' ' && c != '\t' && c != '\r':
			blank = false
		}
		if work > maxWork {
			most = '\n'
			for _, m := range []byte(workMarks) {
				if counts[m] > counts[most] {
					most = m
				}
			}
			return at, most, true
		}
	}
	return 0, 0, false
}

// maxDefinitions bounds the link reference definitions ("[x]: address")
// in one paragraph: goldmark reads again the rest of the paragraph for
// each, so that a paragraph of 30,000 took minutes. A brief writes its
// addresses in its links; a list of sources at its end has tens.
const maxDefinitions = 200

// tooManyDefinitions records an error at the first link reference
// definition past maxDefinitions in one paragraph (lines without a blank
// one between) and reports whether there is one. A line counts when it
// starts, after at most three spaces, with "[" and holds "]:"; a
// footnote's ("[^1]: text") is read otherwise and does not count.
func (st *docState) tooManyDefinitions() bool {
	defs := 0
	for start := 0; start < len(st.src); {
		end := bytes.IndexByte(st.src[start:], '\n')
		if end < 0 {
			end = len(st.src)
		} else {
			end += start
		}
		line := st.src[start:end]
		switch trimmed := bytes.TrimLeft(line, " "); {
		case len(bytes.TrimSpace(line)) == 0:
			defs = 0
		case len(line)-len(trimmed) <= 3 && bytes.HasPrefix(trimmed, []byte("[")) && !bytes.HasPrefix(trimmed, []byte("[^")) && bytes.Contains(trimmed, []byte("]:")):
			if defs++; defs > maxDefinitions {
				st.errs.Addf(st.posAt(start), "more than %d link reference definitions (\"[x]: address\") without a blank line between; no brief needs that many: put a blank line between groups of them, or write the addresses in the links", maxDefinitions)
				return true
			}
		}
		start = end + 1
	}
	return false
}

// maxQuoteRun is how many quotation marks of one kind in a row become
// typographic quotes. goldmark's typographer reads the rest of the run at
// each mark, so that a line of 256 KB of "'" took seconds; a longer run
// is kept as it is written (quoteRuns).
const maxQuoteRun = 16

// quoteRuns is an inline parser that takes a run of more than
// maxQuoteRun quotation marks of one kind as text, before the
// typographer sees it. It makes nothing of a shorter one.
type quoteRuns struct{}

func (quoteRuns) Trigger() []byte { return []byte{'\'', '"'} }

func (quoteRuns) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	n := 1
	for n < len(line) && line[n] == line[0] && n <= maxQuoteRun {
		n++
	}
	if n <= maxQuoteRun {
		return nil
	}
	for n < len(line) && line[n] == line[0] {
		n++
	}
	block.Advance(n)
	return ast.NewTextSegment(seg.WithStop(seg.Start + n))
}
