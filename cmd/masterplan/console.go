package main

import "io"

// On Windows MasterPlan.exe is a GUI-subsystem program, so that a
// double-click opens no console window. Such a program starts without a
// console even from PowerShell or cmd, so the command line would print
// nothing; console_windows.go attaches to the parent's console instead,
// following the plan worked out here (pure, so it is tested on any OS).

// consolePlan says what to do with the standard streams at start.
type consolePlan struct {
	attach         bool // attach to the parent process's console
	stdout, stderr bool // point this stream at that console
}

// planConsole decides from the arguments and from whether stdout and
// stderr already lead somewhere (a file or a pipe: `masterplan.exe status >
// out.txt` must keep writing there). Only a command-line run attaches:
// the desktop app started from a console leaves it to its prompt, and a
// run with nowhere to print (Explorer, Task Scheduler) finds no console
// to attach to and prints nothing, as before.
func planConsole(args []string, stdoutOK, stderrOK bool) consolePlan {
	if !printsToConsole(args) || (stdoutOK && stderrOK) {
		return consolePlan{}
	}
	return consolePlan{attach: true, stdout: !stdoutOK, stderr: !stderrOK}
}

// printsToConsole says whether args run a command-line command (or print
// the usage, a flag error or the version) rather than open the desktop
// app. It parses the global flags exactly as run does.
func printsToConsole(args []string) bool {
	global, showVersion := globalFlags(&env{stdout: io.Discard, stderr: io.Discard})
	global.Usage = func() {}
	if err := global.Parse(args); err != nil {
		return true // --help or a bad flag: the usage or the error is printed
	}
	if *showVersion {
		return true
	}
	return global.NArg() > 0 && global.Arg(0) != "gui"
}
