// Command generator builds the briefing on political prisoners in Venezuela
// from the Markdown and TOML in content/ into a static site.
//
// Usage:
//
//	go run ./generator build [-src DIR] [-out DIR] [-drafts] [-baseurl URL]
//	go run ./generator check [-src DIR] [-drafts] [-baseurl URL]
//
// Exit status: 0 done, 1 content or build errors (all of them listed), 2
// wrong usage. main only parses flags and maps errors to exit codes; the
// work is in the packages below it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/presos-politicos/briefing/generator/build"
	"github.com/presos-politicos/briefing/generator/content"
)

const usage = `usage: generator <command> [flags]

Commands:
  build    build the site into public/ (or -out)
  check    build in memory and verify content, links and anchors

Run "generator <command> -h" for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch cmd := args[0]; cmd {
	case "build", "check":
		return runBuild(cmd, args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "generator: unknown command %q\n\n%s", cmd, usage)
		return 2
	}
}

func runBuild(cmd string, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	var opts build.Options
	fl.StringVar(&opts.Src, "src", ".", "the site `folder`: site.toml, content/, templates/, static/")
	if cmd == "build" {
		fl.StringVar(&opts.Out, "out", "", "the output `folder` (default: site.toml's output, else public)")
	}
	fl.BoolVar(&opts.Drafts, "drafts", false, "include records marked draft = true")
	fl.StringVar(&opts.BaseURL, "baseurl", "", "the `URL` the site is published at, overriding site.toml")
	fl.Usage = func() {
		what := "builds the site into a fresh folder and swaps it in only if everything succeeded"
		if cmd == "check" {
			what = "builds the site in memory and verifies content, every internal link and anchor"
		}
		fmt.Fprintf(fl.Output(), "usage: generator %s [flags]\n\n%s %s.\n\nFlags:\n", cmd, cmd, what)
		fl.PrintDefaults()
		fmt.Fprint(fl.Output(), "\nExit status: 0 done, 1 content or build errors, 2 wrong usage.\n")
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fl.SetOutput(stdout)
			fl.Usage()
			return 0
		}
		return 2
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "generator %s: unexpected argument %q\n", cmd, fl.Arg(0))
		fl.Usage()
		return 2
	}
	if opts.BaseURL != "" {
		if err := content.CheckBaseURL(opts.BaseURL); err != nil {
			fmt.Fprintf(stderr, "generator %s: -baseurl: %v\n", cmd, err)
			return 2
		}
	}
	start := time.Now()
	var res *build.Result
	var err error
	if cmd == "build" {
		res, err = build.Build(opts)
	} else {
		res, err = build.Check(opts)
	}
	if err != nil {
		lines := strings.Split(relativeTo(opts.Src, err), "\n")
		for _, l := range lines {
			fmt.Fprintln(stderr, l)
		}
		fmt.Fprintf(stderr, "%s failed: %s\n", cmd, count(len(lines), "problem"))
		return 1
	}
	if cmd == "build" {
		fmt.Fprintf(stdout, "built %d pages (%d files, %d KB) into %s in %s\n", res.Pages, res.Files, res.Bytes/1024, display(res.Out), time.Since(start).Round(time.Millisecond))
	} else {
		fmt.Fprintf(stdout, "checked %d pages: no problems\n", res.Pages)
	}
	return 0
}

// relativeTo prints content errors with paths an editor can open from the
// current folder: under -src, "content/x.toml" becomes "site/content/x.toml".
func relativeTo(src string, err error) string {
	var es content.Errors
	if src == "." || src == "" || !errors.As(err, &es) {
		return err.Error()
	}
	for _, e := range es {
		e.Pos.File = filepath.ToSlash(filepath.Join(src, e.Pos.File))
	}
	return err.Error()
}

func display(dir string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, dir); err == nil && !strings.HasPrefix(rel, "..") {
			return rel
		}
	}
	return dir
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
