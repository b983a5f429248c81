//go:build !windows

package main

// useParentConsole does nothing outside Windows: there a program started
// from a terminal writes to it already (see console_windows.go).
func useParentConsole([]string) {}
