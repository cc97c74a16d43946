package main

import (
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	checkout := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc123"}, {Key: "vcs.modified", Value: "true"}}}
	for _, tc := range []struct {
		version, commit string
		info            *debug.BuildInfo
		want            string
	}{
		{"v1.2.3", "f00d", checkout, "generator v1.2.3 commit f00d"},                                         // a release: -ldflags win
		{"", "", checkout, "generator (devel) commit abc123 (with uncommitted changes)"},                     // go build in a checkout
		{"", "", &debug.BuildInfo{Main: debug.Module{Version: "v0.4.0"}}, "generator v0.4.0 commit unknown"}, // go install ...@v0.4.0
		{"", "", nil, "generator (devel) commit unknown"},
	} {
		if got := versionLine(tc.version, tc.commit, tc.info); got != tc.want {
			t.Errorf("versionLine(%q, %q) = %q, want %q", tc.version, tc.commit, got, tc.want)
		}
	}
}
