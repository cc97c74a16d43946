// Command benchcorpus writes a synthetic briefing site for benchmarks and
// tests, with the real site's templates and static files:
//
//	go run ./generator/internal/benchcorpus -n 10000 -out /tmp/corpus
//	go run ./generator/internal/benchcorpus -n 10000 -es -body 1000 -out /tmp/long
//	go run ./generator build -src /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/presos-politicos/briefing/generator/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of prisoners; the other kinds scale with it")
	out := flag.String("out", "", "the `folder` to write the site into (must not exist)")
	from := flag.String("templates", ".", "the site `folder` whose templates/ and static/ are copied")
	spanish := flag.Bool("es", false, "a second language, Spanish: the interface translated, the records not")
	bodyWords := flag.Int("body", 60, "`words` in each prisoner's body, in paragraphs of 60: a corpus with long bodies")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "benchcorpus: %s exists; name a new folder\n", *out)
		os.Exit(2)
	}
	size := corpus.Scaled(*n)
	size.Spanish = *spanish
	size.BodyWords = *bodyWords
	if err := corpus.Write(*out, size); err != nil {
		fmt.Fprintln(os.Stderr, "benchcorpus:", err)
		os.Exit(1)
	}
	for _, d := range []string{"templates", "static"} {
		if err := os.CopyFS(filepath.Join(*out, d), os.DirFS(filepath.Join(*from, d))); err != nil {
			fmt.Fprintln(os.Stderr, "benchcorpus:", err)
			os.Exit(1)
		}
	}
}
