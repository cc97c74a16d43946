//go:build unix

package pipeline

import (
	"syscall"
	"time"
)

// cpuTime is the processor time used so far by the process and the
// children it waited for (git): on a shared machine, where the wall time
// depends on the others' load, a build's own cost.
func cpuTime() time.Duration {
	var self, children syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &self)
	syscall.Getrusage(syscall.RUSAGE_CHILDREN, &children)
	t := func(r syscall.Rusage) time.Duration { return time.Duration(r.Utime.Nano() + r.Stime.Nano()) }
	return t(self) + t(children)
}
