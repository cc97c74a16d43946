package history

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
)

// A Commit is one commit of the content's history. Its author is never
// read; its message only for a Public-note: trailer.
type Commit struct {
	Hash string
	Time time.Time // the commit's date, in the committer's time zone
	Note string    // the Public-note: trailer, "" when there is none
	iso  string    // the date as git wrote it, which Time was parsed from
}

// A Log is the history of the content folder: every commit that changed a
// record file, oldest first, and for each record file the blob it held
// after each of those commits.
type Log struct {
	dir     string
	Commits []Commit
	files   map[string][]step // by path under the site folder, oldest first
	names   nameTable         // the name of every blob a step names, by its blobID

	prefix string // the site folder's path in the repository, as git rev-parse --show-prefix says it
	head   string // the commit read up to; "" in a repository without one
	cache  *cache // nil without one

	blobsRead atomic.Int64 // the blobs read from git: a cache's tests count them
}

// step is what one commit made of one file: its blob, or none when the
// commit deleted it. It holds no pointer: the 200,000 steps of 10,000
// records with 20 commits each are not for the collector to scan.
type step struct {
	commit int32
	blob   blobID
}

// An oid is a git object's name in bytes: a SHA-1's 20, then zeros, or a
// SHA-256's 32. The zero oid is none (a file deleted or absent).
type oid [32]byte

// parseOID parses git's hexadecimal name of an object; ok is false when
// it is not one.
func parseOID(s string) (o oid, ok bool) {
	if len(s) != 40 && len(s) != 64 {
		return o, false
	}
	_, err := hex.Decode(o[:], []byte(s))
	return o, err == nil && o != oid{}
}

// size is how many of an oid's bytes are its name: 20 for a SHA-1, whose
// last 12 are zero, 32 for a SHA-256.
func (o oid) size() int {
	if [12]byte(o[20:]) == ([12]byte{}) {
		return 20
	}
	return 32
}

// String is git's hexadecimal name of the object.
func (o oid) String() string { return hex.EncodeToString(o[:o.size()]) }

// A blobID names a blob by its place in a Log's table of names (Log.names):
// a step or a pair holds 4 bytes rather than a name of 40 hexadecimal
// digits, and no pointer. 0 is none.
type blobID int32

// A nameTable holds blob names by their blobIDs, in chunks that stay
// where they are: a table of 200,000 names grown by appending to one
// slice was copied whole, to fresh memory, whenever it grew, and a build
// after a cache's adds a few names to a table of all of them.
type nameTable struct {
	chunks [][]oid
	n      int
}

// nameChunk is how many names a chunk holds.
const nameChunk = 4096

// add adds a name to the table, and returns its blobID; 0 for none.
func (t *nameTable) add(o oid) blobID {
	if o == (oid{}) {
		return 0
	}
	if t.n%nameChunk == 0 {
		t.chunks = append(t.chunks, make([]oid, 0, nameChunk))
	}
	last := &t.chunks[len(t.chunks)-1]
	*last = append(*last, o)
	t.n++
	return blobID(t.n)
}

// at returns the name of a blobID; none for 0.
func (t *nameTable) at(id blobID) oid {
	if id == 0 {
		return oid{}
	}
	i := int(id) - 1
	return t.chunks[i/nameChunk][i%nameChunk]
}

// An UnavailableError says why a site has no history: git is missing,
// the site is not in a repository, or the clone is shallow. A build goes
// on without history and tells the editor why.
type UnavailableError struct{ Reason string }

func (e *UnavailableError) Error() string { return "no history: " + e.Reason }

