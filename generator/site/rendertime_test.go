//go:build unix

package site

import (
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
)

// FuzzRenderTime fails when rendering time per byte grows with the input:
// it renders a text x repeated to about 8 KB, then that repeated 8 times,
// and compares the time per byte. Linear rendering keeps the ratio near
// 1 (up to 3 on a busy machine, where the longer text also pays for the
// collector); a construct whose work grows with the square of its length
// (deep nesting, unclosed parentheses) makes it 8 or more. The margins
// are wide (a ratio over 6, and over 100 ms of processor time for the long text) so that a
// busy machine does not fail it; its seeds run with every go test. Run it
// with
//
//	go test -fuzz FuzzRenderTime ./generator/site
func FuzzRenderTime(f *testing.F) {
	for _, s := range []string{"> ", "- ", "1. ", "> - ", "  - a\n", "*_", "**a ", "[a](", "[", "![", "[a]", "[^a]", "\"a '", "<b>", "<a ", "|a|\n|-|\n|b|\n", "`a``", "&#", "www.a", "~~a ", "a\n"} {
		f.Add(s, strings.HasPrefix(s, "<"))
	}
	f.Fuzz(func(t *testing.T, x string, allowHTML bool) {
		if x == "" || len(x) > 256 {
			return
		}
		base := strings.Repeat(x, 8192/len(x)+1)
		long := strings.Repeat(base, 8)
		short, slow := renderTime(base, allowHTML), renderTime(long, allowHTML)
		growth := (slow.Seconds() / float64(len(long))) / (short.Seconds() / float64(len(base)))
		if slow > 100*time.Millisecond && growth > 6 {
			t.Errorf("%q repeated: %d bytes in %v, %d bytes in %v: %.0f times the time per byte", x, len(base), short, len(long), slow, growth)
		}
	})
}

// renderTime is the processor time of the faster of two renderings of
// text, each after a collection: processor time, not the clock, so that
// other work on the machine does not count.
func renderTime(text string, allowHTML bool) time.Duration {
	md := newMarkdown(allowHTML)
	best := time.Duration(1<<63 - 1)
	for range 2 {
		runtime.GC()
		var errs content.ErrorList
		start := cpuTime()
		md.convert(content.Markdown{Text: text, Pos: content.Pos{File: "f.md", Line: 1, Col: 1}}, "", func(content.Ref) (string, string, bool) { return "", "", true }, &errs)
		best = min(best, max(cpuTime()-start, time.Millisecond))
	}
	return best
}

// cpuTime is the processor time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
