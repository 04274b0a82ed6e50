// Service worker of the officer's app: the app works offline after the first visit.
//
// `web/postbuild.py` (a Trunk post_build hook) rewrites the two constants below in dist/sw.js:
// VERSION is a hash of every file Trunk emitted (their names carry content hashes), PRECACHE
// lists them. A new build therefore gives a new sw.js, which the browser installs beside the old
// one; on activation every other cache of this app is deleted.
//
// Strategy: the shell (precached, hashed names) is served from the cache; pages are fetched
// from the network first and fall back to the cached index.html when offline; other same-origin
// GETs (packs loaded by URL) are fetched from the network and cached for offline use.

const VERSION = "dev";
const PRECACHE = [];

const PREFIX = "cailiang-";
const CACHE = `${PREFIX}${VERSION}`;
const scope = new URL(self.registration.scope);
const abs = (path) => new URL(path, scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload`: past the HTTP cache, so that the cache holds what this build emitted.
      await cache.addAll(PRECACHE.map((p) => new Request(abs(p), { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

async function fromCache(request, options) {
  const cache = await caches.open(CACHE);
  return cache.match(request, options);
}

async function networkThenCache(request, fallback) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      await cache.put(request, response.clone());
    }
    return response;
  } catch (err) {
    const cached = (await cache.match(request, { ignoreSearch: true })) || (fallback && (await fallback()));
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;

  if (request.mode === "navigate") {
    // index.html?allowOrigin=… and the other pages: fresh when online, cached when offline.
    event.respondWith(networkThenCache(request, () => fromCache(abs("index.html"))));
    return;
  }
  event.respondWith(
    (async () => (await fromCache(request)) || networkThenCache(request))(),
  );
});
