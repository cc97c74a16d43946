// Command generator builds the briefing on political prisoners in Venezuela
// from the Markdown and TOML in content/ into a static site.
//
// Usage:
//
//	go run ./generator build [-src DIR] [-out DIR] [-drafts] [-baseurl URL] [-host NAME] [-cache DIR]
//	go run ./generator check [-src DIR] [-drafts] [-baseurl URL] [-host NAME] [-cache DIR]
//	go run ./generator serve [-src DIR] [-addr 127.0.0.1:1313] [-expose] [-allow-host NAME] [-drafts] [-cache DIR]
//	go run ./generator new [-src DIR] KIND SLUG
//	go run ./generator import [-src DIR] [-write] KIND FILE.csv
//	go run ./generator version
//
// Exit status: 0 done, 1 content or build errors (all of them listed), 2
// wrong usage. main only parses flags and maps errors to exit codes; the
// work is in the packages below it.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/host"
	"github.com/presos-politicos/briefing/generator/pipeline"
	"github.com/presos-politicos/briefing/generator/scaffold"
	"github.com/presos-politicos/briefing/generator/serve"
)

const usage = `usage: generator <command> [flags]

Commands:
  build    build the site into public/ (or -out)
  check    build in memory and verify content, links and anchors
  serve    preview the site, rebuilding and reloading as files change
  new      write a new record from a template: new prisoner rocio-san-miguel
  import   make records from a spreadsheet: import prisoners FILE.csv
  version  print the program's version and the commit it was built from

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
	case "serve":
		return runServe(args[1:], stdout, stderr)
	case "new":
		return runNew(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "version", "-version", "--version":
		return runVersion(args[1:], stdout, stderr)
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
	var opts pipeline.Options
	fl.StringVar(&opts.Src, "src", ".", "the site `folder`: site.toml, content/, templates/, static/")
	if cmd == "build" {
		fl.StringVar(&opts.Out, "out", "", "the output `folder` (default: site.toml's output, else public)")
	}
	fl.BoolVar(&opts.Drafts, "drafts", false, "include records marked draft = true")
	fl.StringVar(&opts.BaseURL, "baseurl", "", "the `URL` the site is published at, overriding site.toml")
	fl.StringVar(&opts.Host, "host", "", "the `name` of the host whose limits the output must fit, overriding site.toml's host: "+host.Names(hosts))
	cacheFlag(fl, &opts.HistoryCache)
	opts.Hosts = hosts
	fl.Usage = func() {
		what := "builds the site into a fresh folder and swaps it in only if everything succeeded"
		if cmd == "check" {
			what = "builds the site in memory and verifies content, every internal link and anchor"
		}
		fmt.Fprintf(fl.Output(), "usage: generator %s [flags]\n\n%s %s.\n\nFlags:\n", cmd, cmd, what)
		fl.PrintDefaults()
		fmt.Fprint(fl.Output(), "\nExit status: 0 done, 1 content or build errors, 2 wrong usage.\n")
	}
	if code, stop := parse(fl, args, stdout); stop {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "%s: unexpected argument %q\n", cmd, fl.Arg(0))
		fl.Usage()
		return 2
	}
	if opts.BaseURL != "" {
		if err := content.CheckBaseURL(opts.BaseURL); err != nil {
			fmt.Fprintf(stderr, "%s: -baseurl: %v\n", cmd, err)
			return 2
		}
	}
	if opts.Host != "" {
		if _, ok := host.Lookup(hosts, opts.Host); !ok {
			fmt.Fprintf(stderr, "generator %s: -host: unknown host %q; give %s\n", cmd, opts.Host, host.Names(hosts))
			return 2
		}
	}
	// Once the site is loaded, the collector is held to a few times its
	// size (memory.go): the process's memory is main's to set.
	undo := func() {}
	opts.Loaded = func(records int) { undo = boundMemory(records) }
	defer func() { undo() }()
	start := time.Now()
	var res *pipeline.Result
	var err error
	if cmd == "build" {
		// A signal stops the build cleanly: its temporary folder is
		// removed and the previous output stays as it was.
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		res, err = pipeline.BuildContext(ctx, opts)
		stop()
	} else {
		res, err = pipeline.Check(opts)
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "%s stopped by a signal; the previous output is as it was\n", cmd)
		return 1
	}
	if err != nil {
		n := printErrors(stderr, opts.Src, err)
		fmt.Fprintf(stderr, "%s failed: %s\n", cmd, count(n, "problem"))
		return 1
	}
	if res.Note != "" {
		fmt.Fprintf(stderr, "note: %s\n", res.Note)
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "warning: %s\n", w)
	}
	fits := ""
	if res.Host != "" {
		fits = "; it fits " + res.Host
	}
	if cmd == "build" {
		into := display(res.Out)
		if res.Target != "" {
			into += " (a link to " + res.Target + ")"
		}
		fmt.Fprintf(stdout, "built %d pages (%d files, %d KB) into %s in %s%s\n", res.Pages, res.Files, res.Bytes/1024, into, time.Since(start).Round(time.Millisecond), fits)
	} else {
		fmt.Fprintf(stdout, "checked %d pages: no problems%s\n", res.Pages, fits)
	}
	return 0
}

// cacheFlag defines -cache, the folder that keeps what reading the git
// history found from one build to the next (package history). It is
// $BRIEFING_CACHE when set, else briefing-generator in the user's cache
// folder (os.UserCacheDir); -cache= builds without one.
func cacheFlag(fl *flag.FlagSet, dir *string) {
	*dir = os.Getenv("BRIEFING_CACHE")
	if *dir == "" {
		if user, err := os.UserCacheDir(); err == nil {
			*dir = filepath.Join(user, "briefing-generator")
		}
	}
	fl.Func("cache", "the `folder`, outside the site and the output, that keeps the git history's reading between builds (default $BRIEFING_CACHE, else briefing-generator in the user's cache folder; -cache= for none)", func(v string) error {
		*dir = v
		return nil
	})
}

// hosts is the table of hosts' limits that -host and site.toml's host
// name; the tests put smaller limits in it.
var hosts = host.Documented

// printErrors prints every error in err, one a line, and returns how many:
// content errors with paths an editor can open from the current folder
// (under -src, "content/x.toml" becomes "site/content/x.toml").
func printErrors(w io.Writer, src string, err error) int {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		n := 0
		for _, e := range j.Unwrap() {
			n += printErrors(w, src, e)
		}
		return n
	}
	var es content.Errors
	var one *content.Error
	if errors.As(err, &one) {
		es = content.Errors{one}
	}
	if es == nil && !errors.As(err, &es) {
		fmt.Fprintln(w, err)
		return 1
	}
	for _, e := range es {
		if e.Pos.File != "" && src != "." && src != "" {
			e2 := *e
			e2.Pos.File = filepath.ToSlash(filepath.Join(src, e.Pos.File))
			e = &e2
		}
		fmt.Fprintln(w, e.Error())
	}
	return len(es)
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

// flags makes a command's flag set, printing its help on -h.
func flags(cmd, args, what string, stderr io.Writer) *flag.FlagSet {
	fl := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintf(fl.Output(), "usage: generator %s %s\n\n%s\n\nFlags:\n", cmd, args, what)
		fl.PrintDefaults()
		fmt.Fprint(fl.Output(), "\nExit status: 0 done, 1 errors, 2 wrong usage.\n")
	}
	return fl
}

// parse parses args; it returns an exit code when the command must stop:
// 0 after printing the help on stdout for -h, 2 after a usage error.
func parse(fl *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	stderr := fl.Output()
	var msgs bytes.Buffer
	fl.SetOutput(&msgs)
	err := fl.Parse(args)
	fl.SetOutput(stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fl.SetOutput(stdout)
		fl.Usage()
		return 0, true
	case err != nil:
		io.Copy(stderr, &msgs)
		return 2, true
	}
	return 0, false
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fl := flags("serve", "[flags]", "serve builds the site in memory, serves it, watches content/, templates/, static/ and site.toml,\nand rebuilds and reloads open pages on every change. Errors show in the page and here.", stderr)
	var opts serve.Options
	fl.StringVar(&opts.Src, "src", ".", "the site `folder`")
	fl.StringVar(&opts.Addr, "addr", serve.DefaultAddr, "the `host:port` to listen on")
	fl.BoolVar(&opts.Expose, "expose", false, "allow an -addr that other machines can reach")
	fl.Func("allow-host", "a `name` the preview also answers to, such as preview.lan (repeat it, or separate names with commas); any other Host is refused", func(v string) error {
		for _, n := range strings.Split(v, ",") {
			if n = strings.TrimSpace(n); n != "" {
				opts.AllowHosts = append(opts.AllowHosts, n)
			}
		}
		return nil
	})
	fl.BoolVar(&opts.Drafts, "drafts", false, "include records marked draft = true")
	cacheFlag(fl, &opts.HistoryCache)
	if code, stop := parse(fl, args, stdout); stop {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "serve: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	if err := serve.CheckAddr(opts.Addr, opts.Expose); err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 2
	}
	if opts.Expose {
		fmt.Fprintf(stderr, "warning: -expose: the preview, drafts included, can be reached from other machines at %s\n", opts.Addr)
	}
	opts.Log = stderr
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve.Run(ctx, opts); err != nil {
		fmt.Fprintf(stderr, "serve: %v\n", err)
		return 1
	}
	return 0
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fl := flags("new", "[-src DIR] KIND SLUG", "new writes content/<kinds>/<slug> from a template with every field explained; the record is a draft\nand passes check. KIND is prisoner, statement, site, event, count, brief or page. It never replaces a file.", stderr)
	src := fl.String("src", ".", "the site `folder`")
	if code, stop := parse(fl, args, stdout); stop {
		return code
	}
	if fl.NArg() != 2 {
		fl.Usage()
		return 2
	}
	kind, err := scaffold.ParseKind(fl.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "new: %v\n", err)
		return 2
	}
	name, err := scaffold.New(*src, kind, fl.Arg(1))
	if err != nil {
		fmt.Fprintf(stderr, "new: %v\n", err)
		return 1
	}
	serveCmd := "go run ./generator serve -drafts"
	if *src != "." {
		serveCmd += " -src " + *src
	}
	fmt.Fprintf(stdout, "wrote %s, a draft: fill it in, and see it as you save with\n    %s\nat http://%s/%s; remove draft = true to publish it\n",
		filepath.ToSlash(filepath.Join(*src, name)), serveCmd, serve.DefaultAddr, scaffold.PagePath(kind, fl.Arg(1)))
	return 0
}

func runImport(args []string, stdout, stderr io.Writer) int {
	fl := flags("import", "[-src DIR] [-write] KIND FILE.csv", "import makes one record per row of a spreadsheet saved as CSV (UTF-8; \",\", \";\" or tab between cells):\nthe header names the fields, list items are separated by \";\", dates are 2024-02-09, 2024-02 or 2024.\nKIND is prisoner, statement, site, event or count. It shows what it would write unless -write; it checks\nevery row, with the rest of the site, and a problem in any stops it before it writes anything.", stderr)
	src := fl.String("src", ".", "the site `folder`")
	write := fl.Bool("write", false, "write the records (without it, only show them)")
	if code, stop := parse(fl, args, stdout); stop {
		return code
	}
	if fl.NArg() != 2 {
		fl.Usage()
		return 2
	}
	kind, err := scaffold.ParseKind(fl.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	}
	f, err := os.Open(fl.Arg(1))
	if err != nil {
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 1
	}
	defer f.Close()
	err = scaffold.Import(*src, kind, f, *write, stdout)
	var problems scaffold.Problems
	switch {
	case errors.As(err, &problems):
		for _, p := range problems {
			if p.Row == 0 { // a problem of the site, with its own file
				printErrors(stderr, *src, p.Err)
				continue
			}
			fmt.Fprintf(stderr, "%s: %s\n", fl.Arg(1), p)
		}
		fmt.Fprintf(stderr, "import: nothing was written: fix the %s above and import again\n", count(len(problems), "problem"))
		return 1
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", fl.Arg(1), err)
		return 1
	}
	return 0
}
