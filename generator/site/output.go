package site

// Output receives the files made of a site: pages (package render), the
// search index (package search), feeds and data files (package feed). It
// must be safe for concurrent use, and must not keep data after WriteFile
// returns: the caller reuses it. The pipeline's sinks implement it (they
// write a file, check it, or keep it for serve).
type Output interface {
	WriteFile(name string, data []byte) error
}
