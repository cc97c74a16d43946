package serve

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/presos-politicos/briefing/generator/pipeline"
)

// ServeHTTP serves the site's files from memory, the live-reload script and
// its event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h := s.hosts.Load(); !h.allow(r.Host) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusMisdirectedRequest)
		io.WriteString(w, h.refusal(r.Host))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	switch r.URL.Path {
	case "/_briefing/live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, liveJS)
		return
	case "/_briefing/events":
		s.events(w, r)
		return
	}
	s.mu.RLock()
	m, rep := s.site, s.report
	s.mu.RUnlock()
	name, redirect := resolvePath(r.URL.Path)
	if redirect != "" {
		// A file without an extension (_headers) is a file when the site
		// has it, else a folder without its slash.
		file := strings.TrimSuffix(strings.TrimPrefix(redirect, "/"), "/")
		if !hasFile(m, file) {
			http.Redirect(w, r, redirect, http.StatusMovedPermanently)
			return
		}
		name = file
	}
	if m == nil {
		// No good build yet: show the errors, and reload when fixed.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, inject([]byte(errorPage(rep))))
		return
	}
	data, ok, err := m.File(name)
	if err != nil {
		// A template that fails on this page: say where, keep serving.
		fmt.Fprintf(s.opts.Log, "%s: %v\n", name, err)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, inject([]byte(errorPage([]problem{{Where: name, Msg: err.Error()}}))))
		return
	}
	status := http.StatusOK
	if !ok && !s.opts.Drafts {
		if file, draft := m.Draft(name); draft {
			// Not a missing page: a draft, which this preview leaves out.
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			w.WriteHeader(http.StatusNotFound)
			io.WriteString(w, inject([]byte(draftPage(file, s.opts.Src))))
			return
		}
	}
	if !ok {
		status, name = http.StatusNotFound, notFoundPage(m, name)
		if data, ok, _ = m.File(name); !ok {
			name = "404.html"
			data, ok, _ = m.File(name)
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(ctype, "text/html") {
		data = []byte(inject(data))
	}
	w.WriteHeader(status)
	if r.Method == http.MethodGet {
		w.Write(data)
	}
}

// hasFile reports whether the site has a file of this name.
func hasFile(m *pipeline.Lazy, name string) bool {
	if m == nil {
		return false
	}
	_, ok, _ := m.File(name)
	return ok
}

// resolvePath maps a request path to a file of the site: "/" and "/x/" to
// their index.html. Anything that would leave the site (.., a NUL) maps to
// nothing. A folder without its slash is redirected to it.
func resolvePath(p string) (name, redirect string) {
	if strings.ContainsRune(p, 0) || !strings.HasPrefix(p, "/") {
		return "", ""
	}
	clean := path.Clean(p)
	if strings.Contains(clean, "..") {
		return "", ""
	}
	name = strings.TrimPrefix(clean, "/")
	if strings.HasSuffix(p, "/") || name == "" {
		if name != "" {
			name += "/"
		}
		return name + "index.html", ""
	}
	if path.Ext(name) == "" {
		return "", clean + "/"
	}
	return name, ""
}

// inject adds the live-reload script to a page, before </body>.
func inject(page []byte) string {
	const tag = `<script src="/_briefing/live.js" defer></script>`
	if i := bytes.LastIndex(page, []byte("</body>")); i >= 0 {
		return string(page[:i]) + tag + "\n" + string(page[i:])
	}
	return string(page) + tag
}

// notFoundPage is the 404 page for a missing file: the one of its
// language's folder (es/404.html for es/x), else the site's 404.html.
func notFoundPage(m *pipeline.Lazy, name string) string {
	if dir, _, ok := strings.Cut(name, "/"); ok {
		if _, found, _ := m.File(dir + "/404.html"); found {
			return dir + "/404.html"
		}
	}
	return "404.html"
}
