// Site search, in the reader's browser. The index is built with the site
// (generator/search) as small script files, loaded only when a query needs
// them: it works from a mirror and from a copy opened from disk, under a
// Content-Security-Policy with no eval and no inline script. The rules
// for words (folding, stop words, stems) and for ranking are those of
// generator/search; the tests check that both agree.
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app) return;

  var KEY_LEN = 3, PREFIX_FACTOR = 0.6, WEIGHTS = [10, 3, 1], PAGE = 5;
  var root = app.getAttribute("data-root");
  var dir = root + app.getAttribute("data-index");
  var keys = {};
  app.getAttribute("data-keys").split(" ").forEach(function (k) { if (k) keys[k] = true; });
  var chunkSize = +app.getAttribute("data-chunk-size");
  var labels = JSON.parse(app.getAttribute("data-labels"));
  // msg translates one of the script's messages and fills its parts.
  function msg(text, parts) {
    var s = (labels.messages && labels.messages[text]) || text;
    Object.keys(parts || {}).forEach(function (k) { s = s.split("{" + k + "}").join(parts[k]); });
    return s;
  }
  var kinds = [];
  app.getAttribute("data-kinds").split(" ").forEach(function (r) {
    var m = /^(\w+):(\d+)-(\d+)$/.exec(r);
    if (m) kinds.push({ kind: m[1], first: +m[2], last: +m[3] });
  });
  var KIND_ORDER = ["prisoner", "site", "statement", "brief", "event", "page"];

  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("more-results");
  var noResults = document.getElementById("no-results");
  var suggestions = document.getElementById("suggestions");
  var filters = document.getElementById("search-filters");
  var fKind = document.getElementById("filter-kind");
  var fStatus = document.getElementById("filter-status");
  var fSite = document.getElementById("filter-site");

  // --- Words: the same rules as generator/search/tokens.go. ---
  var STOP = {};
  ("a al algo ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa ese eso esta este esto fue ha han hasta hay la las le les lo los mas me mi muy ni no nos o os otra otro para pero por porque que se sea segun ser si sin sobre son su sus tambien te tiene todo tras tu un una uno unos unas y ya " +
   "an and are as at be been but by for from had has have he her his i if in into is it its not of on or our she so than that the their them then there these they this those to was we were what when which who will with would you")
    .split(" ").forEach(function (w) { STOP[w] = true; });

  function fold(s) {
    return s.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
  }
  function words(s) {
    return fold(s).split(/[^\p{L}\p{Nd}]+/u).filter(Boolean);
  }
  function stem(w) {
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
    var n = w.length;
    if (/iones$/.test(w)) w = w.slice(0, n - 2);
    else if (n > 4 && /ces$/.test(w)) w = w.slice(0, n - 3) + "z";
    else if (n > 4 && /ies$/.test(w)) w = w.slice(0, n - 3) + "y";
    else if (/es$/.test(w)) w = w.slice(0, n - 2);
    else if (/s$/.test(w) && !/ss$/.test(w)) w = w.slice(0, n - 1);
    if (w.length > 4 && /[aeo]$/.test(w)) w = w.slice(0, w.length - 1);
    return w;
  }
  function tokens(s) {
    var out = [];
    words(s).forEach(function (w) {
      if (STOP[w] || (w.length === 1 && !/\d/.test(w))) return;
      var t = stem(w);
      if (out.indexOf(t) < 0) out.push(t);
    });
    return out;
  }
  function keyOf(term) { return Array.from(term).slice(0, KEY_LEN).join(""); }
  function fileName(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    var hex = "_";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return hex;
  }

  // --- Loading the index files as scripts. ---
  var shards = {}, chunks = {}, facets = null, docs = {}, pending = {};
  window.__briefingSearch = {
    shard: function (key, terms, shown) {
      shards[key] = terms;
      Object.keys(shown).forEach(function (id) { docs[id] = shown[id]; });
    },
    chunk: function (n, recs) {
      chunks[n] = true;
      recs.forEach(function (r, i) { docs[n * chunkSize + i] = r; });
    },
    facets: function (f) { facets = f; }
  };
  function load(path) {
    if (!pending[path]) {
      pending[path] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = dir + path;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("could not load " + path)); };
        document.head.appendChild(s);
      });
    }
    return pending[path];
  }

  // --- Ranking: the same as generator/search/query.go. ---
  function undelta(list) {
    var out = [], prev = 0;
    for (var i = 0; i < list.length; i++) { prev += list[i]; out.push(prev); }
    return out;
  }
  function match(terms) {
    var scores = null;
    for (var i = 0; i < terms.length; i++) {
      var term = terms[i], shard = shards[keyOf(term)] || {}, best = {};
      var short = Array.from(term).length < KEY_LEN;
      Object.keys(shard).forEach(function (t) {
        if (t.indexOf(term) !== 0 || (short && t !== term)) return;
        var factor = t === term ? 1 : PREFIX_FACTOR;
        shard[t].slice(0, 3).forEach(function (ids, f) {
          undelta(ids).forEach(function (id) {
            var s = WEIGHTS[f] * factor;
            if (!(best[id] >= s)) best[id] = s;
          });
        });
      });
      if (scores === null) { scores = best; continue; }
      Object.keys(scores).forEach(function (id) {
        if (id in best) scores[id] += best[id]; else delete scores[id];
      });
    }
    var out = Object.keys(scores || {}).map(function (id) { return { id: +id, score: scores[id] }; });
    out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    return out;
  }

  function kindOf(id) {
    for (var i = 0; i < kinds.length; i++) {
      if (id >= kinds[i].first && id <= kinds[i].last) return kinds[i].kind;
    }
    return "";
  }
  function prisonerFacet(id) {
    var p = facets.prisoners;
    if (!p || id * 3 >= p.length) return null;
    var site = p.substr(id * 3 + 1, 2);
    return { status: facets.statuses[p.charCodeAt(id * 3) - 97], site: site === "zz" ? "" : facets.sites[parseInt(site, 36)][0] };
  }

  // --- Drawing. ---
  // setOptions fills a filter; counts is null while they are not known.
  function setOptions(select, all, counts, names, keep) {
    var old = keep ? select.value : "";
    while (select.firstChild) select.removeChild(select.firstChild);
    var total = 0;
    Object.keys(counts || {}).forEach(function (k) { total += counts[k]; });
    var first = document.createElement("option");
    first.value = "";
    first.textContent = counts ? all + " (" + total + ")" : all;
    counts = counts || {};
    select.appendChild(first);
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || names(a).localeCompare(names(b)); })
      .forEach(function (k) {
        var o = document.createElement("option");
        o.value = k;
        o.textContent = names(k) + " (" + counts[k] + ")";
        select.appendChild(o);
      });
    select.value = counts[old] ? old : "";
  }

  function marked(text, terms) {
    var frag = document.createDocumentFragment();
    text.split(/([^\p{L}\p{Nd}]+)/u).forEach(function (part) {
      var w = fold(part), hit = false;
      if (/[\p{L}\p{Nd}]/u.test(part) && !STOP[w]) {
        var s = stem(w);
        hit = terms.some(function (t) { return s === t || (Array.from(t).length >= KEY_LEN && s.indexOf(t) === 0); });
      }
      if (hit) {
        var m = document.createElement("mark");
        m.textContent = part;
        frag.appendChild(m);
      } else {
        frag.appendChild(document.createTextNode(part));
      }
    });
    return frag;
  }

  function href(url) {
    return root + (url === "" || /\/$/.test(url) ? url + "index.html" : url.replace(/(\/)#/, "/index.html#"));
  }

  var state = { q: "", terms: [], all: [], shown: 0 };

  function filtered() {
    return state.all.filter(function (r) {
      var k = kindOf(r.id);
      if (fKind.value && k !== fKind.value) return false;
      if ((fStatus.value || fSite.value) && k !== "prisoner") return false;
      if (k === "prisoner" && facets) {
        var f = prisonerFacet(r.id);
        if (fStatus.value && f.status !== fStatus.value) return false;
        if (fSite.value && f.site !== fSite.value) return false;
      }
      return true;
    });
  }

  // show draws results [0, upto) of the filtered list, loading the display
  // records it lacks.
  function show(upto) {
    var list = filtered();
    var need = {};
    list.slice(0, upto).forEach(function (r) {
      if (!docs[r.id]) need[Math.floor(r.id / chunkSize)] = true;
    });
    var loads = Object.keys(need).map(function (n) { return load("d/" + n + ".js"); });
    var q = state.q;
    return Promise.all(loads).then(function () {
      if (q !== state.q) return;
      while (results.firstChild) results.removeChild(results.firstChild);
      list.slice(0, upto).forEach(function (r) {
        var d = docs[r.id];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = href(d[2]);
        a.appendChild(marked(d[1], state.terms));
        li.appendChild(a);
        var kind = KIND_ORDER[d[0]];
        var meta = document.createElement("span");
        meta.className = "kind";
        meta.textContent = " " + (labels.kinds[kind] || kind);
        li.appendChild(meta);
        var extra = kind === "prisoner" ? (labels.statuses[d[3]] || d[3]) : d[3];
        if (extra) {
          var m = document.createElement("span");
          // A prisoner's status as the badge the pages show.
          m.className = kind === "prisoner" ? "badge badge-" + d[3] : "meta";
          m.textContent = kind === "prisoner" ? extra : " · " + extra;
          li.appendChild(document.createTextNode(" "));
          li.appendChild(m);
        }
        if (d[4]) {
          var p = document.createElement("p");
          p.appendChild(marked(d[4], state.terms));
          li.appendChild(p);
        }
        results.appendChild(li);
      });
      state.shown = Math.min(upto, list.length);
      more.hidden = list.length <= state.shown;
      var n = list.length;
      status.textContent = n === 0 ? msg("No results for “{q}”.", { q: q }) :
        (n === 1 ? msg("1 result for “{q}”", { q: q }) : msg("{n} results for “{q}”", { n: n, q: q })) +
        (n > state.shown ? msg(", showing the first {n}.", { n: state.shown }) : ".");
      noResults.hidden = n !== 0;
    });
  }

  function drawFilters() {
    var kindCounts = {}, statusCounts = {}, siteCounts = {};
    state.all.forEach(function (r) {
      var k = kindOf(r.id);
      kindCounts[k] = (kindCounts[k] || 0) + 1;
      if (k === "prisoner" && facets) {
        var f = prisonerFacet(r.id);
        statusCounts[f.status] = (statusCounts[f.status] || 0) + 1;
        if (f.site) siteCounts[f.site] = (siteCounts[f.site] || 0) + 1;
      }
    });
    var siteNames = {};
    (facets ? facets.sites : []).forEach(function (s) { siteNames[s[0]] = s[1]; });
    setOptions(fKind, msg("All kinds"), kindCounts, function (k) { return labels.kinds[k] || k; }, true);
    setOptions(fStatus, msg("Any status"), facets ? statusCounts : null, function (k) { return labels.statuses[k] || k; }, true);
    setOptions(fSite, msg("Any place"), facets ? siteCounts : null, function (k) { return siteNames[k] || k; }, true);
    // Status and place need the facets file, loaded when a reader first
    // turns to these filters, so that a plain search never waits for it.
    var prisoners = !!kindCounts.prisoner;
    document.getElementById("filter-status-group").hidden = !prisoners;
    document.getElementById("filter-site-group").hidden = !prisoners || (facets && Object.keys(siteCounts).length === 0);
    filters.hidden = state.all.length === 0;
  }

  function suggest(terms) {
    while (suggestions.firstChild) suggestions.removeChild(suggestions.firstChild);
    var near = [];
    terms.forEach(function (t) {
      var shard = shards[keyOf(t)] || {};
      Object.keys(shard).forEach(function (w) {
        var word = shard[w][3];
        if (w !== t && near.indexOf(word) < 0 && distance(w, t) <= 2) near.push(word);
      });
    });
    if (near.length === 0) return;
    suggestions.appendChild(document.createTextNode(msg("Words in the briefing that are close: ")));
    near.slice(0, 5).forEach(function (w, i) {
      if (i) suggestions.appendChild(document.createTextNode(", "));
      var a = document.createElement("a");
      a.href = "?q=" + encodeURIComponent(w);
      a.textContent = w;
      suggestions.appendChild(a);
    });
    suggestions.appendChild(document.createTextNode("."));
  }

  function distance(a, b) {
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) d.push([i]);
    for (j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    }
    return d[a.length][b.length];
  }

  function saveQuery(q) {
    try {
      window.history.replaceState(null, "", window.location.pathname + (q ? "?q=" + encodeURIComponent(q) : ""));
    } catch (e) {
      // A copy opened from disk may refuse; the search still works.
    }
  }

  function search(q) {
    q = q.trim();
    state.q = q;
    saveQuery(q);
    var terms = tokens(q);
    state.terms = terms;
    if (terms.length === 0) {
      state.all = [];
      while (results.firstChild) results.removeChild(results.firstChild);
      status.textContent = q ? msg("Type a name, a place or another word to search for.") : "";
      filters.hidden = true;
      more.hidden = true;
      noResults.hidden = true;
      return Promise.resolve();
    }
    var loads = [];
    var missing = false;
    terms.forEach(function (t) {
      var k = keyOf(t);
      if (keys[k]) loads.push(load("t/" + fileName(k) + ".js"));
      else missing = true;
    });
    return Promise.all(loads).then(function () {
      if (q !== state.q) return;
      state.all = missing ? [] : match(terms);
      drawFilters();
      if (state.all.length === 0) suggest(terms);
      return show(PAGE);
    }).catch(function (err) {
      status.textContent = msg("Search could not load its index ({error}). The lists below have every record.", { error: err.message });
    });
  }

  // Every keystroke searches at once: files already loaded are reused, and
  // a search overtaken by a later keystroke draws nothing.
  input.addEventListener("input", function () { search(input.value); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    search(input.value);
  });
  [fKind, fStatus, fSite].forEach(function (s) {
    s.addEventListener("change", function () { show(PAGE); });
  });
  [fStatus, fSite].forEach(function (s) {
    s.addEventListener("focus", loadFacets);
    s.addEventListener("pointerdown", loadFacets);
  });
  function loadFacets() {
    if (facets) return;
    load("f.js").then(drawFilters, function () {});
  }
  more.addEventListener("click", function () { show(state.shown + PAGE); });

  app.hidden = false;
  document.getElementById("search-nojs").hidden = true;
  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  if (q) search(q);
  else input.focus();
})();
