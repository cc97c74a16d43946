// The list of prisoners: filters by status and place of detention, and
// sorting by any column. The table is complete without this script; it
// only hides rows and reorders them. The state is kept in the address
// (?status=detained&place=sites/x/&sort=arrested&desc=1), so that a view
// can be shared and the language switch keeps it.
(function () {
  "use strict";
  var table = document.getElementById("prisoners");
  var tools = document.getElementById("list-tools");
  if (!table || !tools) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var order = new Map();
  rows.forEach(function (r, i) { order.set(r, i); });
  var status = document.getElementById("filter-status");
  var place = document.getElementById("filter-place");
  var said = document.getElementById("list-status");
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var sort = { key: "name", desc: false };

  // The text a column sorts by: dates by their ISO form, unknown last.
  function value(row, key) {
    if (key === "arrested" || key === "released") return row.getAttribute("data-" + key) || "";
    var i = heads.findIndex(function (h) { return h.getAttribute("data-sort") === key; });
    return (row.cells[i].textContent || "").trim();
  }

  // Each heading becomes a button that sorts by its column.
  heads.forEach(function (h) {
    var key = h.getAttribute("data-sort");
    var b = document.createElement("button");
    b.type = "button";
    b.className = "sort";
    while (h.firstChild) b.appendChild(h.firstChild);
    h.appendChild(b);
    b.addEventListener("click", function () {
      sort = { key: key, desc: sort.key === key ? !sort.desc : false };
      apply();
      save();
    });
  });

  function option(select, v) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === v) return v;
    return "";
  }

  function load() {
    var q = new URLSearchParams(window.location.search);
    status.value = option(status, q.get("status") || "");
    place.value = option(place, q.get("place") || "");
    var k = q.get("sort");
    if (heads.some(function (h) { return h.getAttribute("data-sort") === k; })) sort.key = k;
    sort.desc = q.get("desc") === "1";
  }

  function save() {
    var q = new URLSearchParams();
    if (status.value) q.set("status", status.value);
    if (place.value) q.set("place", place.value);
    if (sort.key !== "name") q.set("sort", sort.key);
    if (sort.desc) q.set("desc", "1");
    var s = q.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (s ? "?" + s : ""));
    } catch (e) {
      // A page opened from disk may refuse; the list still works.
    }
  }

  var collator = new Intl.Collator(document.documentElement.lang, { sensitivity: "base", numeric: true });
  function apply() {
    var shown = 0;
    rows.forEach(function (r) {
      var ok = (!status.value || r.getAttribute("data-status") === status.value) &&
        (!place.value || (" " + r.getAttribute("data-place")).indexOf(" " + place.value + " ") >= 0);
      r.hidden = !ok;
      if (ok) shown++;
    });
    var sorted = rows.slice().sort(function (a, b) {
      // By name is the page's own order: people whose name is withheld last.
      if (sort.key === "name") return sort.desc ? order.get(b) - order.get(a) : order.get(a) - order.get(b);
      var x = value(a, sort.key), y = value(b, sort.key);
      if (!x !== !y) return x ? -1 : 1; // unknown last, either way
      var c = collator.compare(x, y);
      return sort.desc ? -c : c;
    });
    sorted.forEach(function (r) { body.appendChild(r); });
    heads.forEach(function (h) {
      if (h.getAttribute("data-sort") === sort.key) h.setAttribute("aria-sort", sort.desc ? "descending" : "ascending");
      else h.removeAttribute("aria-sort");
    });
    var text = shown === rows.length ? tools.getAttribute("data-all") : tools.getAttribute("data-shown");
    said.textContent = text.split("{n}").join(grouped(rows.length)).split("{shown}").join(grouped(shown));
  }

  // grouped writes n with the page's thousands mark, as the page's own
  // numbers are: 10,000 / 10.000.
  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, tools.getAttribute("data-thousands") || ",");
  }

  status.addEventListener("change", function () { apply(); save(); });
  place.addEventListener("change", function () { apply(); save(); });
  load();
  tools.hidden = false;
  apply();
})();
