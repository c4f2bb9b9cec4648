//go:build !unix

package syntax

// cpuTime is not measured here; the benchmark reports wall-clock figures only.
func cpuTime() float64 { return 0 }
