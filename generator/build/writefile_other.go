//go:build !unix

package build

import "os"

// writeFile creates or truncates a file and writes data to it.
func writeFile(path string, data []byte) error { return os.WriteFile(path, data, 0o644) }
