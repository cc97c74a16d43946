// Package render draws the pages of a site.Site with html/template.
//
// A site's templates/ folder holds base.html (the layout every page is
// drawn in), partials whose names start with "_", and one template per page
// kind: home, brief, briefs, prisoner, prisoners, statement, statements,
// site, sites, page, timeline, search, counts, data, changes and 404. Each
// page template defines "main". The changes page exists only for a site
// built with its history; base.html draws the partial _changes.html, a
// record's public changes, on every record page that has some. Templates are parsed once by New; a missing one, or a syntax
// error, is reported as templates/NAME:LINE: message.
//
// A template's dot is a *Page: the Site, the record shown (Brief,
// Prisoner, Statement, DSite or Page), the page's Title, Description,
// Updated date, Sources and Verification, and methods for links: Rel turns a
// URL relative to the site's root into a link relative to this page, and
// HTML does the same for the links in rendered Markdown. Links name
// index.html so that a copy opened from disk works. 404.html is served by
// hosts at any depth, so its links are absolute under the base URL.
//
// Functions (funcs.go): date (a <time datetime> at the date's precision;
// an interval's datetime is its earliest day, its text the whole
// interval) and dateIn (a date after a preposition: "since 8 January
// 2026"); status, badge, verification, kind, entryKind, measure,
// measureCaption and part (labels); counterIn (a counter after "by");
// figure (a count's value with its qualifier: "at least 803"); chart,
// countChart, their keys (chartKey, countChartKey: HTML lists under the
// chart) and their summaries (chart.go: SVG drawn at build time);
// count ("1 day", "2 days"), number ("48,727", "48.727") and size ("6.5
// MB") in the language's style; heading (a text started with a
// capital, as a heading starts: "Febrero de 2024"); join, base (a path's last element), sub; t,
// the hook for translated interface strings, and tg, the same said of a
// person by gender; searchLabels (the search script's texts). The data page
// links each data file with DataFiles, which lists its numbered parts
// when it was too large for one file.
//
// Pages are rendered in parallel and handed to an Output.
//
// # Design
//
// The site should look like the publications its readers trust (Human
// Rights Watch's reports, OVD-Info's data pages, ProPublica's news
// applications) without giving up a guarantee. Everything is in
// static/style.css and the templates; no font, image or script comes from
// another host.
//
//   - Masthead: a dark band with the briefing's name, what it is, the date
//     its figures are as of ("Figures as of 1 March 2026": not the date
//     of the last change, which the foot of each page gives as "Last
//     updated"), the language switch, and the navigation with a search box
//     that says what it finds ("Search names, places…") as well as its
//     label. On a phone the navigation folds into a "Menu" (<details>, no
//     script) and the masthead is under 120 px tall; from 960 px wide the
//     menu stands open (CSS ::details-content; a browser without it keeps
//     the "Menu" button), its links on one line in either language and the
//     search box in the room left, or under them where less than 16rem is
//     left.
//   - Type: system font stacks, a serif (Charter, Cambria, Georgia) for
//     headlines and reading text at 18 px, a sans (system-ui) for the
//     interface, tables and figures, with tabular numerals; a scale of
//     about 1.25; a reading column of 44rem (about 70 characters). Lists
//     and the timeline use the full width (70rem).
//   - Status badges (the function badge): a word, a dot and a colour:
//     detained and disappeared in red and purple, house arrest and
//     conditional release in ambers, released in green, exiled in blue,
//     deceased in grey; on record pages, in lists, in search results and on
//     the timeline. Each pair passes WCAG AA in light and dark mode. In a
//     table on a desktop a badge keeps to one line; where it must wrap (a
//     long Spanish status on a phone's card) it is a rounded box, its lines
//     aligned past the dot.
//   - Charts (chart.go; the SVG in chart_draw.go): drawn for a phone and
//     never wider than 23rem, so that their labels are 12 to 16 px, never
//     larger than the text; the key is HTML under the chart (beside it on a
//     wide screen), one line a series with a sample of its line and marker
//     and, for the counters' charts, every figure of that counter; each
//     series has its own dash and marker shape as well as a colour; time
//     labels never overlap (a label a month, a quarter... or a year over long
//     spans); the as-of line carries its date.
//   - Timeline: each kind has a mark beside its word (■ arrest, ● release,
//     † death, ❝ statement, # count, ◆ event, → custody, ▲ detention site,
//     ¶ brief).
//     On a phone the chart and the filters fold into "Chart" and "Filter"
//     controls above the stream, so the first entry is on the first screen.
//   - Record pages open with a summary (status, arrested, released, time in
//     custody, where held); a missing fact says "not known". The custody
//     table never has an empty cell: a stay without its own dates shows the
//     arrest (first stay) or the release or "still held" (last stay),
//     marked so. Sources are a numbered list, the outlet first.
//   - The reported counts are tables on a desktop and, on a phone, cards
//     (class "stack", each cell labelled with its column by data-label):
//     the counter, the figure, the date, then the breakdown and sources at
//     the card's full width.
//   - The list of prisoners is a table that works without JavaScript;
//     static/prisoners.js adds filters by status and place of detention and
//     sorting by any column, kept in the address. On the search page, the
//     timeline and the list, static/lang.js adds the page's query to the
//     language switch, so a search or a filtered view survives the change.
//   - Not found: 404.html and es/404.html, with absolute links under the
//     base URL.
//   - Print: black on white, without the language switch, search,
//     navigation or footer links; the sources' addresses printed; each
//     record starts on a new page.
//   - Share image and icon: static/share.png and static/share-es.png
//     (1200x630, drawn again with go run ./generator/internal/screenshots
//     -share static when the title changes) are committed files, so the
//     build needs no font or image library; static/favicon.svg reads at
//     16 px.
//
// TestDesign (in the pipeline tests) measures the pages in Chromium: the
// masthead's height on a phone, no sideways scroll, badges with their
// word, no empty table cell, the timeline's first entry within a screen
// and a half, chart text of 12 px or more and no larger than the body text,
// and on a desktop the menu on one line in both languages.
//
// # Accessible, valid, light
//
//   - Valid HTML: every page passes the W3C Nu HTML Checker (vnu.jar);
//     TestValidHTML runs it on the browser tests' fixture (every kind of
//     page, in two languages), a site with its history and a synthetic
//     corpus, and .ci/run on the built briefing.
//   - Accessible (WCAG 2.2 AA): landmarks, one h1, headings in order, a
//     skip link, visible focus, a label on every control, sufficient
//     contrast in light and dark mode, status in words and not by colour
//     alone, tables with header cells and captions, charts with a title, a
//     description and a sentence that says what they show, quotes in
//     another language marked with lang. TestAccessibility runs axe-core in
//     Chromium on one page of each kind, light and dark: zero violations.
//   - Phone and paper: every page reads at 320 px without scrolling
//     sideways (tables become cards on a phone); dark mode follows the
//     system setting.
//   - Light: a prisoner page with its stylesheet weighs about 9 KB
//     compressed (TestPageWeight fails over 30 KB); every image has its
//     size; every script is deferred.
package render
