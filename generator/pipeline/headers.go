package pipeline

import (
	"sort"
	"strings"

	"github.com/presos-politicos/briefing/generator/render"
	"github.com/presos-politicos/briefing/generator/site"
)

// HeadersFile is the file of HTTP headers that Netlify and Cloudflare Pages
// read from the top of the site. Other hosts ignore it; the README gives
// the same headers for nginx and Caddy. GitHub Pages sends none of its own.
const HeadersFile = "_headers"

// CSP is the Content-Security-Policy the pages carry in their <meta>
// (templates/base.html). Sent as a header it can also forbid framing,
// which a <meta> cannot: HeaderCSP adds frame-ancestors.
const (
	CSP       = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
	HeaderCSP = CSP + "; frame-ancestors 'none'"
)

// PermissionsPolicy turns off the browser features the site never uses.
const PermissionsPolicy = "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"

// The caches: a page may change with the next build, so browsers and
// proxies keep it ten minutes; a fingerprinted file's name changes with
// its content, so it is kept a year and never revalidated.
const (
	PageCache      = "public, max-age=600"
	ImmutableCache = "public, max-age=31536000, immutable"
)

// securityHeaders are sent with every file, in this order.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", HeaderCSP},
	{"Referrer-Policy", "no-referrer"},
	{"X-Content-Type-Options", "nosniff"},
	{"Permissions-Policy", PermissionsPolicy},
}

// headers writes the _headers file: the security headers and the short
// cache for every path, then the long cache for each fingerprinted file.
//
// A path that two rules match gets the headers of both. Netlify lets the
// later rule's Cache-Control replace the earlier's; Cloudflare Pages would
// join the two values, so the fingerprinted files' rules first detach it
// with "! Cache-Control", a line Netlify skips (it has no colon).
func headers(assets map[string]render.Asset, out site.Output) error {
	var b strings.Builder
	b.WriteString("# HTTP headers for Netlify and Cloudflare Pages, written by the briefing generator.\n/*\n")
	for _, h := range securityHeaders {
		b.WriteString("  " + h[0] + ": " + h[1] + "\n")
	}
	b.WriteString("  Cache-Control: " + PageCache + "\n")
	var names []string
	for name, a := range assets {
		if a.Path != name { // fingerprinted: its name changes with its bytes
			names = append(names, a.Path)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		b.WriteString("/" + n + "\n  ! Cache-Control\n  Cache-Control: " + ImmutableCache + "\n")
	}
	return out.WriteFile(HeadersFile, []byte(b.String()))
}
