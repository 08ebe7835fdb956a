"""The handbook's own static search: an index written at build time, read by
``overrides/assets/javascripts/search.js`` in the browser.

- :mod:`.terms` cuts text into index terms (Chinese character pairs, stemmed English words);
  the browser applies the same rule to a query (``terms.js`` is its twin, tested against it);
- :mod:`.sections` turns a built page into sections (page top, then each h2/h3);
- :mod:`.words` holds the data of ``data/search.yml``: stop words, synonyms, the pages to
  offer when nothing matches;
- :mod:`.index` writes ``search/<lang>/``: the documents, the term shards, each page's text
  for excerpts and the vocabulary for typo tolerance.
"""
