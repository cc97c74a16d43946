//go:build !unix

package pipeline

import "time"

// cpuTime cannot tell the processor time here: -1.
func cpuTime() time.Duration { return -1 }
