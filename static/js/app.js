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
  if ("serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});
    });
  }
})();
