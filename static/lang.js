// The language switch keeps what the reader asked for: on the search page
// its query (?q=), on the timeline and the list of prisoners their
// filters. The links are plain without this script; it adds the page's
// current query to them just before they are followed or copied.
(function () {
  "use strict";
  function carry(e) {
    var a = e.target && e.target.closest ? e.target.closest(".languages a[hreflang]") : null;
    if (!a) return;
    var base = a.getAttribute("href").split("#")[0].split("?")[0];
    a.setAttribute("href", base + window.location.search + window.location.hash);
  }
  ["click", "focusin", "mouseover", "contextmenu"].forEach(function (type) {
    document.addEventListener(type, carry, true);
  });
})();
