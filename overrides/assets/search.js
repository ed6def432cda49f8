/* Maillage search: "Qui peut m'aider ?" answered in people's own words, in the browser.
   The one implementation of query understanding; every page that searches uses it (the home
   page's form sends its words to /recherche/, which runs them here).

   Data: recherche/index.json (generator/outputs/pages/search.py): the reading rules and the
   thesaurus's phrases (generator/models/thesaurus.yaml, read the same way by
   generator/thesaurus.py), and one record per need page, actor, service, event, route,
   commune and place. Engine: MiniSearch (vendored from npm), fetched with the data on the
   first search only.

   A query is read as the indexed text is: accents and ligatures folded, elisions and hyphens
   split, stop words dropped, light stemming. Each remaining word is looked up alone: exact
   stem, else (last word, while typing) as a prefix, else with one typo (two from 8 letters)
   if it has 5 letters or more; and in the thesaurus, whose phrases bring their themes,
   audiences, kinds and needs. Results match ANY word and are ranked by how many words they
   match, then by relevance × kind (needs, services and actors before routes, events,
   communes and places) × commune chosen × how soon (past or cancelled events never first).
   When no result answers every word, the page says so and offers the helpline and the
   closest needs. */
(function (root) {
  "use strict";

  /* --- reading: the same rules as generator/thesaurus.py -------------------------- */
  var LIGATURES = { "œ": "oe", "æ": "ae", "ß": "ss", "Œ": "oe", "Æ": "ae" };
  function Reader(rules) {
    this.stop = {};
    var self = this;
    rules.stop.forEach(function (w) { self.stop[w] = true; });
    this.suffixes = rules.suffixes.slice();
    this.minStem = rules.minStem;
  }
  Reader.prototype.fold = function (text) {
    return String(text || "").replace(/[œæßŒÆ]/g, function (c) { return LIGATURES[c]; }).toLowerCase()
      .normalize("NFKD").replace(/[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g, "")
      .replace(/[^0-9a-z]+/g, " ").trim();
  };
  Reader.prototype.stem = function (word) {
    if (word.length > 3 && (word.slice(-1) === "s" || word.slice(-1) === "x") && word.slice(-2, -1) !== "s") {
      word = word.slice(0, -1);
    }
    for (var i = 0; i < this.suffixes.length; i++) {
      var s = this.suffixes[i];
      if (word.length - s.length >= this.minStem && word.slice(-s.length) === s) { return word.slice(0, -s.length); }
    }
    return word;
  };
  // The meaningful words of a text: [{word: folded word, term: its stem}].
  Reader.prototype.words = function (text) {
    var self = this, out = [];
    this.fold(text).split(" ").forEach(function (w) {
      if (w.length > 1 && !self.stop[w]) { out.push({ word: w, term: self.stem(w) }); }
    });
    return out;
  };
  Reader.prototype.terms = function (text) { return this.words(text).map(function (w) { return w.term; }); };

  // Edit distance, stopping early once above max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) { prev.push(j); }
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        cur.push(v);
        if (v < best) { best = v; }
      }
      if (best > max) { return max + 1; }
      prev = cur;
    }
    return prev[b.length];
  }

  /* --- the engine: data + MiniSearch + thesaurus ----------------------------------- */
  var KIND_WEIGHT = { need: 1.15, service: 1, actor: 1, route: 0.85, event: 0.7, commune: 0.5, place: 0.35 };
  var EXACT_NAME = 3; // a record whose name is exactly the query's words
  var NAMED_AMONG = 200;
  var NEED_THEME = 0.8; // a need's words count for the actors of its themes, a little less

  function Engine(data, MiniSearch) {
    var self = this;
    this.data = data;
    this.docs = data.docs;
    this.reader = new Reader(data.rules);
    this.tags = data.rules.tags;
    this.tagIndex = {};
    this.tags.forEach(function (t, i) { self.tagIndex[t] = i; });
    // Thesaurus: each phrase's terms and tags; every term it knows.
    this.phrases = data.rules.phrases.map(function (p) { return { terms: p[0].split(" "), tags: p[1] }; });
    this.known = {};
    this.phrases.forEach(function (p) { p.terms.forEach(function (t) { self.known[t] = true; }); });
    this.knownList = Object.keys(this.known);
    // Tag → [[doc, weight]], from each record's weighted tags.
    this.postings = {};
    this.docs.forEach(function (d, i) {
      d.i = i;
      (d.g || []).forEach(function (g) { (self.postings[g[0]] = self.postings[g[0]] || []).push([i, g[1] / 100]); });
    });
    var reader = this.reader, seen = new Map();
    // Each distinct word is read once: indexing a large territory reads millions of words.
    function term(w) {
      var t = seen.get(w);
      if (t === undefined) { t = w.length > 1 && !reader.stop[w] ? reader.stem(w) : null; seen.set(w, t); }
      return t;
    }
    this.index = new MiniSearch({
      idField: "i",
      fields: ["n", "x", "p"],
      tokenize: function (text) { return reader.fold(text).split(" "); },
      processTerm: term
    });
    this.index.addAll(this.docs);
  }

  var BOOST = { n: 3, p: 0.5 };
  function allowance(w) { return w.word.length >= 5 ? (w.term.length >= 8 ? 2 : 1) : 0; }

  // Look a query word up, exactly first: in the records' words (and, for the last word while
  // typing, as a prefix) and in the thesaurus. Only a word found nowhere is taken for a typo
  // and looked up again with its allowance ("psycologue" → "psychologue").
  Engine.prototype.lookUp = function (w, last) {
    w.hits = this.index.search(w.word, { boost: BOOST });
    if (!w.hits.length && last && w.word.length >= 4) { w.hits = this.index.search(w.word, { prefix: true, boost: BOOST }); }
    w.thesaurus = this.known[w.term] ? [w.term] : [];
    var max = allowance(w);
    if (w.hits.length || w.thesaurus.length || !max) { return; }
    w.hits = this.index.search(w.word, { fuzzy: function () { return max; }, boost: BOOST });
    for (var i = 0; i < this.knownList.length; i++) {
      if (distance(w.term, this.knownList[i], max) <= max) { w.thesaurus.push(this.knownList[i]); }
    }
  };

  // Read a query: its words, and for each word the tags it brings through the thesaurus.
  Engine.prototype.understand = function (query, typing) {
    var self = this;
    var words = this.reader.words(query);
    var byTerm = {}; // thesaurus term -> indexes of the query words that match it
    words.forEach(function (w, i) {
      w.tags = {};
      self.lookUp(w, typing && i === words.length - 1);
      w.thesaurus.forEach(function (t) { (byTerm[t] = byTerm[t] || []).push(i); });
    });
    var needs = {};
    this.phrases.forEach(function (p) {
      for (var k = 0; k < p.terms.length; k++) { if (!byTerm[p.terms[k]]) { return; } }
      p.terms.forEach(function (t) {
        byTerm[t].forEach(function (i) {
          p.tags.forEach(function (tag) {
            var name = self.tags[tag];
            // A longer phrase is a surer sign ("garde d'enfants" over "enfants"), shared by
            // its words: each of them is matched, the phrase counts once in the relevance.
            var share = (1 + 0.1 * (p.terms.length - 1)) / p.terms.length;
            words[i].tags[tag] = Math.max(words[i].tags[tag] || 0, share);
            if (name.slice(0, 2) === "n:") { needs[name.slice(2)] = true; }
          });
        });
      });
    });
    // A need's words also count for its themes.
    words.forEach(function (w) {
      Object.keys(w.tags).forEach(function (tag) {
        var name = self.tags[tag];
        if (name.slice(0, 2) !== "n:") { return; }
        (self.data.needThemes[name.slice(2)] || []).forEach(function (theme) {
          var t = self.tagIndex["t:" + theme];
          if (t !== undefined) { w.tags[t] = Math.max(w.tags[t] || 0, w.tags[tag] * NEED_THEME); }
        });
      });
    });
    return { words: words, needs: Object.keys(needs) };
  };

  // Each record's score for one word: from its text (exact, else prefix, else typo) and from
  // the tags the word brings; 0 to 1 (a little more when both agree).
  Engine.prototype.wordScores = function (w) {
    var scores = {}, text = {}, best = 0, hits = w.hits;
    hits.forEach(function (h) { if (h.score > best) { best = h.score; } });
    hits.forEach(function (h) { text[h.id] = h.score / best; });
    var tagged = {};
    var self = this;
    Object.keys(w.tags).forEach(function (tag) {
      (self.postings[tag] || []).forEach(function (p) {
        var s = Math.min(1.6, p[1] * w.tags[tag]);
        if (!tagged[p[0]] || tagged[p[0]] < s) { tagged[p[0]] = s; }
      });
    });
    Object.keys(text).forEach(function (id) { scores[id] = text[id]; });
    Object.keys(tagged).forEach(function (id) {
      var a = scores[id] || 0, b = tagged[id];
      scores[id] = Math.max(a, b) + 0.25 * Math.min(a, b);
    });
    return { scores: scores, found: hits.length > 0 || Object.keys(tagged).length > 0 };
  };

  function isoDay(date) {
    return date.getFullYear() + "-" + ("0" + (date.getMonth() + 1)).slice(-2) + "-" + ("0" + date.getDate()).slice(-2);
  }
  function daysBetween(a, b) { return Math.round((Date.parse(b + "T12:00:00Z") - Date.parse(a + "T12:00:00Z")) / 86400000); }

  // When: 1 for what has no dates; more for what comes soon; "gone" for past or cancelled.
  function timing(doc, today) {
    if (!doc.d && !doc.e) { return { factor: 1, gone: false }; }
    if (doc.s) { return { factor: 0.1, gone: true, next: null }; }
    var next = (doc.d || []).filter(function (d) { return d >= today; })[0];
    if (!next) {
      var over = !doc.e || doc.e < today || !(doc.d || []).length;
      return over ? { factor: 0.1, gone: true, next: null } : { factor: 1, gone: false, next: null };
    }
    var days = daysBetween(today, next);
    return { factor: 1 + 0.3 * Math.max(0, 1 - days / 30), gone: false, next: next };
  }
  function communeFactor(doc, commune) {
    if (!commune) { return 1; }
    if (doc.c === 0) { return 1.2; }
    return (doc.c || []).indexOf(commune) >= 0 ? 1.5 : 0.6;
  }

  // Search: {words, needs, unknown, results: [{doc, matched, score, gone}], complete}.
  Engine.prototype.search = function (query, options) {
    options = options || {};
    var self = this;
    var today = options.today || isoDay(new Date());
    var understood = this.understand(query, options.typing && !/\s$/.test(query));
    var words = understood.words;
    var perWord = words.map(function (w) { return self.wordScores(w); });
    var unknown = words.filter(function (w, i) { return !perWord[i].found; }).map(function (w) { return w.word; });
    var total = {};
    perWord.forEach(function (ws) {
      Object.keys(ws.scores).forEach(function (id) {
        var t = total[id] || (total[id] = { matched: 0, relevance: 0 });
        t.matched += 1;
        t.relevance += ws.scores[id];
      });
    });
    var results = Object.keys(total).map(function (id) {
      var doc = self.docs[id], when = timing(doc, today), t = total[id];
      if (options.kind && doc.k !== options.kind && !(options.kind === "actor" && doc.k === "service")) { return null; }
      var score = t.relevance * (KIND_WEIGHT[doc.k] || 1) * communeFactor(doc, options.commune) * when.factor;
      return { doc: doc, matched: t.matched, score: score, gone: when.gone, next: when.next };
    }).filter(Boolean);
    function order(a, b) {
      return (a.gone - b.gone) || b.matched - a.matched || b.score - a.score || (a.doc.n < b.doc.n ? -1 : a.doc.n > b.doc.n ? 1 : 0);
    }
    results.sort(order);
    // The very name asked for ("cpas ciney", "Havelange") comes first: looked for among the
    // results that match every word (reading every name of a large territory takes time).
    var asked = words.map(function (w) { return w.term; }).filter(function (x, i, all) { return all.indexOf(x) === i; }).sort().join(" ");
    var named = false;
    for (var r = 0; r < results.length && r < NAMED_AMONG && results[r].matched === words.length; r++) {
      var doc = results[r].doc;
      if (doc.terms === undefined) { doc.terms = this.reader.terms(doc.n).filter(function (x, i, all) { return all.indexOf(x) === i; }).sort().join(" "); }
      if (doc.terms === asked) { results[r].score *= EXACT_NAME; named = true; }
    }
    if (named) { results.sort(order); }
    // A service and its actor lead to the same page: keep the better placed.
    var seen = {};
    results = results.filter(function (r) {
      var page = r.doc.u.split("#")[0];
      if (seen[page]) { return false; }
      seen[page] = true;
      return true;
    });
    var needs = understood.needs.slice();
    if (!needs.length) { // the needs of the best results' themes
      results.slice(0, 5).forEach(function (r) {
        Object.keys(self.data.needThemes).forEach(function (need) {
          var themes = self.data.needThemes[need];
          (r.doc.g || []).forEach(function (g) {
            var name = self.tags[g[0]];
            if (name.slice(0, 2) === "t:" && themes.indexOf(name.slice(2)) >= 0 && needs.indexOf(need) < 0) { needs.push(need); }
          });
        });
      });
    }
    needs = needs.filter(function (n) { return self.data.needs[n]; });
    // A sure answer matches every word, or all but one in three ("repas à domicile pour ma
    // mère": two of three); else the page offers the helpline and the needs.
    var needed = words.length - Math.floor(words.length / 3);
    var complete = words.length > 0 && results.length > 0 && results[0].matched >= needed && !results[0].gone;
    return { words: words, needs: needs, unknown: unknown, results: results, complete: complete };
  };

  root.MaillageSearch = { Reader: Reader, Engine: Engine, distance: distance };

  /* --- the chosen commune, shared by the search and the needs pages ------------------ */
  if (typeof document === "undefined") { return; }
  var STORE = "maillage-commune";
  function rememberedCommune() { try { return localStorage.getItem(STORE) || ""; } catch (e) { return ""; } }
  function remember(commune) {
    try { if (commune) { localStorage.setItem(STORE, commune); } else { localStorage.removeItem(STORE); } } catch (e) { /* private mode */ }
  }

  /* --- needs pages: the most relevant first, then the nearest to the chosen commune ---- */
  function km(a, b) {
    var rad = Math.PI / 180, dLat = (b[0] - a[0]) * rad, dLon = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.pow(Math.sin(dLon / 2), 2);
    return 12742 * Math.asin(Math.sqrt(h));
  }
  document.querySelectorAll("ol.mg-ranked[data-geo]").forEach(function (list) {
    var chooser = list.previousElementSibling;
    var select = chooser && chooser.querySelector("select[name=commune]");
    var geo = JSON.parse(list.getAttribute("data-geo"));
    var cards = Array.prototype.slice.call(list.children);
    cards.forEach(function (card, i) { card.setAttribute("data-order", i); });
    function order() {
      var commune = select ? select.value : "";
      remember(commune);
      var centre = geo.centres[commune];
      function key(card) {
        if (!centre) { return [0, 0]; }
        var served = (card.getAttribute("data-commune") || "").split(" ");
        var places = geo.places[card.getAttribute("data-id")] || [];
        var near = places.length ? Math.min.apply(null, places.map(function (p) { return km(centre, p); })) : 50;
        return [served.indexOf(commune) >= 0 ? 0 : 1, near];
      }
      cards.slice().sort(function (x, y) {
        var kx = key(x), ky = key(y);
        return (+y.getAttribute("data-rank")) - (+x.getAttribute("data-rank")) || kx[0] - ky[0] || kx[1] - ky[1] ||
          (+x.getAttribute("data-order")) - (+y.getAttribute("data-order"));
      }).forEach(function (card) { list.appendChild(card); });
    }
    if (select) {
      chooser.hidden = false;
      var start = new URLSearchParams(location.search).get("commune") || rememberedCommune();
      if (geo.centres[start]) { select.value = start; }
      select.addEventListener("change", order);
      if (select.value) { order(); }
    }
  });

  /* --- the search page -------------------------------------------------------------- */
  var form = document.querySelector("form.mg-search[data-index]");
  if (!form) { return; }
  var input = form.querySelector("input[type=search]");
  var communeSelect = form.querySelector("select[name=commune]");
  var kindSelect = form.querySelector("select[name=type]");
  var results = document.querySelector(".mg-results");
  var status = document.querySelector(".mg-count");
  var deadEnd = document.querySelector(".mg-dead-end");
  var deadEndWords = deadEnd && deadEnd.querySelector(".mg-dead-end__query");
  var needsBox = document.querySelector(".mg-close-needs");
  var needsList = needsBox && needsBox.querySelector("ul");
  var unknownBox = document.querySelector(".mg-unknown");
  var words = document.getElementById("mg-search-words");
  var engine = null;

  function say(name) { return words.getAttribute("data-" + name) || ""; }
  function load(src) {
    return new Promise(function (resolve, reject) {
      if (root.MiniSearch) { resolve(); return; }
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function ready() {
    if (!engine) {
      var base = location.href, started = performance.now();
      engine = Promise.all([
        load(new URL(form.getAttribute("data-engine"), base).href),
        fetch(new URL(form.getAttribute("data-index"), base).href).then(function (r) { return r.json(); })
      ]).then(function (done) {
        var built = new Engine(done[1], root.MiniSearch);
        form.setAttribute("data-ready-ms", Math.round(performance.now() - started)); // read by benchmarks/bench_search.py
        return built;
      });
    }
    return engine;
  }

  var params = new URLSearchParams(location.search);
  var remembered = rememberedCommune();
  if (communeSelect) {
    var chosen = params.get("commune") || remembered || "";
    if (communeSelect.querySelector("option[value='" + chosen.replace(/[^a-z0-9-]/g, "") + "']")) { communeSelect.value = chosen; }
  }
  if (kindSelect && params.get("type")) { kindSelect.value = params.get("type"); }
  form.querySelectorAll("[data-js]").forEach(function (el) { el.hidden = false; });

  function excerpt(text) { return text.length > 180 ? text.slice(0, 180).replace(/\s+\S*$/, "") + "…" : text; }
  function line(r, data) {
    var doc = r.doc;
    var li = document.createElement("li");
    li.className = "mg-result mg-result--" + doc.k + (r.gone ? " mg-result--gone" : "");
    var a = document.createElement("a");
    a.href = new URL(form.getAttribute("data-root") + doc.u, location.href).pathname + (doc.u.indexOf("#") >= 0 ? "#" + doc.u.split("#")[1] : "");
    a.textContent = doc.n;
    li.appendChild(a);
    var meta = document.createElement("p");
    meta.className = "mg-small mg-result__meta";
    var bits = [data.kinds[doc.k] || ""];
    if (doc.p) { bits.push(doc.p); }
    if (doc.c === 0) { bits.push(say("everywhere")); }
    else if (doc.c && doc.c.length) { bits.push(doc.c.map(function (c) { return data.communes[c] || c; }).join(", ")); }
    if (r.next) { bits.push(say("next") + " " + new Date(r.next + "T12:00:00Z").toLocaleDateString(document.documentElement.lang || "fr", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" })); }
    if (r.gone) { bits.push(say("gone")); }
    meta.textContent = bits.filter(Boolean).join(" · ");
    li.appendChild(meta);
    if (doc.x) { var p = document.createElement("p"); p.textContent = excerpt(doc.x); li.appendChild(p); }
    return li;
  }
  function showNeeds(list, data) {
    if (!needsBox) { return; }
    needsList.textContent = "";
    var ids = list.length ? list : Object.keys(data.needs);
    ids.forEach(function (id) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = new URL(form.getAttribute("data-root") + "besoins/" + id + "/", location.href).pathname;
      a.textContent = data.needs[id];
      li.appendChild(a); needsList.appendChild(li);
    });
    needsBox.hidden = false;
  }

  var pending = null, asked = 0;
  function run(typing) {
    var query = input.value.trim();
    var commune = communeSelect ? communeSelect.value : "";
    var kind = kindSelect ? kindSelect.value : "";
    var url = new URLSearchParams();
    if (query) { url.set("q", query); }
    if (commune) { url.set("commune", commune); }
    if (kind) { url.set("type", kind); }
    history.replaceState(null, "", location.pathname + (url.toString() ? "?" + url : ""));
    remember(commune);
    if (!query) {
      results.textContent = ""; status.textContent = "";
      if (deadEnd) { deadEnd.hidden = true; }
      if (needsBox) { needsBox.hidden = true; }
      if (unknownBox) { unknownBox.hidden = true; }
      return Promise.resolve();
    }
    return ready().then(function (eng) {
      if (input.value.trim() !== query) { return; } // a newer query is on its way
      var found = eng.search(query, { commune: commune, kind: kind, typing: typing });
      results.textContent = "";
      found.results.slice(0, 20).forEach(function (r) { results.appendChild(line(r, eng.data)); });
      var shown = found.results.length;
      status.textContent = shown ? shown + " " + say("results") : say("none");
      if (deadEnd) {
        deadEnd.hidden = found.complete;
        if (deadEndWords) { deadEndWords.textContent = query; }
      }
      if (found.needs.length || !found.complete) { showNeeds(found.needs, eng.data); } else if (needsBox) { needsBox.hidden = true; }
      if (unknownBox) {
        unknownBox.hidden = !(found.unknown.length && found.complete === false && shown);
        unknownBox.querySelector("span").textContent = found.unknown.join(", ");
      }
      results.setAttribute("data-ms", Math.round(performance.now() - asked)); // since the last keystroke
      results.setAttribute("data-ready", query);
    });
  }
  input.addEventListener("input", function () {
    asked = performance.now();
    clearTimeout(pending);
    pending = setTimeout(function () { run(true); }, 120);
  });
  input.addEventListener("focus", function () { ready(); }, { once: true });
  // The search page is for searching: read the index as soon as the page has loaded.
  (root.requestIdleCallback || function (f) { return setTimeout(f, 200); })(function () { ready(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); asked = performance.now(); clearTimeout(pending); run(false); });
  if (communeSelect) { communeSelect.addEventListener("change", function () { run(false); }); }
  if (kindSelect) { kindSelect.addEventListener("change", function () { run(false); }); }
  if (params.get("q")) { input.value = params.get("q"); asked = performance.now(); run(false); }
})(typeof window !== "undefined" ? window : globalThis);
