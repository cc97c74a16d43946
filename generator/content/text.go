package content

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
)

// A Text is a string that a build may keep in a temporary file rather than
// in memory: the Markdown of a record and its rendering (package site) are
// most of a loaded site's bytes, and each is read only a few times, when
// the text is rendered, indexed for search or drawn on its page. Texts
// made with a nil *Texts, or shorter than spillBytes, stay in memory. The
// zero Text is the empty string.
type Text struct {
	s     string // the text, when it is kept in memory
	texts *Texts // the file that holds it otherwise
	off   int64
	n     int
}

// TextOf keeps s in memory.
func TextOf(s string) Text { return Text{s: s} }

// String returns the text, reading it from its file when it is there.
func (t Text) String() string {
	if t.texts == nil {
		return t.s
	}
	return t.texts.read(t.off, t.n)
}

// Blank reports whether the text is empty or white space only, without
// reading it from its file: a text in the file never is (Keep). The
// history asks it of every record's texts, and reading each back was a
// system call for each.
func (t Text) Blank() bool { return t.texts == nil && strings.TrimSpace(t.s) == "" }

// Len is the text's length in bytes, without reading it.
func (t Text) Len() int {
	if t.texts == nil {
		return len(t.s)
	}
	return t.n
}

// spillBytes is the length from which a text goes to the file: shorter
// ones cost less in memory than the reading would.
const spillBytes = 256

// Texts is a temporary file that holds long texts for the length of a
// build, appended as they are made and read back where they are used. It
// is safe for concurrent use. A failure to write keeps the text in memory;
// a failure to read is kept and returned by Err, so that a build that
// read a text wrong fails rather than publish it.
type Texts struct {
	f *os.File

	mu   sync.Mutex
	size int64
	err  error
}

// NewTexts makes the file in dir ("" for the system's temporary folder).
// Where the system allows it (not Windows), the file's name is removed at
// once and the open file kept: its bytes go when the process ends, however
// it ends, so that a check stopped with Ctrl-C or killed leaves no file of
// hundreds of megabytes behind. Elsewhere Close removes it.
func NewTexts(dir string) (*Texts, error) {
	f, err := os.CreateTemp(dir, ".briefing-texts-")
	if err != nil {
		return nil, fmt.Errorf("cannot make the file for the site's texts: %w", err)
	}
	if runtime.GOOS != "windows" {
		os.Remove(f.Name()) // an error leaves the name for Close to remove
	}
	return &Texts{f: f}, nil
}

// Keep returns s as a Text: in the file when t is not nil and s is long
// and not blank (see Blank), in memory otherwise. s is copied either way:
// the Text never refers to the string it was made from, which may be a
// whole file's bytes.
func (t *Texts) Keep(s string) Text {
	if t == nil || len(s) < spillBytes || strings.TrimSpace(s) == "" {
		return Text{s: keep(s)}
	}
	return t.KeepBytes([]byte(s))
}

// KeepBytes is Keep for bytes, which it does not keep either.
func (t *Texts) KeepBytes(b []byte) Text {
	if t == nil || len(b) < spillBytes || len(bytes.TrimSpace(b)) == 0 {
		return Text{s: string(b)}
	}
	t.mu.Lock()
	off := t.size
	t.size += int64(len(b))
	t.mu.Unlock()
	if _, err := t.f.WriteAt(b, off); err != nil {
		return Text{s: string(b)} // the bytes reserved stay unused
	}
	return Text{texts: t, off: off, n: len(b)}
}

// Markdown is Keep for each Markdown text of a record: its body, its
// events' bodies, a statement's context and a count's note.
func (t *Texts) Markdown(rec interface{ Meta() *Record }) {
	if t == nil {
		return
	}
	md := func(m *Markdown) { m.Text = t.Keep(m.Text.String()) }
	md(&rec.Meta().Body)
	switch r := rec.(type) {
	case *Prisoner:
		for i := range r.Events {
			md(&r.Events[i].Body)
		}
	case *Site:
		for i := range r.Events {
			md(&r.Events[i].Body)
		}
	case *Statement:
		md(&r.Context)
	case *Count:
		md(&r.Note)
	}
}

func (t *Texts) read(off int64, n int) string {
	var b strings.Builder
	b.Grow(n)
	var buf [4096]byte
	if _, err := io.CopyBuffer(&b, io.NewSectionReader(t.f, off, int64(n)), buf[:]); err != nil || b.Len() != n {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		t.mu.Lock()
		if t.err == nil {
			t.err = fmt.Errorf("cannot read back the site's texts from %s: %w", t.f.Name(), err)
		}
		t.mu.Unlock()
	}
	return b.String()
}

// Err is the first failure to read a text back, or nil.
func (t *Texts) Err() error {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err
}

// Close closes the file and removes it. It may be called more than once.
func (t *Texts) Close() error {
	if t == nil {
		return nil
	}
	t.f.Close()
	if err := os.Remove(t.f.Name()); err != nil && !os.IsNotExist(err) {
		return err
	}
	return nil
}
