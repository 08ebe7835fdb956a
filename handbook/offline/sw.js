/* Customer Service Handbook: the service worker.
 *
 * Copied to the site root by hooks/offline.py, which fills in VERSION and PRECACHE
 * (handbook/offline/precache.py): every page of both languages, the app shell and the
 * search files, each as [url relative to this file, content hash, bytes].
 *
 * All of them are served from the cache, online or not, so a page and the styles and
 * scripts it needs always come from the same deployment. A new deployment has a new sw.js:
 * the browser installs it in the background, and it downloads only the files whose hash
 * changed. It then waits until the reader chooses to reload (assets/javascripts/offline.js
 * shows "A new version is available — reload"): no page changes under the
 * reader, and no stale page goes unannounced. Addresses the list does not have (the PDFs,
 * other sites) go to the network; a page address that cannot be loaded gets offline.html.
 */
"use strict";

const VERSION = "dev";
const PRECACHE = [];
const CACHE = `handbook ${self.registration.scope}`; // two copies on one host keep apart
const OFFLINE_PAGE = "offline.html";
const PARALLEL = 4; // downloads at a time, so the page the reader opens meanwhile is not starved

// Keyed by path ("/en/roles/duties/"); the cache key carries the hash, so the files of the
// version being installed sit beside those of the version in use until it takes over.
const entries = new Map(PRECACHE.map(([url, hash, size]) => {
  const address = new URL(url, self.location);
  const key = new URL(address);
  key.searchParams.set("v", hash);
  return [address.pathname, {url: address.href, key: key.href, size}];
}));

self.addEventListener("install", (event) => event.waitUntil(precache()));

self.addEventListener("activate", (event) => event.waitUntil((async () => {
  const cache = await caches.open(CACHE);
  const keep = new Set([...entries.values()].map((entry) => entry.key));
  const old = (await cache.keys()).filter((request) => !keep.has(request.url));
  await Promise.all(old.map((request) => cache.delete(request)));
  await self.clients.claim(); // the first visit's page too, so it can search offline
})()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  // Query strings do not pick another file on a static site (search scripts add ?ts=… to
  // dodge HTTP caches): look files up by path.
  const entry = entries.get(url.pathname.replace(/\/index\.html$/, "/"));
  if (entry) {
    event.respondWith(fromCache(entry, request));
  } else if (request.mode === "navigate" && /(\/|\.html)$/.test(url.pathname)) { // a page, not a PDF
    event.respondWith(fetch(request).catch(offlinePage));
  }
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") {
    self.skipWaiting();
  } else if (event.data === "status") {
    event.waitUntil(status().then((message) => event.source.postMessage(message)));
  }
});

async function precache() {
  const cache = await caches.open(CACHE);
  const stored = new Set((await cache.keys()).map((request) => request.url));
  const missing = [...entries.values()].filter((entry) => !stored.has(entry.key));
  let done = entries.size - missing.length;
  const download = async () => {
    for (let entry = missing.shift(); entry; entry = missing.shift()) {
      try {
        await store(cache, entry);
      } catch (error) {
        missing.length = 0; // the other downloads stop too: the next install takes over from here
        throw error;
      }
      done += 1;
      if (done % 10 === 0 || done === entries.size) await tell({type: "progress", done, total: entries.size});
    }
  };
  // What was stored stays stored: an install cut short by the network resumes where it stopped.
  await Promise.all(Array.from({length: PARALLEL}, download));
}

async function store(cache, entry) {
  let response = await fetch(entry.url, {cache: "no-cache"});
  if (!response.ok) throw new Error(`${entry.url}: HTTP ${response.status}`);
  if (response.redirected) { // a host that redirects: a page must not be answered with a redirect
    response = new Response(await response.blob(), {status: response.status, headers: response.headers});
  }
  await cache.put(entry.key, response);
}

async function fromCache(entry, request) {
  return (await caches.match(entry.key, {cacheName: CACHE})) || fetch(request);
}

async function offlinePage() {
  const entry = entries.get(new URL(OFFLINE_PAGE, self.location).pathname);
  const response = entry && (await caches.match(entry.key, {cacheName: CACHE}));
  if (!response) return Response.error();
  // Shown at the address that failed: its links and base must point at the site root.
  const html = (await response.text()).replace('<base href="./">', `<base href="${self.registration.scope}">`);
  return new Response(html, {status: 503, headers: {"Content-Type": "text/html; charset=utf-8"}});
}

async function status() {
  const stored = new Set((await (await caches.open(CACHE)).keys()).map((request) => request.url));
  let files = 0;
  let bytes = 0;
  for (const entry of entries.values()) {
    if (stored.has(entry.key)) {
      files += 1;
      bytes += entry.size;
    }
  }
  return {type: "status", version: VERSION, files, total: entries.size, bytes};
}

async function tell(message) {
  const pages = await self.clients.matchAll({includeUncontrolled: true, type: "window"});
  for (const page of pages) page.postMessage({...message, version: VERSION});
}
