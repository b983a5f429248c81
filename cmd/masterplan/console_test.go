package main

import "testing"

func TestPlanConsole(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name             string
		args             []string
		stdoutOK, stdErr bool
		want             consolePlan
	}{
		{"double-click: the desktop app", nil, false, false, consolePlan{}},
		{"gui named", []string{"--db", `C:\Users\Zoë Müller\mp.db`, "gui"}, false, false, consolePlan{}},
		{"status from PowerShell", []string{"status"}, false, false, consolePlan{attach: true, stdout: true, stderr: true}},
		{"status after --db", []string{"--db", `D:\My Data\mp.db`, "status", "--json"}, false, false, consolePlan{attach: true, stdout: true, stderr: true}},
		{"--db=FILE form", []string{"--db=mp.db", "remind", "--once"}, false, false, consolePlan{attach: true, stdout: true, stderr: true}},
		{"--version", []string{"--version"}, false, false, consolePlan{attach: true, stdout: true, stderr: true}},
		{"--help", []string{"-h"}, false, false, consolePlan{attach: true, stdout: true, stderr: true}},
		{"a bad flag prints an error", []string{"--bogus"}, false, false, consolePlan{attach: true, stdout: true, stderr: true}},
		{"stdout redirected to a file", []string{"status"}, true, false, consolePlan{attach: true, stderr: true}},
		{"both redirected: nothing to attach", []string{"export", "ics"}, true, true, consolePlan{}},
	} {
		if got := planConsole(c.args, c.stdoutOK, c.stdErr); got != c.want {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
