package site

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// TestNestingIsBounded: quotes and lists nested deeper than any brief
// needs are an error at the marker that goes too deep, and the text
// still renders in linear time (400 KB of "> " took minutes before).
func TestNestingIsBounded(t *testing.T) {
	deepList := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	tests := []struct{ name, src, want string }{
		{"quotes", strings.Repeat("> ", 40) + "x", `f.md:1:33: quotes and lists are nested more than 16 deep here; no brief needs that many: flatten them`},
		{"quotes on lines", "a\n\n" + strings.Repeat(">", 20) + " x", `f.md:3:17: quotes and lists are nested more than 16 deep here; no brief needs that many: flatten them`},
		{"lists", deepList(20), `f.md:17:33: quotes and lists are nested more than 16 deep here; no brief needs that many: flatten them`},
		{"ordered lists", strings.Repeat("1. ", 30), `f.md:1:49: quotes and lists are nested more than 16 deep here; no brief needs that many: flatten them`},
		{"mixed", strings.Repeat("> - ", 20), `f.md:1:33: quotes and lists are nested more than 16 deep here; no brief needs that many: flatten them`},
		{"400 KB of quotes", strings.Repeat("> ", 200_000), `f.md:1:33: quotes and lists are nested more than 16 deep here; no brief needs that many: flatten them`},
		{"400 KB of nested lists", deepList(630), `f.md:17:33: quotes and lists are nested more than 16 deep here; no brief needs that many: flatten them`},
	}
	for _, tt := range tests {
		_, err := convert(t, false, tt.src)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: err = %v\nwant %s", tt.name, err, tt.want)
		}
	}
	// Sixteen deep is fine.
	if _, err := convert(t, false, strings.Repeat("> ", 16)+"x\n\n"+deepList(16)); err != nil {
		t.Errorf("16 deep: %v", err)
	}
}

// TestParenthesesAreBounded: a word with parentheses nested past any real
// address is an error at the parenthesis that goes too deep ("[a](" 25,000
// times took seconds, growing with the square of its length).
func TestParenthesesAreBounded(t *testing.T) {
	tests := []struct{ src, want string }{
		{"see " + strings.Repeat("[a](", 40), `f.md:1:136: parentheses are nested more than 32 deep in one word; no address needs that many: close them or put a space between`},
		{strings.Repeat("[a](", 15_000), `f.md:1:132: parentheses are nested more than 32 deep in one word; no address needs that many: close them or put a space between`},
		{"x\n" + strings.Repeat("(", 33), `f.md:2:33: parentheses are nested more than 32 deep in one word; no address needs that many: close them or put a space between`},
	}
	for _, tt := range tests {
		_, err := convert(t, false, tt.src)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%.20q: err = %v\nwant %s", tt.src, err, tt.want)
		}
	}
	for _, ok := range []string{strings.Repeat("(", 32) + strings.Repeat(")", 32), strings.Repeat("( ", 100), strings.Repeat(`\(`, 100), "[w](https://en.wikipedia.org/wiki/Foo_(bar_(baz)))"} {
		if _, err := convert(t, false, ok); err != nil {
			t.Errorf("%.20q: %v", ok, err)
		}
	}
}

// TestTableSizeIsBounded: a table whose header names many columns and
// that has many rows makes a cell for each column of each row, however
// short the row: 1 KB of header and 25 KB of "|" lines made 6 million
// cells. A table of more than 100,000 cells is an error at its header.
func TestTableSizeIsBounded(t *testing.T) {
	src := "Intro\n\n" + strings.Repeat("|a", 500) + "\n" + strings.Repeat("|-", 500) + "\n" + strings.Repeat("|\n", 12_500)
	_, err := convert(t, false, src)
	want := `f.md:3:1: this table would have 12,501 rows of 500 columns, more than 100,000 cells; split it into smaller tables`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	ok := "| a | b |\n| --- | :-: |\n" + strings.Repeat("| x | y |\n", 1000)
	if _, err := convert(t, false, ok); err != nil {
		t.Errorf("a table of 2,000 cells: %v", err)
	}
}

