/* The course's service worker (issue 28): the learner edition offline after one visit.
 *
 * compact_course/book/offline.py writes it at the site's root as compact-offline.js, after a line
 * that sets self.COMPACT_OFFLINE = {version, bytes, files}: every file of the edition, listed by
 * the build. Installing fetches them all into one cache named by the build's version; activating
 * deletes the caches of other builds and tells the open pages, which say "available offline".
 * Requests for listed files are answered from the cache (so a page opens with no signal); anything
 * else goes to the network. Plain script, no modules: a worker's file is loaded as it is.
 */
/* global self, caches, fetch, URL, Request, Response */
(function () {
  "use strict";

  var PREFIX = "compact-course-offline-";
  var listing = self.COMPACT_OFFLINE;
  var CACHE = PREFIX + listing.version;
  var scope = self.registration.scope;
  var BATCH = 6;  // a few requests at a time: the learner's own page loads come first

  function address(name) { return new URL(name, scope).href; }

  // Fetch the files a few at a time, revalidating with the server (no stale HTTP-cache copy).
  function fill(cache) {
    var names = listing.files.slice();
    function next() {
      var batch = names.splice(0, BATCH);
      if (!batch.length) { return Promise.resolve(); }
      return Promise.all(batch.map(function (name) {
        return fetch(new Request(address(name), { cache: "no-cache" })).then(function (response) {
          if (!response.ok) { throw new Error(name + ": " + response.status); }
          return cache.put(address(name), response);
        });
      })).then(next);
    }
    return next();
  }

  self.addEventListener("install", function (event) {
    // A failed download leaves no half cache: the next visit installs again from the start.
    event.waitUntil(caches.open(CACHE).then(fill).then(function () { return self.skipWaiting(); })
      .catch(function (error) { return caches.delete(CACHE).then(function () { throw error; }); }));
  });

  function tellPages() {
    return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (pages) {
      pages.forEach(function (page) { page.postMessage({ type: "compact-offline-ready", version: listing.version }); });
    });
  }

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; })
        .map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }).then(tellPages));
  });

  // The listed file a request asks for (a folder's address means its index.html), else null.
  function listed(url) {
    if (url.origin !== self.location.origin || url.href.indexOf(scope) !== 0) { return null; }
    var name = decodeURIComponent(url.pathname).slice(new URL(scope).pathname.length);
    if (name === "" || name.slice(-1) === "/") { name += "index.html"; }
    return listing.files.indexOf(name) >= 0 ? address(name) : null;
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET") { return; }
    var key = listed(new URL(request.url));
    if (!key) { return; }
    event.respondWith(caches.open(CACHE).then(function (cache) { return cache.match(key); }).then(function (hit) {
      return hit || fetch(request);
    }));
  });
}());
