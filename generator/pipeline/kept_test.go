package pipeline

import (
	"io"
	"os"
	"path/filepath"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/offline"
	"github.com/presos-politicos/briefing/generator/site"
)

// kept is a sink that keeps every file in memory, for tests.
type kept struct{ *memory }

func (kept) Begin(*content.Config) {}

func (k kept) Create(name string) (io.Writer, error) { return &keptFile{k.memory, name, nil}, nil }

type keptFile struct {
	m    *memory
	name string
	buf  []byte
}

func (f *keptFile) Write(p []byte) (int, error) { f.buf = append(f.buf, p...); return len(p), nil }
func (f *keptFile) Close() error                { return f.m.WriteFile(f.name, f.buf) }

// keptFiles is an output that keeps every file in memory, m.
func keptFiles() (out *files, m map[string][]byte) {
	mem := newMemory()
	return newFiles(kept{mem}, offline.NewMemorySpool()), mem.m
}

// inMemory makes every file of the site as build does, offline archives
// included, and keeps them in memory; out has the archives' plan.
func inMemory(opts Options) (m map[string][]byte, out *files, s *site.Site, err error) {
	src, err := filepath.Abs(opts.Src)
	if err != nil {
		return nil, nil, nil, err
	}
	opts.dir = src
	out, m = keptFiles()
	s, _, err = generate(os.DirFS(src), opts, out)
	return m, out, s, err
}

// discarded is an output that keeps nothing.
func discarded() *files { return newFiles(kept{newMemory()}, offline.NewSizeSpool()) }
