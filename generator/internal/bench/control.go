package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// A control, for reading how the build's time grows with the site: how
// this machine's writing of files grows. The files of the first size's
// output are read into memory, then written into fresh folders once, and k
// times over (k the last size over the first), each file into its
// folder as the build writes it, by a process that does nothing else. A
// program whose only work were its writes would grow as this does; on the
// project's virtual machine it grows from a little less to a little more
// than k times from run to run, and far more when memory is already
// filled (see the package doc).
func writeControl(out, dir string, k int) (once, over time.Duration, files int) {
	type file struct {
		rel  string
		data []byte
	}
	var all []file
	check(filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(out, p)
		all = append(all, file{rel, data})
		return err
	}))
	write := func(name string, times int) time.Duration {
		start := cpuTime()
		for i := range times {
			for _, f := range all {
				p := filepath.Join(dir, name, strconv.Itoa(i), f.rel)
				check(os.MkdirAll(filepath.Dir(p), 0o755))
				check(os.WriteFile(p, f.data, 0o644))
			}
		}
		return cpuTime() - start
	}
	return write("once", 1), write("over", k), len(all)
}

// cpuTime is the processor time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	check(syscall.Getrusage(syscall.RUSAGE_SELF, &ru))
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func printControl(w io.Writer, n, k int, once, over time.Duration, files int) {
	per := func(d time.Duration, m int) float64 { return float64(d.Microseconds()) / float64(m) }
	fmt.Fprintf(w, "\ncontrol: the %d-prisoner output's %d files written once took %.2fs of CPU (%.1f µs a file), %d times over %.2fs (%.1f µs a file): %.1f times for %d times the files.\n",
		n, files, once.Seconds(), per(once, files), k, over.Seconds(), per(over, k*files), over.Seconds()/once.Seconds(), k)
}
