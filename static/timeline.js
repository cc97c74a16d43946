// Timeline filters: by kind, by year, and by person or site. The timeline
// is complete without this script; it only hides entries. The filter state
// is kept in the address (?kind=arrest&kind=release&year=2026&record=...),
// so a filtered view can be bookmarked and shared.
(function () {
  "use strict";
  var form = document.getElementById("timeline-filters");
  if (!form) return;
  var entries = Array.prototype.slice.call(document.querySelectorAll("li.entry"));
  var status = document.getElementById("filter-status");
  var kinds = Array.prototype.slice.call(form.querySelectorAll('input[name="kind"]'));
  var year = form.elements.year;
  var record = form.elements.record;

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) return true;
    }
    return false;
  }

  // Read the state from the address into the controls.
  function load() {
    var q = new URLSearchParams(window.location.search);
    var wanted = q.getAll("kind");
    kinds.forEach(function (k) {
      k.checked = wanted.length === 0 || wanted.indexOf(k.value) >= 0;
    });
    var y = q.get("year") || "";
    year.value = hasOption(year, y) ? y : "";
    var r = q.get("record") || "";
    record.value = hasOption(record, r) ? r : "";
  }

  // Write the controls' state to the address, leaving out defaults.
  function save() {
    var q = new URLSearchParams();
    var checked = kinds.filter(function (k) { return k.checked; });
    if (checked.length !== kinds.length) {
      checked.forEach(function (k) { q.append("kind", k.value); });
    }
    if (year.value) q.set("year", year.value);
    if (record.value) q.set("record", record.value);
    var s = q.toString();
    var url = window.location.pathname + (s ? "?" + s : "") + window.location.hash;
    try {
      window.history.replaceState(null, "", url);
    } catch (e) {
      // Some browsers refuse to change the address of a page opened from
      // disk; the filters still work.
    }
  }

  function apply() {
    var on = {};
    kinds.forEach(function (k) { on[k.value] = k.checked; });
    var shown = 0;
    entries.forEach(function (li) {
      var ok = on[li.getAttribute("data-kind")] &&
        (!year.value || li.getAttribute("data-year") === year.value) &&
        (!record.value || (" " + li.getAttribute("data-records") + " ").indexOf(" " + record.value + " ") >= 0);
      li.hidden = !ok;
      if (ok) shown++;
    });
    // Hide the headings of months and years left empty.
    Array.prototype.forEach.call(document.querySelectorAll("section.month, section.year"), function (sec) {
      sec.hidden = !sec.querySelector("li.entry:not([hidden])");
    });
    var text = shown === entries.length ? form.getAttribute("data-all") : form.getAttribute("data-some");
    status.textContent = text.split("{n}").join(grouped(entries.length)).split("{shown}").join(grouped(shown));
  }

  // grouped writes n with the page's thousands mark, as the page's own
  // numbers are: 10,000 / 10.000.
  function grouped(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, form.getAttribute("data-thousands") || ",");
  }

  form.addEventListener("change", function () { apply(); save(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () {
    // The reset happens after this event: apply once it is done.
    window.setTimeout(function () { apply(); save(); }, 0);
  });
  load();
  // The filters fold into a "Filter" control, shown only with this script.
  var box = document.getElementById("timeline-tools");
  if (box) box.hidden = false;
  apply();
})();
