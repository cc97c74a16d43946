package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/presos-politicos/briefing/generator/internal/testsite"
	"github.com/presos-politicos/briefing/generator/pipeline"
)

// start serves s on a loopback port, answering at that address as Run
// does.
func start(t *testing.T, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(s)
	s.answerAt(ts.Listener.Addr().String(), nil)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// getHost gets a path with the given Host header.
func getHost(t *testing.T, ts *httptest.Server, host, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", ts.URL+path, nil)
	req.Host = host
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil || strings.HasPrefix(path, "/_briefing/events") {
			break
		}
	}
	return resp.StatusCode, b.String()
}

// TestPreviewRefusesForeignHost is the canary test for the preview: with
// drafts, a page served under another name (DNS rebinding: a web page
// pointing its own host name at 127.0.0.1) gets nothing, the event stream
// included; the names of the address it listens on get the site.
func TestPreviewRefusesForeignHost(t *testing.T) {
	dir := testsite.DirFrom(t, "../pipeline/testdata/canary.txtar")
	s := New(Options{Options: pipeline.Options{Src: dir, Drafts: true}})
	if p := s.Problem(); p != "" {
		t.Fatal(p)
	}
	ts := start(t, s)
	_, port, _ := strings.Cut(strings.TrimPrefix(ts.URL, "http://"), ":")
	for _, host := range []string{"attacker.example:" + port, "attacker.example", "localhost.attacker.example:" + port, "127.0.0.1:1", "localhost", "10.0.0.1:" + port} {
		for _, path := range []string{"/prisoners/wip/", "/data/prisoners.json", "/_briefing/events"} {
			code, body := getHost(t, ts, host, path)
			if code != http.StatusMisdirectedRequest {
				t.Errorf("Host %q %s: %d, want 421", host, path, code)
			}
			if strings.Contains(strings.ToUpper(body), "CANARY") {
				t.Errorf("Host %q %s: the draft was served", host, path)
			}
		}
	}
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port} {
		if code, body := getHost(t, ts, host, "/prisoners/wip/"); code != 200 || !strings.Contains(body, "CANARY-DRAFT-NAME") {
			t.Errorf("Host %q: %d, want the draft", host, code)
		}
	}
}

func TestAllowedHosts(t *testing.T) {
	tests := []struct {
		addr  string
		names []string
		host  string
		ok    bool
	}{
		{"127.0.0.1:1313", nil, "127.0.0.1:1313", true},
		{"127.0.0.1:1313", nil, "localhost:1313", true},
		{"127.0.0.1:1313", nil, "[::1]:1313", true},
		{"127.0.0.1:1313", nil, "127.0.0.1:8080", false},
		{"127.0.0.1:1313", nil, "evil.example:1313", false},
		{"127.0.0.1:1313", nil, "192.168.1.2:1313", false},
		{"localhost:1313", nil, "localhost:1313", true},
		{"192.168.1.2:1313", nil, "192.168.1.2:1313", true},
		{"192.168.1.2:1313", nil, "localhost:1313", false},
		{"192.168.1.2:1313", nil, "preview.lan:1313", false},
		{"192.168.1.2:1313", []string{"preview.lan"}, "preview.lan:1313", true},
		{"192.168.1.2:1313", []string{"Preview.LAN"}, "preview.lan", true},
		{"0.0.0.0:1313", nil, "192.168.1.2:1313", true},
		{"0.0.0.0:1313", nil, "localhost:1313", true},
		{"0.0.0.0:1313", nil, "evil.example:1313", false},
		{"[::]:1313", nil, "[fe80::1]:1313", true},
	}
	for _, tt := range tests {
		if got := newHosts(tt.addr, tt.names).allow(tt.host); got != tt.ok {
			t.Errorf("listening on %s with -allow-host %v: Host %q allowed = %v, want %v", tt.addr, tt.names, tt.host, got, tt.ok)
		}
	}
}
