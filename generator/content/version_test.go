package content

import (
	"reflect"
	"testing"
)

// TestDecoderAsLoad: a Decoder that keeps what it parsed and decoded
// (pieces, sources) decodes each version as a fresh one does, in any
// order, and a version with a mistake in a source stays unpublished
// however often it is decoded.
func TestDecoderAsLoad(t *testing.T) {
	const file = "content/prisoners/ana-perez.toml"
	v1 := "name = \"Ana Pérez\"\nstatus = \"detained\"\n\n[[sources]]\ntitle = \"A\"\nurl = \"https://example.org/a\"\n"
	v2 := v1 + "\n[[sources]]\ntitle = \"B\"\nurl = \"not a web address\"\n"
	v3 := v1 + "\n[[sources]]\ntitle = \"B\"\nurl = \"https://example.org/b\"\npublisher = \"P\"\n"
	d := NewDecoder()
	for range 2 {
		for _, v := range []string{v1, v2, v3} {
			got, want := d.Decode(file, v, "", ""), DecodeVersion(file, v, "", "")
			if !reflect.DeepEqual(got, want) {
				t.Errorf("decoded %#v, a fresh decoder %#v:\n%s", got, want, v)
			}
		}
	}
	if d.Decode(file, v2, "", "").Record != nil {
		t.Error("a version with a source that is not a web address decoded")
	}
	if got := d.Decode(file, v3, "", "").Record.Meta().Sources; len(got) != 2 || got[1].Publisher != "P" {
		t.Errorf("sources = %+v", got)
	}
}
