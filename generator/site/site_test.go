package site

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/testsite"
)

// fixture is the shared test site, in memory, for a test to change.
func fixture(t *testing.T) fstest.MapFS { return testsite.MapFS(testsite.Archive()) }

func resolve(t *testing.T, fsys fstest.MapFS) (*Site, error) {
	t.Helper()
	set, err := content.Load(fsys, content.Options{})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return New(set)
}

func mustResolve(t *testing.T) *Site {
	t.Helper()
	s, err := resolve(t, fixture(t))
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func (s *Site) prisoner(slug string) *Prisoner {
	for _, p := range s.Prisoners {
		if p.Slug == slug {
			return p
		}
	}
	return nil
}

func (s *Site) detentionSite(slug string) *DetentionSite {
	for _, v := range s.Sites {
		if v.Slug == slug {
			return v
		}
	}
	return nil
}

func names[T interface{ Link() Link }](list []T) string {
	var out []string
	for _, v := range list {
		out = append(out, v.Link().Title)
	}
	return strings.Join(out, ", ")
}

func TestBackReferences(t *testing.T) {
	s := mustResolve(t)
	ana := s.prisoner("ana-perez")
	luis := s.prisoner("luis-gomez")
	if got := names(ana.Briefs); got != "A brief" {
		t.Errorf("Ana's briefs = %q (a Markdown link names her)", got)
	}
	if got := names(ana.Mentions); got != "Election" {
		t.Errorf("Ana's events = %q", got)
	}
	if got := names(luis.Statements); got != "Foro Penal, 29 December 2024" {
		t.Errorf("Luis's statements = %q", got)
	}
	if got := names(s.Briefs[0].Prisoners); got != "Luis Gómez, Ana Pérez" {
		t.Errorf("the brief's prisoners = %q", got)
	}
	if got := names(s.detentionSite("la-tumba").Briefs); got != "A brief" {
		t.Errorf("La Tumba's briefs = %q", got)
	}
	var held []string
	for _, st := range s.detentionSite("el-helicoide").Held {
		held = append(held, st.Prisoner.Label()+" from "+st.From.String())
	}
	if got := strings.Join(held, "; "); got != "Luis Gómez from ; Ana Pérez from 2024-02-09" {
		t.Errorf("held at El Helicoide = %q", got)
	}
}

func TestMarkdown(t *testing.T) {
	s := mustResolve(t)
	body := s.prisoner("ana-perez").Body.String()
	for _, want := range []string{
		`<a href="@@root/sites/el-helicoide/index.html">El Helicoide</a>`, // empty text takes the name
		`<a href="@@root/statements/count/index.html">the count</a>`,
		`<a href="@@root/timeline/index.html#2024-07-28-event-election">Election</a>`, // an event links to its timeline entry
		`<h2 id="background">Background</h2>`,                                         // below the page's h1
	} {
		if !strings.Contains(body, want) {
			t.Errorf("body lacks %s:\n%s", want, body)
		}
	}
	brief := s.Briefs[0].Body.String()
	if !strings.Contains(brief, `id="fn:1"`) || !strings.Contains(brief, "“") && !strings.Contains(brief, "A note") {
		t.Errorf("footnote missing: %s", brief)
	}
}

func TestUnknownReferences(t *testing.T) {
	tests := []struct {
		file, from, to, want string
	}{
		{"content/statements/count.toml", `prisoners = ["luis-gomez"]`, `prisoners = ["luis-gomes"]`,
			`content/statements/count.toml:4:13: unknown prisoner "luis-gomes": there is no content/prisoners/luis-gomes.toml (did you mean "luis-gomez"?)`},
		{"content/prisoners/luis-gomez.toml", `site = "el-helicoide"`, `site = "helicoide"`,
			`content/prisoners/luis-gomez.toml:7:8: unknown site "helicoide": there is no content/sites/helicoide.toml (did you mean "el-helicoide"?)`},
		{"content/briefs/b.md", `[Ana](prisoner:ana-perez)`, `[Ana](prisoner:nobody)`,
			`content/briefs/b.md:6:41: unknown prisoner "nobody": there is no content/prisoners/nobody.toml`},
		{"content/prisoners/ana-perez.toml", `[](event:election)`, `[](event:elections)`,
			`content/prisoners/ana-perez.toml:9:13: unknown event "elections": there is no content/events/elections.toml (did you mean "election"?)`},
		{"content/briefs/b.md", `About`, `![x](https://cdn.example/x.png) About`,
			`content/briefs/b.md:6:6: image "https://cdn.example/x.png" is not on this site; readers must make no request to another host: copy it into static/ and write its path, such as images/x.png`},
		{"content/counts/foro-penal-2024-12-29.toml", `statement = "count"`, `statement = "counts"`,
			`content/counts/foro-penal-2024-12-29.toml:6:13: unknown statement "counts": there is no content/statements/counts.toml (did you mean "count"?)`},
		{"content/briefs/b.md", `About`, `[](count:foro-penal-2024-12-92) About`,
			`content/briefs/b.md:6:4: unknown count "foro-penal-2024-12-92": there is no content/counts/foro-penal-2024-12-92.toml (did you mean "foro-penal-2024-12-29"?)`},
		{"content/sites/la-tumba.toml", `name = "La Tumba"`, "name = \"La Tumba\"\npublish = false",
			`content/briefs/b.md:4:9: site "la-tumba" is not published (publish = false in content/sites/la-tumba.toml); remove this reference or publish that record`},
	}
	for _, tt := range tests {
		t.Run(tt.want[:30], func(t *testing.T) {
			fsys := fixture(t)
			src := string(fsys[tt.file].Data)
			if !strings.Contains(src, tt.from) {
				t.Fatalf("%s lacks %q", tt.file, tt.from)
			}
			fsys[tt.file] = &fstest.MapFile{Data: []byte(strings.Replace(src, tt.from, tt.to, 1))}
			_, err := resolve(t, fsys)
			if err == nil {
				t.Fatal("New succeeded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error:\n got: %v\nwant: %s", err, tt.want)
			}
		})
	}
}

// TestCountLinks: [](count:slug) takes the count's label and links to its
// row on the counts page; the count names the statement that announced it
// and is on the timeline.
func TestCountLinks(t *testing.T) {
	fsys := fixture(t)
	b := string(fsys["content/briefs/b.md"].Data)
	fsys["content/briefs/b.md"] = &fstest.MapFile{Data: []byte(strings.Replace(b, "About", "[](count:foro-penal-releases) About", 1))}
	s, err := resolve(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<a href="` + RootMarker + `counts/index.html#count-foro-penal-releases">Foro Penal: at least 154 released since 20 November 2024, 24 December 2024</a>`,
		`<a href="` + RootMarker + `counts/index.html#count-foro-penal-2024-12-29">Foro Penal: 863 held, 29 December 2024</a>`,
	} {
		if !strings.Contains(s.Briefs[0].Body.String(), want) {
			t.Errorf("brief body lacks %s:\n%s", want, s.Briefs[0].Body)
		}
	}
	var c *Count
	for _, v := range s.Counts {
		if v.Slug == "foro-penal-2024-12-29" {
			c = v
		}
	}
	if c == nil || c.Statement == nil || c.Statement.Slug != "count" {
		t.Errorf("count's statement = %v", c)
	}
	found := false
	for _, e := range s.Timeline {
		if e.Kind == "count" && e.ID() == "2024-12-29-count-foro-penal-2024-12-29" && e.URL() == "timeline/#2024-12-29-count-foro-penal-2024-12-29" && e.Record.URL == "counts/#count-foro-penal-2024-12-29" {
			found = true
		}
	}
	if !found {
		t.Errorf("no count on the timeline:\n%s", stream(s.Timeline))
	}
	// A link to an unpublished count is an error that says why.
	const file = "content/counts/foro-penal-releases.toml"
	fsys[file] = &fstest.MapFile{Data: append([]byte("publish = false\n"), fsys[file].Data...)}
	_, err = resolve(t, fsys)
	want := `content/briefs/b.md:6:4: count "foro-penal-releases" is not published (publish = false in ` + file + `); remove this reference or publish that record`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error = %v, want %s", err, want)
	}
}

func TestDaysAndFigures(t *testing.T) {
	s := mustResolve(t)
	ana := s.prisoner("ana-perez")
	// Still held: from 2024-02-09 to the as-of date 2025-01-01.
	if ana.Days != 327 {
		t.Errorf("Ana's days = %d, want 327", ana.Days)
	}
	if ana.Custody[0].Days != 21 || ana.Custody[1].Days != 306 {
		t.Errorf("Ana's stays = %d, %d days, want 21, 306", ana.Custody[0].Days, ana.Custody[1].Days)
	}
	// Arrested some day in February 2024: counted from its last day.
	if luis := s.prisoner("luis-gomez"); luis.Days != 102 {
		t.Errorf("Luis's days = %d, want 102 (2024-02-29 to 2024-06-10)", luis.Days)
	}
	f := s.Figures
	if f.AsOf.String() != "2025-01-01" || f.Total != 3 || f.Held != 2 {
		t.Errorf("figures = %+v", f)
	}
	var statuses []string
	for _, c := range f.ByStatus {
		statuses = append(statuses, c.Status+"="+string(rune('0'+c.Count)))
	}
	if got := strings.Join(statuses, " "); got != "detained=2 released=1" {
		t.Errorf("by status = %s", got)
	}
	var series []string
	for _, p := range f.Series {
		series = append(series, p.Date.String()+":"+string(rune('0'+p.Held)))
	}
	if got := strings.Join(series, " "); got != "2024-02-09:1 2024-02-29:2 2024-06-10:1 2024-12-31:2" {
		t.Errorf("series = %s", got)
	}
	if f.Undated != 0 {
		t.Errorf("undated = %d", f.Undated)
	}
}

func TestAnonymousLabel(t *testing.T) {
	s := mustResolve(t)
	p := s.prisoner("anon-1")
	if p.Label() != WithheldName || s.Prisoners[len(s.Prisoners)-1] != p {
		t.Errorf("anonymous prisoner label %q, listed last: %v", p.Label(), s.Prisoners[len(s.Prisoners)-1] == p)
	}
}

func TestReservedPageSlug(t *testing.T) {
	for _, slug := range []string{"timeline", "changes", "search", "static"} {
		fsys := fixture(t)
		fsys["content/pages/"+slug+".md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"T\"\n+++\n")}
		_, err := resolve(t, fsys)
		want := `content/pages/` + slug + `.md: a page cannot be called "` + slug + `": the site uses /` + slug + `/ for something else; rename the file`
		if err == nil || err.Error() != want {
			t.Errorf("err = %v, want %s", err, want)
		}
	}
}

// TestCacheFollowsLinks: cached Markdown is reused while what its links
// name is unchanged, and rendered again when a linked record's name changes.
func TestCacheFollowsLinks(t *testing.T) {
	var cache Cache
	fsys := fixture(t)
	set, _ := content.Load(fsys, content.Options{})
	first, err := NewCached(set, nil, &cache, nil)
	if err != nil {
		t.Fatal(err)
	}
	set, _ = content.Load(fsys, content.Options{})
	second, _ := NewCached(set, nil, &cache, nil)
	if first.prisoner("ana-perez").Body.String() != second.prisoner("ana-perez").Body.String() {
		t.Error("unchanged Markdown rendered differently")
	}
	fsys["content/sites/el-helicoide.toml"] = mapFile("name = \"El Helicoide (SEBIN)\"\n")
	set, _ = content.Load(fsys, content.Options{})
	third, _ := NewCached(set, nil, &cache, nil)
	if body := third.prisoner("ana-perez").Body.String(); !strings.Contains(body, ">El Helicoide (SEBIN)</a>") {
		t.Errorf("a renamed site's link kept its old name: %s", body)
	}
	// What no resolution asked for since the last prune is forgotten.
	cache.Prune()
	n := len(cache.entries)
	set, _ = content.Load(fsys, content.Options{})
	NewCached(set, nil, &cache, nil)
	cache.Prune()
	if len(cache.entries) != n {
		t.Errorf("%d cached texts after a second resolution, want %d", len(cache.entries), n)
	}
	// An error is reported on every resolution, cached or not.
	fsys["content/events/election.toml"] = mapFile("date = 2024-07-28\ntitle = \"Election\"\npublish = false\n")
	for range 2 {
		set, _ = content.Load(fsys, content.Options{})
		if _, err := NewCached(set, nil, &cache, nil); err == nil || !strings.Contains(err.Error(), `event "election" is not published`) {
			t.Errorf("err = %v", err)
		}
	}
}

// TestImagesMustBeStaticFiles: a Markdown image must name a file under
// static/ that exists, in build as in check: not a path out of the site,
// not a file that is not there.
func TestImagesMustBeStaticFiles(t *testing.T) {
	fsys := fixture(t)
	fsys["static/images/map.png"] = &fstest.MapFile{Data: []byte("PNG")}
	fsys["static/images/my map.png"] = &fstest.MapFile{Data: []byte("PNG")}
	b := string(fsys["content/briefs/b.md"].Data)
	fsys["content/briefs/b.md"] = &fstest.MapFile{Data: []byte(strings.Replace(b, "About", "![a](images/map.png) ![b](/images/map.png) ![c](images/my%20map.png)\n![d](../../../../etc/passwd) ![e](images/missing.png) ![f](images/../../site.toml) ![g](images/)\nAbout", 1))}
	_, err := resolve(t, fsys)
	want := `content/briefs/b.md:7:6: image "../../../../etc/passwd" is not a file in static/: an image must be one of the site's own files, written by its path in static/, such as images/passwd
content/briefs/b.md:7:35: image "images/missing.png" does not exist: there is no static/images/missing.png; copy the image there or correct its path
content/briefs/b.md:7:60: image "images/../../site.toml" is not a file in static/: an image must be one of the site's own files, written by its path in static/, such as images/site.toml
content/briefs/b.md:7:89: image "images/" does not exist: there is no static/images/; copy the image there or correct its path`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// TestCachedImageMustStillExist: a rendering cached while its image
// existed is not reused once the image is gone from static/.
func TestCachedImageMustStillExist(t *testing.T) {
	fsys := fixture(t)
	fsys["static/images/map.png"] = &fstest.MapFile{Data: []byte("PNG")}
	b := string(fsys["content/briefs/b.md"].Data)
	fsys["content/briefs/b.md"] = &fstest.MapFile{Data: []byte(strings.Replace(b, "About", "![a](images/map.png) About", 1))}
	set, err := content.Load(fsys, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var cache Cache
	if _, err := NewCached(set, nil, &cache, nil); err != nil {
		t.Fatal(err)
	}
	set.Static = nil
	if _, err := NewCached(set, nil, &cache, nil); err == nil || !strings.Contains(err.Error(), `image "images/map.png" does not exist`) {
		t.Errorf("err = %v, want the image missing", err)
	}
}

// TestDeath checks a death in custody and one after release: the days in
// custody run to the death only in custody, the figures count a death in
// custody as the end of it, and the timeline tells each death.
func TestDeath(t *testing.T) {
	fsys := fixture(t)
	fsys["content/prisoners/pedro-diaz.toml"] = &fstest.MapFile{Data: []byte(`name = "Pedro Díaz"
status = "deceased"
arrested = 2024-03-01
died = 2024-04-01
verification = "reported"

[[custody]]
site = "la-tumba"
from = 2024-03-01
`)}
	fsys["content/prisoners/rosa-diaz.toml"] = &fstest.MapFile{Data: []byte(`name = "Rosa Díaz"
status = "deceased"
arrested = 2024-03-01
released = 2024-04-01
died = 2024-05-01
verification = "reported"
`)}
	s, err := resolve(t, fsys)
	if err != nil {
		t.Fatal(err)
	}
	pedro, rosa := s.prisoner("pedro-diaz"), s.prisoner("rosa-diaz")
	if !pedro.DiedInCustody() || pedro.CustodyEnd() != pedro.Died || rosa.DiedInCustody() || rosa.CustodyEnd() != rosa.Released {
		t.Errorf("died in custody: Pedro %v (end %s), Rosa %v (end %s)", pedro.DiedInCustody(), pedro.CustodyEnd(), rosa.DiedInCustody(), rosa.CustodyEnd())
	}
	if pedro.Days != 31 || pedro.Custody[0].Days != 31 || rosa.Days != 31 {
		t.Errorf("days: Pedro %d (stay %d), Rosa %d; want 31 each", pedro.Days, pedro.Custody[0].Days, rosa.Days)
	}
	if s.Figures.Undated != 0 {
		t.Errorf("undated = %d, want 0: both ends are known", s.Figures.Undated)
	}
	held := make(map[string]int)
	for _, p := range s.Figures.Series {
		held[p.Date.String()] = p.Held
	}
	// The fixture holds 1 on 2024-02-09 and 2 from 2024-02-29 to 2024-06-10;
	// Pedro and Rosa add 2 from 2024-03-01 to 2024-04-01.
	if held["2024-03-01"] != 4 || held["2024-04-01"] != 2 {
		t.Errorf("series = %+v, want 4 held from 2024-03-01 and 2 from 2024-04-01", s.Figures.Series)
	}
	deaths := make(map[string]*Entry)
	for _, e := range s.Timeline {
		if e.Kind == "death" {
			deaths[e.Record.URL] = e
		}
	}
	if e := deaths[pedro.URL]; e == nil || e.Title != "Pedro Díaz died in custody" || e.Date != pedro.Died || len(e.Involves) != 1 || e.Involves[0].Title != "La Tumba" {
		t.Errorf("Pedro's death on the timeline: %+v", e)
	}
	if e := deaths[rosa.URL]; e == nil || e.Title != "Rosa Díaz died" || len(e.Involves) != 0 {
		t.Errorf("Rosa's death on the timeline: %+v", e)
	}
	if n := len(pedro.History); n == 0 || pedro.History[n-1].Kind != "death" {
		t.Errorf("Pedro's history does not end with his death: %+v", pedro.History)
	}
	tumba := s.detentionSite("la-tumba")
	if n := len(tumba.History); n == 0 || tumba.History[n-1] != deaths[pedro.URL] {
		t.Errorf("La Tumba's history lacks Pedro's death")
	}
}
