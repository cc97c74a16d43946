// Command searchquality measures how well search finds a person by name.
// It writes a synthetic corpus (generator/internal/corpus), picks people
// from it at random (one in four among those whose two surnames are the
// same, as "Suárez Suárez"), makes four queries from each name, runs them
// through the Go reference search (search.Index.Query, which the search
// page's script agrees with) and counts how often the person is among the
// first results:
//
//	go run ./generator/internal/searchquality -n 2000 -people 400
//
// The four forms of a query, for "Verónica Suárez Suárez":
//
//	full name, no accents, lower case        veronica suarez suarez
//	full name as written, with accents       Verónica Suárez Suárez
//	surnames first, then the given name      Suárez Suárez Verónica
//	one letter dropped from its longest word veronica suarz suarez
//
// With -pagefind, it also builds the site, indexes it with Pagefind (npm's
// pagefind, found with -pagefind-bin or on the PATH) and runs the same
// queries through Pagefind's JavaScript API in headless Chromium. With -v
// it lists the misses.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/browsertest"
	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/pipeline"
	"github.com/presos-politicos/briefing/generator/search"
	"github.com/presos-politicos/briefing/generator/site"
)

// forms are the query forms, in the table's order.
var forms = []struct {
	name string
	make func(name string, r *rand.Rand) string
}{
	{"full name, no accents, lower case", func(n string, _ *rand.Rand) string { return content.Fold(n) }},
	{"full name as written, with accents", func(n string, _ *rand.Rand) string { return n }},
	{"surnames first, then the given name", func(n string, _ *rand.Rand) string {
		w := strings.Fields(n)
		return strings.Join(append(w[1:], w[0]), " ")
	}},
	{"one letter dropped from its longest word", func(n string, r *rand.Rand) string {
		w := strings.Fields(content.Fold(n))
		longest := 0
		for i := range w {
			if utf8.RuneCountInString(w[i]) > utf8.RuneCountInString(w[longest]) {
				longest = i
			}
		}
		letters := []rune(w[longest])
		i := r.IntN(len(letters))
		w[longest] = string(letters[:i]) + string(letters[i+1:])
		return strings.Join(w, " ")
	}},
}

type person struct{ name, url string }

func main() {
	n := flag.Int("n", 2000, "the `number` of prisoners in the corpus")
	people := flag.Int("people", 400, "how many people to look for")
	top := flag.Int("top", 3, "a person is found if among the first `k` results")
	seed := flag.Uint64("seed", 1, "the seed that picks the people and the dropped letters")
	from := flag.String("site", ".", "the site `folder` whose templates/ and static/ the corpus uses (for -pagefind)")
	withPagefind := flag.Bool("pagefind", false, "also run the queries through Pagefind on the same site")
	pagefindBin := flag.String("pagefind-bin", "pagefind", "the Pagefind `command`")
	verbose := flag.Bool("v", false, "list the misses")
	flag.Parse()

	dir, err := os.MkdirTemp("", "searchquality-")
	check(err)
	defer os.RemoveAll(dir)
	check(corpus.Write(dir, corpus.Scaled(*n)))
	set, err := content.Load(os.DirFS(dir), content.Options{})
	check(err)
	s, err := site.New(set)
	check(err)
	ix := search.Build(s)

	picked := pick(s, *people, *seed)
	r := rand.New(rand.NewPCG(*seed, 7))
	queries := make([][]string, len(forms))
	for f := range forms {
		for _, p := range picked {
			queries[f] = append(queries[f], forms[f].make(p.name, r))
		}
	}

	ours := make([]int, len(forms))
	for f := range forms {
		for i, q := range queries[f] {
			if found(ix, q, picked[i].url, *top) {
				ours[f]++
			} else if *verbose {
				fmt.Fprintf(os.Stderr, "briefing missed %q (%s): %s\n", q, picked[i].name, firstTitles(ix, q, *top))
			}
		}
	}

	var theirs []int
	if *withPagefind {
		theirs = pagefind(dir, *from, *pagefindBin, queries, picked, *top, *verbose)
	}

	fmt.Printf("%d prisoners, %d people looked for (%d with a repeated surname), found among the first %d results:\n\n",
		*n, len(picked), repeated(picked), *top)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	if theirs != nil {
		fmt.Fprintln(w, "query form\tbriefing\tPagefind")
	} else {
		fmt.Fprintln(w, "query form\tbriefing")
	}
	for f := range forms {
		fmt.Fprintf(w, "%s\t%s", forms[f].name, percent(ours[f], len(picked)))
		if theirs != nil {
			fmt.Fprintf(w, "\t%s", percent(theirs[f], len(picked)))
		}
		fmt.Fprintln(w)
	}
	w.Flush()
}

