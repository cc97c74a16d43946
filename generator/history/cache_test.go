package history

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// commit writes files into a repository and commits them.
func commit(t *testing.T, dir, date string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"add", "-A"}, {"commit", "-q", "-m", "Change\n\nPublic-note: On " + date + "."}} {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=A", "GIT_AUTHOR_EMAIL=a@example.org", "GIT_COMMITTER_NAME=A",
			"GIT_COMMITTER_EMAIL=a@example.org", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date,
			"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v: %s", args, err, out)
		}
	}
}

// TestReadFromCache: a log read from a cache filled at an earlier commit
// of the first-parent line is the cached log followed by the commits
// since, and equals the log read from scratch; a cache written by
// another program is not read.
func TestReadFromCache(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir, cacheDir := t.TempDir(), t.TempDir()
	if out, err := exec.Command("git", "init", "-q", "-b", "main", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v: %s", err, out)
	}
	ctx := context.Background()
	commit(t, dir, "2026-01-02T10:00:00-04:00", map[string]string{"content/prisoners/a.toml": "name = \"A\"\nstatus = \"detained\"\n"})
	commit(t, dir, "2026-01-03T10:00:00Z", map[string]string{"content/prisoners/a.toml": "name = \"A\"\nstatus = \"released\"\n"})
	l, err := Read(ctx, dir, cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	if l.cache == nil {
		t.Fatal("no cache opened")
	}
	// A mark that only the cache holds, to tell the cached log from one
	// read again.
	l.Commits[0].Note = "from the cache"
	l.cache.write(l, nil)

	commit(t, dir, "2026-01-04T10:00:00+02:00", map[string]string{"content/prisoners/a.toml": "name = \"A\"\nstatus = \"exiled\"\n", "content/prisoners/b.toml": "name = \"B\"\nstatus = \"detained\"\n"})
	got, err := Read(ctx, dir, cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	if got.Commits[0].Note != "from the cache" {
		t.Fatalf("the log was read from scratch, not from the cache: %+v", got.Commits)
	}
	got.Commits[0].Note = "On 2026-01-02T10:00:00-04:00."
	want, err := Read(ctx, dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Commits, want.Commits) || !reflect.DeepEqual(got.files, want.files) || got.head != want.head {
		t.Errorf("log from the cache:\n%+v\n%v\nfrom scratch:\n%+v\n%v", got.Commits, got.files, want.Commits, want.files)
	}

	// Another program's cache.
	got.cache.identity[0] ^= 1
	got.cache.write(got, nil)
	if c := openCache(cacheDir, dir); c == nil || c.log != nil {
		t.Error("a cache written by another program was read")
	}
}
