package history

import (
	"context"

	"github.com/presos-politicos/briefing/generator/content"
)

// A Change is what one commit changed, in public, of one record in one
// language (History.Of names the record).
type Change struct {
	Commit *Commit
	Items  []Item
}

// Date is the day of the change: the commit's date, as its committer's
// clock read it.
func (c *Change) Date() content.Date { return content.DateOf(c.Commit.Time) }

// Note is the change's correction note: its commit's Public-note: trailer.
func (c *Change) Note() string { return c.Commit.Note }

// History is the public history of every published record, in each
// language of the site.
type History struct {
	changes map[string]map[recordKey][]*Change // by language, oldest first
}

type recordKey struct {
	kind content.Kind
	slug string
}

// Of returns the changes of a record in a language, oldest first; nil for
// a record without history, on a nil History, and once the language is
// dropped (Drop).
func (h *History) Of(lang string, kind content.Kind, slug string) []*Change {
	if h == nil {
		return nil
	}
	return h.changes[lang][recordKey{kind, slug}]
}

// Drop lets go of the changes in lang: a build that resolves each
// language once drops them once it is resolved (package site keeps what
// it shows of them), rather than hold them for the whole build, where they
// were counted as the loaded site that the build's memory is bounded by
// (10,000 records with 20 changes each: 200,000 changes, over 10 MB). A
// list that a record without a translation shares with another language
// goes when that language is dropped too. Drop does nothing on a nil
// History.
func (h *History) Drop(lang string) {
	if h != nil {
		delete(h.changes, lang)
	}
}

// Compute makes the history of every record of set (as Load returned it,
// with its translations) from the log: for each language, each version of
// the record in that language is decoded as Load decodes it today and
// compared with the version before it that was published. The blobs are
// read by one git cat-file per core, and decoded on every core. A version
// the log's cache holds (see Read), or that the files on disk hold, is
// neither read nor decoded, and a record whose versions and current
// snapshot are as the cache last saw them is not compared again; the
// cache is written anew once the history is made, when anything in it
// changed. Its steps are in compute.go and run.go.
func Compute(ctx context.Context, l *Log, set *content.Set) (*History, error) {
	c := newComputation(l, set)
	jobs := c.plan(set)
	if err := c.readAndRun(ctx, jobs); err != nil {
		return nil, err
	}
	c.writeCache()
	return c.h, nil
}
