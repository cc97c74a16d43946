// Command bench measures the build at several sizes and prints a table:
// records, pages, wall time, CPU time, peak memory, pages per second and
// output size; and, when hugo is on the PATH, the same content built by
// Hugo with a bare theme, side by side, with the ratios of the wall times
// and of the CPU times.
//
//	go run ./generator/internal/bench -n 1000,3000,10000,30000
//
// With -es the briefing has a second language, Spanish, and so twice the
// pages, while Hugo builds the one language: the comparison for a
// bilingual site.
//
// Each build runs as its own process, so that its CPU time and peak
// resident memory are its own. With -runs N each tool builds N times, the
// two tools taking turns, into a fresh folder each time, and the table
// shows the run of median wall time: on a shared virtual machine one run
// can take half as long again as the next.
//
// Nothing is deleted until the builds are done (-control, below, then
// deletes the larger sizes' files before its own writes). On ext4,
// creating a file right after
// many were deleted is slow (the inode allocator skips recently freed
// inodes, scanning them one by one), so a build that follows a deletion
// of a large tree pays for it: a build into a just-emptied folder took
// twice as long, and most of its time was in the kernel.
//
// # Figures
//
// Measured on the project's 2-core virtual machine, beside Hugo 0.111
// (Debian's hugo) building the same records with a bare theme, three builds
// per tool taking turns, median shown (-n 1000,3000,10000,30000 -runs 3):
//
//	prisoners  records  pages   briefing  Hugo    ratio  CPU     peak RSS  Hugo RSS
//	1,000      1,355    1,334   1.5 s     0.5 s   2.9    2.7 s   50 MB     93 MB
//	3,000      4,065    4,086   3.7 s     1.8 s   2.1    6.8 s   114 MB    168 MB
//	10,000     13,550   13,268  9.8 s     4.0 s   2.5    18.2 s  219 MB    462 MB
//	30,000     40,550   39,280  28.9 s    10.8 s  2.7    53.5 s  631 MB    1.27 GB
//
// With a second language (-es, twice the pages) 10,000 prisoners took
// 19.6 s against Hugo's 2.9 s for the one language, peaking at 226 MB. Time
// grows linearly with the corpus: at 100,000 prisoners in two languages
// the processor time for each 1,000 prisoners is 2.5 to 2.75 s against
// 2.2 to 2.7 s at 10,000 (11.0 to 12.3 times the time, 2026-12-01), a
// tenth more for each record, about half of it the collector marking a
// heap ten times as large (package pipeline, "Speed and memory"); the machine's
// own writing of files grows 9.8 to 11.9 times for ten times the files
// (-control, below). The briefing does more than Hugo's bare
// theme (back-references, custody histories, a feed per prisoner and site,
// the search index, data files and the offline archive: 216 MB written at
// 10,000 prisoners against Hugo's 17 MB). About 40% of its CPU is
// html/template drawing pages (1 to 3.5 µs of reflection per {{ }} action,
// about 0.25 ms a record page), a fifth is the kernel creating files and
// folders, and the rest is reading TOML, the collector, compressing the
// offline archive and the search index.
//
// Times on a shared virtual machine vary by up to half from run to run,
// for both tools; compare the ratio. A rebuild hard-links every file whose
// bytes did not change from the previous output: a rebuild of 10,000
// prisoners took 13 to 21 s here, against 29 to 31 s when every file was
// written anew.
//
// With -control, the bench then writes the first size's output once and
// as many times over as the last size is larger (writeControl): how this
// machine's writing of files grows, by a program that does nothing else.
// The larger sizes' corpora and outputs are removed first, -keep or not:
// memory already filled makes each file written dearer on the project's
// virtual machine.
// On 2026-12-01 (-n 10000,100000 -es -nohugo -control, TMPDIR in
// /dev/shm), the 51,187 files of 10,000 prisoners in two languages took
// 41 µs of processor time a file written once and 40 µs ten times over,
// 9.8 times as long for ten times the files; the same writes by a
// throwaway program, 10.9 and 11.9 times; before the larger output was
// removed, 19 times.
//
// Per step, for benchstat: go test ./generator/pipeline -run XXX -bench .
// -corpus 10000 (load, resolve, render, search index, feeds, write, whole
// build). The preview shows an edit in 0.5 to 0.8 s at 10,000 prisoners (go
// test ./generator/serve -run XXX -bench EditToPage -corpus 10000).
package main