// TestWorkIsBounded: a text of more lines and marks than renders in good
// time is an error where it passes the bound, naming what most of it is
// made of (1 MiB of "[" took 3 s, of headings 1 s, before).
func TestWorkIsBounded(t *testing.T) {
	const rest = `; no brief comes near that: split the text or remove what repeats`
	const counting = `counting 2 for each line and 1 for each of [ ] * _ ~ ` + "`" + ` < & " ' : @`
	tests := []struct{ name, src, want string }{
		{"brackets", strings.Repeat("[", 1<<20), `f.md:1:40001: this text holds more Markdown than renders in good time: it passes 40,000 here, ` + counting + `, mostly '['` + rest},
		{"headings", strings.Repeat("# a\n", 1<<18), `f.md:20001:1: this text holds more Markdown than renders in good time: it passes 40,000 here, ` + counting + `, mostly lines` + rest},
		{"emphasis", "Intro\n\n" + strings.Repeat("*a* ", 1<<18), `f.md:3:79997: this text holds more Markdown than renders in good time: it passes 40,000 here, ` + counting + `, mostly '*'` + rest},
		{"addresses", strings.Repeat("https://a.b ", 1<<16), `f.md:1:480006: this text holds more Markdown than renders in good time: it passes 40,000 here, ` + counting + `, mostly ':'` + rest},
	}
	for _, tt := range tests {
		_, err := convert(t, false, tt.src)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: err = %v\nwant %s", tt.name, err, tt.want)
		}
	}
	// Blank lines do not count, and a text just under the bound renders.
	for _, ok := range []string{strings.Repeat("[", 40_000), strings.Repeat("a\n\n\n\n", 20_000), strings.Repeat("word ", 200_000)} {
		if _, err := convert(t, false, ok); err != nil {
			t.Errorf("%.20q: %v", ok, err)
		}
	}
}

// TestDefinitionsAreBounded: goldmark reads the rest of a paragraph again
// for each link reference definition in it (a paragraph of 25,000 took
// over a minute); more than 200 in one paragraph is an error at the first
// past the bound.
func TestDefinitionsAreBounded(t *testing.T) {
	defs := func(n int) string { return strings.Repeat("[x]: https://example.org\n", n) }
	_, err := convert(t, false, "Sources:\n\n"+defs(201)+"[x]")
	want := `f.md:203:1: more than 200 link reference definitions ("[x]: address") without a blank line between; no brief needs that many: put a blank line between groups of them, or write the addresses in the links`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
	for _, ok := range []string{defs(200), strings.Repeat(defs(200)+"\n", 5), strings.Repeat("[^1]: a footnote\n", 1000)} {
		if _, err := convert(t, false, ok); err != nil {
			t.Errorf("%.30q: %v", ok, err)
		}
	}
}

// TestLongQuoteRunsStayAsWritten: goldmark's typographer read the rest
// of a run of quotes at each quote (256 KB of "'" took 12 s); a run
// longer than 16 is kept as written, and quotes in text are still made
// typographic.
func TestLongQuoteRunsStayAsWritten(t *testing.T) {
	tests := []struct{ src, want string }{
		{strings.Repeat("'", 17), "<p>" + strings.Repeat("'", 17) + "</p>\n"},
		{"a " + strings.Repeat(`"`, 40) + " b", "<p>a " + strings.Repeat("&quot;", 40) + " b</p>\n"},
		{`"Don't," she said.`, "<p>&ldquo;Don&rsquo;t,&rdquo; she said.</p>\n"},
	}
	for _, tt := range tests {
		got, err := convert(t, false, tt.src)
		if err != nil || got != tt.want {
			t.Errorf("%q: got %q, %v\nwant %q", tt.src, got, err, tt.want)
		}
	}
	// Up to 16, goldmark's typographer has them, as before.
	plain := goldmark.New(goldmark.WithExtensions(extension.Typographer))
	for _, src := range []string{"It's " + strings.Repeat("'", 16), strings.Repeat(`"`, 16) + "a"} {
		var want bytes.Buffer
		if err := plain.Convert([]byte(src), &want); err != nil {
			t.Fatal(err)
		}
		if got, err := convert(t, false, src); err != nil || got != want.String() {
			t.Errorf("%q: got %q, %v\nwant %q", src, got, err, want.String())
		}
	}
}

// TestEveryBoundPassedIsReported: a text past two bounds gets both errors
// in one run.
func TestEveryBoundPassedIsReported(t *testing.T) {
	_, err := convert(t, false, strings.Repeat("(", 33)+"\n"+strings.Repeat("[", 40_000))
	want := "f.md:1:33: parentheses are nested more than 32 deep in one word; no address needs that many: close them or put a space between\n" +
		"f.md:2:39999: this text holds more Markdown than renders in good time: it passes 40,000 here, counting 2 for each line and 1 for each of [ ] * _ ~ ` < & \" ' : @, mostly '['; no brief comes near that: split the text or remove what repeats"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}
