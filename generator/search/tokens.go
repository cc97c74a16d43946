package search

import (
	"strings"
	"unicode"

	"github.com/presos-politicos/briefing/generator/content"
)

// Tokens splits text into the terms the index holds: folded (no case, no
// accents, via content.Fold and golang.org/x/text), split at anything that
// is not a letter or a digit, stop words and lone letters dropped, each
// word stemmed.
func Tokens(text string) []string {
	var out []string
	for _, w := range Words(text) {
		if keep(w) {
			out = append(out, Stem(w))
		}
	}
	return out
}

// keep reports whether a folded word is indexed: not a stop word, nor a
// lone letter such as the s of "founder's".
func keep(w string) bool {
	return w != "" && !stopWords[w] && (len(w) > 1 || unicode.IsDigit(rune(w[0])))
}

// Words splits text into folded words, stop words included. A number's
// marks between groups of three digits are dropped first, so that "1,800",
// "1.800" (as Spanish writes it) and "1800" are one word, as a reader may
// type any of them; "6.5" stays two.
func Words(text string) []string {
	return strings.FieldsFunc(joinDigitGroups(content.Fold(text)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// joinDigitGroups drops each "," or "." between a digit and exactly three
// digits: "18,739" is "18739", "1.800.000" "1800000". static/search.js
// does the same.
func joinDigitGroups(s string) string {
	if !strings.ContainsAny(s, ",.") {
		return s
	}
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if (s[i] == ',' || s[i] == '.') && isDigit(i-1) && isDigit(i+1) && isDigit(i+2) && isDigit(i+3) && !isDigit(i+4) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// Stem reduces a folded Spanish or English word to a stem shared by its
// singular and plural, masculine and feminine forms: "presos", "presas",
// "preso" -> "pres"; "detenciones" -> "detencion"; "releases", "release"
// -> "releas". It is deliberately light: it never needs a dictionary, and
// a query is stemmed the same way, so a stem only has to be consistent,
// not a real word. static/search.js holds the same rules; the browser
// tests check that both agree.
func Stem(w string) string {
	if len(w) <= 3 || !isLetters(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "iones"):
		w = w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "ces"):
		w = w[:len(w)-3] + "z"
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "es"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	if len(w) > 4 {
		switch w[len(w)-1] {
		case 'a', 'e', 'o':
			w = w[:len(w)-1]
		}
	}
	return w
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

// stopWords are Spanish and English words too common to search for.
var stopWords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`
		a al algo ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa ese eso esta este esto fue ha han hasta hay la las le les lo los mas me mi muy ni no nos o os otra otro para pero por porque que se sea segun ser si sin sobre son su sus tambien te tiene todo tras tu un una uno unos unas y ya
		an and are as at be been but by for from had has have he her his i if in into is it its not of on or our she so than that the their them then there these they this those to was we were what when which who will with would you`) {
		m[w] = true
	}
	return m
}()
