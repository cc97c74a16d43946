package search

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/internal/order"
	"github.com/presos-politicos/briefing/generator/site"
	"golang.org/x/net/html"
)

// Kinds are the kinds of documents, in the order of their ids.
var Kinds = []content.Kind{content.KindPrisoner, content.KindSite, content.KindStatement, content.KindBrief, content.KindEvent, content.KindCount, content.KindPage}

// Field weights: a match in a name or title counts most, then in a
// summary, then in the body.
const (
	Title = iota
	Summary
	Body
	numFields
)

var weights = [numFields]float64{10, 3, 1}

// A Doc is one searchable record.
type Doc struct {
	ID      int
	Kind    content.Kind
	Title   string
	URL     string   // relative to the site's root: "prisoners/x/"
	Meta    string   // status code for prisoners; a date or place for others
	Snippet string   // shown under the result, with the matched words marked
	Status  string   // prisoners: their status, for the filter
	Site    string   // prisoners: the slug of their last known place of detention
	Aliases string   // prisoners: their other names, shown when a query matched one
	names   []string // the name, then each alias: the Title field, one name at a time
	text    [numFields]string
	// body makes the Body text when the document is indexed, so that the
	// text of every body is never held at once; the snippet is made of it
	// too when bodySnippet is set and the document has no other.
	body        func() string
	bodySnippet bool
}

// An Index holds every published record's terms and postings.
type Index struct {
	Docs  []*Doc
	Sites []*site.DetentionSite // for the site filter's names
	terms map[string]*postings
}

// postings lists, per field, the ids of the documents that hold a term,
// in increasing order, and the words it stems from, with their counts.
// The Title list holds an id once for every time the term is in one of
// the document's names, and tags says, for each of those, which name and
// how many terms that name has (nameTag): what the whole-name ranking
// needs.
type postings struct {
	ids   [numFields][]int
	tags  []byte
	words map[string]int
}

// Names: a document's name and its first aliases are told apart in the
// ranking; the fourth and later aliases count as one more name. A name's
// length counts up to nine terms.
const (
	maxNames   = 4
	maxNameLen = 9
)

// nameTag encodes which of a document's names a Title entry is in and how
// many terms that name has, as one base-36 digit.
func nameTag(name, length int) byte {
	return "0123456789abcdefghijklmnopqrstuvwxyz"[min(name, maxNames-1)*maxNameLen+min(length, maxNameLen)-1]
}

// untag decodes a nameTag.
func untag(tag byte) (name, length int) {
	n := int(tag - '0')
	if tag >= 'a' {
		n = int(tag-'a') + 10
	}
	return n / maxNameLen, n%maxNameLen + 1
}

// snippetLen is the most characters of a snippet.
const snippetLen = 220

