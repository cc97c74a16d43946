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
  // AHEAD: how many term files a word that matches nothing loads ahead
  // (see ahead in query).
  var AHEAD = 3;
  var EXACT = 0, PREFIX = 1, TYPO = 2;
  var POINTS = [[100, 60, 30], [30, 18, 9], [10, 6, 3]];
  var root = app.getAttribute("data-root");
  var dir = root + app.getAttribute("data-index");
  // The table (k.js, loaded as the page opens): the keys that have a term
  // file, and how many near and name files there are.
  var keys = {}, nearFileCount = 0, nameFileCount = 0;
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
  // joinDigitGroups drops each "," or "." between a digit and exactly
  // three digits, as search's joinDigitGroups does: "1,800" and "1.800"
  // are "1800"; "6.5" stays.
  function joinDigitGroups(s) {
    return s.replace(/([0-9])[.,](?=[0-9]{3}(?![0-9]))/g, "$1");
  }
  // words splits a text as search.Words does: the marks between a number's
  // groups of digits dropped, then at anything not a letter or a digit.
  function words(s) {
    return joinDigitGroups(fold(s)).split(/[^\p{L}\p{Nd}]+/u).filter(Boolean);
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
  // fileOf: the same as search.NearFile and search.NameFile, the 32-bit
  // FNV-1a hash of the key's UTF-8 bytes modulo the number of files.
  function fileOf(key, n) {
    var h = 0x811c9dc5;
    new TextEncoder().encode(key).forEach(function (b) { h = Math.imul(h ^ b, 0x01000193) >>> 0; });
    return h % n;
  }
  // queryPair: the same as search.QueryPair.
  function queryPair(terms) {
    var ks = terms.map(keyOf).filter(function (k) { return keys[k]; }).sort();
    return ks.length < 2 ? "" : ks[0] + " " + ks[1];
  }
  function fileName(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    var hex = "_";
    new TextEncoder().encode(key).forEach(function (b) { hex += (b < 16 ? "0" : "") + b.toString(16); });
    return hex;
  }

  // --- Loading the index files as scripts. ---
  var shards = {}, nears = {}, chunks = {}, facets = null, docs = {}, pending = {};
  function addDocs(recs) {
    for (var id in recs) docs[id] = recs[id];
  }
  window.__briefingSearch = {
    table: function (text, near, names) {
      // compactKeys: "ab ro:dms" is ab, rod, rom and ros.
      text.split(" ").forEach(function (tok) {
        var i = tok.indexOf(":");
        if (i < 0) { if (tok) keys[tok] = true; return; }
        Array.from(tok.slice(i + 1)).forEach(function (c) { keys[tok.slice(0, i) + c] = true; });
      });
      nearFileCount = near;
      nameFileCount = names;
    },
    shard: function (key, terms, shown) {
      shards[key] = terms;
      addDocs(shown);
    },
    near: function (n, lists) { Object.keys(lists).forEach(function (k) { nears[k] = lists[k]; }); },
    names: function (n, recs) { addDocs(recs); },
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
  // It runs on the key press, often before the browser has compiled it,
  // so it does little per posting: typed arrays indexed by document, no
  // object per posting or per name, and one native sort of numeric keys.
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

  // score: the same as Index.score. The documents that any candidate's
  // postings hold (touched, in id order) are numbered by their place in
  // touched; each query term's best match in each of them is kept in
  // typed arrays by place (best: the candidate's number, field: where),
  // and each name's count of each matched index term in a typed array by
  // name; a result's matches are read back with matchesOf. placeOf and
  // nameSlot, by document, are allocated once and left as found (-1), so
  // that a query allocates in proportion to what it matches, not to the
  // index.
  var MAX_NAMES = 4, placeOf = null, nameSlot = null;
  function score(terms, count, cands) {
    var order = wholeNameOrder(terms, cands); // sorts each term's candidates
    var T = terms.length, i, ci, f, n, id, x, j, d, list;
    if (!placeOf) {
      placeOf = new Int32Array(numDocs).fill(-1);
      nameSlot = new Int32Array(numDocs * MAX_NAMES).fill(-1);
    }
    // The distinct index terms matched, numbered, for the names.
    var slotOf = {}, distinct = [], candSlot = [];
    for (i = 0; i < T; i++) {
      var slots = [];
      for (ci = 0; ci < cands[i].length; ci++) {
        var term = cands[i][ci].term;
        if (!(term in slotOf)) { slotOf[term] = distinct.length; distinct.push(term); }
        slots.push(slotOf[term]);
      }
      candSlot.push(slots);
    }
    var D = distinct.length, postings = distinct.map(posting), ids = [];
    for (d = 0; d < D; d++) {
      for (f = 0; f < 3; f++) {
        list = postings[d][f];
        id = 0;
        for (n = 0; n < list.length; n++) {
          id += list[n];
          if (placeOf[id] < 0) { placeOf[id] = 0; ids.push(id); }
        }
      }
    }
    var touched = Int32Array.from(ids).sort(), M = touched.length;
    for (j = 0; j < M; j++) placeOf[touched[j]] = j;
    var pts = new Int32Array(M * T), best = new Int32Array(M * T).fill(-1);
    var field = new Uint8Array(M * T), nonTypo = new Uint8Array(M * T);
    for (i = 0; i < T; i++) {
      var cs = cands[i];
      for (ci = 0; ci < cs.length; ci++) {
        var c = cs[ci], p = postings[candSlot[i][ci]], typo = c.kind === TYPO;
        for (f = 0; f < 3; f++) {
          var pt = POINTS[f][c.kind];
          list = p[f];
          id = 0;
          for (n = 0; n < list.length; n++) {
            id += list[n];
            x = placeOf[id] * T + i;
            if (pt > pts[x] || (pt === pts[x] && c.term < cs[best[x]].term)) {
              pts[x] = pt; best[x] = ci; field[x] = f;
            }
            if (!typo) nonTypo[x] = 1;
          }
        }
      }
    }
    // Names: the occurrences of each matched index term in each name,
    // from the Title postings and their tags.
    var nameLen = [], nameAt = [], nameKey = [], occ = [];
    for (d = 0; d < D; d++) {
      var titles = postings[d][0], tags = postings[d][4];
      id = 0;
      for (n = 0; n < titles.length; n++) {
        id += titles[n];
        var code = tags.charCodeAt(n), tag = code < 97 ? code - 48 : code - 87;
        var k = id * MAX_NAMES + Math.floor(tag / MAX_NAME_LEN), s = nameSlot[k];
        if (s < 0) {
          s = nameSlot[k] = nameLen.length;
          nameKey.push(k);
          nameLen.push(tag % MAX_NAME_LEN + 1);
          nameAt.push(placeOf[id]);
          for (var z = 0; z < D; z++) occ.push(0);
        }
        occ[s * D + d]++;
      }
    }
    var total = 0, need = [], exactSlot = [];
    for (i = 0; i < T; i++) {
      need.push(count[terms[i]]);
      total += need[i];
      exactSlot.push(terms[i] in slotOf ? slotOf[terms[i]] : -1);
    }
    var tier = new Uint8Array(M), left = new Int32Array(D);
    for (var s2 = 0; s2 < nameLen.length; s2++) {
      var base = s2 * D, at = nameAt[s2], exactly = nameLen[s2] === total;
      for (i = 0; i < T && exactly; i++) exactly = exactSlot[i] >= 0 && occ[base + exactSlot[i]] >= need[i];
      if (exactly) tier[at] = 2;
      else if (tier[at] === 0 && wholeName(occ, base, left, need, candSlot, order)) tier[at] = 1;
    }
    // Each document's sums.
    var sum = new Int32Array(M), matched = new Int32Array(M), anyTypo = new Uint8Array(M);
    for (j = 0; j < M; j++) {
      for (i = 0; i < T; i++) {
        x = j * T + i;
        if (best[x] < 0) continue;
        sum[j] += pts[x];
        matched[j] += need[i];
        if (!nonTypo[x]) anyTypo[j] = 1;
      }
    }
    // Leave placeOf and nameSlot as found.
    for (j = 0; j < M; j++) placeOf[touched[j]] = -1;
    for (j = 0; j < nameKey.length; j++) nameSlot[nameKey[j]] = -1;
    return { terms: terms, cands: cands, best: best, field: field, touched: touched, score: sum, matched: matched, typo: anyTypo, tier: tier };
  }

  // matchesOf returns a result's best match for each query term: the
  // index term ("" for none), its kind and the field it is in.
  function matchesOf(r) {
    var t = r.table, T = t.terms.length, m = { best: [], kind: [], field: [] };
    for (var i = 0; i < T; i++) {
      var x = r.place * T + i, b = t.best[x], c = b < 0 ? null : t.cands[i][b];
      m.best.push(c ? c.term : "");
      m.kind.push(c ? c.kind : 0);
      m.field.push(t.field[x]);
    }
    return m;
  }

  // wholeNameOrder and wholeName: the same as in query.go, wholeName on
  // one name's counts (occ from base), left its scratch space.
  function wholeNameOrder(terms, cands) {
    var order = terms.map(function (_, i) { return i; });
    cands.forEach(function (cs) {
      cs.sort(function (a, b) { return a.kind - b.kind || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0); });
    });
    order.sort(function (a, b) { return cands[a].length - cands[b].length || a - b; });
    return order;
  }
  function wholeName(occ, base, left, need, candSlot, order) {
    for (var d = 0; d < left.length; d++) left[d] = occ[base + d];
    for (var o = 0; o < order.length; o++) {
      var i = order[o], want = need[i], slots = candSlot[i];
      for (var c = 0; c < slots.length && want > 0; c++) {
        var take = Math.min(want, left[slots[c]]);
        left[slots[c]] -= take;
        want -= take;
      }
      if (want > 0) return false;
    }
    return true;
  }

  // nearKeys, nearFiles and nearLoads: the near keys of a term's
  // TypoForms, their near files, and their loads.
  function nearKeys(t) {
    var out = [];
    typoForms(t).forEach(function (f) {
      nearKeysOf(f).forEach(function (k) { if (out.indexOf(k) < 0) out.push(k); });
    });
    return out;
  }
  function nearFiles(t) {
    if (!nearFileCount || runes(t) < TYPO_MIN) return [];
    return nearKeys(t).map(function (k) { return "n/" + fileOf(k, nearFileCount) + ".js"; });
  }
  function nearLoads(t) { return nearFiles(t).map(load); }
  // namesFile returns the name file of the pair of these terms, if they
  // have one ("" if not): the display records the first results will
  // likely need, which show waits for rather than load a chunk.
  function namesFile(terms) {
    var pair = queryPair(terms);
    return pair && nameFileCount ? "p/" + fileOf(pair, nameFileCount) + ".js" : "";
  }
  // namesLoad loads the name file of these terms, if they have one, and
  // returns the load, or null.
  function namesLoad(terms) {
    var path = namesFile(terms);
    if (!path) return null;
    var p = load(path);
    p.catch(function () {});
    return p;
  }
  // firstFiles returns every file that a query of these terms is sure to
  // need: the name file of the query's pair (names, "" if none), the term
  // files of their keys (terms), and the near files of a term whose key
  // has none (near).
  function firstFiles(terms) {
    var out = { names: namesFile(terms), terms: [], near: [] };
    terms.forEach(function (t) {
      var k = keyOf(t);
      if (keys[k]) {
        var path = "t/" + fileName(k) + ".js";
        if (out.terms.indexOf(path) < 0) out.terms.push(path);
      } else {
        out.near = out.near.concat(nearFiles(t));
      }
    });
    return out;
  }
  // firstLoads starts the loads of firstFiles and returns the term files'
  // loads and the name file's (or null). A file is loaded once, so the
  // key press that starts them (see prefetch) and the input event that
  // waits for them share the loads.
  function firstLoads(terms) {
    var f = firstFiles(terms);
    // The name file first: it is often the largest, and files come about
    // in the order they were asked for, so that the ranking, in the task
    // of the last term file, mostly finds the first results' records in.
    var names = f.names ? load(f.names) : null;
    if (names) names.catch(function () {});
    var loads = f.terms.map(load);
    f.near.forEach(function (path) { load(path).catch(function () {}); });
    return { terms: loads, names: names };
  }

  // nearAhead returns the near files of the word being typed (the last
  // of text, unless a space ends it) once it has more than KEY_LEN
  // letters and its key has a term file, for search to load once the
  // results are painted: a typo in the word's next letters then finds
  // its near files loaded, as a typo in its first letters does
  // (firstLoads). Past KEY_LEN+1 letters a word's near keys no longer
  // change, so a word loads them once.
  function nearAhead(text) {
    if (/[^\p{L}\p{Nd}]$/u.test(text)) return [];
    var ws = words(text), w = ws[ws.length - 1];
    if (!w || STOP[w]) return [];
    var t = stem(w);
    if (runes(t) <= KEY_LEN || !keys[keyOf(t)]) return [];
    return nearFiles(t);
  }

  // query runs a query once the shards of its terms are loaded, loading
  // what a widened query needs, and resolves to { results, partial,
  // widened }. The same steps as Index.Query: a term that matches nothing
  // looks for its typos in the near files, then, when no record holds
  // every word, the others look for theirs in their own shards.
  function query(words) {
    var count = {}, later = [];
    words.forEach(function (w) { count[w] = (count[w] || 0) + 1; });
    var terms = Object.keys(count).sort();
    var cands = terms.map(exactOrPrefix);
    var matched = cands.map(function (cs) { return cs.length > 0; });
    // typos adds the typos of term i found in pool.
    function typos(i, pool) {
      var t = terms[i];
      if (runes(t) < TYPO_MIN) return;
      Object.keys(pool).forEach(function (it) {
        if (near(t, it) && !cands[i].some(function (c) { return c.term === it; })) cands[i].push({ term: it, kind: TYPO });
      });
    }
    var wait = [];
    terms.forEach(function (t, i) { if (!matched[i]) wait = wait.concat(nearLoads(t)); });
    var ready = wait.length ? Promise.all(wait).then(function () {
      var shardLoads = [];
      terms.forEach(function (t, i) {
        if (matched[i]) return;
        var pool = {};
        nearKeys(t).forEach(function (k) { (nears[k] || []).forEach(function (it) { pool[it] = true; }); });
        typos(i, pool);
        later = later.concat(ahead(t, pool, cands[i]));
        cands[i].forEach(function (c) {
          var k = keyOf(c.term);
          if (keys[k]) shardLoads.push(load("t/" + fileName(k) + ".js"));
        });
      });
      // The name file of the words the query was widened to.
      var widenedTerms = [];
      words.forEach(function (w) {
        var cs = cands[terms.indexOf(w)];
        if (cs.length) widenedTerms.push(cs[0].term);
      });
      state.names = namesLoad(widenedTerms);
      return Promise.all(shardLoads);
    }) : null;
    // ahead returns the term files of the words in pool that t, as the
    // reader goes on typing, may come within one edit of (those that
    // start with a word one edit from t), for search to load once the
    // results are painted: a typo in a word's first letters thus finds,
    // at the word's last key, the term files of the words it is a typo
    // of loaded.
    function ahead(t, pool, cs) {
      var r = Array.from(t), n = r.length, count = {};
      if (n <= TYPO_MIN) return [];
      Object.keys(pool).forEach(function (it) {
        var k = keyOf(it);
        if (!keys[k] || shards[k] || cs.some(function (c) { return c.term === it; })) return;
        var w = Array.from(it);
        for (var l = n - 1; l <= n + 1 && l <= w.length; l++) {
          if (oneEdit(t, w.slice(0, l).join(""))) { count[k] = (count[k] || 0) + 1; return; }
        }
      });
      return Object.keys(count).sort(function (a, b) { return count[b] - count[a] || (a < b ? -1 : 1); }).slice(0, AHEAD)
        .map(function (k) { return "t/" + fileName(k) + ".js"; });
    }
    function rank() {
      var scored = score(terms, count, cands);
      var full = false;
      for (var j = 0; j < scored.touched.length && !full; j++) full = scored.matched[j] === words.length;
      if (!full) {
        terms.forEach(function (t, i) { if (matched[i]) typos(i, shards[keyOf(t)] || {}); });
        scored = score(terms, count, cands);
      }
      var answer = finish(words, scored);
      answer.later = later;
      return answer;
    }
    // Without a near file to wait for, the ranking runs at once, in the
    // task that loaded the last term file.
    return ready ? ready.then(rank) : rank();
  }

  // finish picks the results and orders them as Index.Query does, and
  // returns them as their places in the table (order), not an object
  // each: a common word has thousands. The order is by
  // words matched, without a typo first, name tier, score, then id (the
  // place in touched, which is in id order), as one number each (a native
  // sort of a Float64Array), or, were a query long enough to overflow it,
  // with a comparison.
  var PLACE_BITS = 16777216; // 2^24 places
  function finish(words, sc) {
    var most = 0, M = sc.touched.length, j;
    for (j = 0; j < M; j++) most = Math.max(most, sc.matched[j]);
    var partial = most < words.length, T = sc.terms.length;
    if (partial && T < 2) return { table: sc, order: new Int32Array(0), partial: false, widened: [] };
    var places = [], widened = {};
    for (j = 0; j < M; j++) {
      if (!partial && sc.matched[j] < words.length) continue;
      places.push(j);
      for (var i = 0; i < T; i++) {
        var b = sc.best[j * T + i], c = b < 0 ? null : sc.cands[i][b];
        if (c && c.kind === TYPO) widened[posting(c.term)[3]] = true;
      }
    }
    var maxScore = 100 * T;
    if (words.length < 64 && maxScore < 8192 && M < PLACE_BITS) {
      var keysOrder = new Float64Array(places.length);
      for (j = 0; j < places.length; j++) {
        var at = places[j];
        keysOrder[j] = ((((63 - sc.matched[at]) * 2 + sc.typo[at]) * 4 + (2 - sc.tier[at])) * 8192 + (8191 - sc.score[at])) * PLACE_BITS + at;
      }
      keysOrder.sort();
      for (j = 0; j < places.length; j++) places[j] = keysOrder[j] % PLACE_BITS;
    } else {
      places.sort(function (a, b) {
        return sc.matched[b] - sc.matched[a] || sc.typo[a] - sc.typo[b] || sc.tier[b] - sc.tier[a] || sc.score[b] - sc.score[a] || a - b;
      });
    }
    return { table: sc, order: Int32Array.from(places), partial: partial, widened: Object.keys(widened).sort() };
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
    // Split as words splits: a mark between a number's groups of digits
    // ("1,800") stays inside its word, which is marked whole.
    text.split(/((?:(?<![0-9])[.,]|[.,](?![0-9]{3}(?![0-9]))|[^\p{L}\p{Nd}.,])+)/u).forEach(function (part) {
      var w = joinDigitGroups(fold(part)), t = "";
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

  // state: the current query and its results, all their places in table
  // in order (see finish).
  var state = { q: "", words: 0, all: new Int32Array(0), table: null, partial: false, widened: [], shown: 0, names: null };

  function filtered() {
    if (!fKind.value && !fStatus.value && !fSite.value) return state.all;
    return state.all.filter(function (at) {
      var id = state.table.touched[at], k = kindOf(id);
      if (fKind.value && k !== fKind.value) return false;
      if ((fStatus.value || fSite.value) && k !== "prisoner") return false;
      if (k === "prisoner" && facets) {
        var f = prisonerFacet(id);
        if (fStatus.value && f.status !== fStatus.value) return false;
        if (fSite.value && f.site !== fSite.value) return false;
      }
      return true;
    });
  }

  // resultOf and resultAt: the result at a place in a table, or in the
  // current query's.
  function resultOf(table, at) {
    return { id: table.touched[at], place: at, matched: table.matched[at], table: table };
  }
  function resultAt(at) { return resultOf(state.table, at); }

  // show draws results [0, upto) of the filtered list, loading the display
  // records it lacks: from the query's name file, if one is on its way,
  // else from the chunks that hold them.
  function show(upto) {
    var q = state.q, list = filtered();
    function missing() {
      return Array.from(list.slice(0, upto), resultAt).filter(function (r) { return !docs[r.id]; });
    }
    var names = state.names && missing().length ? state.names.catch(function () {}) : null;
    return Promise.resolve(names).then(function () {
      var need = {};
      missing().forEach(function (r) { need[Math.floor(r.id / chunkSize)] = true; });
      return Promise.all(Object.keys(need).map(function (n) { return load("d/" + n + ".js"); }));
    }).then(function () {
      if (q !== state.q) return;
      mark("records");
      while (results.firstChild) results.removeChild(results.firstChild);
      Array.from(list.slice(0, upto), resultAt).forEach(function (r) { results.appendChild(item(r, docs[r.id])); });
      mark("drawn");
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

  // countFacets counts the results by kind and, once the facets file is
  // in, by status and place of detention; keepFilters clears a filter
  // whose value the results no longer have.
  function countFacets() {
    var c = { kinds: {}, statuses: {}, sites: {} };
    state.all.forEach(function (at) {
      var id = state.table.touched[at], k = kindOf(id);
      c.kinds[k] = (c.kinds[k] || 0) + 1;
      if (k === "prisoner" && facets) {
        var f = prisonerFacet(id);
        c.statuses[f.status] = (c.statuses[f.status] || 0) + 1;
        if (f.site) c.sites[f.site] = (c.sites[f.site] || 0) + 1;
      }
    });
    return c;
  }
  function keepFilters(c) {
    [[fKind, c.kinds], [fStatus, c.statuses], [fSite, c.sites]].forEach(function (fc) {
      if (fc[0].value && !fc[1][fc[0].value]) fc[0].value = "";
    });
  }

  // drawFilters fills the filters with the results' counts. They are
  // folded under "Filter results", so a search draws them only while they
  // are open, after its results are painted (filling a select is slow:
  // the browser lays the page out again for each), and opening them
  // draws them.
  function drawFilters() {
    var c = countFacets(), siteNames = {};
    (facets ? facets.sites : []).forEach(function (s) { siteNames[s[0]] = s[1]; });
    setOptions(fKind, msg("All kinds"), c.kinds, function (k) { return labels.kinds[k] || k; }, true);
    setOptions(fStatus, msg("Any status"), facets ? c.statuses : null, function (k) { return labels.statuses[k] || k; }, true);
    setOptions(fSite, msg("Any place"), facets ? c.sites : null, function (k) { return siteNames[k] || k; }, true);
    // Status and place need the facets file, loaded when a reader first
    // turns to these filters, so that a plain search never waits for it.
    var prisoners = !!c.kinds.prisoner;
    document.getElementById("filter-status-group").hidden = !prisoners;
    document.getElementById("filter-site-group").hidden = !prisoners || (facets && Object.keys(c.sites).length === 0);
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

  // afterPaint runs fn once the page's changes are painted: what the
  // reader does not see at once waits for the results to show.
  function afterPaint(fn) {
    requestAnimationFrame(function () { setTimeout(fn, 0); });
  }

  // saveQuery keeps the query in the address, after the results are
  // painted, so that it can be bookmarked and a page reached from the
  // results goes back to them.
  function saveQuery(q) {
    try {
      window.history.replaceState(null, "", window.location.pathname + (q ? "?q=" + encodeURIComponent(q) : ""));
    } catch (e) {
      // A copy opened from disk may refuse; the search still works.
    }
  }

  // mark notes a step of a search on the page's performance timeline
  // (search:input, search:loaded, search:ranked, search:records,
  // search:drawn), where generator/internal/searchbench -latency reads
  // where a key press's time went; and search:ready, once the table is in
  // and the rehearsal done, which it waits for before it types.
  function mark(step) {
    if (window.performance && performance.mark) performance.mark("search:" + step);
  }

  // search runs a query. Its first loads start on the key press (see
  // prefetch) or else at once (firstLoads), the results are drawn in the
  // task that loads the last file they need, and what the reader does not
  // see at once (the address, the filters' options, the files a typo at
  // the next key presses would need: nearAhead, ahead) waits until they
  // are painted.
  function search(q, typing) {
    mark("input");
    q = q.trim();
    state.q = q;
    var terms = tokens(q);
    if (terms.length === 0) {
      state.all = new Int32Array(0);
      state.words = 0;
      while (results.firstChild) results.removeChild(results.firstChild);
      status.textContent = q ? msg("Type a name, a place or another word to search for.") : "";
      filters.hidden = true;
      more.hidden = true;
      noResults.hidden = true;
      widenedNote.hidden = true;
      afterPaint(function () { if (q === state.q) saveQuery(q); });
      return Promise.resolve();
    }
    function start() {
      var loads = firstLoads(terms);
      state.names = loads.names;
      return Promise.all(loads.terms);
    }
    return (tableLoaded ? start() : table.then(start)).then(function () {
      mark("loaded");
      return q === state.q ? query(terms) : null;
    }).then(function (answer) {
      if (!answer || q !== state.q) return;
      mark("ranked");
      state.all = answer.order;
      state.table = answer.table;
      state.words = terms.length;
      state.partial = answer.partial;
      state.widened = answer.widened;
      filters.hidden = state.all.length === 0;
      if (fKind.value || fStatus.value || fSite.value) keepFilters(countFacets());
      if (state.all.length === 0) suggest(terms);
      return show(PAGE).then(function () {
        afterPaint(function () {
          if (q !== state.q) return;
          // What the next key presses may need, when a reader types (not
          // for a query pasted or opened from a link), once this one's
          // results show: starting a load costs the page some
          // milliseconds.
          if (typing) nearAhead(q).concat(answer.later).forEach(function (path) { load(path).catch(function () {}); });
          if (filters.open) drawFilters();
          saveQuery(q);
        });
      });
    }).catch(function (err) {
      status.textContent = msg("Search could not load its index ({error}). The lists below have every record.", { error: err.message });
    });
  }

  // Every keystroke searches at once: files already loaded are reused, and
  // a search overtaken by a later keystroke draws nothing.
  input.addEventListener("input", function (e) { search(input.value, /^insert(Text|CompositionText)$/.test(e.inputType || "")); });
  // prefetch: a key that types a letter starts the loads of the query it
  // will make as it goes down, before the browser's input event, which
  // comes tens of milliseconds later on a slow machine.
  input.addEventListener("keydown", function (e) {
    if (!tableLoaded || !e.key || e.key.length !== 1 || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    var v = input.value, from = input.selectionStart, to = input.selectionEnd;
    if (from === null || to === null) return;
    firstLoads(tokens(v.slice(0, from) + e.key + v.slice(to)));
  });
  filters.addEventListener("toggle", function () { if (filters.open) drawFilters(); });
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

  // --- Rehearsing, as the page opens. ---
  // The browser compiles a function when first called, and compiles it
  // again to faster code once it has run often, for the kinds of values
  // it ran on; a regular expression is compiled when first used, and the
  // fonts of a result's text are found when first laid out. A key press
  // that ran all this for the first time took several times as long as
  // the next (the ranking alone, 15 to 30 ms rather than 3 to 5), so the
  // page rehearses, before the reader types: REHEARSALS times each query
  // of REHEARSED, on a made-up term file, each run in a task of its own,
  // so that a key press waits for one run at most.
  var REHEARSALS = 6;
  // REHEARSED: an exact name, a word that also starts a longer one, two
  // words that no record has both of but for a typo, and two that no
  // record has both of at all (partial results): every branch of the
  // ranking. "~~~" is no key (a term has letters and digits only).
  var REHEARSED = [["~~~a", "~~~b"], ["~~~a"], ["~~~c", "~~~d"], ["~~~c", "~~~ezz"]];

  // rehearsalShard makes the made-up term file, of n documents: ~~~a and
  // ~~~b are the two words of the name of the documents from the
  // eleventh, ~~~ab is in their texts, ~~~c and ~~~d are in the summaries
  // of the even and of the odd of them, ~~~ezz in the summaries of the
  // first ten.
  function rehearsalShard(n) {
    var first = Math.min(10, n >> 1), all = [], even = [], odd = [], ten = [], tags = "";
    for (var id = first; id < n; id++) {
      all.push(id === first ? id : 1);
      tags += "1"; // the first name, of two words
      if ((id - first) % 2 === 0) even.push(id === first ? id : 2);
      else odd.push(id === first + 1 ? id : 2);
    }
    for (id = 0; id < first; id++) ten.push(id ? 1 : 0);
    return {
      "~~~a": [all, [], [], "a", tags], "~~~b": [all, [], [], "b", tags], "~~~ab": [[], [], all, "ab", ""],
      "~~~c": [[], even, [], "c", ""], "~~~d": [[], odd, [], "d", ""], "~~~ezz": [[], ten, [], "ezz", ""]
    };
  }

  // rehearseWords runs what a key press runs before the ranking: the
  // words of the query, the files they need and those loaded ahead,
  // without loading them.
  function rehearseWords() {
    var terms = tokens("José Núñez-Ibáñez, 1.800 presos");
    firstFiles(terms.concat(["qxz"]));
    nearAhead("rodri");
  }

  // rehearse rehearses the ranking and the drawing of a result (laid out
  // unseen, .rehearsal in style.css, until the next frame), stops as
  // soon as the reader searches, and then calls done.
  function rehearse(done) {
    var n = Math.min(numDocs, 1500), runs = 0, li = null;
    if (n === 0 || state.q) { done(); return; } // nothing to search, or a search (from the address) under way
    rehearseWords();
    shards["~~~"] = rehearsalShard(n);
    function next() {
      if (state.q || runs === REHEARSALS * REHEARSED.length) {
        shards["~~~"] = null; // not deleted: that would change the object's shape, which the compiled ranking relies on
        if (li) {
          li.className = "rehearsal";
          results.appendChild(li);
          afterPaint(function () { if (li.parentNode) li.parentNode.removeChild(li); });
        }
        done();
        return;
      }
      var answer = query(REHEARSED[runs % REHEARSED.length]);
      if (answer.order.length) li = item(resultOf(answer.table, answer.order[0]), [0, "Ana Pérez", "", "detained", "“Búsqueda” de José · 2024–2026", "Ana P."]);
      runs++;
      setTimeout(next, 0);
    }
    next();
  }

  // The table, as the page opens; then the rehearsal.
  var tableLoaded = false;
  var table = load("k.js").then(function () {
    tableLoaded = true;
    rehearse(function () { mark("ready"); });
  });
  table.catch(function () {});

  app.hidden = false;
  document.getElementById("search-nojs").hidden = true;
  var q = new URLSearchParams(window.location.search).get("q") || "";
  input.value = q;
  if (q) search(q);
  else input.focus();
})();
