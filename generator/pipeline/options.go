package pipeline

import (
	"github.com/presos-politicos/briefing/generator/content"
	"github.com/presos-politicos/briefing/generator/host"
)

// Options say what to build and where.
type Options struct {
	Src     string // the site folder: site.toml, content/, templates/, static/
	Out     string // the output folder; "" means site.toml's output, inside Src
	Drafts  bool   // include records marked draft = true
	BaseURL string // overrides site.toml's baseURL when not ""
	Host    string // the host whose limits the output must fit, overriding site.toml's host

	// HistoryCache is a folder, outside the site folder and the output,
	// that keeps what reading the git history found from one build to the
	// next (see package history); "" reads it all every time.
	HistoryCache string

	// Hosts is the table of hosts' limits Host is looked up in; nil means
	// host.Documented. Tests give smaller limits.
	Hosts []host.Host

	// Loaded, when not nil, is called once the site is loaded and
	// resolved in its first language, before any page is drawn, with the
	// number of records loaded: the loaded site is then most of what a
	// build or a check keeps, drawing keeps a little more for each record,
	// and main bounds the process's memory by both. It is called from the
	// goroutine that called Build or Check.
	Loaded func(records int)

	// dir is the site folder on disk, whose git history gives the records'
	// changes; "" for a site in memory, which has none.
	dir string

	// texts, when not nil, keeps the site's long texts while it is made
	// (content.Texts): generateWithTexts makes it for Build and Check and
	// closes it once the files are made, so that the site generate
	// returns is readable only until then; nil keeps them in memory.
	texts *content.Texts

	// archivePart is the most bytes one part of an offline archive may
	// hold; 0 means offline.MaxFileBytes. Tests make it small.
	archivePart int64

	// dataPart is the most bytes a data file or the sitemap holds before
	// it is split; 0 means feed.PartBytes. Tests make it small.
	dataPart int
}

// budget is the most bytes one part of an offline archive may hold.
func (o Options) budget() int64 {
	if o.archivePart == 0 {
		return maxFileBytes
	}
	return o.archivePart
}

// Result describes a finished build or check.
type Result struct {
	Out    string // the output folder; "" for check
	Target string // the folder Out is a symbolic link to, written in its place; "" when Out is no link
	Pages  int    // HTML pages written
	Files  int    // files written, pages included
	Bytes  int64  // bytes written
	// Note says why the site was built without its history of changes (no
	// git, a shallow clone); "" when it has it.
	Note string

	// Host is the host the output was measured against, or "".
	Host string
	// Warnings name each of the host's limits the output is near.
	Warnings []string
}
