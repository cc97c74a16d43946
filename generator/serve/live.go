package serve

import (
	"encoding/json"
	"html"
	"strings"
)

// liveJS reloads the page when the site is rebuilt, and shows an overlay
// with the errors when a rebuild fails: each error's file and line (a link
// into the editor's text editor when site.toml names one), its message,
// and the line of the file with a caret under the column. It builds its
// overlay with DOM calls and styles it through the CSS object model, which
// the site's Content-Security-Policy allows (it forbids inline styles in
// markup). Every text is set as text, never as markup.
const liveJS = `(function () {
  "use strict";
  var overlay = null;
  function el(tag, text) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    return e;
  }
  function show(problems) {
    if (!overlay) {
      overlay = el("div");
      overlay.id = "briefing-errors";
      overlay.setAttribute("role", "alert");
      var s = overlay.style;
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "60vh";
      s.overflow = "auto"; s.background = "#2b0000"; s.color = "#fff"; s.padding = "1rem";
      s.font = "14px/1.5 ui-monospace, monospace"; s.zIndex = "2147483647"; s.whiteSpace = "pre-wrap";
      s.borderTop = "4px solid #ff5555";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    overlay.appendChild(el("p", "The site has errors; showing the last good version."));
    var list = el("ol");
    list.style.paddingLeft = "1.5rem";
    problems.forEach(function (p) {
      var item = el("li");
      item.className = "briefing-error";
      item.style.marginBottom = "0.75rem";
      if (p.where) {
        var where = el(p.href ? "a" : "span", p.where);
        if (p.href && !/^\s*(javascript|data):/i.test(p.href)) {
          where.href = p.href;
          where.style.color = "#9cf";
        }
        item.appendChild(where);
        item.appendChild(document.createTextNode(": "));
      }
      item.appendChild(document.createTextNode(p.msg));
      if (p.source) {
        var pre = el("pre", p.source + (p.caret ? "\n" + p.caret : ""));
        pre.style.margin = "0.25rem 0 0"; pre.style.color = "#fdd";
        item.appendChild(pre);
      }
      list.appendChild(item);
    });
    overlay.appendChild(list);
  }
  var es = new EventSource("/_briefing/events");
  es.addEventListener("reload", function () { window.location.reload(); });
  es.addEventListener("error", function (e) { if (e.data) show(JSON.parse(e.data)); });
  es.addEventListener("bye", function () { es.close(); });
})();
`

// reportJSON writes a report for the overlay: one line of JSON, as an
// event's data must be.
func reportJSON(rep []problem) string {
	if rep == nil {
		rep = []problem{}
	}
	b, _ := json.Marshal(rep) // strings only: it cannot fail
	return string(b)
}

const pageHead = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>`

// errorPage is shown before the first good build: the overlay's list, as
// a page.
func errorPage(rep []problem) string {
	var b strings.Builder
	b.WriteString(pageHead + `Build errors</title></head><body><h1>The site has errors</h1><ol>`)
	for _, p := range rep {
		b.WriteString(`<li class="briefing-error">`)
		if p.Where != "" {
			if p.Href != "" {
				b.WriteString(`<a href="` + html.EscapeString(p.Href) + `">` + html.EscapeString(p.Where) + `</a>: `)
			} else {
				b.WriteString(html.EscapeString(p.Where) + ": ")
			}
		}
		b.WriteString(html.EscapeString(p.Msg))
		if p.Source != "" {
			b.WriteString("<pre>" + html.EscapeString(p.Source))
			if p.Caret != "" {
				b.WriteString("\n" + html.EscapeString(p.Caret))
			}
			b.WriteString("</pre>")
		}
		b.WriteString("</li>")
	}
	b.WriteString(`</ol><p>Fix them and save: this page reloads by itself.</p></body></html>`)
	return b.String()
}

// draftPage is shown, without -drafts, for the page of a record that is a
// draft: it is left out on purpose, and the editor is told how to see it.
func draftPage(file, src string) string {
	cmd := "go run ./generator serve -drafts"
	if src != "." && src != "" {
		cmd += " -src " + src
	}
	return pageHead + `Draft</title></head><body><h1>This page is a draft</h1><p><code>` + html.EscapeString(file) +
		`</code> has <code>draft = true</code>, so the site leaves it out, and this preview too.</p>` +
		`<p>To preview drafts, stop this preview (Ctrl-C) and start it with</p><pre>` + html.EscapeString(cmd) +
		`</pre><p>To publish the record, remove <code>draft = true</code> from the file.</p></body></html>`
}
