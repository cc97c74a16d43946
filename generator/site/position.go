package site

import (
	"bytes"
	"slices"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/yuin/goldmark/ast"
)

// Errors in a text carry the line and column of what they are about.
// goldmark's links do not keep where their address was, so it is found
// again in the source; every search is bounded, so that a text of many
// links is read a few times over, never once per link.

// linkPos finds the position of a link's or image's destination: after
// its text, when it has one, and after the links before it.
func (st *docState) linkPos(n ast.Node, dest string, from *int) content.Pos {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			*from = max(*from, t.Segment.Stop)
			break
		}
	}
	return st.posOf(dest, from)
}

// posOf finds the position of a link destination in the source, searching
// forward from *from so that repeated links get their own lines. One not
// found after *from (a reference link whose definition came before, an
// address written with escapes) is searched for from the start, as long as
// such searches have read less than the source four times over; then, and
// for one found nowhere, the position is that of the text.
func (st *docState) posOf(dest string, from *int) content.Pos {
	i := bytes.Index(st.src[*from:], []byte(dest))
	if i >= 0 {
		i += *from
		*from = i + len(dest)
		return st.posAt(i)
	}
	if st.rescans > 4*len(st.src) {
		return st.at
	}
	st.rescans += len(st.src)
	if i = bytes.Index(st.src, []byte(dest)); i < 0 {
		return st.at
	}
	return st.posAt(i)
}

// posAt is the position of a byte of the source.
func (st *docState) posAt(i int) content.Pos {
	if st.lines == nil {
		st.lines = []int{0}
		for j, c := range st.src {
			if c == '\n' {
				st.lines = append(st.lines, j+1)
			}
		}
	}
	i = min(max(i, 0), len(st.src))
	line, found := slices.BinarySearch(st.lines, i)
	if !found {
		line-- // i is inside the line that starts before it
	}
	col := i - st.lines[line] + 1
	if line == 0 {
		return content.Pos{File: st.at.File, Line: st.at.Line, Col: st.at.Col + col - 1}
	}
	return content.Pos{File: st.at.File, Line: st.at.Line + line, Col: col}
}
