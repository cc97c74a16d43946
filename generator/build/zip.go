package build

import (
	"archive/zip"
	"compress/flate"
	"io"
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
// zipFolder. Every entry carries the same modification time, from the
// content, so that two builds make the same bytes.
func writeZip(w io.Writer, names []string, read func(name string) ([]byte, error), modified time.Time) error {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestSpeed)
	})
	for _, name := range names {
		data, err := read(name)
		if err != nil {
			return err
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: zipFolder + name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return err
		}
		if _, err := f.Write(data); err != nil {
			return err
		}
	}
	return zw.Close()
}