// pick draws people at random (not anonymous ones), one in four among
// those whose surnames repeat, without drawing anyone twice.
func pick(s *site.Site, n int, seed uint64) []person {
	var all, twice []person
	for _, p := range s.Prisoners {
		if p.Anonymous {
			continue
		}
		pp := person{p.Name, p.URL}
		all = append(all, pp)
		if w := strings.Fields(p.Name); len(w) == 3 && w[1] == w[2] {
			twice = append(twice, pp)
		}
	}
	r := rand.New(rand.NewPCG(seed, 3))
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	r.Shuffle(len(twice), func(i, j int) { twice[i], twice[j] = twice[j], twice[i] })
	seen := map[string]bool{}
	var out []person
	for len(out) < n && (len(all) > 0 || len(twice) > 0) {
		from := &all
		if len(out)%4 == 3 && len(twice) > 0 || len(all) == 0 {
			from = &twice
		}
		p := (*from)[0]
		*from = (*from)[1:]
		if !seen[p.url] {
			seen[p.url] = true
			out = append(out, p)
		}
	}
	return out
}

func repeated(ps []person) int {
	n := 0
	for _, p := range ps {
		if w := strings.Fields(p.name); len(w) == 3 && w[1] == w[2] {
			n++
		}
	}
	return n
}

func found(ix *search.Index, q, url string, top int) bool {
	for i, r := range ix.Search(q) {
		if i == top {
			break
		}
		if r.Doc.URL == url {
			return true
		}
	}
	return false
}

func firstTitles(ix *search.Index, q string, top int) string {
	var out []string
	for i, r := range ix.Search(q) {
		if i == top {
			break
		}
		out = append(out, r.Doc.Title)
	}
	return strings.Join(out, " | ")
}

// pagefindPage runs every query through Pagefind's JavaScript API and
// returns the URLs of each one's first results.
const pagefindPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title></head><body>
<script type="module">
const pagefind = await import("./pagefind/pagefind.js");
await pagefind.options({});
window.runAll = async (queries, top) => {
  const out = [];
  for (const q of queries) {
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, top).map(r => r.data()));
    out.push(data.map(d => d.url));
  }
  return out;
};
window.ready = true;
</script></body></html>`

func pagefind(dir, from, bin string, queries [][]string, picked []person, top int, verbose bool) []int {
	for _, d := range []string{"templates", "static"} {
		check(os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(from, d))))
	}
	out := filepath.Join(dir, "public")
	_, err := pipeline.Build(pipeline.Options{Src: dir, Out: out})
	check(err)
	cmd := exec.Command(bin, "--site", out, "--output-subdir", "pagefind")
	cmd.Stderr = os.Stderr
	check(cmd.Run())
	check(os.WriteFile(filepath.Join(out, "pagefind-quality.html"), []byte(pagefindPage), 0o644))

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	check(err)
	srv := &http.Server{Handler: http.FileServer(http.Dir(out))}
	go srv.Serve(ln)
	defer srv.Close()
	chromium := browsertest.Path()
	if chromium == "" {
		check(fmt.Errorf("Chromium is not installed (apt-get install chromium)"))
	}
	hits := make([]int, len(queries))
	for f, qs := range queries {
		// A fresh browser for every batch: a session may last two minutes.
		for start := 0; start < len(qs); start += batch {
			end := min(start+batch, len(qs))
			for k, list := range pagefindBatch(chromium, ln.Addr().String(), qs[start:end], top) {
				i := start + k
				ok := false
				for _, u := range list {
					if strings.TrimPrefix(strings.TrimSuffix(u, "index.html"), "/") == picked[i].url {
						ok = true
					}
				}
				if ok {
					hits[f]++
				} else if verbose {
					fmt.Fprintf(os.Stderr, "pagefind missed %q (%s): %v\n", qs[i], picked[i].name, list)
				}
			}
		}
	}
	return hits
}

// batch is how many queries one browser session runs.
const batch = 50

// pagefindBatch runs queries through Pagefind in a fresh browser and
// returns the URLs of each one's first results.
func pagefindBatch(chromium, addr string, qs []string, top int) [][]string {
	data, err := os.MkdirTemp("", "searchquality-chromium-")
	check(err)
	defer os.RemoveAll(data)
	ctx, cancel := browsertest.Start(chromium, data)
	defer cancel()
	check(chromedp.Do(ctx, chromedp.Navigate("http://"+addr+"/pagefind-quality.html")))
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		ready, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.ready === true`))
		if ready {
			break
		}
		if time.Now().After(deadline) {
			check(fmt.Errorf("pagefind did not load"))
		}
	}
	urls, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](fmt.Sprintf("window.runAll(%s, %d)", jsonStrings(qs), top), chromedp.EvalAwaitPromise))
	check(err)
	return urls
}

func jsonStrings(qs []string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, q := range qs {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q", q) // names are letters and spaces: a Go quoted string is a JSON one
	}
	b.WriteByte(']')
	return b.String()
}

func percent(n, of int) string {
	if of == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(of))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchquality:", err)
		os.Exit(1)
	}
}
