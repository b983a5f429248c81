//go:build !(linux || freebsd || netbsd || openbsd || illumos)

package main

// checkSessionBus has nothing to check where notifications do not go
// through D-Bus (Windows, macOS).
func checkSessionBus() error { return nil }
