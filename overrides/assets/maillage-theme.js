/* The theme's start-up, moved out of the page so that the Content-Security-Policy can forbid
   inline scripts (see generator/outputs/pages/csp.py). Material for MkDocs prints these two
   snippets inline (partials/javascripts/base.html and content.html); overrides/partials/
   loads this file instead, synchronously in <head>, before Material's bundle.
     - the helpers the bundle expects: __md_scope (from data-scope on this script's tag),
       __md_hash, __md_get and __md_set (settings kept in localStorage);
     - once the page is read: open the tab named by the address's #fragment. */
(function () {
  "use strict";
  // Scripts run: the parts that need them (filters, open-now line) are laid out from the
  // first paint (maillage.css, html.mg-js), rather than pushing the page down once loaded.
  document.documentElement.classList.add("mg-js");
  var tag = document.currentScript;
  var scope = (tag && tag.getAttribute("data-scope")) || ".";
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (text) {
    return Array.prototype.reduce.call(text, function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage;
    base = base || window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      /* storage full or forbidden: the setting is simply not kept */
    }
  };
  document.addEventListener("DOMContentLoaded", function () {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.indexOf("__tabbed_") === 0;
  });
})();
