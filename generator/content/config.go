package content

import (
	"errors"
	"io/fs"
	"net/url"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/presos-politicos/briefing/generator/host"
)

// ConfigFile is the name of the site settings file at the top of a site.
const ConfigFile = "site.toml"

// Config holds the settings in site.toml.
type Config struct {
	Title       string
	Description string
	BaseURL     string // absolute, ending in "/", or "" when unknown
	Language    string // BCP 47 tag of the content, "en" by default
	Output      string // output folder, "public" by default
	License     string // the licence of the content and data
	Author      string // who publishes the briefing
	RawHTML     bool   // [markdown] raw_html: render raw HTML in Markdown
	AsOf        Date   // [figures] as_of: the date the figures are current to

	// Editor is a URL template that opens a file in the editor's text
	// editor at a line and column, such as
	// "vscode://file/{path}:{line}:{col}": serve's error overlay links
	// each error with it. "" (the default) links none. It never reaches
	// the published site.
	Editor string

	// Host is where the site is published ("github-pages", "netlify", ...):
	// build and check then fail when the output breaks that host's
	// documented limits (package host), and warn near them.
	Host string

	// RecordFeeds is [feeds] records: each prisoner and detention site has
	// its own Atom feed beside its page (true by default). A very large
	// site may turn them off: a feed per record doubles its file count.
	RecordFeeds bool

	// Languages are the site's languages: the default one (Language,
	// Title, Description) first, served at the root, then those of the
	// [languages.<code>] tables, each under /<code>/, sorted by code.
	Languages []Language

	// TimelinePageSize is [timeline] page_size: the most entries one
	// timeline page holds before the timeline is split into a page per
	// year, and a year into a page per month.
	TimelinePageSize int
}

// A Language is one language the site is published in.
type Language struct {
	Code        string // BCP 47: "en", "es"
	Name        string // the language's name in itself, for the switch: "Español"
	Title       string
	Description string
}

// Prefix is where a language's pages are, from the site's root: "" for the
// default language, "es/" for another.
func (c *Config) Prefix(code string) string {
	if code == c.Language {
		return ""
	}
	return code + "/"
}

// LanguageOf is one of the site's languages by its code, with the site's
// title and description in it.
func (c *Config) LanguageOf(code string) Language {
	for _, l := range c.Languages {
		if l.Code == code {
			return l
		}
	}
	return Language{Code: code, Title: c.Title, Description: c.Description}
}

// Has reports whether the site is published in a language.
func (c *Config) Has(code string) bool {
	for _, l := range c.Languages {
		if l.Code == code {
			return true
		}
	}
	return false
}

// DefaultTimelinePageSize keeps a timeline page near 300 KB of HTML.
const DefaultTimelinePageSize = 600

