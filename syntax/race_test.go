//go:build race

package syntax

// raceEnabled: the race detector makes sync.Pool drop what it is given, so Parse allocates.
const raceEnabled = true