import (
	"cmp"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/corpus"
)

func main() {
	sizes := flag.String("n", "1000,3000,10000", "comma-separated numbers of prisoners; the other kinds scale with them")
	from := flag.String("site", ".", "the site `folder` whose templates/ and static/ the corpora use")
	noHugo := flag.Bool("nohugo", false, "do not build with Hugo even if it is installed")
	keep := flag.Bool("keep", false, "keep the corpora and their outputs, and print where they are")
	runs := flag.Int("runs", 1, "builds per tool and size; the table shows the median")
	spanish := flag.Bool("es", false, "give the briefing a second language, Spanish (twice the pages); Hugo builds the one language")
	control := flag.Bool("control", false, "then write the first size's output once, and k times over where the last size has k times its prisoners, to show how this machine's own writing of files grows (removes the larger sizes' files first)")
	flag.Parse()

	tmp, err := os.MkdirTemp("", "bench-")
	check(err)
	if *keep {
		fmt.Println("corpora and outputs in", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}
	gen := filepath.Join(tmp, "generator")
	build := exec.Command("go", "build", "-o", gen, "./generator")
	build.Dir, build.Stderr = *from, os.Stderr
	check(build.Run())
	hugo, _ := exec.LookPath("hugo")
	if *noHugo {
		hugo = ""
	}

	var first, last int // prisoners
	var firstOut string
	var larger []string // the corpora and outputs of the sizes after the first
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "tool\tprisoners\trecords\tpages\twall\tCPU\tCPU per 1,000\tpeak RSS\tpages/s\toutput\tvs Hugo\tCPU vs Hugo\t")
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		check(err)
		size := corpus.Scaled(n)
		size.Spanish = *spanish
		records := size.Prisoners + size.Statements + size.Sites + size.Briefs + size.Events
		src := filepath.Join(tmp, fmt.Sprintf("site-%d", n))
		check(corpus.Write(src, size))
		for _, d := range []string{"templates", "static"} {
			check(os.CopyFS(filepath.Join(src, d), os.DirFS(filepath.Join(*from, d))))
		}
		var hsrc string
		if hugo != "" {
			hsrc = filepath.Join(tmp, fmt.Sprintf("hugo-%d", n))
			check(hugoSite(src, hsrc))
		}
		var ourRuns, hugoRuns []usage
		var out, hout string
		for i := range *runs {
			out = filepath.Join(src, fmt.Sprintf("public-%d", i))
			ourRuns = append(ourRuns, run(gen, "build", "-src", src, "-out", out))
			if hugo != "" {
				hout = filepath.Join(hsrc, fmt.Sprintf("public-%d", i))
				hugoRuns = append(hugoRuns, run(hugo, "--source", hsrc, "--destination", hout, "--quiet"))
			}
		}
		ours := median(ourRuns)
		pages := count(out, ".html")
		ours.bytes = du(out)
		var ratio, cpuRatio string
		if hugo != "" {
			h := median(hugoRuns)
			hpages := count(hout, ".html")
			h.bytes = du(hout)
			ratio = fmt.Sprintf("%.2f", ours.wall.Seconds()/h.wall.Seconds())
			cpuRatio = fmt.Sprintf("%.2f", ours.cpu.Seconds()/h.cpu.Seconds())
			row(w, "hugo", n, records, hpages, h, "", "")
		}
		tool := "briefing"
		if *spanish {
			tool = "briefing en+es"
		}
		row(w, tool, n, records, pages, ours, ratio, cpuRatio)
		if first == 0 {
			first, firstOut = n, out
		} else {
			larger = append(larger, src, hsrc)
		}
		last = n
	}
	w.Flush()
	fmt.Println("\nwall: elapsed time of the build; CPU: user + system; CPU per 1,000: the CPU time for each 1,000 prisoners, the same at every size when the time grows linearly; peak RSS: the build process's maximum resident memory;")
	fmt.Println("output: bytes written; vs Hugo: briefing's wall time over Hugo's on the same content (lower is faster); CPU vs Hugo: the same for CPU time. With -runs, each row is the run of median wall time.")
	if *control && last > first {
		// The larger sizes' files are let go first: on the project's
		// virtual machine, memory already filled makes each file written
		// dearer (in /dev/shm, with the 100,000-prisoner output still
		// there, the control grew 19 times for 10 times the files).
		for _, dir := range larger {
			if dir != "" {
				check(os.RemoveAll(dir))
			}
		}
		k := (last + first/2) / first
		once, over, files := writeControl(firstOut, filepath.Join(tmp, "control"), k)
		printControl(os.Stdout, first, k, once, over, files)
	}
}

