package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The workflows are YAML that GitHub reads only once pushed; these tests
// parse them (gopkg.in/yaml.v3, a test-only dependency: a hand-written
// check would miss what indentation does to YAML) and check what each
// promises: its triggers, its jobs, and the commands they run.

type workflow struct {
	Name string
	On   map[string]any `yaml:"on"`
	Jobs map[string]struct {
		If     string
		Needs  any
		Steps  []step
		RunsOn string `yaml:"runs-on"`
	}
}

type step struct {
	Name string
	Uses string
	Run  string
	With map[string]any
}

func readWorkflow(t *testing.T, name string) *workflow {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", ".github", "workflows", name))
	if err != nil {
		t.Fatal(err)
	}
	var w workflow
	if err := yaml.Unmarshal(data, &w); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if w.Name == "" || len(w.Jobs) == 0 {
		t.Fatalf("%s: no name or no jobs", name)
	}
	for id, j := range w.Jobs {
		if j.RunsOn == "" && len(j.Steps) > 0 {
			t.Errorf("%s: job %s has no runs-on", name, id)
		}
		for _, s := range j.Steps {
			if (s.Uses == "") == (s.Run == "") {
				t.Errorf("%s: job %s: a step needs one of uses and run: %+v", name, id, s)
			}
			checkCommands(t, name, s.Run)
		}
	}
	return &w
}

// checkCommands fails on a "go run ./generator" line that names no command.
func checkCommands(t *testing.T, file, run string) {
	t.Helper()
	cmd := regexp.MustCompile(`go run \./generator (\w+)`)
	for _, m := range cmd.FindAllStringSubmatch(run, -1) {
		if code := run0(m[1]); code != 0 {
			t.Errorf("%s runs %q: not a command", file, m[0])
		}
	}
}

// run0 reports how the command's -h exits: 0 for a real command.
func run0(command string) int {
	var discard strings.Builder
	return run([]string{command, "-h"}, &discard, &discard)
}

// runs lists the commands of a job's steps, and the actions it uses.
func runs(steps []step) (commands, actions []string) {
	for _, s := range steps {
		if s.Run != "" {
			commands = append(commands, strings.TrimSpace(s.Run))
		}
		if s.Uses != "" {
			actions = append(actions, strings.SplitN(s.Uses, "@", 2)[0])
		}
	}
	return commands, actions
}

func hasPrefix(list []string, prefix string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return strings.HasPrefix(s, prefix) })
}

// TestPullRequestWorkflow: every pull request runs .ci/run and check, and
// uploads the built site.
func TestPullRequestWorkflow(t *testing.T) {
	w := readWorkflow(t, "ci.yml")
	if _, ok := w.On["pull_request"]; !ok {
		t.Errorf("ci.yml does not run on pull requests: on = %v", w.On)
	}
	job, ok := w.Jobs["test"]
	if !ok {
		t.Fatal("ci.yml has no test job")
	}
	commands, actions := runs(job.Steps)
	for _, want := range []string{".ci/run", "go run ./generator check", "go run ./generator build -out site"} {
		if !hasPrefix(commands, want) {
			t.Errorf("ci.yml's test job does not run %q: %q", want, commands)
		}
	}
	if !slices.Contains(actions, "actions/upload-artifact") {
		t.Errorf("ci.yml does not upload the site: %q", actions)
	}
	for _, s := range job.Steps {
		if strings.HasPrefix(s.Uses, "actions/upload-artifact") && s.With["path"] != "site" {
			t.Errorf("the artifact is %v, not the site built into site/", s.With["path"])
		}
	}
}

// TestPublishWorkflow: publishing runs the same checks, fetches the whole
// history, and deploys only from the default branch.
func TestPublishWorkflow(t *testing.T) {
	w := readWorkflow(t, "publish.yml")
	if _, ok := w.On["pull_request"]; ok {
		t.Error("publish.yml runs on pull requests")
	}
	defaultBranch := "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
	build, deploy := w.Jobs["build"], w.Jobs["deploy"]
	if build.If != defaultBranch || deploy.If != defaultBranch {
		t.Errorf("build and deploy must run only from the default branch: %q, %q", build.If, deploy.If)
	}
	if deploy.Needs != "build" {
		t.Errorf("deploy needs %v, not build", deploy.Needs)
	}
	commands, actions := runs(build.Steps)
	for _, want := range []string{".ci/run", "go run ./generator check", "go run ./generator build"} {
		if !hasPrefix(commands, want) {
			t.Errorf("publish.yml's build job does not run %q: %q", want, commands)
		}
	}
	// .ci/run and check come before the build that is published.
	order := strings.Join(commands, "\n")
	if !(strings.Index(order, ".ci/run") < strings.Index(order, "generator check") && strings.Index(order, "generator check") < strings.Index(order, "generator build")) {
		t.Errorf("publish.yml runs %q: the checks must come first", commands)
	}
	if !slices.Contains(actions, "actions/upload-pages-artifact") {
		t.Errorf("publish.yml uploads no pages artifact: %q", actions)
	}
	checkout := build.Steps[0]
	if checkout.Uses != "actions/checkout@v4" || checkout.With["fetch-depth"] != 0 {
		t.Errorf("publish.yml must check out the whole history (fetch-depth: 0): %+v", checkout)
	}
	// The history cache is kept between runs, in the folder that check
	// and build are given, outside the checkout.
	var cached string
	for _, s := range build.Steps {
		if strings.HasPrefix(s.Uses, "actions/cache@") {
			cached, _ = s.With["path"].(string)
		}
	}
	if !strings.HasPrefix(cached, "${{ runner.temp }}/") {
		t.Errorf("publish.yml keeps no history cache outside the checkout with actions/cache: path %q", cached)
	}
	for _, c := range commands {
		if strings.HasPrefix(c, "go run ./generator check") || strings.HasPrefix(c, "go run ./generator build") {
			if !strings.HasSuffix(c, `-cache "`+cached+`"`) {
				t.Errorf("publish.yml runs %q without the history cache it keeps (-cache %q)", c, cached)
			}
		}
	}
}

