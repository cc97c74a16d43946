package feed

import (
	"encoding/json"
	"testing"
)

// jsonTexts are strings that every escape of encoding/json meets.
var jsonTexts = []string{
	"", "plain", `quote " and \ backslash`, "<b>&amp;</b>", "tab\there\nnew line\r\b\f\x00\x1f\x7f",
	"Pérez, “El Helicoide”", "line\u2028para\u2029", "bad \xff\xfe utf-8 \xe2\x80", "emoji 🙂",
}

// TestChangeJSONAsMarshal holds a row of data/changes.json written by
// appendJSON to what encoding/json writes of it, its tags' names, order
// and omitempty included, with every field set and with every field empty.
func TestChangeJSONAsMarshal(t *testing.T) {
	rows := []change{{}}
	for _, s := range jsonTexts {
		rows = append(rows, change{ID: s, Date: s, Time: s, Record: link{Kind: s, Title: s, URL: s}, Slug: s,
			Change: s, Field: s, Within: s, Old: s, New: s, Text: s, Note: s, URL: s})
	}
	rows = append(rows, change{ID: "change-2026-01-08-prisoner-ana-1", Date: "2026-01-08", Time: "2026-01-08T10:00:00Z",
		Record: link{Kind: "prisoner", Title: "Ana Pérez", URL: "prisoners/ana-perez/"}, Slug: "ana-perez",
		Change: "changed", Field: "status", Old: "detained", New: "released", Text: "Status changed from detained to released"})
	for _, r := range rows {
		want, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.appendJSON(nil); string(got) != string(want) {
			t.Errorf("appendJSON:\n%s\nwant (json.Marshal):\n%s", got, want)
		}
	}
}

// FuzzJSONString holds appendJSONString to encoding/json's escaping.
func FuzzJSONString(f *testing.F) {
	for _, s := range jsonTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got[1:], want)
		}
	})
}
