// Back on Track: small progressive enhancements. Everything works without this file.
(function () {
  "use strict";

  // Print buttons: <button type="button" data-print>Print</button>
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-print]");
    if (target) {
      event.preventDefault();
      window.print();
    }
  });

  // Filter forms: leave empty fields out of GET requests so pushed URLs stay short and shareable.
  document.addEventListener("htmx:configRequest", function (event) {
    if (event.detail.verb !== "get") return;
    var params = event.detail.parameters;
    Object.keys(params).forEach(function (name) {
      if (params[name] === "") delete params[name];
    });
  });

  // After htmx swaps new content in, move focus to it if it asks (data-focus-after-swap),
  // so keyboard and screen-reader users land on what changed.
  document.addEventListener("htmx:afterSettle", function (event) {
    var root = event.detail.elt;
    var target = (root && root.matches && root.matches("[data-focus-after-swap]")) ? root
      : (root && root.querySelector ? root.querySelector("[data-focus-after-swap]") : null);
    if (target) {
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: false });
    }
  });

  // The service worker (serviceworker/build.mjs) keeps visited pages for when there is no signal.
  // The first page a phone opens (often run mode, from the card's QR code) loads before the worker
  // takes over, so the worker never sees it: once it is running, this page and the styles, scripts
  // and pictures it loaded are handed to it (Workbox's CACHE_URLS message), and it keeps those its
  // routes keep (a page only if the server marked it X-Offline: keep).
  function handFirstPageTo(worker) {
    var files = performance.getEntriesByType("resource").map(function (entry) { return entry.name; })
      .filter(function (url) { return url.indexOf(location.origin + "/static/") === 0; });
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { document.documentElement.setAttribute("data-offline-kept", ""); };
    worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: [location.href].concat(files) } },
      [channel.port2]);
  }

  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      var firstPage = !navigator.serviceWorker.controller;
      navigator.serviceWorker.register("/sw.js", { scope: "/" })
        .then(function () { return navigator.serviceWorker.ready; })
        .then(function (registration) { if (firstPage && registration.active) handFirstPageTo(registration.active); })
        .catch(function () {});
    });
  }
})();
