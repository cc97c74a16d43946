package pipeline

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sync"
	"time"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/host"
	"github.com/presos-politicos/briefing/generator/offline"
	"github.com/presos-politicos/briefing/generator/site"
)

// maxFileBytes is the size no file of the output may pass.
const maxFileBytes = offline.MaxFileBytes

// A sink is where a use of the pipeline puts the files of the site as they
// are made: build writes them into its output folder (build.go), check
// checks them (check.go), tests keep them. WriteFile must be safe for
// concurrent use and must not keep data.
type sink interface {
	site.Output
	// Begin is called once the site's configuration is loaded, before any
	// file is made.
	Begin(cfg *content.Config)
	// Create opens an offline archive's file for writing; the writer is
	// closed (when it is an io.Closer) once written.
	Create(name string) (io.Writer, error)
}

// files is what every use of the pipeline does with a file as it is made,
// before its sink: it refuses a name that would leave the site or that
// another file has, notes the file's size, and spools it, compressed, for
// the offline archives.
type files struct {
	sink  sink
	spool *offline.Spool

	mu    sync.Mutex
	sizes map[string]int64 // every file made, by name
	bytes int64
	parts []offline.Part // the offline archives planned, written last

	// links are the links of every language's Markdown that only the
	// built site can vouch for, for check to report at their lines.
	links []site.MarkdownLink
}

func newFiles(s sink, spool *offline.Spool) *files {
	return &files{sink: s, spool: spool, sizes: make(map[string]int64)}
}

func (f *files) WriteFile(name string, data []byte) error {
	if err := f.note(name, int64(len(data))); err != nil {
		return err
	}
	if err := f.sink.WriteFile(name, data); err != nil {
		return err
	}
	return f.spool.Add(name, data)
}

// note notes a file's name and size, refusing a name it already has.
func (f *files) note(name string, size int64) error {
	if !fs.ValidPath(name) {
		return fmt.Errorf("refusing to write %q: not a path inside the output folder", name)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, dup := f.sizes[name]; dup {
		return fmt.Errorf("two outputs would both be written to %s; rename one (a file in static/ may shadow a page)", name)
	}
	f.sizes[name] = size
	f.bytes += size
	return nil
}

// plan adds the parts of a language's offline archive.
func (f *files) plan(parts []offline.Part) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.parts = append(f.parts, parts...)
}

// writeArchives writes the parts of every language's offline archive,
// from the spool.
func (f *files) writeArchives(modified time.Time) error {
	for _, p := range f.parts {
		w, err := f.sink.Create(p.Name)
		if err != nil {
			return err
		}
		size, err := f.spool.Write(w, p, modified)
		if c, ok := w.(io.Closer); ok {
			if cerr := c.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", p.Name, err)
		}
		if size > maxFileBytes {
			return fmt.Errorf("%s came out %s bytes, over the %d MiB a file may be; report this as a bug", p.Name, host.Thousands(size), maxFileBytes>>20)
		}
		if err := f.note(p.Name, size); err != nil {
			return err
		}
	}
	return nil
}

// result counts the files made.
func (f *files) result() *Result {
	res := &Result{Files: len(f.sizes), Bytes: f.bytes}
	for n := range f.sizes {
		if path.Ext(n) == ".html" {
			res.Pages++
		}
	}
	return res
}
