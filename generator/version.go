package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// version is the release the program was built as: the release workflow
// sets it with -ldflags "-X main.version=v1.2.3". Without it, the module
// version from the build information is used ("(devel)" when built from a
// checkout).
var version = ""

// commit is the commit the program was built from, set like version;
// without it, the one Go records from the checkout (vcs.revision).
var commit = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	fl := flags("version", "", "version prints the program's version and the commit it was built from.", stderr)
	if code, stop := parse(fl, args, stdout); stop {
		return code
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "generator version: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionLine(version, commit, info))
	return 0
}

// versionLine says which version and commit the program is: those given
// (by -ldflags), else those in the build information.
func versionLine(version, commit string, info *debug.BuildInfo) string {
	modified, given := false, commit != ""
	if info != nil {
		if version == "" {
			version = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "" {
					commit = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if version == "" {
		version = "(devel)"
	}
	if commit == "" {
		commit = "unknown"
	} else if modified && !given {
		commit += " (with uncommitted changes)"
	}
	return "generator " + version + " commit " + commit
}
