package main

import (
	"runtime/debug"
	"strings"
)

// version is FyneApp.toml's Details.Version, the one place the version is
// written: the Makefile reads it from there and links it in with
// -ldflags "-X main.version=...". It is a package variable only because -X
// can set nothing else; read it through appVersion.
var version string

// appVersion is the version `masterplan --version` and the About box show.
func appVersion() string { return versionOf(version, debug.ReadBuildInfo) }

// versionOf picks the version: the linked-in one (make build, make
// package, make windows); else the module's, for `go install ...@v1.2.3`;
// else "devel" for a plain `go build` of a checkout, which knows no
// version.
func versionOf(linked string, buildInfo func() (*debug.BuildInfo, bool)) string {
	if linked != "" {
		return linked
	}
	if info, ok := buildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return strings.TrimPrefix(info.Main.Version, "v")
	}
	return "devel"
}
