package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/presos-politicos/briefing/generator/pipeline"
)

// DefaultAddr is where serve listens unless told otherwise.
const DefaultAddr = "127.0.0.1:1313"

// Options say what to serve and where.
type Options struct {
	pipeline.Options
	Addr       string    // host:port; loopback unless Expose
	Expose     bool      // allow a non-loopback address
	AllowHosts []string  // more names the preview answers to (-allow-host), besides its address's
	Log        io.Writer // where rebuilds and errors are told
}

// Server serves the latest good build of a site and rebuilds it on change.
type Server struct {
	opts Options

	mu      sync.RWMutex
	site    *pipeline.Lazy // the last good build, or nil before the first
	problem string         // the errors of the last build, "" when it succeeded
	report  []problem      // the same, as the overlay shows them
	cache   pipeline.Cache
	noted   bool // the history's note, if any, was told

	hosts atomic.Pointer[hosts] // the Host values answered

	clients   map[chan string]bool
	clientsMu sync.Mutex
	done      chan struct{} // closed by Close: event streams end
	closeOnce sync.Once
}

// Close ends the event streams of open pages, so that the server can shut
// down without waiting for them.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.done) })
}

// New returns a server for opts and makes its first build. A failed first
// build is not an error: the server shows it in the browser until fixed.
func New(opts Options) *Server {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Server{opts: opts, clients: make(map[chan string]bool), done: make(chan struct{})}
	addr := opts.Addr
	if addr == "" {
		addr = DefaultAddr
	}
	s.answerAt(addr, opts.AllowHosts)
	s.Rebuild()
	return s
}

// answerAt makes the server answer requests for the address it listens
// on, addr, and for names.
func (s *Server) answerAt(addr string, names []string) {
	h := newHosts(addr, names)
	s.hosts.Store(&h)
}

// CheckAddr refuses an address that is not on this machine, unless expose.
func CheckAddr(addr string, expose bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %v; write it as 127.0.0.1:1313", addr, err)
	}
	if ip := net.ParseIP(host); host == "localhost" || ip != nil && ip.IsLoopback() {
		return nil
	}
	if !expose {
		return fmt.Errorf("-addr %q is not a loopback address: the preview would be reachable from other machines; add -expose if that is what you want", addr)
	}
	return nil
}

// Rebuild builds the site again: it reads the files that changed since the
// last build, resolves the whole site, and leaves the pages to be drawn
// when asked for. On success it replaces the served site and tells open
// pages to reload; on failure it keeps the last good site and sends them
// the errors. It returns the build's error.
func (s *Server) Rebuild() (err error) {
	start := time.Now()
	var m *pipeline.Lazy
	func() {
		// Whatever an edit does, the server stays up: a panic in a build
		// is reported like any other build error.
		defer func() {
			if p := recover(); p != nil {
				err = fmt.Errorf("internal error while building (please report it): %v", p)
			}
		}()
		m, err = pipeline.Prepare(s.opts.Options, &s.cache)
	}()
	var rep []problem
	if err != nil {
		rep = report(s.opts.Src, err)
	}
	s.mu.Lock()
	if err != nil {
		s.problem, s.report = err.Error(), rep
	} else {
		s.site, s.problem, s.report = m, "", nil
	}
	s.mu.Unlock()
	if err != nil {
		fmt.Fprintf(s.opts.Log, "%s\nbuild failed; still serving the last good site\n", err)
		s.broadcast("error", reportJSON(rep))
		return err
	}
	fmt.Fprintf(s.opts.Log, "rebuilt %d pages in %s\n", m.Pages(), time.Since(start).Round(time.Millisecond))
	if note := s.cache.HistoryNote(); note != "" && !s.noted {
		fmt.Fprintf(s.opts.Log, "note: %s\n", note)
	}
	s.noted = true
	s.broadcast("reload", "")
	return nil
}

// Problem returns the errors of the last build, or "".
func (s *Server) Problem() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.problem
}

// broadcast sends an event to every connected page.
func (s *Server) broadcast(name, data string) {
	msg := event(name, data)
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for c := range s.clients {
		select {
		case c <- msg:
		default: // a slow client misses an event rather than stalls the rest
		}
	}
}

// event writes one Server-Sent Event. A browser ends a line at CR, LF or
// CR LF, so data is cut at each of them into its own data line: a file
// name with a carriage return in an error must not end the event early,
// nor start another (a reload). The page reads the lines joined by LF.
func event(name, data string) string {
	var b strings.Builder
	b.WriteString("event: " + name + "\n")
	for _, line := range sseLines.Split(data, -1) {
		b.WriteString("data: " + line + "\n")
	}
	b.WriteString("\n")
	return b.String()
}

var sseLines = regexp.MustCompile(`\r\n|\r|\n`)

// events streams reload and error events to one page.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	c := make(chan string, 4)
	s.clientsMu.Lock()
	s.clients[c] = true
	s.clientsMu.Unlock()
	defer func() {
		s.clientsMu.Lock()
		delete(s.clients, c)
		s.clientsMu.Unlock()
	}()
	// A page that connects while the site is broken learns it at once.
	s.mu.RLock()
	rep := s.report
	s.mu.RUnlock()
	if rep != nil {
		io.WriteString(w, event("error", reportJSON(rep)))
	} else {
		io.WriteString(w, ": connected\n\n")
	}
	flusher.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case msg := <-c:
			io.WriteString(w, msg)
			flusher.Flush()
		}
	}
}

// Run serves until ctx is done: it listens, watches the site's files and
// rebuilds on change, and shuts down cleanly.
func Run(ctx context.Context, opts Options) error {
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	if err := CheckAddr(opts.Addr, opts.Expose); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		if errors.Is(err, errAddrInUse) {
			return fmt.Errorf("%s is in use (another serve may be running there); choose another port with -addr 127.0.0.1:PORT", opts.Addr)
		}
		return err
	}
	s := New(opts)
	s.answerAt(ln.Addr().String(), opts.AllowHosts)
	w, err := Watch(opts.Src, s.Rebuild, opts.Log)
	if err != nil {
		ln.Close()
		return err
	}
	defer w.Close()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(opts.Log, "serving the site at http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
		s.broadcast("bye", "")
		s.Close()
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
		fmt.Fprintln(opts.Log, "stopped")
		return nil
	case err := <-errc:
		return err
	}
}
