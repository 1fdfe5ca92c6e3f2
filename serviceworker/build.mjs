// Builds serviceworker/sw.js with Workbox's generateSW: `make service-worker`, then commit sw.js.
// Django serves the committed file at /sw.js (backpain/views.py), so make run and make test need no build.
//
// What it keeps (README, "Offline"): a small precache (the offline page and the files every page
// uses, well under 2 MB), then the pages a runner opens, as they are opened, and only those the
// server marks with `X-Offline: keep` (backpain/middleware.py): never the symptom checker, a
// check-in, the admin, search or any POST.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { generateSW } from "workbox-build";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const python = process.env.PYTHON || path.join(root, ".venv/bin/python");

function md5(...files) {
  const hash = createHash("md5");
  for (const file of files) hash.update(readFileSync(file));
  return hash.digest("hex");
}

// htmx comes from the django-htmx package, not from static/.
const htmx = execFileSync(python, ["-c",
  "import django_htmx, pathlib; print(pathlib.Path(django_htmx.__file__).parent / 'static/django_htmx/htmx-2.min.js')",
]).toString().trim();

// The offline page is rendered by Django; its revision changes whenever what it is built from does.
const offlineSources = ["templates/site/offline.html", "templates/base.html",
  "templates/includes/emergency_signs.html", "backpain/vocabulary.py"].map((file) => path.join(root, file));

const { count, size, warnings } = await generateSW({
  swDest: path.join(root, "serviceworker/sw.js"),
  mode: "production",
  inlineWorkboxRuntime: true,
  sourcemap: false,
  skipWaiting: true,
  clientsClaim: true,
  cleanupOutdatedCaches: true,
  globDirectory: path.join(root, "static"),
  globPatterns: ["css/site.css", "css/print.css", "js/app.js", "img/favicon.svg", "img/icons/*.png",
    "manifest.webmanifest"],
  modifyURLPrefix: { "": "/static/" },
  additionalManifestEntries: [
    { url: "/offline/", revision: md5(...offlineSources) },
    { url: "/static/django_htmx/htmx-2.min.js", revision: md5(htmx) },
  ],
  runtimeCaching: [
    {
      // Pages: the network first, so a phone with signal always gets today's guide; the kept copy
      // after 3 s without an answer or with no signal; the offline page for a page never kept.
      // (Or the first page a phone opened, handed over by static/js/app.js once the worker runs.)
      urlPattern: ({ request, url, event }) => request.mode === "navigate"
        || (event && event.type === "message" && !url.pathname.startsWith("/static/")),
      handler: "NetworkFirst",
      options: {
        cacheName: "pages",
        networkTimeoutSeconds: 3,
        cacheableResponse: { statuses: [200], headers: { "X-Offline": "keep" } },
        expiration: { maxEntries: 60 },
        precacheFallback: { fallbackURL: "/offline/" },
      },
    },
    {
      // Audio tracks are large: kept once played in full or downloaded, at most three, and served in
      // the ranges an <audio> element asks for.
      urlPattern: ({ url }) => url.pathname.startsWith("/static/audio/") && url.pathname.endsWith(".mp3"),
      handler: "CacheFirst",
      options: {
        cacheName: "audio",
        cacheableResponse: { statuses: [200] },
        rangeRequests: true,
        expiration: { maxEntries: 3 },
      },
    },
    {
      // Styles, scripts and pictures: the kept copy at once, refreshed behind it.
      urlPattern: ({ url }) => url.pathname.startsWith("/static/"),
      handler: "StaleWhileRevalidate",
      options: {
        cacheName: "static",
        cacheableResponse: { statuses: [200] },
        expiration: { maxEntries: 100, maxAgeSeconds: 30 * 24 * 3600 },
      },
    },
  ],
});
for (const warning of warnings) console.warn(warning);
console.log(`serviceworker/sw.js: precaches ${count} files, ${(size / 1024).toFixed(0)} KB`);
