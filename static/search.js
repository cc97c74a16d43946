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

  // The same constants as generator/search/query.go.
  var KEY_LEN = 3, PAGE = 5, TYPO_MIN = 3, MAX_NAME_LEN = 9;
  var EXACT = 0, PREFIX = 1, TYPO = 2;
  var POINTS = [[100, 60, 30], [30, 18, 9], [10, 6, 3]];
  var root = app.getAttribute("data-root");
  var dir = root + app.getAttribute("data-index");
  var keys = {};
  app.getAttribute("data-keys").split(" ").forEach(function (k) { if (k) keys[k] = true; });
  var nearFiles = +app.getAttribute("data-near-files");
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
  var numDocs = 0;
  kinds.forEach(function (k) { numDocs = Math.max(numDocs, k.last + 1); });
  var KIND_ORDER = ["prisoner", "site", "statement", "brief", "event", "count", "page"]; // search.Kinds

  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var results = document.getElementById("results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("more-results");
  var noResults = document.getElementById("no-results");
  var suggestions = document.getElementById("suggestions");
  var widenedNote = document.getElementById("search-widened");
  var browse = document.getElementById("search-browse");
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
  // tokens returns the terms of a text, repetitions kept.
  function tokens(s) {
    var out = [];
    words(s).forEach(function (w) {
      if (STOP[w] || (w.length === 1 && !/\d/.test(w))) return;
      out.push(stem(w));
    });
    return out;
  }
  function runes(s) { return Array.from(s).length; }
  function keyOf(term) { return Array.from(term).slice(0, KEY_LEN).join(""); }
  // nearKeysOf: the same as search.NearKeys.
  function nearKeysOf(term) {
    var r = Array.from(term), out = [keyOf(term)];
    for (var i = 0; i < Math.min(r.length, KEY_LEN); i++) {
      var k = keyOf(r.slice(0, i).concat(r.slice(i + 1)).join(""));
      if (out.indexOf(k) < 0) out.push(k);
    }
    return out;
  }
  // typoForms, near: the same as search.TypoForms and search's near.
  function typoForms(t) {
    if (runes(t) >= 4 && /^[a-z]+$/.test(t) && /[aeo]$/.test(t)) return [t, t.slice(0, t.length - 1)];
    return [t];
  }
  function near(t, it) {
    return typoForms(t).some(function (f, i) { return oneEdit(f, it) || (i > 0 && f === it); });
  }
  // oneEdit: the same as search.OneEdit.
  function oneEdit(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 2) return false; // a rune is one or two code units
    var x = Array.from(a), y = Array.from(b);
    if (x.length > y.length) { var z = x; x = y; y = z; }
    if (y.length - x.length > 1) return false;
    var i = 0;
    while (i < x.length && x[i] === y[i]) i++;
    if (x.length === y.length) {
      if (x.slice(i + 1).join("") === y.slice(i + 1).join("")) return true;
      return i + 1 < x.length && x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2).join("") === y.slice(i + 2).join("");
    }
    return x.slice(i).join("") === y.slice(i + 1).join("");
  }
  // nearFile: the same as search.NearFile, the 32-bit FNV-1a hash of the
  // key's UTF-8 bytes modulo the number of near files.
  function nearFile(key) {
    var h = 0x811c9dc5;
    new TextEncoder().encode(key).forEach(function (b) { h = Math.imul(h ^ b, 0x01000193) >>> 0; });
    return h % nearFiles;
  }
  function fileName(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    var hex = "_";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return hex;
  }

  // --- Loading the index files as scripts. ---
  var shards = {}, nears = {}, chunks = {}, facets = null, docs = {}, pending = {};
  window.__briefingSearch = {
    shard: function (key, terms, shown) {
      shards[key] = terms;
      Object.keys(shown).forEach(function (id) { docs[id] = shown[id]; });
    },
    near: function (n, lists) { Object.keys(lists).forEach(function (k) { nears[k] = lists[k]; }); },
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

  // --- Ranking: the same as generator/search/query.go (Index.Query). ---
  function undelta(list) {
    var out = [], prev = 0;
    for (var i = 0; i < list.length; i++) { prev += list[i]; out.push(prev); }
    return out;
  }
  function untag(c) {
    var n = parseInt(c, 36);
    return { name: Math.floor(n / MAX_NAME_LEN), length: n % MAX_NAME_LEN + 1 };
  }
  function posting(term) { return (shards[keyOf(term)] || {})[term]; }

  // exactOrPrefix lists the index terms a query term matches exactly or,
  // from KEY_LEN letters, as their start: all in the term's own shard.
  function exactOrPrefix(t) {
    var shard = shards[keyOf(t)] || {}, short = runes(t) < KEY_LEN, out = [];
    Object.keys(shard).forEach(function (it) {
      if (it === t) out.push({ term: it, kind: EXACT });
      else if (!short && it.indexOf(t) === 0) out.push({ term: it, kind: PREFIX });
    });
    return out;
  }

  // score: the same as Index.score. Each query term's best match in each
  // document is kept in typed arrays indexed by document, so that a query
  // that matches thousands of records allocates no object per record but
  // its result; a result's matches are read back with matchesOf.
  var MAX_NAMES = 4;
  function score(terms, count, cands) {
    var order = wholeNameOrder(terms, cands); // sorts each term's candidates
    var T = terms.length, N = numDocs;
    var pts = new Int32Array(N * T), best = new Int32Array(N * T).fill(-1);
    var field = new Uint8Array(N * T), nonTypo = new Uint8Array(N * T);
    var seen = new Uint8Array(N), touched = [], names = new Map(), counted = {};
    cands.forEach(function (cs, i) {
      cs.forEach(function (c, ci) {
        var p = posting(c.term);
        for (var f = 0; f < 3; f++) {
          var pt = POINTS[f][c.kind], list = p[f], id = 0;
          for (var n = 0; n < list.length; n++) {
            id += list[n];
            if (!seen[id]) { seen[id] = 1; touched.push(id); }
            var x = id * T + i, b = best[x];
            if (pt > pts[x] || (pt === pts[x] && c.term < cs[b].term)) {
              pts[x] = pt; best[x] = ci; field[x] = f;
            }
            if (c.kind !== TYPO) nonTypo[x] = 1;
          }
        }
        if (counted[c.term]) return;
        counted[c.term] = true;
        var titles = p[0], tags = p[4], tid = 0;
        for (var m = 0; m < titles.length; m++) {
          tid += titles[m];
          var tag = untag(tags.charAt(m)), k = tid * MAX_NAMES + tag.name, nc = names.get(k);
          if (!nc) names.set(k, nc = { length: tag.length, occ: {} });
          nc.occ[c.term] = (nc.occ[c.term] || 0) + 1;
        }
      });
    });
    var total = 0;
    terms.forEach(function (t) { total += count[t]; });
    var tier = new Uint8Array(N);
    names.forEach(function (nc, k) {
      var id = Math.floor(k / MAX_NAMES), exactly = nc.length === total;
      terms.forEach(function (t) { exactly = exactly && (nc.occ[t] || 0) >= count[t]; });
      if (exactly) tier[id] = 2;
      else if (tier[id] === 0 && wholeName(nc, terms, count, cands, order)) tier[id] = 1;
    });
    var table = { terms: terms, cands: cands, best: best, field: field };
    var out = [];
    for (var j = 0; j < touched.length; j++) {
      var id = touched[j], s = { id: id, score: 0, matched: 0, typo: false, name: tier[id], table: table };
      for (var i = 0; i < T; i++) {
        var x = id * T + i;
        if (best[x] < 0) continue;
        s.score += pts[x];
        s.matched += count[terms[i]];
        s.typo = s.typo || !nonTypo[x];
      }
      out.push(s);
    }
    return out;
  }

  // matchesOf returns a result's best match for each query term: the
  // index term ("" for none), its kind and the field it is in.
  function matchesOf(r) {
    var t = r.table, T = t.terms.length, m = { best: [], kind: [], field: [] };
    for (var i = 0; i < T; i++) {
      var x = r.id * T + i, b = t.best[x], c = b < 0 ? null : t.cands[i][b];
      m.best.push(c ? c.term : "");
      m.kind.push(c ? c.kind : 0);
      m.field.push(t.field[x]);
    }
    return m;
  }

  // wholeNameOrder and wholeName: the same as in query.go.
  function wholeNameOrder(terms, cands) {
    var order = terms.map(function (_, i) { return i; });
    cands.forEach(function (cs) {
      cs.sort(function (a, b) { return a.kind - b.kind || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0); });
    });
    order.sort(function (a, b) { return cands[a].length - cands[b].length || a - b; });
    return order;
  }
  function wholeName(nc, terms, count, cands, order) {
    var left = {};
    Object.keys(nc.occ).forEach(function (t) { left[t] = nc.occ[t]; });
    for (var o = 0; o < order.length; o++) {
      var i = order[o], need = count[terms[i]];
      cands[i].forEach(function (c) {
        var take = Math.min(need, left[c.term] || 0);
        left[c.term] = (left[c.term] || 0) - take;
        need -= take;
      });
      if (need > 0) return false;
    }
    return true;
  }

  // query runs a query once the shards of its terms are loaded, loading
  // what a widened query needs, and resolves to { results, partial,
  // widened }. The same steps as Index.Query: a term that matches nothing
  // looks for its typos in the near files, then, when no record holds
  // every word, the others look for theirs in their own shards.
  function query(words) {
    var count = {};
    words.forEach(function (w) { count[w] = (count[w] || 0) + 1; });
    var terms = Object.keys(count).sort();
    var cands = terms.map(exactOrPrefix);
    var matched = cands.map(function (cs) { return cs.length > 0; });
    function keysOf(t) {
      var out = [];
      typoForms(t).forEach(function (f) {
        nearKeysOf(f).forEach(function (k) { if (out.indexOf(k) < 0) out.push(k); });
      });
      return out;
    }
    // typos adds the typos of term i found in pool.
    function typos(i, pool) {
      var t = terms[i];
      if (runes(t) < TYPO_MIN) return;
      Object.keys(pool).forEach(function (it) {
        if (near(t, it) && !cands[i].some(function (c) { return c.term === it; })) cands[i].push({ term: it, kind: TYPO });
      });
    }
    var anywhere = terms.filter(function (t, i) { return !matched[i] && runes(t) >= TYPO_MIN; });
    var nearLoads = [];
    anywhere.forEach(function (t) {
      keysOf(t).forEach(function (k) { if (nearFiles) nearLoads.push(load("n/" + nearFile(k) + ".js")); });
    });
    return Promise.all(nearLoads).then(function () {
      var shardLoads = [];
      terms.forEach(function (t, i) {
        if (matched[i]) return;
        var pool = {};
        keysOf(t).forEach(function (k) { (nears[k] || []).forEach(function (it) { pool[it] = true; }); });
        typos(i, pool);
        cands[i].forEach(function (c) {
          var k = keyOf(c.term);
          if (keys[k]) shardLoads.push(load("t/" + fileName(k) + ".js"));
        });
      });
      return Promise.all(shardLoads);
    }).then(function () {
      var scored = score(terms, count, cands);
      var full = scored.some(function (d) { return d.matched === words.length; });
      if (!full) {
        terms.forEach(function (t, i) { if (matched[i]) typos(i, shards[keyOf(t)] || {}); });
        scored = score(terms, count, cands);
      }
      return finish(words, terms, scored);
    });
  }

  function finish(words, terms, scored) {
    var most = 0;
    scored.forEach(function (d) { most = Math.max(most, d.matched); });
    var partial = most < words.length;
    if (partial && terms.length < 2) return { results: [], partial: false, widened: [] };
    var results = [], widened = {};
    scored.forEach(function (d) {
      if (!partial && d.matched < words.length) return;
      results.push(d);
      var t = d.table, T = terms.length;
      for (var i = 0; i < T; i++) {
        var b = t.best[d.id * T + i], c = b < 0 ? null : t.cands[i][b];
        if (c && c.kind === TYPO) widened[posting(c.term)[3]] = true;
      }
    });
    results.sort(function (a, b) {
      return b.matched - a.matched || (a.typo ? 1 : 0) - (b.typo ? 1 : 0) || b.name - a.name || b.score - a.score || a.id - b.id;
    });
    return { results: results, partial: partial, widened: Object.keys(widened).sort() };
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

  // marked returns text with the words that stem to one of a result's
  // matched terms marked, and notes in seen which terms it showed.
  function marked(text, matched, seen) {
    var frag = document.createDocumentFragment();
    text.split(/([^\p{L}\p{Nd}]+)/u).forEach(function (part) {
      var w = fold(part), t = "";
      if (/[\p{L}\p{Nd}]/u.test(part) && !STOP[w]) t = stem(w);
      if (t && matched.indexOf(t) >= 0) {
        seen[t] = true;
        var m = document.createElement("mark");
        m.textContent = part;
        frag.appendChild(m);
      } else {
        frag.appendChild(document.createTextNode(part));
      }
    });
    return frag;
  }

  // line appends a paragraph of the given class to li: a label, then text
  // with the matched words marked.
  function line(li, cls, label, text, matched, seen) {
    var p = document.createElement("p");
    p.className = cls;
    if (label) {
      var b = document.createElement("span");
      b.className = "label";
      b.textContent = label + " ";
      p.appendChild(b);
    }
    p.appendChild(marked(text, matched, seen));
    li.appendChild(p);
  }

  function href(url) {
    return root + (url === "" || /\/$/.test(url) ? url + "index.html" : url.replace(/(\/)#/, "/index.html#"));
  }

  var state = { q: "", words: 0, all: [], partial: false, widened: [], shown: 0 };

  function filtered() {
    if (!fKind.value && !fStatus.value && !fSite.value) return state.all;
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
      list.slice(0, upto).forEach(function (r) { results.appendChild(item(r, docs[r.id])); });
      state.shown = Math.min(upto, list.length);
      more.hidden = list.length <= state.shown;
      var n = list.length;
      status.textContent = n === 0 ? msg("No results for “{q}”.", { q: q }) :
        (n === 1 ? msg("1 result for “{q}”", { q: q }) : msg("{n} results for “{q}”", { n: n, q: q })) +
        (n > state.shown ? msg(", showing the first {n}.", { n: state.shown }) : ".");
      noResults.hidden = n !== 0;
      browse.hidden = n !== 0;
      drawNote();
    });
  }

  // item draws one result: its name (or title) with the matched words
  // marked, its kind and status or date, a note if it matches only some
  // words, its aliases if a query word is in one, its snippet, and the
  // matched words that none of these shows, with the field they are in.
  function item(r, d) {
    var match = matchesOf(r), matched = match.best.filter(Boolean), seen = {};
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = href(d[2]);
    a.appendChild(marked(d[1], matched, seen));
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
    if (r.matched < state.words) {
      var pm = document.createElement("p");
      pm.className = "partial";
      pm.textContent = msg("Partial match: {n} of {m} words", { n: r.matched, m: state.words });
      li.appendChild(pm);
    }
    if (d[5] && matched.some(function (t, i) { return !seen[t] && match.field[match.best.indexOf(t)] === 0; })) {
      line(li, "aliases", msg("Also known as:"), d[5], matched, seen);
    }
    if (d[4]) line(li, "snippet", "", d[4], matched, seen);
    var rest = {};
    match.best.forEach(function (t, i) {
      if (!t || seen[t]) return;
      var f = match.field[i];
      (rest[f] = rest[f] || []).push(posting(t)[3]);
    });
    [["In the name:", 0], ["In the record:", 1], ["In the text:", 2]].forEach(function (l) {
      var ws = rest[l[1]];
      if (ws) line(li, "found", msg(l[0]), ws.join(", "), matched, seen);
    });
    return li;
  }

  // drawNote says above the results when they were widened to close
  // spellings, or match only some words.
  function drawNote() {
    var parts = [];
    if (state.partial) parts.push(msg("No record matches every word; these match the most."));
    if (state.widened.length) {
      parts.push(msg("Also showing results for close spellings: {words}.", { words: state.widened.slice(0, 5).join(", ") }));
    }
    widenedNote.textContent = parts.join(" ");
    widenedNote.hidden = parts.length === 0;
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
    if (terms.length === 0) {
      state.all = [];
      state.words = 0;
      while (results.firstChild) results.removeChild(results.firstChild);
      status.textContent = q ? msg("Type a name, a place or another word to search for.") : "";
      filters.hidden = true;
      more.hidden = true;
      noResults.hidden = true;
      widenedNote.hidden = true;
      return Promise.resolve();
    }
    var loads = {};
    terms.forEach(function (t) {
      var k = keyOf(t);
      if (keys[k]) loads[k] = load("t/" + fileName(k) + ".js");
    });
    return Promise.all(Object.keys(loads).map(function (k) { return loads[k]; })).then(function () {
      return query(terms);
    }).then(function (answer) {
      if (q !== state.q) return;
      state.all = answer.results;
      state.words = terms.length;
      state.partial = answer.partial;
      state.widened = answer.widened;
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