// Read reads the history of dir/content/ with one git log, parsed as it
// streams. dir may be anywhere inside a repository (the site folder need
// not be its root). Without git, outside a repository, or in a shallow
// clone, whose oldest commits are missing, it returns an
// *UnavailableError.
//
// cacheDir, when not "", is a folder that keeps what was read and decoded
// from one build to the next (see the package comment): the log is then
// read only from the commit the cache was written at, when that commit is
// on the first-parent line of HEAD, and Compute decodes only the versions
// the cache does not hold.
func Read(ctx context.Context, dir, cacheDir string) (*Log, error) {
	if _, err := exec.LookPath("git"); err != nil {
		return nil, &UnavailableError{"git is not installed"}
	}
	out, err := git(ctx, dir, nil, "rev-parse", "--is-shallow-repository", "--show-prefix")
	if err != nil {
		return nil, &UnavailableError{"the site folder is not in a git repository"}
	}
	shallow, prefix, _ := strings.Cut(string(out), "\n")
	if strings.TrimSpace(shallow) == "true" {
		return nil, &UnavailableError{"the repository is a shallow clone; fetch its whole history (git fetch --unshallow, or fetch-depth: 0 in GitHub Actions)"}
	}
	prefix = strings.TrimSpace(prefix)
	// A repository without a commit has an empty history; HEAD names
	// no commit yet, which rev-parse --verify says by its exit status.
	out, err = git(ctx, dir, nil, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
	if err != nil {
		return &Log{dir: dir, files: map[string][]step{}, prefix: prefix}, nil
	}
	head := strings.TrimSpace(string(out))
	var c *cache
	if cacheDir != "" {
		c = openCache(cacheDir, dir)
	}
	l, from := &Log{files: make(map[string][]step)}, ""
	if c != nil && c.log != nil && c.prefix == prefix {
		switch {
		case c.head == head:
			l, from = c.log, head
		case onFirstParentLine(ctx, dir, c.head, head):
			l, from = c.log, c.head
		}
	}
	l.dir, l.prefix, l.head, l.cache = dir, prefix, head, c
	if c != nil {
		c.log = nil // now l's
	}
	if from == head {
		return l, nil
	}
	rev := head
	if from != "" {
		rev = from + ".." + head
	}
	cmd := exec.CommandContext(ctx, "git", "-C", dir, "log", "--first-parent", "--reverse", "--no-renames",
		"--relative", "--no-abbrev", "--raw", "-z", "--no-color", "--format=%x1e%H %cI%n%B", rev, "--", "content/")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	perr := parseLog(l, bufio.NewReaderSize(stdout, 1<<16))
	if perr != nil {
		io.Copy(io.Discard, stdout)
	}
	if err := cmd.Wait(); err != nil {
		return nil, fmt.Errorf("git log in %s: %v: %s", dir, err, strings.TrimSpace(stderr.String()))
	}
	if perr != nil {
		return nil, fmt.Errorf("git log in %s: %w", dir, perr)
	}
	return l, nil
}

// onFirstParentLine reports whether commit is on the first-parent line of
// head, below it: then the log of head is the log of commit followed by
// the log of commit..head. A commit reached only through a merged
// branch's side is not: the log from scratch would not hold its changes.
func onFirstParentLine(ctx context.Context, dir, commit, head string) bool {
	out, err := git(ctx, dir, nil, "rev-list", "--first-parent", "--parents", commit+".."+head)
	if err != nil {
		return false
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	f := strings.Fields(lines[len(lines)-1]) // the oldest: "hash parent..."
	return len(f) >= 2 && f[1] == commit
}

// parseLog reads the output of git log -z --raw with the format
// "\x1e%H %cI\n%B" into l, after what it holds: NUL-separated tokens, each
// a commit's header and message, or a raw line (":old new oldblob newblob
// status") followed by its path.
func parseLog(l *Log, r *bufio.Reader) error {
	wantPath, blob := false, oid{}
	for {
		tok, err := r.ReadString(0)
		if err == io.EOF && tok == "" {
			return nil
		}
		if err != nil && err != io.EOF {
			return err
		}
		tok = strings.TrimSuffix(tok, "\x00")
		if wantPath {
			if _, _, _, ok := content.RecordFile(tok); ok {
				l.files[tok] = append(l.files[tok], step{commit: int32(len(l.Commits) - 1), blob: l.names.add(blob)})
			}
			wantPath = false
			continue
		}
		tok = strings.TrimLeft(tok, "\n")
		switch {
		case strings.HasPrefix(tok, "\x1e"):
			c, err := parseCommit(tok[1:])
			if err != nil {
				return err
			}
			l.Commits = append(l.Commits, c)
		case strings.HasPrefix(tok, ":"):
			// ":100644 100644 <old> <new> M"
			f := strings.Fields(tok)
			if len(f) != 5 || len(l.Commits) == 0 {
				return fmt.Errorf("unexpected line %q", tok)
			}
			wantPath, blob = true, oid{}
			if f[4] != "D" && strings.HasPrefix(f[1], "100") { // else deleted, or a link or a submodule: no record
				o, ok := parseOID(f[3])
				if !ok {
					return fmt.Errorf("unexpected line %q", tok)
				}
				blob = o
			}
		case tok == "":
		default:
			return fmt.Errorf("unexpected output %q", tok)
		}
		if err == io.EOF {
			return nil
		}
	}
}

func parseCommit(s string) (Commit, error) {
	head, msg, _ := strings.Cut(s, "\n")
	hash, date, ok := strings.Cut(head, " ")
	if !ok {
		return Commit{}, fmt.Errorf("unexpected commit header %q", head)
	}
	t, err := time.Parse(time.RFC3339, date)
	if err != nil {
		return Commit{}, fmt.Errorf("commit %s: date %q: %v", hash, date, err)
	}
	return Commit{Hash: hash, Time: t, Note: PublicNote(msg), iso: date}, nil
}

// NoteKey is the trailer that makes part of a commit message public.
const NoteKey = "Public-note:"

// PublicNote returns the text of the Public-note: trailers of a commit
// message, joined by spaces; "" when there is none. A trailer is a line
// that starts with the key; the lines after it that start with white
// space continue it, as git's trailers do. Everything else in the
// message stays private.
func PublicNote(msg string) string {
	var notes []string
	lines := strings.Split(msg, "\n")
	for i := 0; i < len(lines); i++ {
		text, ok := cutKey(lines[i])
		if !ok {
			continue
		}
		parts := []string{strings.TrimSpace(text)}
		for i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" && (lines[i+1][0] == ' ' || lines[i+1][0] == '\t') {
			i++
			parts = append(parts, strings.TrimSpace(lines[i]))
		}
		if n := strings.Join(parts, " "); n != "" {
			notes = append(notes, n)
		}
	}
	return strings.Join(notes, " ")
}

// cutKey cuts the key off a trailer line, without regard to its case.
func cutKey(line string) (string, bool) {
	if len(line) < len(NoteKey) || !strings.EqualFold(line[:len(NoteKey)], NoteKey) {
		return "", false
	}
	return line[len(NoteKey):], true
}

// git runs a git command in dir and returns its output.
func git(ctx context.Context, dir string, stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// blobs reads the blobs named in order with one git cat-file --batch and
// hands each to fn as it arrives, read straight into a string, which the
// decoder parses without a copy. A name may repeat.
func (l *Log) blobs(ctx context.Context, names []oid, fn func(i int, data string) error) error {
	cmd := exec.CommandContext(ctx, "git", "-C", l.dir, "cat-file", "--batch", "--buffer")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() {
		w := bufio.NewWriterSize(stdin, 1<<16)
		var buf [65]byte
		for _, n := range names {
			k := hex.Encode(buf[:], n[:n.size()])
			buf[k] = '\n'
			w.Write(buf[:k+1])
		}
		w.Flush()
		stdin.Close()
	}()
	r := bufio.NewReaderSize(stdout, 1<<16)
	var ferr error
	for i := range names {
		head, err := r.ReadString('\n')
		if err != nil {
			ferr = fmt.Errorf("git cat-file: %v", err)
			break
		}
		f := strings.Fields(head)
		if len(f) != 3 {
			ferr = fmt.Errorf("git cat-file: %s", strings.TrimSpace(head))
			break
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			ferr = fmt.Errorf("git cat-file: %s", strings.TrimSpace(head))
			break
		}
		data, err := readString(r, size)
		if err == nil {
			_, err = r.Discard(1) // the newline after it
		}
		if err != nil {
			ferr = fmt.Errorf("git cat-file: %v", err)
			break
		}
		l.blobsRead.Add(1)
		if err := fn(i, data); err != nil {
			ferr = err
			break
		}
	}
	if ferr != nil {
		cmd.Process.Kill()
	}
	io.Copy(io.Discard, stdout)
	werr := cmd.Wait()
	if ferr != nil {
		return ferr
	}
	if werr != nil {
		return fmt.Errorf("git cat-file: %v: %s", werr, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// readString reads n bytes from r into a string of its own.
func readString(r *bufio.Reader, n int) (string, error) {
	var b strings.Builder
	b.Grow(n)
	for b.Len() < n {
		chunk, err := r.Peek(min(n-b.Len(), r.Size()))
		b.Write(chunk)
		r.Discard(len(chunk))
		if err != nil { // fewer bytes than asked for: the stream ended
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return "", err
		}
	}
	return b.String(), nil
}