// Build indexes every published record of s. Documents are numbered by
// kind (prisoners first), then by name as a reader sorts, so that results
// of equal weight come in alphabetical order and sit close together in the
// files that hold them.
func Build(s *site.Site) *Index {
	ix := &Index{Sites: s.Sites, terms: make(map[string]*postings)}
	for _, p := range s.Prisoners {
		d := &Doc{Kind: content.KindPrisoner, Title: p.Label(), URL: p.URL, Meta: p.Status, Status: p.Status}
		if n := len(p.Custody); n > 0 {
			d.Site = p.Custody[n-1].Site.Slug
		}
		d.names = append([]string{p.Label()}, p.Aliases...)
		d.Aliases = strings.Join(p.Aliases, ", ")
		d.text[Summary] = join(p.Summary, p.Occupation, strings.Join(p.Nationality, " "), strings.Join(p.Charges, " "))
		d.body = func() string { return join(text(p.Body), milestones(p.Events)) }
		d.Snippet, d.bodySnippet = p.Summary, true
		ix.Docs = append(ix.Docs, d)
	}
	for _, v := range s.Sites {
		d := &Doc{Kind: content.KindSite, Title: v.Name, URL: v.URL, Meta: join(v.City, v.State)}
		d.names = []string{v.Name}
		d.text[Summary] = join(v.Summary, v.Type, v.Operator, v.City, v.State)
		d.body = func() string { return join(text(v.Body), milestones(v.Events)) }
		d.Snippet, d.bodySnippet = v.Summary, true
		ix.Docs = append(ix.Docs, d)
	}
	for _, v := range s.Statements {
		d := &Doc{Kind: content.KindStatement, Title: v.Speaker, URL: v.URL, Meta: site.Date(s.Words, v.Date)}
		d.names = []string{join(v.Speaker, v.Organization)}
		d.text[Summary] = join(v.Summary, v.Quote, v.Translation, v.Role)
		d.body = func() string { return join(text(v.Context), text(v.Body)) }
		d.Snippet = or(v.Translation, v.Quote) // in the page's language where there is one
		ix.Docs = append(ix.Docs, d)
	}
	for _, v := range s.Briefs {
		d := &Doc{Kind: content.KindBrief, Title: v.Title, URL: v.URL, Meta: site.Date(s.Words, v.Date)}
		d.names = []string{v.Title}
		d.text[Summary] = join(v.Summary, strings.Join(v.Authors, " "))
		d.body = func() string { return text(v.Body) }
		d.Snippet, d.bodySnippet = v.Summary, true
		ix.Docs = append(ix.Docs, d)
	}
	for _, v := range s.Events {
		d := &Doc{Kind: content.KindEvent, Title: v.Title, URL: v.URL, Meta: site.Date(s.Words, v.Date)}
		d.names = []string{v.Title}
		d.text[Summary] = v.Summary
		d.body = func() string { return text(v.Body) }
		d.Snippet, d.bodySnippet = v.Summary, true
		ix.Docs = append(ix.Docs, d)
	}
	for _, v := range s.Counts {
		d := &Doc{Kind: content.KindCount, Title: v.Label(), URL: v.URL, Meta: site.Date(s.Words, v.AsOf)}
		d.names = []string{join(v.Counter, v.Label())}
		d.text[Summary] = v.Summary
		d.body = func() string { return join(text(v.Note), text(v.Body)) }
		d.Snippet, d.bodySnippet = v.Summary, true
		ix.Docs = append(ix.Docs, d)
	}
	for _, v := range s.Pages {
		d := &Doc{Kind: content.KindPage, Title: v.Title, URL: v.URL}
		d.names = []string{v.Title}
		d.text[Summary] = v.Summary
		d.body = func() string { return text(v.Body) }
		d.Snippet, d.bodySnippet = v.Summary, true
		ix.Docs = append(ix.Docs, d)
	}
	folded := make(map[*Doc]string, len(ix.Docs))
	for _, d := range ix.Docs {
		folded[d] = content.Fold(d.Title)
	}
	order.Stable(ix.Docs, func(a, b *Doc) int {
		return cmp.Or(
			cmp.Compare(slices.Index(Kinds, a.Kind), slices.Index(Kinds, b.Kind)),
			strings.Compare(folded[a], folded[b]),
			strings.Compare(a.URL, b.URL))
	})
	// Each word as written is folded and stemmed once: the same few
	// thousand words make up most of the text, and folding is the costly
	// step. A word that is not kept maps to nil.
	byWord := make(map[string]*postings)
	lookup := func(w string) *postings {
		p, seen := byWord[w]
		if !seen {
			if folded := content.Fold(w); keep(folded) {
				term := Stem(folded)
				if p = ix.terms[term]; p == nil {
					p = &postings{words: make(map[string]int)}
					ix.terms[term] = p
				}
			}
			byWord[w] = p
		}
		return p
	}
	var name []*postings
	for i, d := range ix.Docs {
		d.ID = i
		d.text[Body], d.body = d.body(), nil
		if d.Snippet == "" && d.bodySnippet {
			d.Snippet = d.text[Body]
		}
		d.Snippet = site.Shorten(d.Snippet, snippetLen)
		for n, text := range d.names {
			name = name[:0]
			for w := range strings.FieldsFuncSeq(joinDigitGroups(strings.ToLower(text)), notWordRune) {
				if p := lookup(w); p != nil {
					p.words[w]++
					name = append(name, p)
				}
			}
			for _, p := range name {
				p.ids[Title] = append(p.ids[Title], i)
				p.tags = append(p.tags, nameTag(n, len(name)))
			}
		}
		d.names = nil
		for f := Summary; f < numFields; f++ {
			for w := range strings.FieldsFuncSeq(joinDigitGroups(strings.ToLower(d.text[f])), notWordRune) {
				p := lookup(w)
				if p == nil {
					continue
				}
				p.words[w]++
				if list := p.ids[f]; len(list) == 0 || list[len(list)-1] != i {
					p.ids[f] = append(list, i)
				}
			}
			d.text[f] = ""
		}
	}
	return ix
}

// word returns the commonest word a term stems from, as written (in lower
// case), for suggestions: "helicoide" for the term "helicoid".
func (p *postings) word() string {
	best, n := "", 0
	for w, c := range p.words {
		if c > n || c == n && w < best {
			best, n = w, c
		}
	}
	return best
}

// notWordRune splits words as Words does after folding (the marks between
// a number's groups of digits dropped first, joinDigitGroups): combining marks
// stay with their letter until Fold removes them.
func notWordRune(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
}

func milestones(ms []site.Milestone) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, m.Title, text(m.Body))
	}
	return join(parts...)
}

// text returns the words of rendered Markdown, without its markup.
func text(h *site.HTML) string {
	if h == nil {
		return ""
	}
	src := h.String()
	var b strings.Builder
	b.Grow(len(src) / 2)
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			for w := range bytes.FieldsSeq(z.Text()) {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.Write(w)
			}
		}
	}
}

func join(parts ...string) string {
	var b bytes.Buffer
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(p)
		}
	}
	return b.String()
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
