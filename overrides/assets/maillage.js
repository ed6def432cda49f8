/* Maillage: progressive enhancement, no inline script needed (strict CSP friendly).
   Every feature starts from markup that already works without JavaScript:
   - "ouvert maintenant · ferme à 12 h" from the opening hours in data-hours (territory time);
   - filters of the directory and the agenda (data-* attributes, counts, ?commune=… in the URL);
   - copy buttons of calendar addresses;
   - maps: Leaflet and tiles are fetched only after a click on "Afficher la carte";
   The search has its own file, search.js. */
(function () {
  "use strict";
  var LANG = (document.documentElement.lang || "fr").slice(0, 2);
  var WORDS = {
    fr: { open: "Ouvert maintenant", closed: "Fermé maintenant", closes: "ferme à", opens: "ouvre à",
      opensOn: "ouvre", copied: "Adresse copiée", results: "résultat(s)", all: "Tous",
      days: ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"], tomorrow: "demain",
      today: "aujourd\u2019hui", menu: "Menu", loading: "Chargement\u2026", retry: "R\u00e9essayer",
      hoursFailed: "Les horaires n\u2019ont pas pu \u00eatre charg\u00e9s (pas de connexion\u00a0?).",
      mapFailed: "La carte n\u2019a pas pu \u00eatre charg\u00e9e (pas de connexion\u00a0?)." },
    en: { open: "Open now", closed: "Closed now", closes: "closes at", opens: "opens at",
      opensOn: "opens", copied: "Address copied", results: "result(s)", all: "All",
      days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"], tomorrow: "tomorrow",
      today: "today", menu: "Menu", loading: "Loading\u2026", retry: "Try again",
      hoursFailed: "The opening hours could not be loaded (no connection?).",
      mapFailed: "The map could not be loaded (no connection?)." }
  };
  var W = WORDS[LANG] || WORDS.en;

  function $all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function clock(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    if (LANG === "fr") { return h + "\u00a0h" + (m ? "\u00a0" + (m < 10 ? "0" : "") + m : ""); }
    return h + ":" + (m < 10 ? "0" : "") + m;
  }

  /* --- opening hours -------------------------------------------------------------- */
  // Wall-clock date and minutes in the territory's zone, whatever the visitor's zone.
  function localNow(zone) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    var iso = parts.year + "-" + parts.month + "-" + parts.day;
    return { iso: iso, minutes: (+parts.hour % 24) * 60 + +parts.minute };
  }
  function addDays(iso, n) {
    var d = new Date(iso + "T12:00:00Z"); d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }
  function weekday(iso) { return new Date(iso + "T12:00:00Z").getUTCDay(); } // 0 = Sunday
  function intervalsOn(hours, iso) {
    if (hours.d && Object.prototype.hasOwnProperty.call(hours.d, iso) && iso <= hours.until) { return hours.d[iso]; }
    return hours.w[(weekday(iso) + 6) % 7] || [];
  }
  // {open: bool, until: minutes} or {open: false, next: {iso, minutes}}
  function stateAt(hours, now) {
    var today = intervalsOn(hours, now.iso);
    for (var i = 0; i < today.length; i++) {
      if (today[i][0] <= now.minutes && now.minutes < today[i][1]) { return { open: true, until: today[i][1] }; }
    }
    for (var n = 0; n < 8; n++) {
      var iso = addDays(now.iso, n), list = intervalsOn(hours, iso);
      for (var j = 0; j < list.length; j++) {
        if (n > 0 || list[j][0] > now.minutes) { return { open: false, next: { iso: iso, minutes: list[j][0], days: n } }; }
      }
    }
    return { open: false };
  }
  function openToday(hours, now) { return intervalsOn(hours, now.iso).some(function (i) { return i[1] > now.minutes; }); }
  function describe(state) {
    if (state.open) { return W.open + " \u00b7 " + W.closes + " " + clock(state.until); }
    if (!state.next) { return W.closed; }
    var when = state.next.days === 0 ? W.opens + " " + clock(state.next.minutes)
      : W.opensOn + " " + (state.next.days === 1 ? W.tomorrow : W.days[weekday(state.next.iso)]) + " " + (LANG === "fr" ? "à " : "at ") + clock(state.next.minutes);
    return W.closed + " \u00b7 " + when;
  }
  /* --- time on the visitor's clock ------------------------------------------------ */
  // The page was built on one day and is read on another: whatever carries data-from /
  // data-until (territory wall-clock time, data-until exclusive) is shown only during its
  // period; lists keep their first data-show entries still to come, the home page's days
  // before today + data-horizon; a list with nothing left says so (.mg-empty); a day's
  // heading says "aujourd'hui" or "demain"; a page built over a week ago says that too.
  var ZONE = (document.querySelector("[data-tz]") || document.documentElement).getAttribute("data-tz") || "Europe/Brussels";
  function gone(el) { return !!el.closest(".mg-gone, .mg-more"); }
  function daysBetween(a, b) { return Math.round((Date.parse(b + "T12:00:00Z") - Date.parse(a + "T12:00:00Z")) / 86400000); }
  function roll() {
    var now = localNow(ZONE);
    var stamp = now.iso + "T" + clock24(now.minutes);
    $all("[data-from], [data-until]").forEach(function (el) {
      var from = el.getAttribute("data-from"), until = el.getAttribute("data-until");
      el.classList.toggle("mg-gone", !!((from && stamp < from) || (until && stamp >= until)));
    });
    $all("[data-horizon]").forEach(function (box) {
      var last = addDays(now.iso, +box.getAttribute("data-horizon"));
      $all(".mg-day[data-day]", box).forEach(function (day) { day.classList.toggle("mg-more", day.getAttribute("data-day") >= last); });
    });
    $all(".mg-day").forEach(function (day) {
      day.classList.toggle("mg-gone", !$all(".mg-dated", day).some(function (i) { return !i.classList.contains("mg-gone"); }));
    });
    $all("[data-show]").forEach(function (box) {
      var left = +box.getAttribute("data-show"), lead = true;
      $all(".mg-dated", box).forEach(function (el) {
        el.classList.remove("mg-lead");
        var out = el.classList.contains("mg-gone");
        el.classList.toggle("mg-more", !out && left <= 0);
        if (!out && left > 0) { left--; if (lead) { el.classList.add("mg-lead"); lead = false; } }
      });
    });
    $all(".mg-empty").forEach(function (line) {
      line.hidden = $all(".mg-dated", line.parentNode).some(function (i) { return !gone(i); });
    });
    $all(".mg-week").forEach(function (week) {
      var n = week.querySelector(".mg-n");
      if (n) { n.textContent = $all(".mg-item", week).filter(function (i) { return !gone(i); }).length; }
    });
    var tomorrow = addDays(now.iso, 1);
    $all(".mg-rel[data-day]").forEach(function (el) {
      var day = el.getAttribute("data-day");
      el.textContent = day === now.iso ? " (" + W.today + ")" : day === tomorrow ? " (" + W.tomorrow + ")" : "";
    });
    $all(".mg-updated[data-built]").forEach(function (box) {
      var stale = box.querySelector(".mg-stale");
      if (stale) { stale.hidden = daysBetween(box.getAttribute("data-built"), now.iso) <= 7; }
    });
    $all(".mg-print__date[data-words]").forEach(function (el) {
      var when = new Intl.DateTimeFormat(LANG === "fr" ? "fr-BE" : LANG, { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" });
      el.textContent = el.getAttribute("data-words") + " " + when.format(new Date()) + " \u00b7 " + (document.querySelector(".mg-updated p") || { textContent: "" }).textContent;
    });
    document.documentElement.setAttribute("data-mg-day", now.iso);  // what the page now shows
  }
  function clock24(minutes) {
    var h = Math.floor(minutes / 60), m = minutes % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }
  roll();

  $all(".mg-hours[data-hours]").forEach(function (block) {
    var hours = JSON.parse(block.getAttribute("data-hours"));
    var state = stateAt(hours, localNow(block.getAttribute("data-tz") || "Europe/Brussels"));
    var out = block.querySelector(".mg-open");
    if (out) { out.textContent = describe(state); out.className = "mg-open " + (state.open ? "mg-open--yes" : "mg-open--no"); }
  });

  /* --- offline ------------------------------------------------------------------- */
  // The service worker (sw.js at the site's root) keeps the pages opened here for reading
  // offline; a page read offline says it is the copy kept on this device.
  if ("serviceWorker" in navigator && window.__md_scope && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register(new URL("sw.js", window.__md_scope).href).catch(function () {});
  }
  function offlineLine() {
    $all(".mg-offline").forEach(function (line) { line.hidden = navigator.onLine; });
  }
  window.addEventListener("online", offlineLine);
  window.addEventListener("offline", offlineLine);
  offlineLine();

  /* --- keyboard: the menu -------------------------------------------------------- */
  // Material's menu button is a <label> for a hidden checkbox: no Tab stop. Made a button
  // here (Enter or Space opens it and moves focus to the menu's first link; Escape closes it).
  var drawer = document.getElementById("__drawer");
  var menuButton = document.querySelector(".md-header label[for='__drawer']");
  if (drawer && menuButton) {
    menuButton.setAttribute("role", "button");
    menuButton.setAttribute("tabindex", "0");
    menuButton.setAttribute("aria-label", W.menu);
    menuButton.setAttribute("aria-expanded", "false");
    var setDrawer = function (open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change"));
      menuButton.setAttribute("aria-expanded", String(open));
      if (open) {
        var first = document.querySelector(".md-sidebar--primary a[href], .md-sidebar--primary label[tabindex]");
        if (first) { setTimeout(function () { first.focus(); }, 50); }
      }
    };
    menuButton.addEventListener("keydown", function (e) {
      // Material clicks a focused label on Enter too: one toggle only.
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); e.stopPropagation(); setDrawer(!drawer.checked); }
    });
    drawer.addEventListener("change", function () { menuButton.setAttribute("aria-expanded", String(drawer.checked)); });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && drawer.checked) { setDrawer(false); menuButton.focus(); }
    });
  }

  // A failed fetch: what failed, in the status line, and a button to try again.
  function failed(where, words, retry) {
    if (!where) { return; }
    where.textContent = words + " ";
    var again = document.createElement("button");
    again.type = "button"; again.className = "md-button mg-retry"; again.textContent = W.retry;
    again.addEventListener("click", function () { where.textContent = W.loading; retry(); });
    where.appendChild(again);
  }

  /* --- filters -------------------------------------------------------------------- */
  function setupFilters(form) {
    var scope = form.parentNode;
    // What is over (see roll) is neither shown nor counted.
    var items = $all(".mg-card, .mg-item", scope).filter(function (i) { return !gone(i); });
    var selects = $all("select", form);
    var checks = $all("input[type=checkbox]", form);
    var counter = scope.querySelector(".mg-count");
    var hoursUrl = scope.getAttribute("data-hours-url");
    var hoursIndex = null;
    var params = new URLSearchParams(location.search);
    selects.forEach(function (s) { if (params.get(s.name)) { s.value = params.get(s.name); } });
    checks.forEach(function (c) { if (params.getAll("open").indexOf(c.value) >= 0) { c.checked = true; } });
    form.hidden = false;

    function values(item, name) { return (item.getAttribute("data-" + name) || "").split(" "); }
    function matches(item, except) {
      for (var i = 0; i < selects.length; i++) {
        var s = selects[i];
        if (s.name !== except && s.value && values(item, s.name).indexOf(s.value) < 0) { return false; }
      }
      var wanted = checks.filter(function (c) { return c.checked; }).map(function (c) { return c.value; });
      if (wanted.length) {
        var list = hoursIndex && hoursIndex[item.getAttribute("data-id")];
        if (!list) { return false; }
        var now = localNow(scope.getAttribute("data-tz") || "Europe/Brussels");
        for (var w = 0; w < wanted.length; w++) {
          var ok = list.some(function (h) { return wanted[w] === "now" ? stateAt(h, now).open : openToday(h, now); });
          if (!ok) { return false; }
        }
      }
      return true;
    }
    function apply() {
      var shown = 0;
      items.forEach(function (item) { var ok = matches(item); item.hidden = !ok; if (ok) { shown++; } });
      $all(".mg-day", scope).forEach(function (day) { day.hidden = !$all(".mg-item", day).some(function (i) { return !i.hidden; }); });
      // Each option's count, given the other filters (faceted counts).
      selects.forEach(function (s) {
        $all("option", s).forEach(function (o) {
          if (!o.value) { return; }
          var n = items.filter(function (item) { return matches(item, s.name) && values(item, s.name).indexOf(o.value) >= 0; }).length;
          o.textContent = o.getAttribute("data-label") + " (" + n + ")";
        });
      });
      if (counter) { counter.textContent = shown + " " + W.results; }
      var query = new URLSearchParams();
      selects.forEach(function (s) { if (s.value) { query.set(s.name, s.value); } });
      checks.forEach(function (c) { if (c.checked) { query.append("open", c.value); } });
      var search = query.toString();
      history.replaceState(null, "", location.pathname + (search ? "?" + search : ""));
    }
    // The opening hours are fetched on first use: the count says so meanwhile; if they cannot
    // be fetched (offline), the boxes are unticked (the list is the whole list again) and the
    // count says why, with a button to try again.
    function update() {
      var needHours = checks.some(function (c) { return c.checked; });
      if (needHours && !hoursIndex && hoursUrl) {
        if (counter) { counter.textContent = W.loading; }
        form.setAttribute("aria-busy", "true");
        fetch(hoursUrl).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
          .then(function (data) { hoursIndex = data; form.removeAttribute("aria-busy"); apply(); })
          .catch(function () {
            form.removeAttribute("aria-busy");
            var wanted = checks.filter(function (c) { return c.checked; });
            wanted.forEach(function (c) { c.checked = false; });
            apply();
            failed(counter, W.hoursFailed, function () { wanted.forEach(function (c) { c.checked = true; }); update(); });
          });
        return;
      }
      apply();
    }
    form.addEventListener("change", update);
    form.addEventListener("reset", function () { setTimeout(update, 0); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    update();
  }
  $all(".mg-filters").forEach(setupFilters);

  /* --- copy buttons --------------------------------------------------------------- */
  $all(".mg-copy").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () { button.textContent = W.copied; });
    });
  });

  /* --- maps ----------------------------------------------------------------------- */
  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
      el.onload = resolve; el.onerror = reject;
      document.head.appendChild(el);
    });
  }
  var leafletReady = null;
  function leaflet(base) {
    if (!leafletReady) {
      leafletReady = Promise.all([load("link", { rel: "stylesheet", href: base + "leaflet.css" }), load("script", { src: base + "leaflet.js" })]);
    }
    return leafletReady;
  }
  function showMap(box) {
    var base = box.getAttribute("data-leaflet");
    var pointsUrl = box.getAttribute("data-points-url");
    var points = pointsUrl ? fetch(pointsUrl).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      : Promise.resolve(JSON.parse(box.getAttribute("data-points") || "[]"));
    var status = box.querySelector(".mg-map__status");
    if (status) { status.textContent = W.loading; }
    Promise.all([leaflet(base), points]).catch(function (error) {
      leafletReady = null;
      failed(status, W.mapFailed, function () { showMap(box); });
      throw error;
    }).then(function (done) {
      if (status) { status.textContent = ""; }
      var list = done[1], L = window.L;
      var canvas = box.querySelector(".mg-map__canvas");
      canvas.hidden = false;
      L.Icon.Default.imagePath = base + "images/";
      var map = L.map(canvas, { scrollWheelZoom: false });
      L.tileLayer(box.getAttribute("data-tiles"), { attribution: box.getAttribute("data-attribution"), maxZoom: 18 }).addTo(map);
      var siteBase = box.getAttribute("data-base") || "";
      var bounds = [];
      list.forEach(function (p) {
        var popup = document.createElement("div");
        if (p.url) {
          var a = document.createElement("a");
          a.href = pointsUrl ? siteBase + p.url : p.url; a.textContent = p.name; popup.appendChild(a);
        } else { popup.textContent = p.name; }
        L.marker([p.lat, p.lon], { alt: p.name }).bindPopup(popup).addTo(map);
        bounds.push([p.lat, p.lon]);
      });
      if (bounds.length > 1) { map.fitBounds(bounds, { padding: [24, 24] }); }
      else if (bounds.length) { map.setView(bounds[0], 15); }
    });
  }
  $all(".mg-map").forEach(function (box) {
    var button = box.querySelector(".mg-map__show");
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () { button.disabled = true; showMap(box); });
  });
})();
