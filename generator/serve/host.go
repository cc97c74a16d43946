package serve

import (
	"fmt"
	"net"
	"slices"
	"strings"
)

// hosts are the Host header values the preview answers: the names of the
// address it listens on, and the names given with -host. Any other is
// refused (421 Misdirected Request), whatever the path: a web page the
// editor visits can point a name of its own at 127.0.0.1 (DNS rebinding)
// and would otherwise read the preview, drafts included, as same-origin.
// An address written as an IP needs no such check, since no other site
// can be at it; a name the editor did not give might be anyone's.
type hosts struct {
	port  string
	ip    net.IP   // the address listened on; nil for "localhost"
	names []string // -host, lower-case, without port
}

func newHosts(addr string, names []string) hosts {
	host, port, _ := net.SplitHostPort(addr)
	h := hosts{port: port, ip: net.ParseIP(host)}
	for _, n := range names {
		if n = strings.ToLower(strings.TrimSpace(n)); n != "" {
			h.names = append(h.names, n)
		}
	}
	return h
}

// loopback reports whether the address listened on is this machine's only.
func (h hosts) loopback() bool { return h.ip == nil || h.ip.IsLoopback() }

// allow reports whether the preview answers a request for host.
func (h hosts) allow(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil {
		name, port = strings.Trim(host, "[]"), "80"
	}
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	if name == "" {
		return false
	}
	if slices.Contains(h.names, name) {
		return true // a name given with -host: a proxy may change the port
	}
	if port != h.port {
		return false
	}
	unspecified := h.ip != nil && h.ip.IsUnspecified()
	if name == "localhost" {
		return h.loopback() || unspecified
	}
	ip := net.ParseIP(name)
	switch {
	case ip == nil:
		return false
	case unspecified:
		return true
	case h.loopback():
		return ip.IsLoopback()
	}
	return ip.Equal(h.ip)
}

// refusal says which Host values are answered and how to add one.
func (h hosts) refusal(host string) string {
	var names []string
	if h.loopback() {
		names = []string{"127.0.0.1:" + h.port, "localhost:" + h.port, "[::1]:" + h.port}
	} else {
		names = []string{net.JoinHostPort(h.ip.String(), h.port)}
	}
	names = append(names, h.names...)
	return fmt.Sprintf("this preview answers only at %s, not at %q; to open it under another name, start serve with -allow-host NAME\n", strings.Join(names, ", "), host)
}
