/*
 * The standards summary (handbook/render/standards.py): narrow the list by
 * golden-triangle side, quality dimension and owner. Each <select data-filter=KEY>
 * keeps the items whose data-KEY matches; without JavaScript the form stays hidden
 * and the list is complete.
 */
(function () {
  "use strict";

  function init(form) {
    var list = form.parentNode.querySelector("[data-filter-list]");
    if (!list || form.dataset.filterReady) return;
    form.dataset.filterReady = "true";
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var items = Array.prototype.slice.call(list.children);
    var count = form.querySelector("[data-filter-count]");

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var match = selects.every(function (select) {
          return !select.value || item.dataset[select.dataset.filter] === select.value;
        });
        item.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = count.dataset.filterCount
        .replace("{shown}", shown).replace("{total}", items.length);
    }

    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-filter-form]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
