package seedbench

import (
	"testing"
	"time"
)

// CPUClock measures the CPU time (user and system, all threads) a
// benchmark's loop spends. On a shared machine the wall time of ns/op grows
// with everyone else's load; cpu-ns/op mostly does not, so the figures stay
// comparable between runs.
type CPUClock struct{ start time.Duration }

// StartCPU reads the process's CPU time so far; call it just before the loop.
func StartCPU() CPUClock { return CPUClock{start: cpuTime()} }

// Report adds cpu-ns/op to the benchmark's results; call it after the loop.
func (c CPUClock) Report(b *testing.B) {
	if b.N > 0 {
		b.ReportMetric(float64(cpuTime()-c.start)/float64(b.N), "cpu-ns/op")
	}
}
