// "Due for review" notices (hooks/page_trust.py): the build shows the ones already due on its day;
// a page left online longer shows its notice once the reader's day is past the review date.
(function () {
  var today = new Date().toISOString().slice(0, 10);
  document.querySelectorAll("[data-hb-review-by]").forEach(function (el) {
    if (el.getAttribute("data-hb-review-by") < today) el.hidden = false;
  });
})();
