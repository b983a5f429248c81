package seedbench

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and kernel time so far, all threads.
// Windows has no getrusage; GetProcessTimes gives the same two figures.
func cpuTime() time.Duration {
	self, err := syscall.GetCurrentProcess()
	if err != nil {
		return 0
	}
	var created, exited, kernel, user syscall.Filetime
	if err := syscall.GetProcessTimes(self, &created, &exited, &kernel, &user); err != nil {
		return 0
	}
	return ticks(kernel) + ticks(user)
}

// ticks reads a FILETIME used as a span: a count of 100 ns ticks. (The
// Filetime.Nanoseconds method is for instants: it subtracts 1601's epoch.)
func ticks(ft syscall.Filetime) time.Duration {
	return time.Duration(int64(ft.HighDateTime)<<32|int64(ft.LowDateTime)) * 100
}
