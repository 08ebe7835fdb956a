/*
 * The header search, answered by the handbook's own index (built by hooks/search_index.py into
 * search/<lang>/, see handbook/search/index.py for its files).
 *
 * A query becomes "concepts": its words less the stop words, each with its synonyms
 * (data/search.yml, data/glossary.yml) and, for an English word found nowhere, its near
 * spellings. Chinese words match by their character pairs, English words by their stem; both
 * rules are handbook/search/terms.py's. A section scores by how many of the concepts it holds
 * (rarer words count more), where they stand (title, page title, text), and how nearly its title
 * is the question; overviews count half. Results, best first:
 *   - best answers: situations (data/situations.yml) that hold the question's words;
 *   - pages, each at its best section with an excerpt and its next best sections;
 *   - phrase cards with their "say this" line and a copy button, standards, glossary terms.
 * Nothing found: the situation finder and the most used pages. A result link carries
 * ?h=<words>, and the page it opens marks them.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-hb-search]");
  var config = JSON.parse(document.getElementById("__config").textContent);
  var siteRoot = new URL(config.base.replace(/\/?$/, "/"), location.href);
  var lang = document.documentElement.lang;
  var HIGHLIGHT = "h";
  var MAX_RESULTS = 8;
  var MAX_BEST = 2;
  var MAX_SECTIONS = 3;
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/;
  var TOKEN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[a-z0-9]+/g;
  var TITLE = 30; // handbook/search/index.py's title weight: a title match counts 1
  var SYNONYM = 0.8;

  highlightArrivals();
  if (!root) return;

  var input = root.querySelector("input.md-search__input");
  var list = root.querySelector(".md-search-result__list");
  var meta = root.querySelector(".md-search-result__meta");
  var toggle = document.getElementById("__search");
  var text = JSON.parse(document.getElementById("hb-words").textContent).search; // i18n/, via overrides/main.html
  var index = null;
  var latest = 0;

  /* -- the rule of handbook/search/terms.py -------------------------------------------------- */

  function normalize(s) {
    return s.normalize("NFKC").toLowerCase();
  }

  function stem(word) {
    if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
    word = word.replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1");
    if (/ies$/.test(word) && word.length > 4) word = word.slice(0, -3) + "y";
    else if (/ied$/.test(word) && word.length > 4) word = word.slice(0, -3) + "y";
    else if (/sses$/.test(word)) word = word.slice(0, -2);
    else if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
    if (/ing$/.test(word) && word.length > 5) word = word.slice(0, -3);
    else if (/ed$/.test(word) && word.length > 4) word = word.slice(0, -2);
    if (/our$/.test(word) && word.length > 5) word = word.slice(0, -3) + "or";
    if (/tre$/.test(word) && word.length > 4) word = word.slice(0, -3) + "ter";
    if (/e$/.test(word) && word.length > 3) word = word.slice(0, -1);
    var last = word.charAt(word.length - 1);
    if (word.length > 3 && last === word.charAt(word.length - 2) && "aeiou".indexOf(last) < 0) word = word.slice(0, -1);
    return word;
  }

  /* The terms a word must all have in a section: its character pairs, or its stem. */
  function wordTerms(word) {
    if (!CJK.test(word)) return [stem(word)];
    var pairs = [];
    for (var i = 0; i < word.length - 1; i++) pairs.push(word.slice(i, i + 2));
    return pairs;
  }

  function phraseTerms(phrase) {
    return (normalize(phrase).match(TOKEN) || []).reduce(function (all, w) { return all.concat(wordTerms(w)); }, []);
  }

  function shardOf(term) {
    var h = 0;
    for (var i = 0; i < term.length; i++) h = (Math.imul(h, 31) + term.charCodeAt(i)) >>> 0;
    return h % index.shards.length;
  }

  /* -- the index ------------------------------------------------------------------------------ */

  function load() {
    if (!index) {
      var base = new URL("search/" + lang + "/", siteRoot);
      index = fetch(new URL("docs.json", base)).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (data) {
        index = data; // from here on the index itself; shards and texts fill in as they come
        data.base = base;
        data.files = {};
        data.stopSet = new Set(data.stop);
        data.synonymOf = new Map();
        data.synonyms.forEach(function (group) {
          group.forEach(function (member) { data.synonymOf.set(key(member), group); });
        });
        return data;
      });
      index.catch(function () { index = null; });
    }
    return Promise.resolve(index);
  }

  /* A word or phrase as the synonym map knows it: Chinese as written, English as stems. */
  function key(phrase) {
    var norm = normalize(phrase);
    return CJK.test(norm) ? norm.replace(/\s+/g, "") : (norm.match(TOKEN) || []).map(stem).join(" ");
  }

  function file(name) {
    var cache = index.files;
    if (!cache[name]) {
      cache[name] = fetch(new URL(name, index.base)).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      cache[name].catch(function () { delete cache[name]; });
    }
    return cache[name];
  }

  /* doc number → score, for one term: its shard lists [number delta, score, …]. */
  function postings(term) {
    return file(index.shards[shardOf(term)]).then(function (shard) {
      var found = new Map();
      var list = shard[term] || [];
      for (var i = 0, doc = 0; i < list.length; i += 2) {
        doc += list[i];
        found.set(doc, list[i + 1]);
      }
      return found;
    });
  }

  /* -- the query ------------------------------------------------------------------------------ */

  /* The query's words: Chinese runs as the browser's segmenter cuts them, English words as typed. */
  function words(query) {
    var segmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter(text.segmenter, { granularity: "word" }) : null;
    var out = [];
    (normalize(query).match(TOKEN) || []).forEach(function (token) {
      if (!CJK.test(token) || !segmenter) { out.push(token); return; }
      Array.from(segmenter.segment(token)).forEach(function (s) { if (s.isWordLike) out.push(s.segment); });
    });
    return out;
  }

  /* Concepts: each a word (or a synonym's phrase) and the ways a section may hold it. */
  function concepts(query) {
    var all = words(query);
    var kept = all.filter(function (w) { return !index.stopSet.has(CJK.test(w) ? w : stem(w)); });
    if (!kept.length) kept = all;
    // A Chinese character alone is not indexed: it joins the characters around it that are alone too
    kept = kept.reduce(function (out, w) {
      var prev = out[out.length - 1];
      if (prev !== undefined && CJK.test(w) && CJK.test(prev) && w.length === 1 && prev.length === 1) out[out.length - 1] = prev + w;
      else out.push(w);
      return out;
    }, []);
    var out = [];
    for (var i = 0; i < kept.length; i++) {
      var taken = 1;
      var group = null;
      // English synonyms may be phrases ("money back"): the longest that starts here
      for (var n = Math.min(3, kept.length - i); n > 1 && !group; n--) {
        var run = kept.slice(i, i + n);
        if (run.every(function (w) { return !CJK.test(w); })) {
          group = index.synonymOf.get(run.map(stem).join(" ")) || null;
          if (group) taken = n;
        }
      }
      var word = kept.slice(i, i + taken).join(" ");
      group = group || index.synonymOf.get(key(word)) || null;
      var alternatives = [word].concat(group || []);
      if (!group && CJK.test(word)) {
        // a Chinese compound holding a synonym as a part ("buying decision" holding "decision"): the compound with each synonym
        index.synonymOf.forEach(function (members, member) {
          if (member.length > 1 && word !== member && word.indexOf(member) >= 0) {
            members.forEach(function (m) { alternatives.push(word.replace(member, m)); });
          }
        });
      }
      out.push({
        word: word,
        surface: alternatives,
        alternatives: alternatives.map(phraseTerms).filter(function (t) { return t.length; }),
        last: i + taken === kept.length && !/\s$/.test(query),
      });
      i += taken - 1;
    }
    return out.filter(function (c) { return c.alternatives.length; }); // a lone character: not indexed
  }

  /* doc → score for one concept: the best of its alternatives, each as good as its weakest term;
     the word as typed counts a little more than its synonyms ("caller" over "customer"). */
  function match(concept) {
    return Promise.all(concept.alternatives.map(function (terms, a) {
      var factor = a === 0 ? 1 : SYNONYM;
      return Promise.all(terms.map(postings)).then(function (each) {
        var found = new Map();
        each[0].forEach(function (score, doc) {
          var least = score;
          for (var k = 1; k < each.length; k++) {
            if (!each[k].has(doc)) return;
            least = Math.min(least, each[k].get(doc));
          }
          found.set(doc, least * factor);
        });
        return found;
      });
    })).then(function (maps) {
      var best = new Map();
      maps.forEach(function (m) {
        m.forEach(function (score, doc) { if (!(best.get(doc) >= score)) best.set(doc, score); });
      });
      return best;
    });
  }

  /* An English word found nowhere: the index's words one letter away, or that it begins (the last
     word, still being typed). The vocabulary is fetched only then. */
  function nearWords(concept) {
    var w = stem(concept.word);
    if (CJK.test(w) || w.length < 3 || /\s/.test(concept.word)) return Promise.resolve([]);
    return file(index.vocabulary).then(function (vocabulary) {
      return vocabulary.filter(function (v) {
        return (concept.last && v.length > w.length && v.indexOf(w) === 0) || (w.length >= 4 && oneEditApart(w, v));
      }).slice(0, 6);
    });
  }

  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
    }
    var longer = a.length > b.length ? a : b;
    var shorter = a.length > b.length ? b : a;
    return longer.slice(i + 1) === shorter.slice(i); // one letter more or less
  }

  function matchAll(concept) {
    return match(concept).then(function (found) {
      if (found.size) return found;
      return nearWords(concept).then(function (near) {
        if (!near.length) return found;
        concept.alternatives = near.map(function (v) { return [v]; });
        concept.near = near;
        return match(concept);
      });
    });
  }

  /* A title's terms, for "how nearly is this title the question". */
  function titleTerms(title) {
    return new Set(phraseTerms(title).filter(function (t) {
      return !(CJK.test(t) && t.length === 1) && !index.stopSet.has(t);
    }));
  }

  function nearness(cs, title) {
    var own = titleTerms(title);
    if (!own.size) return 0;
    var shared = 0, asked = 0;
    cs.forEach(function (c) {
      var best = c.alternatives.reduce(function (b, terms) {
        var multi = terms.filter(function (t) { return !(CJK.test(t) && t.length === 1); });
        var hit = multi.filter(function (t) { return own.has(t); }).length;
        return hit > b.hit || (hit === b.hit && multi.length < b.size) ? { hit: hit, size: multi.length } : b;
      }, { hit: 0, size: Infinity });
      shared += best.hit;
      asked += best.size === Infinity ? 0 : best.size;
    });
    return shared / (asked + own.size - shared || 1);
  }

  function rank(cs, maps) {
    var n = index.docs.length;
    var weights = maps.map(function (m) { return Math.log(1 + n / Math.max(m.size, 1)); });
    var total = weights.reduce(function (a, b) { return a + b; }, 0);
    var scores = new Map();
    maps.forEach(function (m, c) {
      m.forEach(function (score, doc) {
        var s = scores.get(doc) || { doc: doc, sum: 0, covered: 0, concepts: [] };
        s.sum += weights[c] * Math.min(score, 2 * TITLE) / TITLE;
        s.covered += weights[c];
        s.concepts.push(c);
        scores.set(doc, s);
      });
    });
    var ranked = [];
    scores.forEach(function (s) {
      var row = index.docs[s.doc];
      var coverage = s.covered / total;
      var value = s.sum * coverage * coverage;
      var near = nearness(cs, row[1]);
      if (row[2] >= 0 && row[1] !== index.pages[row[2]][1]) near = Math.max(near, 0.8 * nearness(cs, index.pages[row[2]][1]));
      // A title that is nearly the question comes first. An overview (1) or a page retelling others
      // (2: session plans, role-play briefs) answers only when nothing else does; a retelling
      // page's sections are named after what they retell, so only its own title counts.
      var kind = row[2] >= 0 ? index.pages[row[2]][2] : 0;
      if (near >= 0.5 && !(kind === 2 && row[0])) value *= 1 + 2 * near;
      else if (kind) value *= 0.5;
      ranked.push({ doc: s.doc, row: row, value: value, coverage: coverage, concepts: s.concepts, weight: s.covered });
    });
    ranked.sort(function (a, b) { return b.value - a.value || a.doc - b.doc; });
    return { ranked: ranked, weights: weights };
  }

  /* Pages gather their sections; situations become best answers. */
  function results(found) {
    var best = [], items = [], pages = new Map();
    found.ranked.forEach(function (r) {
      var kind = r.row[3];
      if (kind === "situation") {
        if (r.coverage >= 0.75 && best.length < MAX_BEST) best.push(r);
        return;
      }
      if (kind !== "page") { items.push({ value: r.value, top: r, sections: [] }); return; }
      var page = pages.get(r.row[2]);
      if (!page) {
        page = { value: r.value, top: r, sections: [], concepts: new Set() };
        pages.set(r.row[2], page);
        items.push(page);
      } else {
        page.value += 0.1 * r.value;
        page.sections.push(r);
      }
      r.concepts.forEach(function (c) { page.concepts.add(c); });
    });
    // A page whose sections between them hold more of the question than its best section alone
    pages.forEach(function (page) {
      var held = 0;
      page.concepts.forEach(function (c) { held += found.weights[c]; });
      // At most half as much again: a long page holds every word somewhere; an overview or a page
      // retelling others holds them by nature, so its sections add nothing.
      var ratio = index.pages[page.top.row[2]][2] ? 1 : Math.min(1.5, held / page.top.weight);
      page.value *= ratio * ratio;
    });
    items.sort(function (a, b) { return b.value - a.value; });
    // A definition is short, so it scores high; staff look for what to do: the best chapter first.
    var firstPage = items.findIndex(function (i) { return i.top.row[3] === "page"; });
    var firstTerm = items.findIndex(function (i) { return i.top.row[3] === "term"; });
    if (firstTerm >= 0 && firstPage > firstTerm) items.splice(firstTerm, 0, items.splice(firstPage, 1)[0]);
    var answered = best.map(function (r) { return r.row[5].link; });
    items = items.filter(function (item) { return answered.indexOf(url(item.top.row)) < 0; });
    return { best: best, items: items, total: best.length + items.length };
  }

  function url(row) {
    if (row[2] < 0) return row[0];
    var page = index.pages[row[2]][0];
    return page + (row[0] ? "#" + row[0] : "");
  }

  /* -- showing the results -------------------------------------------------------------------- */

  function el(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function href(target, cs) {
    var link = new URL(target, siteRoot);
    var marked = cs.map(function (c) { return c.word; }).join(" ");
    if (marked) link.search = "?" + HIGHLIGHT + "=" + encodeURIComponent(marked);
    return link.href;
  }

  function link(target, title, cs, subtitle) {
    var a = el("a", "md-search-result__link");
    a.href = href(target, cs);
    var article = el("article", "md-search-result__article md-typeset");
    article.appendChild(el("h1", null, title));
    if (subtitle) article.appendChild(el("p", "hb-search-result__section", subtitle));
    a.appendChild(article);
    return a;
  }

  function item(entry, cs) {
    var row = entry.top.row;
    var kind = row[3];
    var li = el("li", "md-search-result__item hb-search-result hb-search-result--" + kind);
    if (kind === "page") {
      var pageTitle = index.pages[row[2]][1];
      li.appendChild(link(url(row), pageTitle, cs, row[1] !== pageTitle ? row[1] : ""));
    } else {
      li.appendChild(link(url(row), row[1], cs));
    }
    if (kind === "phrase") {
      // The phrase card's own line and copy button (macros.html's phrase_line, escaped at build).
      var box = el("div", "md-typeset hb-search-result__say");
      box.innerHTML = row[5].line;
      li.appendChild(box);
    } else {
      excerpt(li.querySelector("article"), entry.top, cs);
    }
    var sections = entry.sections.slice(0, MAX_SECTIONS);
    if (sections.length) {
      var more = el("ol", "hb-search-result__sections");
      more.setAttribute("aria-label", text.sections);
      sections.forEach(function (r) {
        var entryLi = el("li");
        entryLi.appendChild(link(url(r.row), r.row[1], cs));
        more.appendChild(entryLi);
      });
      li.appendChild(more);
    }
    return li;
  }

  function bestItem(r, cs) {
    var li = el("li", "md-search-result__item hb-search-result hb-search-result--best");
    li.appendChild(el("span", "hb-badge hb-search-result__badge", text.best));
    li.appendChild(link(r.row[5].link, r.row[5].answer, cs, r.row[1]));
    return li;
  }

  /* The excerpt arrives with its text chunk: a window around the first word found, words marked. */
  function excerpt(article, r, cs) {
    file(index.texts[r.row[4]]).then(function (chunk) {
      var body = chunk[r.doc] || "";
      if (!body) return;
      var hits = find(body, cs);
      var width = Number(text.excerpt_width); // i18n/<lang>.yml's language traits
      var start = hits.length ? Math.max(0, hits[0][0] - width / 3) : 0;
      if (start > 0) {
        var space = body.lastIndexOf(" ", start);
        start = space > start - 20 ? space + 1 : start;
      }
      var end = Math.min(body.length, start + width);
      var p = el("p", "hb-search-result__excerpt");
      var at = start;
      if (start > 0) p.appendChild(document.createTextNode("… "));
      hits.forEach(function (h) {
        if (h[0] < at || h[1] > end) return;
        p.appendChild(document.createTextNode(body.slice(at, h[0])));
        p.appendChild(el("mark", null, body.slice(h[0], h[1])));
        at = h[1];
      });
      p.appendChild(document.createTextNode(body.slice(at, end) + (end < body.length ? " …" : "")));
      article.appendChild(p);
    }).catch(function () { /* a result without its excerpt is still a result */ });
  }

  /* [start, end] of each place in a text that holds a concept: a Chinese word as written, an
     English word by its stem. */
  function find(body, cs) {
    var norm = body.toLowerCase();
    var hits = [];
    var chinese = [], stems = new Set();
    cs.forEach(function (c) {
      c.surface.concat(c.near || []).forEach(function (s) {
        (normalize(s).match(TOKEN) || []).forEach(function (w) {
          if (CJK.test(w)) chinese.push(w); else stems.add(stem(w));
        });
      });
      if (c.near) c.near.forEach(function (v) { stems.add(v); });
    });
    if (chinese.some(function (w) { return w.length > 1; })) {
      chinese = chinese.filter(function (w) { return w.length > 1; }); // one character alone would mark half the page
    }
    chinese.forEach(function (w) {
      for (var i = norm.indexOf(w); i >= 0; i = norm.indexOf(w, i + w.length)) hits.push([i, i + w.length]);
    });
    var latin = /[a-z0-9]+/g, m;
    while ((m = latin.exec(norm))) {
      if (stems.has(stem(m[0]))) hits.push([m.index, m.index + m[0].length]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    return hits.filter(function (h, i) { return i === 0 || h[0] >= hits[i - 1][1]; });
  }

  function nothing() {
    var items = [];
    var finder = el("li", "md-search-result__item hb-search-result hb-search-result--finder");
    finder.appendChild(link(index.finder, text.finder, []));
    items.push(finder);
    index.popular.forEach(function (p) {
      var li = el("li", "md-search-result__item hb-search-result hb-search-result--popular");
      li.appendChild(link(p[0], p[1], []));
      items.push(li);
    });
    return items;
  }

  function show(query, found, cs) {
    var items = found.best.map(function (r) { return bestItem(r, cs); })
      .concat(found.items.slice(0, MAX_RESULTS).map(function (entry) { return item(entry, cs); }));
    if (!found.total) items = nothing();
    list.replaceChildren.apply(list, items);
    var count = found.total && items.length; // what the list shows: every part-match counted would say "50"
    meta.textContent = count === 0 ? text.none : count === 1 ? text.one : text.other.replace("#", count);
    list.dataset.query = query; // what the list answers (tests and the benchmark wait for it)
  }

  function search() {
    var query = input.value.trim().slice(0, 200); // a question is short; a pasted page is not searched whole
    var ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      meta.textContent = text.placeholder;
      delete list.dataset.query;
      return;
    }
    if (!index || typeof index.then === "function") meta.textContent = text.loading;
    load()
      .then(function () {
        var cs = concepts(query);
        if (!cs.length) return show(input.value.trim(), { best: [], items: [], total: 0 }, cs);
        return Promise.all(cs.map(matchAll)).then(function (maps) {
          if (ticket === latest) show(input.value.trim(), results(rank(cs, maps)), cs);
        });
      })
      .catch(function () { if (ticket === latest) meta.textContent = text.failed; });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
  }

  function open() {
    toggle.checked = true;
    load();
  }

  function close() {
    toggle.checked = false;
    input.blur();
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

  // The index's first file on an idle page, so a first query waits for its words only; not
  // where the reader asked the browser to save data.
  var saveData = navigator.connection && navigator.connection.saveData;
  if (!saveData && "requestIdleCallback" in window) requestIdleCallback(function () { load(); }, { timeout: 5000 });

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

  /* A page opened from a result marks the words searched for (?h=): Chinese as written, English
     by stem. Text only: the words are never read as markup. */
  function highlightArrivals() {
    var asked = new URLSearchParams(location.search).get(HIGHLIGHT);
    var article = document.querySelector(".md-content__inner");
    if (!asked || !article) return;
    var cs = [{ surface: [asked.slice(0, 200)] }];
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      if (!walker.currentNode.parentNode.closest("script, style, mark, .headerlink")) nodes.push(walker.currentNode);
    }
    nodes.forEach(function (node) {
      var hits = find(node.data, cs);
      for (var i = hits.length - 1; i >= 0; i--) {
        var word = node.splitText(hits[i][0]);
        word.splitText(hits[i][1] - hits[i][0]);
        var mark = el("mark", "hb-highlight");
        word.parentNode.replaceChild(mark, word);
        mark.appendChild(word);
      }
    });
  }
})();
