//go:build unix

package site

import (
	"flag"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
)

// slowPatterns are texts that, repeated to the size limit, took seconds
// or minutes to render before the limits of limits.go, and their kin.
var slowPatterns = []string{
	"> ", "- ", "1. ", "> - ", "  - a\n", "[", "![", "[[", "[a]", "[a](", "[a](b) ", "((a", "[^", "[^a]", "[^a]: b\n",
	"[x]: ", "[x]: y\n", "[x]: y\n\n", "*_", "**a", "*a* ", "~~a ", "\"a '", "'", "\"", "`", "`a``", "<", "&", "&#", "\\",
	"<!--", "<b>", "<a ", "<div>\n\n", "|a|\n|-|\n|b|\n", "|a", "www.", "www.a ", "https://a.b ", "a@b.co ",
	"# a\n", "#\n", "a\n", "a\n\n", "- a\n", "1. a\n", "> a\n\n", "    a\n", "```\na\n```\n", "=\n", "a  \n",
}

// FuzzRenderTime fails when a text takes long to render, or when its
// rendering time per byte grows with its length. It repeats x to the size
// limit of a file (1 MiB), cuts that to what maxWork allows, and renders
// it and its first eighth (with -fuzz, x repeated to 64 KB, so that many
// inputs are tried). Any text must render in well under a second
// (the worst seed takes about a tenth, on a busy machine); the test fails
// past a second of processor time. Linear rendering keeps the time per
// byte of the two texts near each other; a construct whose work grows with
// the square of its length (deep nesting, unclosed parentheses, runs of
// quotes) makes the long text's 8 times the short's, and the test fails
// past 4. Times are the processor's, the best of three for the long text
// when the first looks bad, so that a busy machine does not fail it. Its
// seeds, the constructs that were slow, run with every go test. Run it with
//
//	go test -run XXX -fuzz FuzzRenderTime ./generator/site
func FuzzRenderTime(f *testing.F) {
	for _, s := range slowPatterns {
		f.Add(s, strings.HasPrefix(s, "<"))
	}
	f.Fuzz(func(t *testing.T, x string, allowHTML bool) {
		if x == "" || len(x) > 256 {
			return
		}
		size := content.MaxFileSize
		if fuzzing() {
			size = 64 << 10 // many inputs a second; a square still shows
		}
		long := withinWork(strings.Repeat(x, size/len(x)))
		short := long[:len(long)/8]
		slow := renderTime(long, allowHTML, 1)
		if slow < 20*time.Millisecond {
			return // too fast to tell
		}
		fast := renderTime(short, allowHTML, 3)
		growth := func() float64 {
			return (slow.Seconds() / float64(len(long))) / (fast.Seconds() / float64(len(short)))
		}
		if slow > time.Second || growth() > 4 {
			slow = min(slow, renderTime(long, allowHTML, 2))
		}
		if slow > time.Second || growth() > 4 {
			t.Errorf("%q repeated: %d bytes in %v, %d bytes in %v: %.1f times the time per byte", x, len(short), fast, len(long), slow, growth())
		}
	})
}

// BenchmarkRenderAtLimit renders each of slowPatterns repeated to the size
// limit of a file, cut to what maxWork allows:
//
//	go test ./generator/site -run XXX -bench RenderAtLimit
func BenchmarkRenderAtLimit(b *testing.B) {
	for _, x := range slowPatterns {
		text := withinWork(strings.Repeat(x, content.MaxFileSize/len(x)))
		md := newMarkdown(strings.HasPrefix(x, "<"))
		b.Run(strings.NewReplacer("\n", "⏎", " ", "␣").Replace(x), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				var errs content.ErrorList
				md.convert(content.Markdown{Text: content.TextOf(text), Pos: content.Pos{File: "f.md", Line: 1, Col: 1}}, "", func(content.Ref) (string, string, bool) { return "", "", true }, &errs)
			}
		})
	}
}

// fuzzing reports whether go test runs with -fuzz.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// withinWork cuts text to its longest prefix that maxWork allows.
func withinWork(text string) string {
	if at, _, passed := workPassed([]byte(text)); passed {
		return text[:at]
	}
	return text
}

// renderTime is the processor time of one rendering of text, the best of
// runs, each after a collection: processor time, not the clock, so that
// other work on the machine does not count. The process's processor time
// moves in ticks of a few milliseconds, so a text that renders faster than
// measureFor is rendered again until that much has passed (at most
// maxRepeats times), and its time is the average: one tick more or less
// on a short text would otherwise look like a growth of several times.
func renderTime(text string, allowHTML bool, runs int) time.Duration {
	const measureFor, maxRepeats = 20 * time.Millisecond, 64
	md := newMarkdown(allowHTML)
	best := time.Duration(1<<63 - 1)
	for range runs {
		runtime.GC()
		start, n := cpuTime(), 0
		spent := time.Duration(0)
		for spent < measureFor && n < maxRepeats {
			var errs content.ErrorList
			md.convert(content.Markdown{Text: content.TextOf(text), Pos: content.Pos{File: "f.md", Line: 1, Col: 1}}, "", func(content.Ref) (string, string, bool) { return "", "", true }, &errs)
			n++
			spent = cpuTime() - start
		}
		best = min(best, max(spent, time.Millisecond)/time.Duration(n))
	}
	return best
}

// cpuTime is the processor time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
