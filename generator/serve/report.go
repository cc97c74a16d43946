package serve

import (
	"bufio"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/presos-politicos/briefing/generator/content"
)

// A problem is one error of a failed build as the overlay shows it: where,
// what, a link that opens the file in the editor's text editor (site.toml's
// editor), and the line of the file with a caret under the column.
type problem struct {
	Where  string `json:"where,omitempty"` // "content/x.toml:2:19"
	Msg    string `json:"msg"`
	Href   string `json:"href,omitempty"`
	Source string `json:"source,omitempty"`
	Caret  string `json:"caret,omitempty"` // as wide as Source up to the column, then ^
}

// report lists the errors of a build of the site at src, in their order
// (the build sorts them: parse errors first).
func report(src string, err error) []problem {
	editor := ""
	if cfg, cerr := content.LoadConfig(os.DirFS(src)); cerr == nil {
		editor = cfg.Editor
	}
	var out []problem
	walk(err, func(e error) {
		var es content.Errors
		var one *content.Error
		switch {
		case errors.As(e, &one):
			es = content.Errors{one}
		case errors.As(e, &es):
		default:
			for _, line := range strings.Split(e.Error(), "\n") {
				out = append(out, problem{Msg: line})
			}
			return
		}
		for _, ce := range es {
			out = append(out, problemAt(src, editor, ce))
		}
	})
	return out
}

func problemAt(src, editor string, e *content.Error) problem {
	p := problem{Where: e.Pos.String(), Msg: e.Msg}
	if e.Pos.File == "" {
		p.Where = ""
		return p
	}
	abs, err := filepath.Abs(filepath.Join(src, filepath.FromSlash(e.Pos.File)))
	if err != nil {
		return p
	}
	if editor != "" {
		line, col := max(e.Pos.Line, 1), max(e.Pos.Col, 1)
		path := (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath()
		if strings.HasPrefix(path, "/") {
			// "vscode://file/{path}" and "vscode://file{path}" alike.
			editor = strings.ReplaceAll(editor, "/{path}", "{path}")
		}
		p.Href = strings.NewReplacer(
			"{path}", path,
			"{line}", strconv.Itoa(line),
			"{col}", strconv.Itoa(col),
		).Replace(editor)
	}
	if e.Pos.Line > 0 {
		p.Source, p.Caret = sourceLine(abs, e.Pos.Line, e.Pos.Col)
	}
	return p
}

// sourceLine reads line n of a file and makes the caret line under it:
// the line's own tabs, spaces for the rest, then ^ under column col (in
// bytes, as positions count).
func sourceLine(file string, n, col int) (line, caret string) {
	f, err := os.Open(file)
	if err != nil {
		return "", ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, content.MaxFileSize)
	for i := 1; sc.Scan(); i++ {
		if i == n {
			line = strings.TrimRight(sc.Text(), "\r")
			break
		}
	}
	if line == "" || !utf8.ValidString(line) {
		return "", ""
	}
	if col < 1 {
		return line, ""
	}
	var b strings.Builder
	for _, r := range line[:min(col-1, len(line))] {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return line, b.String() + "^"
}

// walk calls fn with each error joined in err.
func walk(err error, fn func(error)) {
	if err == nil {
		return
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			walk(e, fn)
		}
		return
	}
	fn(err)
}
