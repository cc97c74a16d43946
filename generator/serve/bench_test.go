package serve

import (
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/presos-politicos/briefing/generator/internal/corpus"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

var corpusSize = flag.Int("corpus", 1000, "prisoners in the benchmark's synthetic corpus")

// BenchmarkEditToPage times what an editor waits for after saving a
// prisoner's file, but for the watcher's Debounce: the rebuild, then the
// page drawn for the browser's reload.
//
//	go test ./generator/serve -run XXX -bench EditToPage -corpus 10000
func BenchmarkEditToPage(b *testing.B) {
	src := b.TempDir()
	if err := corpus.Write(src, corpus.Scaled(*corpusSize)); err != nil {
		b.Fatal(err)
	}
	testsite.Templates(b, src)
	s := New(Options{Options: pipeline.Options{Src: src}})
	if p := s.Problem(); p != "" {
		b.Fatal(p)
	}
	file := filepath.Join(src, "content/prisoners/p-1.toml")
	data, _ := os.ReadFile(file)
	i := 0
	for b.Loop() {
		i++
		os.WriteFile(file, append(data, []byte(fmt.Sprintf("\n# edit %d\n", i))...), 0o644)
		os.Chtimes(file, time.Now(), time.Now().Add(time.Duration(i)*time.Second))
		if err := s.Rebuild(); err != nil {
			b.Fatal(err)
		}
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/prisoners/p-1/", nil)
		req.Host = DefaultAddr
		s.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("page: %d", rec.Code)
		}
	}
}
