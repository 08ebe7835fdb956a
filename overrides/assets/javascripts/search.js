/*
 * The header search, answered by Pagefind (index: hooks/search_index.py).
 *
 * Pagefind's script, engine and index load on first use (focus or shortcut), from
 * this site only. Pagefind picks the index of the page's <html lang>, so readers
 * get results in their language. Results, best first:
 *   - best answers: situations (data/situations.yml) whose wording or phrasings match;
 *   - phrase cards, with their "say this" line and a copy button;
 *   - pages, each with its matching sections and excerpts; standards and glossary terms
 *     (Pagefind's order, except that a definition never comes before the best chapter).
 * A result link carries ?h=<query>, and the page it opens highlights the match.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-hb-search]");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var bundle = new URL("pagefind/", siteRoot).href;
  var HIGHLIGHT = "h";
  var MAX_RESULTS = 8; // each result's excerpt is a fetch: enough to choose from on a phone
  var MAX_BEST = 2;

  highlightArrivals();
  if (!root) return;

  var input = root.querySelector("input.md-search__input");
  var list = root.querySelector(".md-search-result__list");
  var meta = root.querySelector(".md-search-result__meta");
  var toggle = document.getElementById("__search");
  var text = JSON.parse(root.dataset.hbStrings);
  var engine = null;
  var latest = 0;

  function load() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: siteRoot.pathname, highlightParam: HIGHLIGHT, excerptLength: 20 })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  function open() {
    toggle.checked = true;
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function link(url, title, excerpt) {
    var a = el("a", "md-search-result__link");
    a.href = url;
    var article = el("article", "md-search-result__article md-typeset");
    article.appendChild(el("h1", null, title));
    if (excerpt) {
      var p = el("p");
      p.innerHTML = excerpt; // Pagefind's excerpt: escaped text with <mark> around the match
      article.appendChild(p);
    }
    a.appendChild(article);
    return a;
  }

  function kind(data) {
    return data.meta.kind || "page";
  }

  /* How well a section matches: Pagefind scores each word it found there (headings weigh more). */
  function score(sub) {
    return (sub.weighted_locations || []).reduce(function (sum, w) { return sum + w.balanced_score; }, 0);
  }

  function item(data, best) {
    var li = el("li", "md-search-result__item hb-search-result hb-search-result--" + kind(data));
    if (best) {
      li.classList.add("hb-search-result--best");
      li.appendChild(el("span", "hb-badge hb-search-result__badge", text.best));
      li.appendChild(link(new URL(data.meta.link.replace(/^\//, ""), siteRoot).href, data.meta.answer, data.meta.title));
      return li;
    }
    li.appendChild(link(data.url, data.meta.title, kind(data) === "phrase" ? "" : data.excerpt));
    if (kind(data) === "phrase") {
      var box = el("div", "md-typeset hb-search-result__say");
      var say = box.appendChild(el("div", "hb-phrase__say"));
      say.appendChild(el("span", "hb-label", text.phrase));
      say.appendChild(el("p", "hb-phrase__line", data.meta.say));
      var copy = el("button", "md-clipboard hb-copy");
      copy.type = "button";
      copy.title = text.copy;
      copy.setAttribute("aria-label", text.copy + ": " + data.meta.say);
      copy.dataset.clipboardText = data.meta.say;
      say.appendChild(copy);
      li.appendChild(box);
    }
    var sections = (data.sub_results || []).filter(function (sub) {
      return sub.url !== data.url && sub.title !== data.meta.title; // the page itself is the result above
    }).sort(function (a, b) { return score(b) - score(a); }).slice(0, 3);
    if (sections.length && kind(data) === "page") {
      var more = el("ol", "hb-search-result__sections");
      more.setAttribute("aria-label", text.sections);
      sections.forEach(function (sub) {
        var entry = el("li");
        entry.appendChild(link(sub.url, sub.title, sub.excerpt));
        more.appendChild(entry);
      });
      li.appendChild(more);
    }
    return li;
  }

  function show(query, results, total) {
    var best = results.filter(function (d) { return kind(d) === "situation"; }).slice(0, MAX_BEST);
    var answered = best.map(function (d) { return d.meta.link; });
    var rest = results.filter(function (d) {
      return kind(d) !== "situation" && answered.indexOf(d.raw_url) < 0;
    });
    // A glossary definition is short, so Pagefind ranks it high; staff look for what to do,
    // so the best chapter comes before any definition.
    var firstPage = rest.findIndex(function (d) { return kind(d) === "page"; });
    var firstTerm = rest.findIndex(function (d) { return kind(d) === "term"; });
    if (firstTerm >= 0 && firstPage > firstTerm) rest.splice(firstTerm, 0, rest.splice(firstPage, 1)[0]);
    var items = best.map(function (d) { return item(d, true); })
      .concat(rest.map(function (d) { return item(d, false); }));
    list.replaceChildren.apply(list, items);
    var count = total; // all that match; the list shows the best of them
    meta.textContent = count === 0 ? text.none : count === 1 ? text.one : text.other.replace("#", count);
    list.dataset.query = query; // what the list answers (tests and the benchmark wait for it)
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = text.placeholder;
      return;
    }
    if (!engine) meta.textContent = text.loading;
    load()
      .then(function (pagefind) { return searchLoosening(pagefind, words(query)); })
      .then(function (found) {
        return Promise.all(found.slice(0, MAX_RESULTS + MAX_BEST).map(function (r) { return r.data(); }))
          .then(function (results) { if (ticket === latest) show(query, results, found.length); });
      })
      .catch(function () { if (ticket === latest) meta.textContent = text.failed; });
  }

  /* The query's words, as the browser segments it (Chinese has no spaces between words). */
  function words(query) {
    if (typeof Intl.Segmenter === "undefined") return [query];
    var segmenter = new Intl.Segmenter(document.documentElement.lang, { granularity: "word" });
    return Array.from(segmenter.segment(query))
      .filter(function (s) { return s.isWordLike; })
      .map(function (s) { return s.segment; });
  }

  /* Pagefind finds pages that hold every word, and Chinese is cut into words twice: by the
     indexer and by the browser, which do not always agree (服务金三角 is 服务 + 金 + 三角 to the
     browser). So when fewer than three pages hold every word, the results of each longer word
     on its own follow; and a sentence no page holds in full ("我不知道怎么回答") loses leading
     words until something matches. */
  function searchLoosening(pagefind, terms) {
    return pagefind.search(terms.join(" ")).then(function (found) {
      if (terms.length < 2 || found.results.length >= 3) return found.results;
      if (!found.results.length) return searchLoosening(pagefind, terms.slice(1));
      var longer = terms.filter(function (t) { return t.length >= (/^[\x00-\x7f]+$/.test(t) ? 3 : 2); });
      return Promise.all(longer.map(function (t) { return pagefind.search(t); })).then(function (each) {
        var seen = found.results.map(function (r) { return r.id; });
        var more = [];
        each.forEach(function (f) {
          f.results.forEach(function (r) { if (seen.indexOf(r.id) < 0) { seen.push(r.id); more.push(r); } });
        });
        return found.results.concat(more);
      });
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) first.click();
  });
  root.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { search(); input.focus(); });
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return;
    var inSearch = toggle.checked && root.contains(document.activeElement);
    if (inSearch && event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (inSearch && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      var all = links();
      var at = all.indexOf(document.activeElement);
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      event.preventDefault();
      if (next < 0) input.focus();
      else if (next < all.length) all[next].focus();
    } else if (!inSearch && ["/", "s", "f"].indexOf(event.key) >= 0) {
      var target = event.target;
      if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
      event.preventDefault();
      open();
      input.focus();
      input.select();
    }
  });

  /* A page opened from a result marks what was searched for. */
  function highlightArrivals() {
    if (!new URLSearchParams(location.search).get(HIGHLIGHT)) return;
    import(bundle + "pagefind-highlight.js").then(function () {
      var article = document.querySelector(".md-content__inner");
      new window.PagefindHighlight({ highlightParam: HIGHLIGHT, markContext: article, addStyles: false });
    });
  }
})();
