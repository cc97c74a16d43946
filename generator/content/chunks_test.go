package content

import (
	"reflect"
	"testing"

	"github.com/BurntSushi/toml"
)

var chunkSeeds = []string{
	"name = \"Ana\"\nstatus = \"detained\"\narrested = 2024-08-02\n",
	"# comment\nname = \"Ana\" # trailing\nbody = \"\"\"\nA [bracket] line\n[not.a.table]\n\"\"\"\n[[custody]]\nsite = \"x\"\nfrom = 2024-01-01\n[[custody]]\nsite = \"y\"\n[private]\nnote = \"n\"\n",
	"a.b = 1\na.c = [1,\n  2]\nt = { x = 1, y = [ \"]\" ] }\n",
	"s = '''\nlit ''' \nx = 'a#b'\n",
	"[[events]]\ntitle = \"t\"\n[events.more]\nx = 1\n",
	"[a]\nx = 1\n[a]\ny = 2\n",
	"x = 1\nx = 2\n",
	"x = [{a = 1}]\n[[x]]\na = 2\n",
	"q = \"\"\"ends with quotes\"\"\"\"\"\nr = 1\n",
	"bad = \"unterminated\n",
	"[a]\nx = 1\n[a.b]\ny = 2\n[a.b.c]\nz = 3\n[a.d]\nw = 4\n",
	"a.b.c = 1\n[a.d]\nx = 1\n[[a.e]]\ny = 1\n[[a.e]]\ny = 2\n",
	"[[sources]]\ntitle = \"a\"\nurl = \"https://e.org\"\n\n[[sources]]\ntitle = \"b\"\nurl = \"https://e.org/b\"\n",
}

// TestChunksAsWhole: pieces merged decode as the whole text does, and
// text the merge cannot be sure of falls back to the whole.
func TestChunksAsWhole(t *testing.T) {
	for _, src := range chunkSeeds {
		checkChunks(t, src)
	}
}

func FuzzChunks(f *testing.F) {
	for _, s := range chunkSeeds {
		f.Add(s)
	}
	f.Fuzz(checkChunks)
}

func checkChunks(t *testing.T, src string) {
	c := make(chunks)
	got, ok := c.decode(src)
	if !ok {
		return // the whole text is parsed instead
	}
	want := make(map[string]any)
	if _, err := toml.Decode(src, &want); err != nil {
		t.Fatalf("pieces decode text that does not parse whole (%v):\n%s", err, src)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("pieces give %#v, the whole %#v:\n%s", got, want, src)
	}
	// Again, from the parsed pieces: nothing they hold was changed.
	again, _ := c.decode(src)
	if !reflect.DeepEqual(again, want) {
		t.Fatalf("the second decoding differs: %#v:\n%s", again, src)
	}
}
