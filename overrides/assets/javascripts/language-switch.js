/*
 * Language switch: the other language opens where the reader was. The ids of
 * standards, phrase cards, roles, blueprint points and call stages are the same
 * in both languages, so the switcher's links carry the current #anchor. Heading
 * ids are words of each language, but both languages have the same headings in
 * the same order (tests/test_site.py checks it): for a heading, its position is
 * handed over in sessionStorage and the other page scrolls to its own heading.
 *
 * Loaded with defer, so it runs before DOMContentLoaded, when Material looks for
 * a sitemap.xml beside every <link rel="alternate">: made for one site per
 * language, whose alternates are language roots, it maps pages between them.
 * Here every alternate is already the same page in the other language, or the
 * page language's What's new feed, so there is nothing to map and the look-up
 * could only 404 (en/sitemap.xml does not exist). It is failed before any
 * request goes out. Either way Material's click handler then
 * sends the reader to the bare alternate, dropping the anchor, so the switcher's
 * clicks are kept from reaching it: the links go where they say.
 */
(function () {
  "use strict";

  var beside = Array.prototype.map.call(
    document.querySelectorAll("link[rel=alternate]"),
    function (link) { return new URL("sitemap.xml", link.href).href; }
  );
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    if (beside.indexOf(new URL(url, location.href).href) >= 0) {
      throw new Error("no sitemap beside a per-page alternate");
    }
    return open.apply(this, arguments);
  };

  var links = Array.prototype.slice.call(document.querySelectorAll("a.md-select__link[hreflang]"));

  function keepPlace() {
    links.forEach(function (link) {
      var url = new URL(link.href);
      url.hash = location.hash;
      link.href = url.href;
    });
  }

  var HEADINGS = "article h1[id], article h2[id], article h3[id], article h4[id], article h5[id], article h6[id]";
  var KEY = "hb-language-switch";

  function headingIndex(id) {
    var headings = Array.prototype.slice.call(document.querySelectorAll(HEADINGS));
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].id === id) return i;
    }
    return -1;
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (event) {
      keepPlace();
      event.stopPropagation();
      var id = decodeURIComponent(location.hash.slice(1));
      var index = id ? headingIndex(id) : -1;
      try {
        if (index >= 0) sessionStorage.setItem(KEY, JSON.stringify({ hash: location.hash, index: index }));
      } catch (e) { /* storage off: the anchor alone still works for the shared ids */ }
    });
  });
  keepPlace();

  // Arrived from the other language at a heading id this page does not have: go to the
  // heading in the same position instead.
  var handed = null;
  try {
    handed = JSON.parse(sessionStorage.getItem(KEY) || "null");
    sessionStorage.removeItem(KEY);
  } catch (e) { /* nothing handed over */ }
  var wanted = decodeURIComponent(location.hash.slice(1));
  if (handed && handed.hash === location.hash && wanted && !document.getElementById(wanted)) {
    var heading = document.querySelectorAll(HEADINGS)[handed.index];
    if (heading) location.replace("#" + heading.id);  // scrolls as a link to it would; hashchange updates the links
  }
  window.addEventListener("hashchange", keepPlace);
  // Pages may change the address without a hashchange (history.replaceState, e.g. the call mode).
  document.addEventListener("pointerdown", keepPlace, true);
  document.addEventListener("focusin", keepPlace, true);
})();