// TestReleaseWorkflow: a version tag builds the program for every system,
// with checksums, and attaches them to the release.
func TestReleaseWorkflow(t *testing.T) {
	w := readWorkflow(t, "release.yml")
	push, _ := w.On["push"].(map[string]any)
	tags, _ := push["tags"].([]any)
	if len(tags) != 1 || tags[0] != "v*" || len(w.On) != 1 {
		t.Errorf("release.yml must run on version tags only: on = %v", w.On)
	}
	job := w.Jobs["release"]
	commands, _ := runs(job.Steps)
	for _, want := range []string{".ci/run", `.ci/release "$GITHUB_REF_NAME" "$GITHUB_SHA" dist`, "gh release create"} {
		if !hasPrefix(commands, want) {
			t.Errorf("release.yml does not run %q: %q", want, commands)
		}
	}
	// The folder .ci/release writes is the one attached, and git ignores it.
	var folder string
	for _, c := range commands {
		if f, ok := strings.CutPrefix(c, `.ci/release "$GITHUB_REF_NAME" "$GITHUB_SHA" `); ok {
			folder = f
		}
	}
	if folder == "" || strings.ContainsAny(folder, " \n") || !strings.Contains(strings.Join(commands, "\n"), " "+folder+"/*") {
		t.Errorf("release.yml attaches other files than the folder .ci/release writes (%q): %q", folder, commands)
	}
	ignore, err := os.ReadFile("../.gitignore")
	if err != nil || !slices.Contains(strings.Split(string(ignore), "\n"), "/"+folder+"/") {
		t.Errorf(".gitignore does not ignore /%s/, where .ci/release writes the programs", folder)
	}
	script, err := os.ReadFile("../.ci/release")
	if err != nil {
		t.Fatal(err)
	}
	// The arguments the workflow passes are the ones the script reads, in order.
	for i, v := range []string{"version", "commit", "out"} {
		if !regexp.MustCompile(fmt.Sprintf(`(?m)^%s="\$\{%d:`, v, i+1)).Match(script) {
			t.Errorf(".ci/release does not read %s from argument %d", v, i+1)
		}
	}
	m := regexp.MustCompile(`(?m)^targets="([^"]+)"$`).FindSubmatch(script)
	if m == nil {
		t.Fatal(".ci/release lists no targets")
	}
	want := []string{"windows/amd64", "darwin/arm64", "darwin/amd64", "linux/amd64", "linux/arm64"}
	if got := strings.Fields(string(m[1])); !slices.Equal(got, want) {
		t.Errorf(".ci/release builds %q, want %q", got, want)
	}
	for _, want := range []string{"sha256sum", "-X main.version=$version", "-X main.commit=$commit", "CGO_ENABLED=0"} {
		if !strings.Contains(string(script), want) {
			t.Errorf(".ci/release lacks %s", want)
		}
	}
}

// TestReleaseProgramVersion builds the program as .ci/release does, with
// its -ldflags, for this system, and runs its version command: it names
// the version and the commit it was given.
func TestReleaseProgramVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	script, err := os.ReadFile("../.ci/release")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`-ldflags "([^"]+)"`).FindSubmatch(script)
	if m == nil {
		t.Fatal(".ci/release passes no -ldflags")
	}
	ldflags := strings.NewReplacer("$version", "v9.8.7", "$commit", "0123abcd").Replace(string(m[1]))
	bin := filepath.Join(t.TempDir(), "generator")
	build := exec.Command("go", "build", "-trimpath", "-ldflags", ldflags, "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -ldflags %q: %v\n%s", ldflags, err, out)
	}
	out, err := exec.Command(bin, "version").CombinedOutput()
	if got, want := string(out), "generator v9.8.7 commit 0123abcd\n"; err != nil || got != want {
		t.Errorf("version printed %q (%v), want %q", got, err, want)
	}
}
