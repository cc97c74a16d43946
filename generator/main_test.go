package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/host"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/charmap"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"generator": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
		// The same program with the hosts' limits scaled down to what a
		// small fixture can break, one kind of limit per host.
		"generator-small-hosts": func() {
			hosts = smallHosts
			os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
		},
	})
}

// smallHosts break, on the fixture of testdata/script/hosts.txtar, one kind
// of limit each: the total bytes, the files, one file's size, the files and
// folders together, and the entries of one folder; cloudflare-pages-free
// breaks two at once, and cloudflare-pages is only near its file limit.
var smallHosts = []host.Host{
	{Name: "github-pages", TotalBytes: 100_000, TotalText: "100 kB"},
	{Name: "cloudflare-pages-free", Files: 20, FileBytes: 20_000, FileText: "20 kB"},
	{Name: "cloudflare-pages", Files: 50, FileBytes: 1_000_000, FileText: "1 MB"},
	{Name: "gitlab-pages", Files: 40, FoldersCount: true},
	{Name: "netlify", FolderEntries: 12},
}

// TestScripts runs the CLI scripts in testdata/script: each writes a site,
// runs the real command and compares its output and exit status.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			// Every script's site gets the real templates and stylesheet.
			for _, d := range []string{"templates", "static"} {
				if err := os.CopyFS(filepath.Join(env.WorkDir, d), os.DirFS(filepath.Join(testsite.Root, d))); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"excel": excel,
		},
	})
}

// excel rewrites a file as Excel saves "CSV" on Windows: "excel bom-crlf
// FILE" with a byte-order mark and CRLF line ends (as "CSV UTF-8" is),
// "excel cp1252 FILE" in Windows-1252 (as plain "CSV" is).
func excel(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: excel bom-crlf|cp1252 FILE")
	}
	name := ts.MkAbs(args[1])
	data, err := os.ReadFile(name)
	ts.Check(err)
	switch args[0] {
	case "bom-crlf":
		data = append([]byte("\ufeff"), bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))...)
	case "cp1252":
		data, err = charmap.Windows1252.NewEncoder().Bytes(data)
		ts.Check(err)
	default:
		ts.Fatalf("excel: unknown form %q", args[0])
	}
	ts.Check(os.WriteFile(name, data, 0o644))
}

// TestREADMECommands checks that every command the README shows is real:
// each "go run ./generator" line names a command and flags that exist, and
// the test command is the one CI runs.
func TestREADMECommands(t *testing.T) {
	f, err := os.Open("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmdLine := regexp.MustCompile("^\\s*(?:\\$ )?go run \\./generator (.*)$")
	var commands []string
	inCode, testCmd := false, false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			inCode = !inCode
			continue
		}
		if !inCode {
			continue
		}
		if m := cmdLine.FindStringSubmatch(line); m != nil {
			commands = append(commands, strings.TrimSpace(strings.SplitN(m[1], "#", 2)[0]))
		}
		if strings.TrimSpace(line) == "go test ./..." {
			testCmd = true
		}
	}
	if !testCmd {
		t.Error("the README does not show the test command go test ./...")
	}
	if len(commands) < 2 {
		t.Fatalf("the README shows %d generator commands", len(commands))
	}
	ci, err := os.ReadFile("../.ci/run")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ci), "go test ./...") {
		t.Error(".ci/run does not run the README's test command")
	}
	flagName := regexp.MustCompile(`(?m)^\s+-(\w+)( \S+)?`)
	for _, c := range commands {
		words := strings.Fields(strings.NewReplacer("[", "", "]", "").Replace(c))
		// Which of the command's flags take a value: its help says.
		var help0 strings.Builder
		run([]string{words[0], "-h"}, &help0, io.Discard)
		takesValue := make(map[string]bool)
		for _, m := range flagName.FindAllStringSubmatch(help0.String(), -1) {
			takesValue["-"+m[1]] = m[2] != ""
		}
		// Keep the flags and their values; leave out the arguments
		// (KIND SLUG, prisoners people.csv).
		args := words[:1]
		for i := 1; i < len(words); i++ {
			if strings.HasPrefix(words[i], "-") {
				args = append(args, words[i])
				if takesValue[words[i]] && i+1 < len(words) {
					args = append(args, words[i+1])
					i++
				}
			}
		}
		// Placeholders such as DIR and URL stand for values; -h after the
		// flags makes the command parse them all, then print its help.
		var help strings.Builder
		if code := run(append(args, "-h"), &help, io.Discard); code != 0 {
			t.Errorf("README command %q: flags rejected (exit %d)", "go run ./generator "+c, code)
			continue
		}
		// And the other way: every flag the command has is in the README.
		for _, m := range flagName.FindAllStringSubmatch(help.String(), -1) {
			if strings.Contains(c, "[") && !strings.Contains(c, "-"+m[1]) {
				t.Errorf("README synopsis %q lacks the flag -%s", c, m[1])
			}
		}
	}
}
