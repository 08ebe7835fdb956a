/*
 * Self-scoring quizzes (the listening self-test): attaches to every form[data-quiz].
 *
 * Everything language-specific lives in the page: the answer key is data-answer
 * on each fieldset, the scoring rule and every message are data-* attributes on
 * the form ({placeholders} are filled in here). Nothing is stored or sent.
 * Without JavaScript the form stays a printable worksheet.
 */
(function () {
  "use strict";

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match;
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function questionsOf(form) {
    return Array.prototype.slice.call(form.querySelectorAll("fieldset[data-answer]"));
  }

  function clearMarks(form, result) {
    Array.prototype.forEach.call(form.querySelectorAll(".lq-feedback"), function (node) {
      node.parentNode.removeChild(node);
    });
    questionsOf(form).forEach(function (fieldset) {
      fieldset.classList.remove("is-wrong", "is-missing");
    });
    result.textContent = "";
  }

  function score(form, result) {
    var d = form.dataset;
    var labels = { yes: d.labelYes, no: d.labelNo };
    var missing = [];
    var wrong = [];

    clearMarks(form, result);
    questionsOf(form).forEach(function (fieldset, index) {
      var chosen = fieldset.querySelector("input[type=radio]:checked");
      if (!chosen) {
        missing.push(index + 1);
        fieldset.classList.add("is-missing");
      } else if (chosen.value !== fieldset.dataset.answer) {
        wrong.push(fieldset);
      }
    });

    if (missing.length) {
      result.appendChild(element("p", "lq-warning",
        fill(d.msgUnanswered, { count: missing.length, list: missing.join(d.listSep || ", ") })));
      return;
    }

    var total = questionsOf(form).length;
    var points = Number(d.base) - Number(d.penalty) * wrong.length;
    var band = points >= Number(d.bandHighMin) ? d.msgBandHigh
      : points >= Number(d.bandMidMin) ? d.msgBandMid : d.msgBandLow;

    result.appendChild(element("p", "lq-score",
      fill(d.msgScore, { score: points, right: total - wrong.length, wrong: wrong.length })));
    result.appendChild(element("p", "lq-band", band));

    if (!wrong.length) {
      result.appendChild(element("p", null, d.msgNoneWrong));
      return;
    }
    result.appendChild(element("p", null, d.msgWrong));
    var list = element("ul", "lq-wrong-list");
    wrong.forEach(function (fieldset) {
      var expected = fill(d.msgExpected, { answer: labels[fieldset.dataset.answer] || fieldset.dataset.answer });
      var legend = fieldset.querySelector("legend");
      var item = element("li");
      var link = element("a", null, legend ? legend.textContent.replace(/\s+/g, " ").trim() : fieldset.id);
      link.href = "#" + fieldset.id;
      item.appendChild(link);
      item.appendChild(document.createTextNode(" — " + expected));
      list.appendChild(item);

      fieldset.classList.add("is-wrong");
      fieldset.appendChild(element("p", "lq-feedback", expected));
    });
    result.appendChild(list);
  }

  function init(form) {
    if (form.dataset.quizReady) return;
    form.dataset.quizReady = "true";
    form.setAttribute("novalidate", "");
    form.classList.add("lq-ready");
    Array.prototype.forEach.call(form.querySelectorAll("[data-quiz-js]"), function (node) {
      node.hidden = false;
    });
    var result = form.querySelector("[data-quiz-result]");
    if (!result) return;

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      score(form, result);
      // The feedback added under wrong answers pushes the score down, below a phone's
      // screen: bring it into view (the result is a live region, so it is also read out).
      result.scrollIntoView({ block: "start" });
    });
    form.addEventListener("reset", function () {
      clearMarks(form, result);
    });
  }

  function initAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-quiz]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
  // Material's instant navigation swaps pages without reloading: attach again on each new page.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initAll);
  }
})();
