package build

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"runtime"
	"sync"
	"time"
)

// OfflineZip is the name of the archive of the whole site, for readers
// who cannot rely on reaching it: unzipped and opened from disk, every
// page, the timeline and search work.
const OfflineZip = "briefing-offline.zip"

// zipFolder is the one folder the archive holds, so that unzipping it puts
// nothing loose beside the reader's own files.
const zipFolder = "briefing-offline/"

// writeZip writes the files, in the order given, into a zip archive under
// zipFolder. Files are compressed in parallel and written in order; every
// entry carries the same modification time, from the content, so that two
// builds make the same bytes.
func writeZip(w io.Writer, names []string, read func(name string) ([]byte, error), modified time.Time) error {
	type entry struct {
		header *zip.FileHeader
		data   []byte
		err    error
		done   chan struct{}
	}
	entries := make([]*entry, len(names))
	for i := range entries {
		entries[i] = &entry{done: make(chan struct{})}
	}
	pool := sync.Pool{New: func() any {
		fw, _ := flate.NewWriter(nil, flate.BestSpeed)
		return fw
	}}
	// At most window files are compressed ahead of the writer, so that
	// memory stays flat however big the site is.
	const window = 64
	tokens := make(chan struct{}, window)
	jobs := make(chan int)
	go func() {
		for i := range names {
			tokens <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	for range runtime.GOMAXPROCS(0) {
		go func() {
			var buf bytes.Buffer
			for i := range jobs {
				e := entries[i]
				data, err := read(names[i])
				if err != nil {
					e.err = err
					close(e.done)
					continue
				}
				buf.Reset()
				fw := pool.Get().(*flate.Writer)
				fw.Reset(&buf)
				fw.Write(data)
				fw.Close()
				pool.Put(fw)
				e.header = &zip.FileHeader{
					Name:               zipFolder + names[i],
					Method:             zip.Deflate,
					Modified:           modified,
					CRC32:              crc32.ChecksumIEEE(data),
					CompressedSize64:   uint64(buf.Len()),
					UncompressedSize64: uint64(len(data)),
				}
				e.data = bytes.Clone(buf.Bytes())
				close(e.done)
			}
		}()
	}
	zw := zip.NewWriter(w)
	var firstErr error
	for _, e := range entries {
		<-e.done // keep draining, so that no worker blocks
		<-tokens
		if firstErr != nil {
			continue
		}
		if e.err != nil {
			firstErr = e.err
			continue
		}
		f, err := zw.CreateRaw(e.header)
		if err == nil {
			_, err = f.Write(e.data)
		}
		firstErr = err
		e.data = nil
	}
	if firstErr != nil {
		return firstErr
	}
	return zw.Close()
}
