package content

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// A Pos is a place in a source file. Line and Col count from 1; a zero
// Line means the whole file, a zero Col the whole line.
type Pos struct {
	File      string
	Line, Col int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// A Stage says what kind of problem an Error is, and so where it comes in
// a report: an editor fixes the first thing they read, so causes come
// before what they cause. Errors sort by stage, then by file and position.
type Stage int8

const (
	// Parse: a file cannot be a record at all: it cannot be read, is not
	// UTF-8 or not TOML, or is misnamed or misplaced.
	Parse Stage = iota - 1
	// Validation, the zero Stage: a record's own value is wrong.
	Validation
	// Reference: a record names another that is missing or unpublished.
	Reference
	// Output: the pages cannot be made from valid, resolved records.
	Output
)

// An Error is a problem at a position in the content.
type Error struct {
	Pos   Pos
	Msg   string
	Stage Stage
	// Key is the key the error is about, by its path in the record
	// ("status", "custody[0].site", "sources[1].url"), or "" when it is
	// about no one key: import names the column from it.
	Key string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errorf returns an Error at pos.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// ErrorList collects the errors of a run so that an editor sees every
// problem at once. It is safe for concurrent use.
type ErrorList struct {
	mu   sync.Mutex
	errs []*Error
}

// count is how many errors are recorded.
func (l *ErrorList) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.errs)
}

// Add records an error.
func (l *ErrorList) Add(e *Error) {
	l.mu.Lock()
	l.errs = append(l.errs, e)
	l.mu.Unlock()
}

// Addf records a Validation error at pos.
func (l *ErrorList) Addf(pos Pos, format string, args ...any) {
	l.Add(Errorf(pos, format, args...))
}

// AddStagef records an error of a stage at pos.
func (l *ErrorList) AddStagef(stage Stage, pos Pos, format string, args ...any) {
	e := Errorf(pos, format, args...)
	e.Stage = stage
	l.Add(e)
}

// Err returns the errors sorted by stage, then position, as an Errors, or
// nil if none.
func (l *ErrorList) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.errs) == 0 {
		return nil
	}
	errs := slices.Clone(l.errs)
	slices.SortStableFunc(errs, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.Stage, b.Stage),
			strings.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			strings.Compare(a.Msg, b.Msg),
		)
	})
	return Errors(slices.CompactFunc(errs, func(a, b *Error) bool { return *a == *b }))
}

// Errors is every problem found in one run, sorted by stage and position. Its Error
// method prints one per line.
type Errors []*Error

func (es Errors) Error() string {
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}
