/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Offline after the first visit: on install, every file of the site (the app, static files and
 * every prerendered page) is cached under this build's version; requests are answered from that
 * cache first, so lessons and their checks work without a network. A new deployment installs
 * beside the old one and waits: the page offers "A new version is ready — reload" (see
 * $lib/offline), and only then does this worker take over. Progress lives in localStorage,
 * apart from these caches, so no update touches it.
 */
import { build, files, prerendered, version } from '$service-worker';
import { UPDATE_MESSAGE } from '$lib/offline/messages';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `understanding-benzodiazepines-${version}`;
const ASSETS = new Set([...build, ...files, ...prerendered]);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...ASSETS])));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
			// The first install takes the page it was installed from, so that page works offline
			// too; later versions take over only when the learner reloads (see the message below).
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === UPDATE_MESSAGE) void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// A folder address without its slash is the same page (static hosts redirect it).
	const path = ASSETS.has(url.pathname) ? url.pathname : `${url.pathname}/`;
	if (!ASSETS.has(path)) return; // Not part of the site: the network, as usual.
	event.respondWith(
		(async () => {
			const cached = await caches.match(path, { cacheName: CACHE });
			return cached ?? fetch(request);
		})()
	);
});
