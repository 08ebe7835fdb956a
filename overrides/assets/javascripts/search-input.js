/*
 * Material runs a search on keyup in the search box. Text that arrives without a
 * key (pasted from the context menu, dictated by voice on a phone, some input
 * methods) would wait for the next key press; announce it as a keyup as well.
 * Material ignores a keyup that leaves the query unchanged, so typing is not
 * searched twice.
 */
document.addEventListener("input", function (event) {
  "use strict";
  if (event.target instanceof HTMLInputElement && event.target.matches("input.md-search__input")) {
    event.target.dispatchEvent(new KeyboardEvent("keyup"));
  }
});
