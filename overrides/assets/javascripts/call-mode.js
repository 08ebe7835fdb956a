/*
 * "On the call" mode (handbook/render/call.py): shows one call stage at a time.
 *
 * The page holds every stage as a section; without JavaScript they read one after
 * another. Here only the current stage is shown, with big previous/next buttons,
 * the arrow keys (← →) and the digits 1–6. The stage is kept in the address
 * (#call-hold …), so reloading, the back button and the language switch keep it.
 */
(function () {
  "use strict";

  function init(root) {
    if (root.dataset.callReady) return;
    root.dataset.callReady = "true";
    var stages = Array.prototype.slice.call(root.querySelectorAll(".hb-call__stage"));
    var links = Array.prototype.slice.call(root.querySelectorAll(".hb-call__steps a"));
    var prev = root.querySelector("[data-call-go='-1']");
    var next = root.querySelector("[data-call-go='1']");
    var current = -1;
    if (!stages.length) return;

    root.classList.add("hb-call--screens");
    Array.prototype.forEach.call(root.querySelectorAll("[data-call-js]"), function (node) {
      node.hidden = false;
    });

    function indexOfHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      for (var i = 0; i < stages.length; i++) {
        if (stages[i].id === id) return i;
      }
      return -1;
    }

    function show(index, moved) {
      index = Math.max(0, Math.min(stages.length - 1, index));
      current = index;
      stages.forEach(function (stage, i) {
        stage.hidden = i !== index;
      });
      links.forEach(function (link, i) {
        if (i === index) link.setAttribute("aria-current", "step");
        else link.removeAttribute("aria-current");
      });
      prev.disabled = index === 0;
      next.disabled = index === stages.length - 1;
      if (!moved) return;
      var id = stages[index].id;
      if (location.hash !== "#" + id) history.replaceState(null, "", "#" + id);
      // The new stage fills the screen from its title when it does not fit where it is
      // (on a phone, nearly always): below the fixed header, above the sticky buttons.
      var stage = stages[index].getBoundingClientRect();
      var header = document.querySelector(".md-header");
      var top = header ? header.getBoundingClientRect().bottom : 0;
      var bottom = window.innerHeight - next.parentNode.getBoundingClientRect().height;
      if (stage.top < top || stage.bottom > bottom) stages[index].scrollIntoView();
      var title = stages[index].querySelector(".hb-call__title");
      title.focus({ preventScroll: true });
    }

    prev.addEventListener("click", function () { show(current - 1, true); });
    next.addEventListener("click", function () { show(current + 1, true); });
    links.forEach(function (link, i) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        show(i, true);
      });
    });
    window.addEventListener("hashchange", function () {
      var i = indexOfHash();
      if (i >= 0) show(i, false);
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (target.closest && target.closest("input, textarea, select, [contenteditable], .md-search")) return;
      if (event.key === "ArrowRight") show(current + 1, true);
      else if (event.key === "ArrowLeft") show(current - 1, true);
      else if (/^[1-9]$/.test(event.key) && Number(event.key) <= stages.length) show(Number(event.key) - 1, true);
      else return;
      event.preventDefault();
    });

    var start = indexOfHash();
    show(Math.max(0, start), false);
    if (start >= 0) stages[start].scrollIntoView();
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-call]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
