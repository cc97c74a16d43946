package serve

import (
	"html"
	"strings"
)

// liveJS reloads the page when the site is rebuilt, and shows an overlay
// with the errors when a rebuild fails. It builds its overlay with DOM
// calls and styles it through the CSS object model, which the site's
// Content-Security-Policy allows (it forbids inline styles in markup).
const liveJS = `(function () {
  "use strict";
  var overlay = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "briefing-errors";
      overlay.setAttribute("role", "alert");
      var s = overlay.style;
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "60vh";
      s.overflow = "auto"; s.background = "#2b0000"; s.color = "#fff"; s.padding = "1rem";
      s.font = "14px/1.5 ui-monospace, monospace"; s.zIndex = "2147483647"; s.whiteSpace = "pre-wrap";
      s.borderTop = "4px solid #ff5555";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "The site has errors; showing the last good version.\n\n" + text;
  }
  var es = new EventSource("/_briefing/events");
  es.addEventListener("reload", function () { window.location.reload(); });
  es.addEventListener("error", function (e) { if (e.data) show(e.data); });
  es.addEventListener("bye", function () { es.close(); });
})();
`

// errorPage is shown before the first good build.
func errorPage(problem string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Build errors</title></head><body><h1>The site has errors</h1><pre>`)
	b.WriteString(html.EscapeString(problem))
	b.WriteString(`</pre><p>Fix them and save: this page reloads by itself.</p></body></html>`)
	return b.String()
}
