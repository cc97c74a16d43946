package render

import (
	"html"
	"regexp"
	"strconv"

	"github.com/presos-politicos/briefing/generator/i18n"
)

// Interface text in templates is written {{t "Skip to content"}}. It is
// replaced by its translation (package i18n) when the templates are
// parsed, not when each page is drawn: a page pays nothing for its words.

// tCall matches {{t "..."}} with a Go string literal, trim markers allowed.
var tCall = regexp.MustCompile(`\{\{(-?)\s*t\s+("(?:[^"\\]|\\.)*")\s*(-?)\}\}`)

// translate replaces every {{t "..."}} in a template's source with the
// text in the language of words, escaped for HTML (it may stand in an
// attribute).
func translate(src string, words *i18n.Dict) (string, error) {
	var err error
	out := tCall.ReplaceAllStringFunc(src, func(m string) string {
		parts := tCall.FindStringSubmatch(m)
		text, uerr := strconv.Unquote(parts[2])
		if uerr != nil {
			err = uerr
			return m
		}
		lead, trail := "", ""
		if parts[1] == "-" {
			lead = "{{- \"\" }}"
		}
		if parts[3] == "-" {
			trail = "{{ \"\" -}}"
		}
		return lead + html.EscapeString(words.T(text)) + trail
	})
	return out, err
}
