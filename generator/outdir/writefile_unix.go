//go:build unix

package outdir

import (
	"os"
	"syscall"
)

// writeFile creates or truncates a file and writes data to it, in three
// system calls: os.WriteFile also registers the file with the runtime's
// poller and sets its flags, which for the 25,000 files of a large site
// cost seconds on slow virtual machines.
func writeFile(path string, data []byte) error {
	const flags = syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC | syscall.O_CLOEXEC
	fd, err := syscall.Open(path, flags, 0o644)
	for err == syscall.EINTR {
		fd, err = syscall.Open(path, flags, 0o644)
	}
	if err != nil {
		return &os.PathError{Op: "open", Path: path, Err: err}
	}
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &os.PathError{Op: "write", Path: path, Err: err}
		}
		data = data[n:]
	}
	if err := syscall.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: path, Err: err}
	}
	return nil
}

// ownFile reports whether a file of the previous output has no name but
// its own, so that linking it into the new output shares it with nothing
// outside the output folder.
func ownFile(info os.FileInfo) bool {
	st, ok := info.Sys().(*syscall.Stat_t)
	return ok && st.Nlink == 1
}

// processRuns reports whether a process with this id exists.
func processRuns(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}
