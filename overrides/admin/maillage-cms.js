/* Maillage's widgets for Decap CMS: where YAML is hardest, a form instead.
 *
 *  - maillage-recurrence: the `repeat` rule (RFC 5545 RRULE subset of the models), with the
 *    next 10 dates in words and the territory's public holidays flagged;
 *  - maillage-hours: a week grid writing OpenStreetMap `opening_hours`; a value the grid
 *    cannot show stays editable as text, with the sentence the site prints for it;
 *  - maillage-i18n: a text, or its translations `{fr: …, nl: …}`, kept as written;
 *  - maillage-geo: `[latitude, longitude]` as two numbers;
 *  - maillage-counts: `{commune: number}` (attendance by commune).
 *
 * Components are made with Decap's globals `createClass` and `h` (React). Territory data
 * (holidays, communes, the site's sentences for existing hours) come from maillage-data.js,
 * written by the generator. */
(function () {
  "use strict";
  var CMS = window.CMS;
  var DATA = window.MAILLAGE_EDITOR || { lang: "fr", holidays: {}, communes: [], languages: ["fr"], hours: {} };
  var FR = DATA.lang !== "en";
  var DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
  var OSM_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];
  var DAY_NAMES = FR
    ? ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  var MONTH_NAMES = FR
    ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  var T = FR
    ? {
        none: "Ne se répète pas", daily: "chaque jour", weekly: "chaque semaine", monthly: "chaque mois",
        yearly: "chaque année", every: "Tous les", freq: "Fréquence", interval: "Intervalle (1 = chaque fois)",
        days: "Jours de la semaine", monthMode: "Quel jour du mois ?", sameDay: "le même jour du mois que la première fois",
        nth: "le … du mois", which: "Le", weekday: "jour", except: "Sauf les mois de", end: "Fin de la série",
        noEnd: "sans date de fin", until: "jusqu'au", count: "nombre de fois", rule: "Règle écrite dans le fichier",
        next: "Les 10 prochaines dates", holiday: "jour férié", skipped: "sauté (jours fériés)", noStart: "Indiquez d'abord le début (première fois) pour voir les dates.",
        textOnly: "Cette règle ne peut pas être montrée avec les cases ci-dessus ; elle reste modifiable comme texte.",
        ords: { 1: "1er", 2: "2e", 3: "3e", 4: "4e", 5: "5e", "-1": "dernier" },
        closedPH: "fermé les jours fériés", addSlot: "Ajouter une plage", remove: "Retirer", closed: "fermé",
        from: "de", to: "à", asText: "Écrire les horaires comme texte", asGrid: "Revenir à la grille",
        hoursText: "Ces horaires ne peuvent pas être montrés en grille ; ils restent modifiables comme texte (format OpenStreetMap).",
        siteSays: "Le site affichera :", written: "Valeur écrite dans le fichier", lat: "Latitude", lon: "Longitude",
        addLang: "Ajouter une traduction", text: "Texte", lang: "Langue", add: "Ajouter", commune: "Commune", number: "Nombre",
        noMore: "aucune autre date"
      }
    : {
        none: "Does not repeat", daily: "every day", weekly: "every week", monthly: "every month",
        yearly: "every year", every: "Every", freq: "Frequency", interval: "Interval (1 = every time)",
        days: "Weekdays", monthMode: "Which day of the month?", sameDay: "the same day of the month as the first time",
        nth: "the … of the month", which: "The", weekday: "day", except: "Except in", end: "End of the series",
        noEnd: "no end date", until: "until", count: "number of times", rule: "Rule written in the file",
        next: "The next 10 dates", holiday: "public holiday", skipped: "skipped (public holidays)", noStart: "Fill in the start (first time) first to see the dates.",
        textOnly: "This rule cannot be shown with the boxes above; it stays editable as text.",
        ords: { 1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", "-1": "last" },
        closedPH: "closed on public holidays", addSlot: "Add a time slot", remove: "Remove", closed: "closed",
        from: "from", to: "to", asText: "Write the hours as text", asGrid: "Back to the grid",
        hoursText: "These hours cannot be shown as a grid; they stay editable as text (OpenStreetMap format).",
        siteSays: "The site will show:", written: "Value written in the file", lat: "Latitude", lon: "Longitude",
        addLang: "Add a translation", text: "Text", lang: "Language", add: "Add", commune: "Commune", number: "Number",
        noMore: "no other date"
      };

  function plain(value) {
    return value && typeof value.toJS === "function" ? value.toJS() : value;
  }
  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }
  function iso(d) {
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }
  function parseDay(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(text || "").trim());
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  }
  function uid(props, suffix) {
    return (props.forID || "maillage") + "-" + suffix;
  }

  /* ---- recurrence ------------------------------------------------------------------- */

  // The rule as a plain object; null when the widget cannot show it (the text stays editable).
  function parseRule(text) {
    var rule = { freq: "", interval: 1, days: [], ords: [], monthday: [], months: [], until: "", count: "" };
    if (!text) return rule;
    var body = String(text).trim().replace(/^RRULE:/i, "");
    var parts = body.split(";");
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i]) continue;
      var kv = parts[i].split("=");
      if (kv.length !== 2) return null;
      var key = kv[0].toUpperCase(), val = kv[1].toUpperCase();
      if (key === "FREQ") rule.freq = val;
      else if (key === "INTERVAL") rule.interval = parseInt(val, 10) || 1;
      else if (key === "COUNT") rule.count = val;
      else if (key === "UNTIL") {
        var u = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(val);
        if (!u) return null;
        rule.until = u[1] + "-" + u[2] + "-" + u[3];
      } else if (key === "BYMONTH") rule.months = val.split(",").map(Number);
      else if (key === "BYMONTHDAY") rule.monthday = val.split(",").map(Number);
      else if (key === "BYDAY") {
        var items = val.split(",");
        for (var j = 0; j < items.length; j++) {
          var m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(items[j]);
          if (!m) return null;
          var day = DAYS.indexOf(m[2]);
          if (rule.days.indexOf(day) < 0) rule.days.push(day);
          if (m[1]) {
            var ord = parseInt(m[1], 10);
            if (rule.ords.indexOf(ord) < 0) rule.ords.push(ord);
          }
        }
      } else if (key === "WKST" && val === "MO") {
        // the default
      } else return null;
    }
    if (["DAILY", "WEEKLY", "MONTHLY", "YEARLY"].indexOf(rule.freq) < 0) return null;
    // shapes the boxes cannot show: ordinals on several weekdays, ordinals mixed with month days
    if (rule.ords.length && (rule.days.length !== 1 || rule.freq !== "MONTHLY")) return null;
    if (rule.monthday.length && (rule.freq !== "MONTHLY" || rule.days.length)) return null;
    if (rule.days.length && !rule.ords.length && rule.freq !== "WEEKLY") return null;
    return rule;
  }

  function writeRule(rule) {
    if (!rule.freq) return "";
    var parts = ["FREQ=" + rule.freq];
    if (rule.interval > 1) parts.push("INTERVAL=" + rule.interval);
    if (rule.freq === "WEEKLY" && rule.days.length) {
      parts.push("BYDAY=" + rule.days.slice().sort().map(function (d) { return DAYS[d]; }).join(","));
    }
    if (rule.freq === "MONTHLY" && rule.ords.length && rule.days.length) {
      var day = DAYS[rule.days[0]];
      var ords = rule.ords.slice().sort(function (a, b) { return (a < 0 ? 10 : a) - (b < 0 ? 10 : b); });
      parts.push("BYDAY=" + ords.map(function (o) { return o + day; }).join(","));
    }
    if (rule.freq === "MONTHLY" && rule.monthday.length) parts.push("BYMONTHDAY=" + rule.monthday.join(","));
    if (rule.months.length && rule.months.length < 12) {
      parts.push("BYMONTH=" + rule.months.slice().sort(function (a, b) { return a - b; }).join(","));
    }
    if (rule.count) parts.push("COUNT=" + parseInt(rule.count, 10));
    else if (rule.until) parts.push("UNTIL=" + rule.until.replace(/-/g, ""));
    return parts.join(";");
  }

  function nthOfMonth(d) {
    var day = d.getUTCDate();
    var last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    return { fromStart: Math.floor((day - 1) / 7) + 1, fromEnd: -(Math.floor((last - day) / 7) + 1) };
  }

  function weekday(d) {
    return (d.getUTCDay() + 6) % 7;
  }

  // Dates of the series from `start`, in the subset of the models (FREQ, INTERVAL, BYDAY,
  // BYMONTHDAY, BYMONTH, COUNT, UNTIL); the site's schedule is the reference, this is a preview.
  function expand(text, startText, limit) {
    var start = parseDay(startText);
    var rule = parseRuleLoose(text);
    if (!start || !rule) return [];
    var out = [], counted = 0;
    var until = rule.until ? parseDay(rule.until) : null;
    var startMonday = start.getTime() - weekday(start) * 86400000;
    for (var t = start.getTime(), n = 0; n < 366 * 6 && out.length < limit; t += 86400000, n++) {
      var d = new Date(t);
      if (until && d > until) break;
      var months = (d.getUTCFullYear() - start.getUTCFullYear()) * 12 + d.getUTCMonth() - start.getUTCMonth();
      var ok;
      if (rule.months.length && rule.months.indexOf(d.getUTCMonth() + 1) < 0) continue;
      if (rule.freq === "DAILY") ok = n % rule.interval === 0;
      else if (rule.freq === "WEEKLY") {
        var weeks = Math.floor((t - startMonday) / (7 * 86400000));
        var days = rule.byday.length ? rule.byday.map(function (b) { return b[1]; }) : [weekday(start)];
        ok = weeks % rule.interval === 0 && days.indexOf(weekday(d)) >= 0;
      } else if (rule.freq === "MONTHLY" || rule.freq === "YEARLY") {
        var step = rule.freq === "MONTHLY" ? months : months - (d.getUTCMonth() - start.getUTCMonth());
        if (rule.freq === "YEARLY" && !rule.months.length && d.getUTCMonth() !== start.getUTCMonth()) continue;
        ok = (rule.freq === "MONTHLY" ? months : (d.getUTCFullYear() - start.getUTCFullYear())) % rule.interval === 0;
        void step;
        if (ok && rule.byday.length) {
          var pos = nthOfMonth(d);
          ok = rule.byday.some(function (b) {
            return b[1] === weekday(d) && (!b[0] || b[0] === pos.fromStart || b[0] === pos.fromEnd);
          });
        } else if (ok && rule.bymonthday.length) {
          var last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
          ok = rule.bymonthday.some(function (m) { return m === d.getUTCDate() || (m < 0 && last + m + 1 === d.getUTCDate()); });
        } else if (ok) ok = d.getUTCDate() === start.getUTCDate();
      }
      if (!ok) continue;
      counted++;
      if (rule.count && counted > rule.count) break;
      out.push(d);
    }
    return out;
  }

  function parseRuleLoose(text) {
    if (!text) return null;
    var rule = { freq: "", interval: 1, byday: [], bymonthday: [], months: [], until: "", count: 0 };
    var parts = String(text).trim().replace(/^RRULE:/i, "").split(";");
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split("=");
      if (kv.length !== 2) continue;
      var key = kv[0].toUpperCase(), val = kv[1].toUpperCase();
      if (key === "FREQ") rule.freq = val;
      if (key === "INTERVAL") rule.interval = parseInt(val, 10) || 1;
      if (key === "COUNT") rule.count = parseInt(val, 10) || 0;
      if (key === "UNTIL") rule.until = val.replace(/^(\d{4})-?(\d{2})-?(\d{2}).*/, "$1-$2-$3");
      if (key === "BYMONTH") rule.months = val.split(",").map(Number);
      if (key === "BYMONTHDAY") rule.bymonthday = val.split(",").map(Number);
      if (key === "BYDAY") {
        rule.byday = val.split(",").map(function (p) {
          var m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(p);
          return m ? [m[1] ? parseInt(m[1], 10) : 0, DAYS.indexOf(m[2])] : [0, -1];
        });
      }
    }
    return rule.freq ? rule : null;
  }

  function inWords(d) {
    return DAY_NAMES[weekday(d)] + " " + d.getUTCDate() + (FR && d.getUTCDate() === 1 ? "er" : "") + " " +
      MONTH_NAMES[d.getUTCMonth()] + " " + d.getUTCFullYear();
  }

  function entryValue(props, name) {
    var entry = props.entry;
    if (!entry || typeof entry.getIn !== "function") return null;
    return plain(entry.getIn(["data", name]));
  }

  function labelled(props, suffix, text, control) {
    return h("div", { className: "mg-row" }, h("label", { htmlFor: uid(props, suffix) }, text), control);
  }

  var RecurrenceControl = createClass({
    getInitialState: function () {
      return { text: null };
    },
    rule: function () {
      return parseRule(this.props.value || "");
    },
    update: function (change) {
      var rule = this.rule() || parseRule("");
      for (var key in change) rule[key] = change[key];
      this.props.onChange(writeRule(rule));
    },
    toggle: function (list, item) {
      var copy = list.slice();
      var at = copy.indexOf(item);
      if (at >= 0) copy.splice(at, 1);
      else copy.push(item);
      return copy;
    },
    render: function () {
      var self = this, props = this.props;
      var value = props.value || "";
      var rule = this.rule();
      var children = [];
      if (rule) {
        children.push(
          labelled(props, "freq", T.freq, h("select", {
            id: uid(props, "freq"), value: rule.freq,
            onChange: function (e) { self.update({ freq: e.target.value, days: [], ords: [], monthday: [] }); }
          }, [["", T.none], ["DAILY", T.daily], ["WEEKLY", T.weekly], ["MONTHLY", T.monthly], ["YEARLY", T.yearly]].map(function (o) {
            return h("option", { key: o[0], value: o[0] }, o[1]);
          })))
        );
        if (rule.freq) {
          children.push(labelled(props, "interval", T.interval, h("input", {
            id: uid(props, "interval"), type: "number", min: 1, max: 52, value: rule.interval,
            onChange: function (e) { self.update({ interval: Math.max(1, parseInt(e.target.value, 10) || 1) }); }
          })));
        }
        if (rule.freq === "WEEKLY") {
          children.push(h("fieldset", { key: "days", className: "mg-checks" }, h("legend", null, T.days),
            DAYS.map(function (code, i) {
              return h("label", { key: code }, h("input", {
                type: "checkbox", checked: rule.days.indexOf(i) >= 0,
                onChange: function () { self.update({ days: self.toggle(rule.days, i) }); }
              }), " " + DAY_NAMES[i]);
            })));
        }
        if (rule.freq === "MONTHLY") {
          var nth = rule.ords.length > 0;
          children.push(h("fieldset", { key: "monthmode", className: "mg-checks" }, h("legend", null, T.monthMode),
            h("label", null, h("input", {
              type: "radio", name: uid(props, "mode"), checked: !nth,
              onChange: function () { self.update({ ords: [], days: [] }); }
            }), " " + T.sameDay),
            h("label", null, h("input", {
              type: "radio", name: uid(props, "mode"), checked: nth,
              onChange: function () { self.update({ ords: [1], days: [rule.days[0] || 0], monthday: [] }); }
            }), " " + T.nth)));
          if (nth) {
            children.push(h("fieldset", { key: "ords", className: "mg-checks" }, h("legend", null, T.which),
              [1, 2, 3, 4, 5, -1].map(function (o) {
                return h("label", { key: o }, h("input", {
                  type: "checkbox", checked: rule.ords.indexOf(o) >= 0,
                  onChange: function () { self.update({ ords: self.toggle(rule.ords, o) }); }
                }), " " + T.ords[o]);
              })));
            children.push(labelled(props, "weekday", T.weekday, h("select", {
              id: uid(props, "weekday"), value: rule.days[0] || 0,
              onChange: function (e) { self.update({ days: [parseInt(e.target.value, 10)] }); }
            }, DAY_NAMES.map(function (name, i) { return h("option", { key: i, value: i }, name); }))));
          }
        }
        if (rule.freq) {
          var left = rule.months.length ? MONTH_NAMES.map(function (_, i) { return i + 1; }).filter(function (m) { return rule.months.indexOf(m) < 0; }) : [];
          children.push(h("fieldset", { key: "months", className: "mg-checks mg-months" }, h("legend", null, T.except),
            MONTH_NAMES.map(function (name, i) {
              return h("label", { key: i }, h("input", {
                type: "checkbox", checked: left.indexOf(i + 1) >= 0,
                onChange: function () {
                  var out = self.toggle(left, i + 1);
                  var kept = [];
                  for (var m = 1; m <= 12; m++) if (out.indexOf(m) < 0) kept.push(m);
                  self.update({ months: out.length ? kept : [] });
                }
              }), " " + name);
            })));
          var endMode = rule.count ? "count" : rule.until ? "until" : "none";
          children.push(h("fieldset", { key: "end", className: "mg-checks" }, h("legend", null, T.end),
            h("label", null, h("input", { type: "radio", name: uid(props, "end"), checked: endMode === "none", onChange: function () { self.update({ until: "", count: "" }); } }), " " + T.noEnd),
            h("label", null, h("input", { type: "radio", name: uid(props, "end"), checked: endMode === "until", onChange: function () { self.update({ count: "", until: (parseDay(entryValue(props, "start")) ? iso(new Date(parseDay(entryValue(props, "start")).getTime() + 365 * 86400000)) : DATA.today) }); } }), " " + T.until),
            endMode === "until" ? h("input", { type: "date", "aria-label": T.until, value: rule.until, onChange: function (e) { self.update({ until: e.target.value }); } }) : null,
            h("label", null, h("input", { type: "radio", name: uid(props, "end"), checked: endMode === "count", onChange: function () { self.update({ until: "", count: "10" }); } }), " " + T.count),
            endMode === "count" ? h("input", { type: "number", min: 1, max: 1000, "aria-label": T.count, value: rule.count, onChange: function (e) { self.update({ count: e.target.value }); } }) : null));
        }
      } else {
        children.push(h("p", { key: "textonly", className: "mg-note" }, T.textOnly));
      }
      children.push(labelled(props, "text", T.rule, h("input", {
        id: uid(props, "text"), type: "text", className: "mg-code", value: value, spellCheck: false,
        onChange: function (e) { props.onChange(e.target.value.toUpperCase()); },
        onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle
      })));
      children.push(h(NextDates, { key: "next", rule: value, start: entryValue(props, "start"), skip: entryValue(props, "skip") }));
      return h("div", { id: props.forID, className: (props.classNameWrapper || "") + " mg-widget" }, children);
    }
  });

  var NextDates = createClass({
    render: function () {
      var props = this.props;
      if (!props.rule) return null;
      if (!parseDay(props.start)) return h("p", { className: "mg-note" }, T.noStart);
      var skip = props.skip || [];
      var skipHolidays = skip.indexOf("public-holidays") >= 0;
      var dates = expand(props.rule, props.start, 10);
      return h("div", { className: "mg-next" }, h("p", null, h("strong", null, T.next)),
        h("ol", { className: "mg-dates" }, dates.map(function (d) {
          var key = iso(d), holiday = DATA.holidays[key];
          return h("li", { key: key, "data-date": key, className: holiday ? "mg-holiday" : "" }, inWords(d),
            holiday ? h("span", { className: "mg-flag" }, " — " + T.holiday + " (" + holiday + ")" + (skipHolidays ? ", " + T.skipped : "")) : null);
        })),
        dates.length ? null : h("p", null, T.noMore));
    }
  });

  var RecurrencePreview = createClass({
    render: function () {
      return h("p", null, this.props.value || "");
    }
  });

  /* ---- opening hours -------------------------------------------------------------------- */

  var DAY_SPEC = /^(Mo|Tu|We|Th|Fr|Sa|Su)(-(Mo|Tu|We|Th|Fr|Sa|Su))?$/;
  var SLOT = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

  // {days: [[slots] x7], ph: bool} or null when the grid cannot show the value.
  function parseHours(text) {
    var grid = { days: [[], [], [], [], [], [], []], ph: false };
    var value = String(text || "").trim();
    if (!value) return grid;
    // "; " separates rules (a later one replaces its days' hours); ", " followed by a rule
    // adds to them ("Mo-Fr 09:00-12:00, We 14:00-17:00": Wednesday morning and afternoon).
    var rules = [];
    value.split(";").forEach(function (group) {
      group.split(/,\s+/).forEach(function (rule, index) { rules.push({ text: rule, adds: index > 0 }); });
    });
    for (var i = 0; i < rules.length; i++) {
      var rule = rules[i].text.trim(), adds = rules[i].adds;
      if (!rule) continue;
      if (rule === "PH off" || rule === "PH closed") { grid.ph = true; continue; }
      var m = /^(\S+)\s+(\S+)$/.exec(rule);
      if (!m) return null;
      var days = [];
      var specs = m[1].split(",");
      for (var j = 0; j < specs.length; j++) {
        var d = DAY_SPEC.exec(specs[j]);
        if (!d) return null;
        var from = OSM_DAYS.indexOf(d[1]), to = d[3] ? OSM_DAYS.indexOf(d[3]) : from;
        if (to < from) return null;
        for (var k = from; k <= to; k++) days.push(k);
      }
      var slots = m[2].split(",");
      for (var s = 0; s < slots.length; s++) {
        if (!SLOT.test(slots[s])) return null;
      }
      for (var n = 0; n < days.length; n++) {
        grid.days[days[n]] = adds ? grid.days[days[n]].concat(slots).sort() : slots.slice();
      }
    }
    return grid;
  }

  function writeHours(grid) {
    var groups = [], order = [];
    for (var d = 0; d < 7; d++) {
      var slots = grid.days[d].filter(function (s) { return SLOT.test(s); });
      if (!slots.length) continue;
      var key = slots.join(",");
      if (!(key in groups)) { groups[key] = []; order.push(key); }
      groups[key].push(d);
    }
    var rules = order.map(function (key) {
      var days = groups[key], parts = [], i = 0;
      while (i < days.length) {
        var j = i;
        while (j + 1 < days.length && days[j + 1] === days[j] + 1) j++;
        if (j - i >= 2) parts.push(OSM_DAYS[days[i]] + "-" + OSM_DAYS[days[j]]);
        else for (var k = i; k <= j; k++) parts.push(OSM_DAYS[days[k]]);
        i = j + 1;
      }
      return parts.join(",") + " " + key;
    });
    if (grid.ph && rules.length) rules.push("PH off");
    return rules.join("; ");
  }

  var HoursControl = createClass({
    getInitialState: function () {
      return { asText: false };
    },
    change: function (grid) {
      this.props.onChange(writeHours(grid));
    },
    render: function () {
      var self = this, props = this.props;
      var value = props.value || "";
      var grid = parseHours(value);
      var children = [];
      if (grid && !this.state.asText) {
        children.push(h("table", { key: "grid", className: "mg-hours" }, h("tbody", null, DAY_NAMES.map(function (name, d) {
          var slots = grid.days[d];
          return h("tr", { key: d, "data-day": OSM_DAYS[d] },
            h("th", { scope: "row" }, name),
            h("td", null,
              slots.length ? null : h("span", { className: "mg-closed" }, T.closed),
              slots.map(function (slot, s) {
                var parts = slot.split("-");
                function set(which, val) {
                  var copy = { days: grid.days.map(function (x) { return x.slice(); }), ph: grid.ph };
                  var p = copy.days[d][s].split("-");
                  p[which] = val;
                  copy.days[d][s] = p.join("-");
                  self.change(copy);
                }
                return h("span", { key: s, className: "mg-slot" },
                  h("input", { type: "time", "aria-label": name + " " + T.from + " (" + (s + 1) + ")", value: parts[0], onChange: function (e) { set(0, e.target.value); } }),
                  " " + T.to + " ",
                  h("input", { type: "time", "aria-label": name + " " + T.to + " (" + (s + 1) + ")", value: parts[1], onChange: function (e) { set(1, e.target.value); } }),
                  h("button", { type: "button", className: "mg-small", "aria-label": T.remove + " " + name + " " + parts.join("-"), onClick: function () {
                    var copy = { days: grid.days.map(function (x) { return x.slice(); }), ph: grid.ph };
                    copy.days[d].splice(s, 1);
                    self.change(copy);
                  } }, "×"));
              }),
              h("button", { type: "button", className: "mg-small", "aria-label": T.addSlot + " : " + name, onClick: function () {
                var copy = { days: grid.days.map(function (x) { return x.slice(); }), ph: grid.ph };
                copy.days[d].push(copy.days[d].length ? "14:00-17:00" : "09:00-12:00");
                self.change(copy);
              } }, "+ " + T.addSlot)));
        }))));
        children.push(h("label", { key: "ph", className: "mg-row" }, h("input", { type: "checkbox", checked: grid.ph, onChange: function (e) {
          self.change({ days: grid.days, ph: e.target.checked });
        } }), " " + T.closedPH));
        children.push(h("p", { key: "written", className: "mg-note" }, T.written + " : ", h("code", null, value)));
        children.push(h("button", { key: "astext", type: "button", className: "mg-small", onClick: function () { self.setState({ asText: true }); } }, T.asText));
      } else {
        if (!grid) children.push(h("p", { key: "why", className: "mg-note" }, T.hoursText));
        children.push(labelled(props, "text", T.written, h("input", {
          id: uid(props, "text"), type: "text", className: "mg-code", value: value, spellCheck: false,
          onChange: function (e) { props.onChange(e.target.value); }
        })));
        var said = (DATA.hours || {})[value];
        if (said) children.push(h("p", { key: "said", className: "mg-said" }, T.siteSays + " « " + said + " »"));
        if (grid) children.push(h("button", { key: "asgrid", type: "button", className: "mg-small", onClick: function () { self.setState({ asText: false }); } }, T.asGrid));
      }
      return h("div", { id: props.forID, className: (props.classNameWrapper || "") + " mg-widget" }, children);
    }
  });

  var TextPreview = createClass({
    render: function () {
      var v = plain(this.props.value);
      return h("p", null, typeof v === "object" && v ? JSON.stringify(v) : String(v || ""));
    }
  });

  /* ---- translated text ------------------------------------------------------------------ */

  var I18nControl = createClass({
    render: function () {
      var props = this.props, field = props.field;
      var multiline = field && field.get("multiline");
      var value = plain(props.value);
      var tag = multiline ? "textarea" : "input";
      if (value && typeof value === "object") {
        var langs = Object.keys(value);
        (DATA.languages || []).forEach(function (l) { if (langs.indexOf(l) < 0) langs.push(l); });
        return h("div", { id: props.forID, className: (props.classNameWrapper || "") + " mg-widget" }, langs.map(function (lang) {
          return labelled(props, lang, T.lang + " " + lang, h(tag, {
            id: uid(props, lang), type: "text", value: value[lang] || "", lang: lang, rows: multiline ? 6 : undefined,
            onChange: function (e) {
              var copy = {};
              for (var k in value) copy[k] = value[k];
              if (e.target.value) copy[lang] = e.target.value;
              else delete copy[lang];
              props.onChange(copy);
            }
          }));
        }));
      }
      return h(tag, {
        id: props.forID, className: (props.classNameWrapper || "") + " mg-text", type: "text", rows: multiline ? 8 : undefined,
        value: value || "", onChange: function (e) { props.onChange(e.target.value); },
        onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle
      });
    }
  });

  /* ---- position, counts ----------------------------------------------------------------- */

  var GeoControl = createClass({
    render: function () {
      var props = this.props;
      var value = plain(props.value) || [];
      function set(i, text) {
        var copy = [value[0], value[1]];
        var number = parseFloat(String(text).replace(",", "."));
        copy[i] = isNaN(number) ? undefined : number;
        props.onChange(copy[0] === undefined && copy[1] === undefined ? undefined : copy);
      }
      return h("div", { id: props.forID, className: (props.classNameWrapper || "") + " mg-widget mg-geo" },
        labelled(props, "lat", T.lat, h("input", { id: uid(props, "lat"), type: "number", step: "any", min: -90, max: 90, value: value[0] === undefined ? "" : value[0], onChange: function (e) { set(0, e.target.value); } })),
        labelled(props, "lon", T.lon, h("input", { id: uid(props, "lon"), type: "number", step: "any", min: -180, max: 180, value: value[1] === undefined ? "" : value[1], onChange: function (e) { set(1, e.target.value); } })));
    }
  });

  var CountsControl = createClass({
    render: function () {
      var props = this.props;
      var value = plain(props.value) || {};
      var options = (DATA.communes || []);
      return h("div", { id: props.forID, className: (props.classNameWrapper || "") + " mg-widget" }, options.map(function (o) {
        return labelled(props, o.value, o.label, h("input", {
          id: uid(props, o.value), type: "number", min: 0, value: value[o.value] === undefined ? "" : value[o.value],
          onChange: function (e) {
            var copy = {};
            for (var k in value) copy[k] = value[k];
            if (e.target.value === "") delete copy[o.value];
            else copy[o.value] = parseInt(e.target.value, 10);
            props.onChange(Object.keys(copy).length ? copy : undefined);
          }
        }));
      }));
    }
  });

  CMS.registerWidget("maillage-recurrence", RecurrenceControl, RecurrencePreview);
  CMS.registerWidget("maillage-hours", HoursControl, TextPreview);
  CMS.registerWidget("maillage-i18n", I18nControl, TextPreview);
  CMS.registerWidget("maillage-geo", GeoControl, TextPreview);
  CMS.registerWidget("maillage-counts", CountsControl, TextPreview);

  // for the tests (Node) of the rule and hours writers
  window.MaillageEditor = { parseRule: parseRule, writeRule: writeRule, expand: expand, parseHours: parseHours, writeHours: writeHours };
})();
