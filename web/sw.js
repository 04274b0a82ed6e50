// Service worker of the officer's app: the app works offline after the first visit.
//
// `web/postbuild.py` (a Trunk post_build hook) rewrites the four constants below in dist/sw.js:
// VERSION is a hash of every file Trunk emitted (their names carry content hashes), PRECACHE
// lists the officer's page and its files, ON_DEMAND the pages loaded on demand (documents.html,
// import.html, review.html) with their modules, MODULES the officer's page's own module loaded
// on demand (`check`: the pack validator and 提交前自查) by its name. A new build therefore gives a new sw.js, which
// the browser installs beside the old one; on activation every other cache of this app is
// deleted.
//
// Strategy: the shell (precached, hashed names) is served from the cache; pages are fetched
// from the network first and fall back to the cache when offline (the officer's index.html for
// any page never cached); other same-origin GETs (packs loaded by URL, the modules of the pages
// loaded on demand) are fetched from the network and cached for offline use. The pages loaded
// on demand are not precached, so that an officer's first visit does not download them; one
// opened once works offline, also after an update (the new worker fetches the pages, and the
// modules of MODULES, that the old cache held).

const VERSION = "dev";
const PRECACHE = [];
const ON_DEMAND = {};
const MODULES = {};

const PREFIX = "cailiang-";
const CACHE = `${PREFIX}${VERSION}`;
const scope = new URL(self.registration.scope);
const abs = (path) => new URL(path, scope).href;
// `reload`: past the HTTP cache, so that the cache holds what this build emitted.
const fresh = (path) => new Request(abs(path), { cache: "reload" });

// A page loaded on demand and its files, or [] if `page` is none.
const known = (page) => Object.prototype.hasOwnProperty.call(ON_DEMAND, page);
const onDemand = (page) => (known(page) ? [page, ...ON_DEMAND[page]] : []);

// The pages loaded on demand that an older cache of this app holds (they were used).
async function usedPages() {
  const used = [];
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX) || key === CACHE) continue;
    const old = await caches.open(key);
    for (const page of Object.keys(ON_DEMAND)) {
      if (!used.includes(page) && (await old.match(abs(page), { ignoreSearch: true }))) used.push(page);
    }
  }
  return used;
}

// The modules of MODULES that an older cache of this app holds (some build of them was used:
// the officer loaded a pack or opened 提交前自查), so that they keep working offline after an
// update.
async function usedModules() {
  const used = [];
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX) || key === CACHE) continue;
    const names = (await (await caches.open(key)).keys()).map((r) => r.url.slice(scope.href.length));
    for (const name of Object.keys(MODULES)) {
      if (!used.includes(name) && names.some((n) => n.startsWith(`${name}-`) && n.endsWith("_bg.wasm"))) used.push(name);
    }
  }
  return used;
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(PRECACHE.map(fresh));
      // Best effort: a page that no longer downloads is fetched again when next opened.
      for (const page of await usedPages()) {
        await cache.addAll(onDemand(page).map(fresh)).catch(() => {});
      }
      for (const name of await usedModules()) {
        await cache.addAll(MODULES[name].map(fresh)).catch(() => {});
      }
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

// From boot.js on a page loaded on demand that this worker did not control yet (the first visit
// to the site): its files were fetched past the worker, so fetch them into the cache now.
self.addEventListener("message", (event) => {
  const msg = event.data;
  if (!msg || msg.type !== "cailiang:keep-page" || typeof msg.page !== "string") return;
  const files = onDemand(msg.page);
  if (!files.length) return;
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(files.map((f) => abs(f))))
      .catch(() => {}),
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

// Offline, for a page loaded on demand that was never opened: say so (no script or inline
// style: the app's stylesheet).
function notSavedYet() {
  const css = PRECACHE.find((p) => /^style-[^/]*\.css$/.test(p));
  const html =
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>尚未离线保存</title>` +
    (css ? `<link rel="stylesheet" href="${abs(css)}">` : "") +
    `</head><body><div id="app"><p class="loading" role="alert">本页尚未保存到本机，目前无法离线打开。` +
    `联网后打开一次，之后即可离线使用。</p><p class="loading"><a href="${abs("./")}">返回计算器</a></p></div></body></html>`;
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;

  if (request.mode === "navigate") {
    // index.html?allowOrigin=… and the other pages: fresh when online, cached when offline.
    const page = url.href.slice(scope.href.length).split(/[?#]/)[0];
    const fallback = known(page)
      ? async () => notSavedYet()
      : () => fromCache(abs("index.html"));
    event.respondWith(networkThenCache(request, fallback));
    return;
  }
  event.respondWith(
    (async () => (await fromCache(request)) || networkThenCache(request))(),
  );
});