type usage struct {
	wall, cpu time.Duration
	rss       int64 // KB
	bytes     int64
}

func run(name string, args ...string) usage {
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	check(cmd.Run())
	u := usage{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		u.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		u.rss = ru.Maxrss
	}
	return u
}

// median is the run of median wall time.
func median(runs []usage) usage {
	slices.SortFunc(runs, func(a, b usage) int { return cmp.Compare(a.wall, b.wall) })
	return runs[len(runs)/2]
}

func row(w *tabwriter.Writer, tool string, n, records, pages int, u usage, ratio, cpuRatio string) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.2fs\t%.2fs\t%.2fs\t%d MB\t%.0f\t%d MB\t%s\t%s\t\n", tool, n, records, pages,
		u.wall.Seconds(), u.cpu.Seconds(), 1000*u.cpu.Seconds()/float64(n), u.rss>>10, float64(pages)/u.wall.Seconds(), u.bytes>>20, ratio, cpuRatio)
}

// du adds up the sizes of the files under dir.
func du(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

func count(dir, ext string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ext {
			n++
		}
		return nil
	})
	return n
}

// hugoSite writes the corpus as a Hugo site with a bare theme: a page per
// brief, prisoner, statement and site with its Markdown, list pages per
// section, no taxonomies and no related-pages lists.
func hugoSite(src, dst string) error {
	set, err := content.Load(os.DirFS(src), content.Options{})
	if err != nil {
		return err
	}
	files := map[string]string{
		"config.toml":                  "baseURL = \"https://example.org/\"\ntitle = \"Synthetic briefing\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
		"layouts/_default/baseof.html": `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><header><a href="{{ "" | relURL }}">{{ site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>`,
		"layouts/_default/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "January 2, 2006" }}</p>{{ .Content }}</article>{{ end }}`,
		"layouts/_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
		"layouts/index.html":           `{{ define "main" }}<h1>{{ site.Title }}</h1>{{ end }}`,
	}
	page := func(section, slug, title string, date content.Date, body string) {
		d := "2000-01-01"
		if !date.IsZero() {
			d = date.First().Format("2006-01-02")
		}
		files[fmt.Sprintf("content/%s/%s.md", section, slug)] = fmt.Sprintf("+++\ntitle = %q\ndate = %s\n+++\n\n%s\n", title, d, body)
	}
	for _, p := range set.Prisoners {
		page("prisoners", p.Slug, or(p.Name, "Name withheld"), p.Arrested, p.Summary+"\n\n"+p.Body.Text.String())
	}
	for _, v := range set.Statements {
		page("statements", v.Slug, v.Speaker, v.Date, v.Quote+"\n\n"+v.Context.Text.String())
	}
	for _, v := range set.Sites {
		page("sites", v.Slug, v.Name, v.Opened, v.Summary+"\n\n"+v.Body.Text.String())
	}
	for _, v := range set.Briefs {
		page("briefs", v.Slug, v.Title, v.Date, v.Body.Text.String())
	}
	for name, data := range files {
		// Reference links are this project's; Hugo sees plain text.
		data = strings.NewReplacer("](prisoner:", "](/prisoners/", "](site:", "](/sites/", "](statement:", "](/statements/", "](event:", "](/events/").Replace(data)
		p := filepath.Join(dst, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}
