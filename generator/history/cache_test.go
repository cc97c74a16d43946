package history

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
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
	l.cache.write(l, nil, nil, true)

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
	if !reflect.DeepEqual(got.Commits, want.Commits) || !reflect.DeepEqual(named(got), named(want)) || got.head != want.head {
		t.Errorf("log from the cache:\n%+v\n%v\nfrom scratch:\n%+v\n%v", got.Commits, named(got), want.Commits, named(want))
	}

	// Another program's cache.
	got.cache.identity[0] ^= 1
	got.cache.write(got, nil, nil, true)
	if c := openCache(cacheDir, dir); c == nil || c.log != nil {
		t.Error("a cache written by another program was read")
	}
}

// TestComputeFromCache: with the cache filled, a build reads from git only
// the versions of the commits since, and makes the same history as one
// without the cache.
func TestComputeFromCache(t *testing.T) {
	dir, a, source := cacheRepo(t)
	cacheDir := t.TempDir()
	compute := func(cacheDir string) (*History, *Log) { t.Helper(); return computeIn(t, dir, cacheDir) }
	// The versions last committed are the files on disk: they are not
	// read, but taken from the records loaded, which are alike.
	if _, l := compute(cacheDir); l.blobsRead.Load() != 6 {
		t.Errorf("the first build read %d blobs, want the 6 versions before the last", l.blobsRead.Load())
	}
	set, err := content.Load(os.DirFS(dir), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range set.Prisoners {
		fields := fieldsOf(p.Kind)
		data, err := os.ReadFile(filepath.Join(dir, p.File))
		if err != nil {
			t.Fatal(err)
		}
		v := content.DecodeVersion(p.File, string(data), "", "")
		if got, want := snap(fields, v.Record, false), snap(fields, p, false); !reflect.DeepEqual(got, want) {
			t.Errorf("%s decoded as a version:\n%v\nloaded:\n%v", p.File, got, want)
		}
	}
	if _, l := compute(cacheDir); l.blobsRead.Load() != 0 {
		t.Errorf("a build at the same commit read %d blobs, want none", l.blobsRead.Load())
	}
	commit(t, dir, "2026-01-10T10:00:00Z", map[string]string{"content/prisoners/a.toml": strings.Replace(a, "detained", "released", 1) + source(9)})
	h, l := compute(cacheDir)
	if l.blobsRead.Load() != 0 {
		t.Errorf("a build after one commit read %d blobs, want none: its version is on disk", l.blobsRead.Load())
	}
	want, _ := compute("")
	if !reflect.DeepEqual(h, want) {
		t.Errorf("history with the cache:\n%v\nwithout:\n%v", h.changes, want.changes)
	}

	// A file edited since its last commit: that commit's version is read.
	commit(t, dir, "2026-01-11T10:00:00Z", map[string]string{"content/prisoners/b.toml": "name = \"B\"\nstatus = \"exiled\"\n"})
	if err := os.WriteFile(filepath.Join(dir, "content/prisoners/b.toml"), []byte("name = \"B\"\nstatus = \"released\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, l = compute(cacheDir)
	if l.blobsRead.Load() != 1 {
		t.Errorf("a build after one commit and an edit read %d blobs, want the commit's one", l.blobsRead.Load())
	}
	if want, _ := compute(""); !reflect.DeepEqual(h, want) {
		t.Errorf("history with the cache:\n%v\nwithout:\n%v", h.changes, want.changes)
	}
}

// TestResultRoundTrip: a record's changes come back from the cache as they
// went in, every field of every value; a field added to Value fails here
// until the cache keeps it.
func TestResultRoundTrip(t *testing.T) {
	full := Value{Date: content.Date{Year: 2026, Month: 1, Day: 8, Precision: content.Day}, Code: "released",
		Ref: &content.Ref{Kind: content.KindSite, Slug: "el-helicoide"}, Text: "1000", Number: true}
	v := reflect.ValueOf(full)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Fatalf("the sample value has no %s: give it one, and keep it in the cache (encodeResult)", v.Type().Field(i).Name)
		}
	}
	items := [][]Item{{{Action: Corrected, Field: "value", Within: full, Old: Value{Text: "863", Number: true}, New: full}}, {{Action: Published}}}
	commits := []Commit{{Hash: "aa"}, {Hash: "bb"}}
	changes := []*Change{{Commit: &commits[0], Items: items[0]}, {Commit: &commits[1], Items: items[1]}}
	in := [32]byte{1, 2, 3}
	c := &cache{results: map[string]part{resultKey("f", "es"): newPart(encodeResult(in, []int{2, 5}, changes), in, 0)}}
	at, got, ok := c.result("f", "es", in)
	if !ok || !reflect.DeepEqual(at, []int{2, 5}) || !reflect.DeepEqual(got, items) {
		t.Errorf("result = %v %v %v, want %v %v", ok, at, got, []int{2, 5}, items)
	}
	if _, _, ok := c.result("f", "es", [32]byte{9}); ok {
		t.Error("a result made from other inputs was given")
	}
}

// TestEncodeGroupResumed: a group encoded after the cache's own, when the
// record's history grew, is byte for byte the group encoded whole; a
// cache's group that is not the start of the sequence is not resumed.
func TestEncodeGroupResumed(t *testing.T) {
	fields := fieldsOf(content.KindPrisoner)
	base := "name = \"Ana Pérez\"\nstatus = \"detained\"\narrested = 2024-08-02\n"
	srcs := []string{
		base,
		base + "[[sources]]\ntitle = \"A\"\nurl = \"https://example.com/a\"\npublisher = \"P\"\n",
		"", // unpublished: no snapshot
		strings.Replace(base, "detained", "released", 1) + "released = 2025-01-02\n[[sources]]\ntitle = \"A\"\nurl = \"https://example.com/a\"\npublisher = \"P\"\n",
		strings.Replace(base, "detained", "released", 1) + "released = 2025-01-02\n[[sources]]\ntitle = \"A\"\nurl = \"https://example.com/a\"\npublisher = \"P\"\n[[sources]]\ntitle = \"B\"\nurl = \"https://example.com/b\"\npublisher = \"Q\"\n",
		"summary = \"New words\"\n" + base,
	}
	var seq []pair
	l := &Log{}
	snaps := make(map[key]snapshot)
	for i, src := range srcs {
		p := pair{commit: int32(i), blobs: [2]blobID{l.names.add(testOID(i + 1)), 0}}
		seq = append(seq, p)
		snaps[l.key(p)] = nil
		if src != "" {
			snaps[l.key(p)] = snap(fields, content.DecodeVersion("content/prisoners/p-1.toml", src, "", "").Record, false)
		}
	}
	for n := 1; n <= len(seq); n++ {
		old := encodeGroup(l, seq[:n], snaps, fields, nil)
		for m := n; m <= len(seq); m++ {
			whole := encodeGroup(l, seq[:m], snaps, fields, nil)
			if got := encodeGroup(l, seq[:m], snaps, fields, old); !bytes.Equal(got, whole) {
				t.Errorf("%d versions after the cache's %d: encoded\n%x\nwant\n%x", m, n, got, whole)
			}
		}
	}
	// The cache's group of other versions: encoded whole.
	other := encodeGroup(l, seq[1:3], snaps, fields, nil)
	if got, want := encodeGroup(l, seq, snaps, fields, other), encodeGroup(l, seq, snaps, fields, nil); !bytes.Equal(got, want) {
		t.Errorf("a group not the start of the sequence was resumed:\n%x\nwant\n%x", got, want)
	}
}

// testOID is a blob's name made of a number, as a test's versions need
// names that differ.
func testOID(n int) oid {
	o, ok := parseOID(fmt.Sprintf("%040x", n))
	if !ok {
		panic(n)
	}
	return o
}

// named is each file's steps in a log, each by its commit and its blob's
// name (a blobID is the log's own).
func named(l *Log) map[string][]string {
	out := make(map[string][]string)
	for p, steps := range l.files {
		for _, s := range steps {
			out[p] = append(out[p], fmt.Sprintf("%d %x", s.commit, l.names.at(s.blob)))
		}
	}
	return out
}

// cacheRepo makes a repository of two prisoners committed four times,
// one with a long list of sources, and returns it, the text of that one,
// and how a source of it is written. It skips the test without git.
func cacheRepo(t *testing.T) (dir, a string, source func(n int) string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir = t.TempDir()
	if out, err := exec.Command("git", "init", "-q", "-b", "main", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v: %s", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"T\"\nbaseURL = \"https://example.org/\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	a = "name = \"A\"\nstatus = \"detained\"\ncharges = [\"one\", \"two\", \"three\"]\n"
	source = func(n int) string {
		return fmt.Sprintf("\n[[sources]]\ntitle = \"Report %d\"\nurl = \"https://example.org/%d\"\npublisher = \"P%d\"\n", n, n, n)
	}
	for i := range 30 { // a long list, of which each version keeps all and adds one
		a += source(100 + i)
	}
	for i := range 4 {
		a += source(i)
		commit(t, dir, fmt.Sprintf("2026-01-%02dT10:00:00Z", i+2), map[string]string{
			"content/prisoners/a.toml": a,
			"content/prisoners/b.toml": fmt.Sprintf("name = \"B\"\nstatus = \"detained\"\narrested = 2024-01-%02d\n", i+1),
		})
	}
	return dir, a, source
}

// computeIn loads the site dir and computes its history, with the cache
// in cacheDir ("" for none).
func computeIn(t *testing.T, dir, cacheDir string) (*History, *Log) {
	t.Helper()
	ctx := context.Background()
	set, err := content.Load(os.DirFS(dir), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	l, err := Read(ctx, dir, cacheDir)
	if err != nil {
		t.Fatal(err)
	}
	h, err := Compute(ctx, l, set)
	if err != nil {
		t.Fatal(err)
	}
	return h, l
}

// cacheFile returns the path of the one file of a cache folder, and
// what it holds.
func cacheFile(t *testing.T, cacheDir string) (string, []byte) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(cacheDir, "history", "*"))
	if err != nil || len(files) != 1 {
		t.Fatalf("the cache holds %v (%v), want one file", files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return files[0], data
}

// TestCacheCopied: the cache a build writes after a new commit, the
// bodies of what the commit did not touch copied from the file before,
// is byte for byte the cache a build without one writes at that commit,
// and a build at the same commit reads nothing from git with it.
func TestCacheCopied(t *testing.T) {
	dir, a, source := cacheRepo(t)
	warm, cold := t.TempDir(), t.TempDir()
	computeIn(t, dir, warm)
	commit(t, dir, "2026-01-10T10:00:00Z", map[string]string{"content/prisoners/a.toml": strings.Replace(a, "detained", "released", 1) + source(9)})
	h, _ := computeIn(t, dir, warm)
	computeIn(t, dir, cold)
	if _, w := cacheFile(t, warm); !bytes.Equal(w, func() []byte { _, c := cacheFile(t, cold); return c }()) {
		t.Error("the cache written from the one before is not the cache written from scratch")
	}
	again, l := computeIn(t, dir, warm)
	if l.blobsRead.Load() != 0 || !reflect.DeepEqual(again, h) {
		t.Errorf("a build at the same commit read %d blobs, and made the same history: %v", l.blobsRead.Load(), reflect.DeepEqual(again, h))
	}
}

// TestCacheDamaged: a cache damaged anywhere (a byte changed in a body,
// in the index or in the trailer; cut short at any length) gives the same
// history as no cache. A file whose index or trailer is damaged, or that
// is cut short, is not read, and is written anew whole; a damaged body
// is not read (its record's versions are read from git), and is left out
// of the cache written next, so that the build after that makes it again.
func TestCacheDamaged(t *testing.T) {
	dir, a, source := cacheRepo(t)
	cacheDir := t.TempDir()
	computeIn(t, dir, cacheDir)
	want, _ := computeIn(t, dir, "")
	path, filled := cacheFile(t, cacheDir)
	c := openCache(cacheDir, dir)
	if c == nil || c.log == nil {
		t.Fatal("the cache was not read")
	}
	c.file.Close()
	group := c.groups[groupKey("content/prisoners/a.toml", "")]
	result := c.results[resultKey("content/prisoners/b.toml", "en")]
	indexEnd := len(filled) - trailerSize
	flip := func(i int) []byte {
		d := bytes.Clone(filled)
		d[i] ^= 0x40
		return d
	}
	whole := map[string][]byte{
		"a byte of the index":    flip(indexEnd - 40),
		"a byte of the trailer":  flip(len(filled) - 1),
		"the magic":              flip(0),
		"the program's identity": flip(len(cacheMagic) + 3),
		"empty":                  {},
	}
	for _, n := range []int{1, headerSize, headerSize + 7, int(group.off) + group.n/2, indexEnd - 100, indexEnd, len(filled) - 1} {
		whole[fmt.Sprintf("cut at %d of %d bytes", n, len(filled))] = filled[:n]
	}
	for name, data := range whole {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if got, l := computeIn(t, dir, cacheDir); !reflect.DeepEqual(got, want) || l.cache.log != nil {
			t.Errorf("%s: the same history: %v; the file was read: %v", name, reflect.DeepEqual(got, want), l.cache.log != nil)
		}
		if _, again := cacheFile(t, cacheDir); !bytes.Equal(again, filled) {
			t.Errorf("%s: the cache was not written anew as it was", name)
		}
	}

	// A damaged body: a's group, read once a's file has a new version; b's
	// result, which b needs at every build.
	if err := os.WriteFile(path, flip(int(group.off)+group.n-3), 0o600); err != nil {
		t.Fatal(err)
	}
	commit(t, dir, "2026-01-10T10:00:00Z", map[string]string{"content/prisoners/a.toml": strings.Replace(a, "detained", "released", 1) + source(9)})
	want, _ = computeIn(t, dir, "")
	got, l := computeIn(t, dir, cacheDir)
	if !reflect.DeepEqual(got, want) || l.blobsRead.Load() != 4 {
		t.Errorf("a damaged group: the same history: %v; %d blobs read, want the 4 versions it held", reflect.DeepEqual(got, want), l.blobsRead.Load())
	}
	path, filled = cacheFile(t, cacheDir)
	c = openCache(cacheDir, dir)
	c.file.Close()
	result = c.results[resultKey("content/prisoners/b.toml", "en")]
	group = c.groups[groupKey("content/prisoners/b.toml", "")]
	d := bytes.Clone(filled)
	d[result.off+int64(result.n)-2] ^= 0x40
	d[group.off+1] ^= 0x40
	if err := os.WriteFile(path, d, 0o600); err != nil {
		t.Fatal(err)
	}
	if got, l := computeIn(t, dir, cacheDir); !reflect.DeepEqual(got, want) || l.blobsRead.Load() != 4 {
		t.Errorf("a damaged result and group: the same history: %v; %d blobs read, want the 4 versions the group held", reflect.DeepEqual(got, want), l.blobsRead.Load())
	}
	if got, l := computeIn(t, dir, cacheDir); !reflect.DeepEqual(got, want) || l.blobsRead.Load() != 0 {
		t.Errorf("after a damaged result: the same history: %v; %d blobs read, want none", reflect.DeepEqual(got, want), l.blobsRead.Load())
	}

	// A damaged body of a record no commit touched, in a cache written
	// anew (another record changed): left out, and made again after.
	path, filled = cacheFile(t, cacheDir)
	c = openCache(cacheDir, dir)
	c.file.Close()
	group = c.groups[groupKey("content/prisoners/b.toml", "")]
	d = bytes.Clone(filled)
	d[group.off+2] ^= 0x40
	if err := os.WriteFile(path, d, 0o600); err != nil {
		t.Fatal(err)
	}
	commit(t, dir, "2026-01-11T10:00:00Z", map[string]string{"content/prisoners/a.toml": strings.Replace(a, "detained", "exiled", 1)})
	want, _ = computeIn(t, dir, "")
	if got, l := computeIn(t, dir, cacheDir); !reflect.DeepEqual(got, want) || l.blobsRead.Load() != 0 {
		t.Errorf("an untouched record's damaged group: the same history: %v; %d blobs read, want none", reflect.DeepEqual(got, want), l.blobsRead.Load())
	}
	c = openCache(cacheDir, dir)
	if _, ok := c.groups[groupKey("content/prisoners/b.toml", "")]; ok {
		t.Error("a damaged group was copied into the next cache")
	}
	c.file.Close()
	if got, l := computeIn(t, dir, cacheDir); !reflect.DeepEqual(got, want) || l.blobsRead.Load() != 3 {
		t.Errorf("after an untouched record's damaged group: the same history: %v; %d blobs read, want b's 3 versions before the last", reflect.DeepEqual(got, want), l.blobsRead.Load())
	}
	if _, l := computeIn(t, dir, cacheDir); l.blobsRead.Load() != 0 {
		t.Errorf("once made again: %d blobs read, want none", l.blobsRead.Load())
	}
}

// FuzzCacheLoad: whatever a cache file holds, reading it neither fails
// nor takes what it cannot give: a file read as valid gives every body
// its index names, or nil for a damaged one, and a cache written from it
// is read back alike.
func FuzzCacheLoad(f *testing.F) {
	l := &Log{files: map[string][]step{}}
	l.Commits = []Commit{{Hash: "aa", iso: "2026-01-02T10:00:00Z", Note: "N"}, {Hash: "bb", iso: "2026-01-03T10:00:00-04:00"}}
	for i := range l.Commits {
		l.Commits[i].Time, _ = time.Parse(time.RFC3339, l.Commits[i].iso)
	}
	l.files["content/prisoners/a.toml"] = []step{{0, l.names.add(testOID(1))}, {1, 0}}
	l.files["content/prisoners/b.toml"] = []step{{1, l.names.add(testOID(2))}}
	seq := []pair{{commit: 0, blobs: [2]blobID{1, 0}}}
	keys := distinctKeys(l, seq, nil)
	groups := map[string]part{groupKey("content/prisoners/a.toml", ""): newPart(encodeGroup(l, seq, map[key]snapshot{keys[0]: nil}, nil, nil), keysDigest(keys), 1)}
	results := map[string]part{resultKey("content/prisoners/a.toml", "en"): newPart(encodeResult([32]byte{1}, []int{0}, []*Change{{Commit: &l.Commits[0], Items: []Item{{Action: Published}}}}), [32]byte{1}, 0)}
	dir := f.TempDir()
	c := &cache{path: filepath.Join(dir, "seed")}
	c.write(l, groups, results, true)
	seed, err := os.ReadFile(c.path)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed)
	f.Add(seed[:len(seed)/2])
	f.Add([]byte(cacheMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "c")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		file, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		c := &cache{path: filepath.Join(dir, "again")}
		if !c.load(file) {
			file.Close()
			return
		}
		for _, m := range []map[string]part{c.groups, c.results} {
			for _, e := range m {
				if b := c.body(e); b != nil && len(b) != e.n {
					t.Fatalf("a body of %d bytes for %d", len(b), e.n)
				}
			}
		}
		c.log.prefix, c.log.head = c.prefix, c.head
		c.write(c.log, c.groups, c.results, true)
		again, err := os.Open(c.path)
		if err != nil {
			t.Fatal(err)
		}
		defer again.Close()
		back := &cache{}
		if !back.load(again) || !reflect.DeepEqual(named(back.log), named(c.log)) || len(back.groups) > len(c.groups) || len(back.results) > len(c.results) {
			t.Fatal("a cache written from a valid one was not read back alike")
		}
	})
}
