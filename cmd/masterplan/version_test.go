package main

import (
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionOf(t *testing.T) {
	t.Parallel()
	info := func(v string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) { return &debug.BuildInfo{Main: debug.Module{Version: v}}, true }
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	for _, c := range []struct {
		name, linked string
		info         func() (*debug.BuildInfo, bool)
		want         string
	}{
		{"linked by the Makefile", "0.1.0", info("v0.0.9"), "0.1.0"},
		{"go install of a tag", "", info("v0.2.0"), "0.2.0"},
		{"go build of a checkout", "", info("(devel)"), "devel"},
		{"no build info", "", none, "devel"},
	} {
		if got := versionOf(c.linked, c.info); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}

// --version prints the name and version on one line, needs no database
// and runs no command.
func TestVersionFlag(t *testing.T) {
	t.Parallel()
	r := runCLI(t, "/nonexistent/dir/mp.db", "--version")
	if r.code != exitOK || r.stdout != "MasterPlan "+appVersion()+"\n" || r.stderr != "" {
		t.Errorf("--version: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = runCLI(t, "/nonexistent/dir/mp.db", "--help")
	if !strings.Contains(r.stdout, "--version") {
		t.Errorf("--help does not mention --version:\n%s", r.stdout)
	}
}
