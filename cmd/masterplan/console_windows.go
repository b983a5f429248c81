package main

import (
	"os"
	"syscall"
)

// attachParentProcess is AttachConsole's "the console of my parent".
const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS, (DWORD)-1

// useParentConsole points stdout and stderr at the console of the shell
// that started MasterPlan.exe, when planConsole says so (console.go tells
// why). Started from Explorer or Task Scheduler there is no such console
// and nothing changes. kernel32.dll is one of Windows' KnownDLLs, always
// loaded from the system folder, so loading it by name is safe.
func useParentConsole(args []string) {
	plan := planConsole(args, usableHandle(syscall.Stdout), usableHandle(syscall.Stderr))
	if !plan.attach {
		return
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, _ := attach.Call(uintptr(attachParentProcess)); ok == 0 {
		return // no parent console
	}
	if plan.stdout {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if plan.stderr {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
		}
	}
}

// usableHandle says whether a standard handle leads somewhere (a file, a
// pipe, a console). A GUI-subsystem program started without redirection
// gets none.
func usableHandle(h syscall.Handle) bool {
	return h != 0 && h != syscall.InvalidHandle
}
