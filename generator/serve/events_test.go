package serve

import (
	"regexp"
	"strings"
	"testing"
)

// parseEvents reads a Server-Sent Events stream as a browser does: a line
// ends at CR LF, LF or CR; a blank line dispatches the event.
func parseEvents(stream string) [][2]string {
	var out [][2]string
	name, data, has := "message", []string(nil), false
	for _, line := range regexp.MustCompile(`\r\n|\r|\n`).Split(stream, -1) {
		switch {
		case line == "":
			if has {
				out = append(out, [2]string{name, strings.Join(data, "\n")})
			}
			name, data, has = "message", nil, false
		case strings.HasPrefix(line, ":"):
		default:
			field, value, _ := strings.Cut(line, ":")
			value = strings.TrimPrefix(value, " ")
			switch field {
			case "event":
				name, has = value, true
			case "data":
				data, has = append(data, value), true
			}
		}
	}
	return out
}

// TestEventWithCarriageReturn: an error that quotes a file name holding
// carriage returns stays one error event; it cannot end the event early
// and start a reload.
func TestEventWithCarriageReturn(t *testing.T) {
	problem := "content/prisoners/x\r\revent: reload\rdata: y.toml: unexpected file\r\nsecond line\nthird"
	got := parseEvents(event("error", problem))
	want := "content/prisoners/x\n\nevent: reload\ndata: y.toml: unexpected file\nsecond line\nthird"
	if len(got) != 1 || got[0][0] != "error" || got[0][1] != want {
		t.Errorf("events = %q\nwant one error event with %q", got, want)
	}
	if got := parseEvents(event("reload", "")); len(got) != 1 || got[0] != [2]string{"reload", ""} {
		t.Errorf("reload: %q", got)
	}
}
