package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

// indexFiles builds the site of the folder from and bilingual synthetic
// corpora of the given sizes, and prints, for each language, how many
// files the search index has and how many bytes: a host limits the files
// of a site (Cloudflare Pages to 20,000).
func indexFiles(from, sizes string) {
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "site\tlanguage\tterm files\tnear files\tname files\tchunks\tindex files\tsite files\tbytes\tgzip bytes\tnear bytes\tnear gzip\tnear keys\t")
	var sites []struct {
		name, out string
	}
	if _, err := os.Stat(filepath.Join(from, "site.toml")); err == nil {
		out, err := os.MkdirTemp("", "searchbench-")
		check(err)
		temps = append(temps, out)
		_, err = pipeline.Build(pipeline.Options{Src: from, Out: out})
		check(err)
		sites = append(sites, struct{ name, out string }{"the briefing in " + from, out})
	}
	for _, n := range numbers(sizes) {
		size := corpus.Scaled(n)
		size.Spanish = true
		out, _ := site(from, size)
		sites = append(sites, struct{ name, out string }{fmt.Sprintf("%d prisoners", n), out})
	}
	for _, s := range sites {
		total := count(s.out)
		for _, lang := range []string{"", "es/"} {
			dir := filepath.Join(s.out, lang+"search")
			if _, err := os.Stat(dir); err != nil {
				continue
			}
			var c struct{ t, n, p, d, all, bytes, gzip, nearBytes, nearGzip, nearKeys int }
			check(filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() || strings.HasSuffix(p, ".html") {
					return err
				}
				data, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				c.all++
				c.bytes += len(data)
				c.gzip += gzipLen(data)
				switch filepath.Base(filepath.Dir(p)) {
				case "t":
					c.t++
				case "n":
					c.n++
					c.nearBytes += len(data)
					c.nearGzip += gzipLen(data)
					// __briefingSearch.near(i,{"key":[...],...});
					var lists map[string]json.RawMessage
					if _, arg, ok := strings.Cut(string(data), ","); ok {
						if json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimSpace(arg), ");")), &lists) == nil {
							c.nearKeys += len(lists)
						}
					}
				case "p":
					c.p++
				case "d":
					c.d++
				}
				return nil
			}))
			fmt.Fprintf(w, "%s\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t\n", s.name, strings.TrimSuffix(or(lang, "en/"), "/"), c.t, c.n, c.p, c.d, c.all, total, c.bytes, c.gzip, c.nearBytes, c.nearGzip, c.nearKeys)
		}
	}
	w.Flush()
	fmt.Println("\nindex files: every file of the language's search index (the table, term files, near files, name files, chunks of display records, facets);")
	fmt.Println("site files: every file the build wrote, both languages; bytes and gzip bytes: the index's files, each gzip-compressed;")
	fmt.Println("near keys: the keys the near files hold (before near keys shared files, each had a file of its own).")
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