// LoadConfig reads site.toml from the top of fsys.
func LoadConfig(fsys fs.FS) (*Config, error) {
	src, err := fs.ReadFile(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Errors{Errorf(Pos{File: ConfigFile}, "no %s here; run the command in a site folder or name one with -src", ConfigFile)}
	}
	if err != nil {
		return nil, err
	}
	var errs ErrorList
	f, ok := parseTOML(ConfigFile, string(src), 0, &errs)
	if !ok {
		return nil, errs.Err()
	}
	c := &Config{
		Title:       f.required("title", `title = "Political prisoners in Venezuela"`),
		Description: f.str("description"),
		BaseURL:     f.str("baseURL"),
		Language:    f.str("language"),
		Output:      f.str("output"),
		License:     f.str("license"),
		Author:      f.str("author"),
		Host:        f.str("host"),
		RecordFeeds: true,
	}
	if c.Host != "" {
		if _, ok := host.Lookup(host.Documented, c.Host); !ok {
			f.errorf("host", "unknown host %q; give %s, or leave host out", c.Host, host.Names(host.Documented))
		}
	}
	if fd := f.table("feeds"); fd != nil {
		c.RecordFeeds = fd.boolean("records", true)
		fd.done()
	}
	if c.Language == "" {
		c.Language = "en"
	}
	if c.Output == "" {
		c.Output = "public"
	}
	if c.BaseURL != "" {
		if err := CheckBaseURL(c.BaseURL); err != nil {
			f.errorf("baseURL", "%v", err)
		}
		c.BaseURL = strings.TrimSuffix(c.BaseURL, "/") + "/"
	}
	c.Editor = f.str("editor")
	if c.Editor != "" {
		if u, err := url.Parse(c.Editor); err != nil || u.Scheme == "" || u.Scheme == "javascript" || u.Scheme == "data" || !strings.Contains(c.Editor, "{path}") {
			f.errorf("editor", `editor must be a URL that names {path}, such as "vscode://file/{path}:{line}:{col}"`)
			c.Editor = ""
		}
	}
	if md := f.table("markdown"); md != nil {
		c.RawHTML = md.boolean("raw_html", false)
		md.done()
	}
	if fig := f.table("figures"); fig != nil {
		c.AsOf = fig.date("as_of")
		fig.done()
	}
	c.Languages = []Language{{Code: c.Language, Name: f.str("language_name"), Title: c.Title, Description: c.Description}}
	if langs := f.table("languages"); langs != nil {
		codes := make([]string, 0, len(langs.m))
		for code := range langs.m {
			codes = append(codes, code)
		}
		sort.Strings(codes)
		for _, code := range codes {
			if !langTag.MatchString(code) || code == c.Language {
				langs.errorf(code, "[languages.%s]: give another language than the default (%s) by its tag, such as es", code, c.Language)
				continue
			}
			l := langs.table(code)
			if l == nil {
				continue
			}
			c.Languages = append(c.Languages, Language{
				Code:        code,
				Name:        l.str("name"),
				Title:       l.required("title", `title = "Presos políticos en Venezuela"`),
				Description: l.str("description"),
			})
			l.done()
		}
		langs.done()
	}
	c.TimelinePageSize = DefaultTimelinePageSize
	if tl := f.table("timeline"); tl != nil {
		if n, ok := tl.float("page_size"); ok {
			if n < 1 || n != float64(int(n)) {
				tl.errorf("page_size", "page_size must be a whole number of entries, 1 or more")
			} else {
				c.TimelinePageSize = int(n)
			}
		}
		tl.done()
	}
	f.done()
	return c, errs.Err()
}

// CheckBaseURL reports whether s can be the base URL of the published site.
func CheckBaseURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return errors.New("baseURL must be a full address such as https://example.org/briefing/")
	}
	return nil
}

// parseTOML decodes a TOML document into fields, or records its syntax error.
func parseTOML(file, src string, lineOffset int, errs *ErrorList) (*fields, bool) {
	f, ok := parseValues(file, src, lineOffset, errs)
	if ok {
		f.pos = keyPositions(file, src, lineOffset)
	}
	return f, ok
}

// parseValues is parseTOML without the keys' positions, which only errors
// need: for old versions of a file (package history), whose errors are
// never shown.
func parseValues(file, src string, lineOffset int, errs *ErrorList) (*fields, bool) {
	m := make(map[string]any)
	if _, err := toml.Decode(src, &m); err != nil {
		var perr toml.ParseError
		if errors.As(err, &perr) {
			errs.AddStagef(Parse, Pos{File: file, Line: perr.Position.Line + lineOffset, Col: perr.Position.Col}, "%s", tomlMessage(perr))
		} else {
			errs.AddStagef(Parse, Pos{File: file}, "%v", err)
		}
		return nil, false
	}
	at := Pos{File: file, Line: 1 + lineOffset, Col: 1}
	if lineOffset > 0 {
		at = Pos{File: file, Line: lineOffset, Col: 1}
	}
	return &fields{file: file, m: m, at: at, errs: errs}, true
}

// tomlMessage turns the decoder's message into one an editor can act on.
func tomlMessage(e toml.ParseError) string {
	msg := e.Message
	if e.Usage != "" {
		msg += "; " + strings.TrimSpace(strings.SplitN(strings.TrimSpace(e.Usage), "\n", 2)[0])
	}
	return "invalid TOML: " + msg
}
