// Inzage's service worker: it keeps the app shell (index.html, the app's script, wasm and style,
// the icons and the manifest) so the portal opens, and says it is offline, without a network.
//
// THE RULE: nothing with medical data is ever stored on the device. The worker caches only the
// files listed in SHELL, once, when it installs; it never adds a response it sees later. Every
// request under /api/ (reports, results, the session, PDF and FHIR downloads, everything a
// person's record is made of) is left to the browser, which sends it straight to the network:
// the worker does not answer it, neither from the cache nor by fetching it itself.
//
// BUILD and SHELL are written by tools/shell.mjs after each trunk build: BUILD changes whenever
// a file of the shell does, so the browser installs the new worker, which keeps its own cache
// (inzage-shell-BUILD) and deletes the old ones.
const BUILD = "development";
const SHELL = ["/index.html"];

const CACHE_PREFIX = "inzage-shell-";
const CACHE = CACHE_PREFIX + BUILD;

/** Requests the worker never touches: the API, whatever the method. */
function isApi(url) {
  return url.pathname === "/api" || url.pathname.startsWith("/api/");
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // `reload`: the files themselves, not a copy from the browser's HTTP cache.
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // The rule above: the API goes to the network, untouched and never cached.
  if (isApi(url)) {
    return;
  }
  // Only reading the portal's own files; anything else is the browser's business.
  if (request.method !== "GET" || url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === "navigate") {
    // A page of the app (/verslagen, /inloggen…): the network's index.html while there is one,
    // else the cached shell, which then says it is offline.
    event.respondWith(fetch(request).catch(() => cachedShell("/index.html")));
    return;
  }
  // The shell's files from the cache (their names change with their content), anything else
  // from the network. Nothing is added to the cache here.
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(request))
      .then((cached) => cached || fetch(request)),
  );
});

function cachedShell(path) {
  return caches
    .open(CACHE)
    .then((cache) => cache.match(path))
    .then((cached) => cached || Response.error());
}
