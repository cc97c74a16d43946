package pipeline

import (
	"io/fs"
	"os"
	"strconv"
	"testing/fstest"
)

// mapFS is a txtar archive as a file system, for os.CopyFS.
type mapFS map[string][]byte

func (m mapFS) Open(name string) (fs.File, error) {
	fsys := fstest.MapFS{}
	for k, v := range m {
		fsys[k] = &fstest.MapFile{Data: v}
	}
	return fsys.Open(name)
}

func itoa(i int) string { return strconv.Itoa(i) }

func writeTestFile(name, data string) error { return os.WriteFile(name, []byte(data), 0o644) }
