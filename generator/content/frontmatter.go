package content

import (
	"bytes"
	"errors"
)

var fence = []byte("+++")

// splitFrontMatter splits a Markdown file into its TOML front matter, between
// two lines of +++ at the top, and its body. The body keeps the file's line
// numbers: the front matter's lines are blanked, not cut away.
func splitFrontMatter(src []byte) (front, body []byte, err error) {
	lines := bytes.SplitAfter(src, []byte("\n"))
	if !isFence(bytes.TrimPrefix(lines[0], []byte("\ufeff"))) {
		return nil, nil, errors.New("a Markdown file must start with a line of +++, then TOML front matter such as title = \"...\", then another line of +++")
	}
	start := len(lines[0])
	end := start
	for i, line := range lines[1:] {
		if isFence(line) {
			body := bytes.Repeat([]byte("\n"), i+2)
			return src[start:end], append(body, src[end+len(line):]...), nil
		}
		end += len(line)
	}
	return nil, nil, errors.New("the front matter is not closed: add a line of +++ after it")
}

func isFence(line []byte) bool {
	return bytes.Equal(bytes.TrimRight(line, " \t\r\n"), fence)
}
