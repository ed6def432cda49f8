/* Maillage's service worker: the site for reading offline.
   - Pages (navigations): from the network when there is one, each kept in the cache as it
     arrives; offline, the copy kept (every page says the day it was built, and maillage.js
     says it is a copy kept on this device). The home page and the agenda are kept from the
     first visit, with the pages the visitor opens (their commune's among them).
   - The site's files (styles, scripts, fonts, images, JSON): from the cache at once, refreshed
     from the network behind (stale-while-revalidate).
   - Never /admin/ (the form editor) nor anything from another site: not even looked at. */
"use strict";
var PAGES = "maillage-pages-v1";
var FILES = "maillage-files-v1";
var SCOPE = new URL(self.registration.scope);
var FIRST = [SCOPE.href, new URL("agenda/", SCOPE).href];

function private_(url) {
  return url.origin !== SCOPE.origin || url.pathname.indexOf(SCOPE.pathname + "admin/") === 0
    || url.pathname.indexOf(SCOPE.pathname) !== 0;
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(PAGES).then(function (cache) { return cache.addAll(FIRST); }).catch(function () {}));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== PAGES && n !== FILES; }).map(function (n) { return caches.delete(n); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (private_(url)) { return; }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(PAGES).then(function (cache) { cache.put(url.origin + url.pathname, copy); });
      }
      return response;
    }).catch(function () {
      return caches.open(PAGES).then(function (cache) {
        return cache.match(url.origin + url.pathname).then(function (kept) {
          return kept || cache.match(SCOPE.href).then(function (home) {
            return home || new Response("Hors connexion", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
          });
        });
      });
    }));
    return;
  }
  if (url.pathname.indexOf(SCOPE.pathname + "pagefind/") === 0 || /\.(ics|pdf|csv|zip)$/.test(url.pathname)) { return; }
  event.respondWith(caches.open(FILES).then(function (cache) {
    return cache.match(request).then(function (kept) {
      var fresh = fetch(request).then(function (response) {
        if (response.ok) { cache.put(request, response.clone()); }
        return response;
      });
      if (kept) { fresh.catch(function () {}); return kept; }
      return fresh;
    });
  }));
});
