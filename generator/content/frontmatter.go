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
	for _, line := range lines[1:] {
		if isFence(line) {
			stop := end + len(line)
			body := bytes.Repeat([]byte("\n"), bytes.Count(src[:stop], []byte("\n")))
			return src[start:end], append(body, src[stop:]...), nil
		}
		end += len(line)
	}
	return nil, nil, errors.New("the front matter is not closed: add a line of +++ after it")
}

func isFence(line []byte) bool {
	return bytes.Equal(bytes.TrimRight(line, " \t\r\n"), fence)
}
