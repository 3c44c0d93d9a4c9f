/**
 * Paint the page first, then fetch its code; on a first visit, start the app on first use.
 *
 * A prerendered page is whole without JavaScript: the lesson, its questions and the links are
 * all in the HTML. SvelteKit's page asks for every script in its <head> (`modulepreload`) and
 * starts the app from the end of <body>. On a slow phone connection those scripts share the
 * line with the page's own HTML, and their start-up work lands as the text first appears.
 *
 * This rewrite, applied to every page as it is prerendered (src/hooks.server.ts), takes the
 * `modulepreload` links out of <head> and has SvelteKit's start-up script ask for them, and
 * start the app, just after the first paint: one frame and a task later. A tab in the background
 * paints nothing and starts at once; in a frame scrolled out of view, where no frame comes, a
 * timer starts it.
 *
 * Some pages (`waitForUse`: the course overview, a lesson, an embedded lesson) show on a first
 * visit exactly what their app would: nothing is saved, so nothing is done yet. There the app
 * itself (its hydration is the longest task a phone runs on these pages) starts at the learner's
 * first sign of use: a touch, a pointer moving, a key, focus, a scroll, or another tab saving
 * progress. Its scripts are still fetched after the first paint, so it starts without a wait.
 * The page starts at once, as any other, unless src/app.html marked the visit a first one before
 * the first paint (`data-fresh`: nothing of this site in the browser's storage, not in a frame,
 * not in a window another opened): so when there is progress to show or a workshop, when storage
 * cannot be read (the learner must be told), in a frame or pop-up (an embed's host or an LMS
 * expects to hear from it); and on an address with a query or fragment. A waiting page brought
 * back from the back-forward cache starts then. On a start that waited, SvelteKit does not
 * restore a scroll position: the browser has placed the page, and the learner may have scrolled
 * since. The service worker is registered there once the scripts are asked for, so offline works
 * after a first visit that never starts the app.
 *
 * On every page, what the learner does before the app runs is not lost: a button pressed (once,
 * however often), or an answer chosen, is pressed or chosen again once the app marks itself ready (`data-app="ready"` on
 * <html>, set by the root layout); a form is not submitted meanwhile. Links work as they are.
 * Everything else in SvelteKit's start-up is left as it was.
 *
 * The start-up script is allowed by its hash in the page's Content-Security-Policy, so the hash
 * is replaced with the new script's. A page without SvelteKit's start-up (a reading page that
 * ships no JavaScript) is returned as it is; a start-up this code does not recognise (after a
 * SvelteKit upgrade) stops the build, with a message, rather than ship a page that never starts.
 */
import { createHash } from 'node:crypto';

/**
 * Longest wait, in ms, for the first frame before the app starts anyway: for a frame scrolled
 * out of view, where the browser draws nothing. Long enough for a slow phone's first paint.
 */
export const FRAME_TIMEOUT = 1000;

/** The events that are the learner's first sign of using a page (`storage`: another tab saved). */
export const USE = [
	'pointerdown',
	'pointermove',
	'touchstart',
	'keydown',
	'focusin',
	'scroll',
	'wheel',
	'storage'
] as const;

/** How many script preloads are asked for in one task. */
export const PRELOAD_BATCH = 4;

const PRELOAD = /[ \t]*<link href="([^"]+)" rel="modulepreload">\n?/g;
const STARTUP = /<script>(\s*\{\s*__sveltekit_\w+ = [\s\S]*?)<\/script>/;

export interface Options {
	/** On a first visit, start the app on the learner's first use (see above). */
	waitForUse?: boolean;
	/**
	 * The service worker's address under the site's base (`/service-worker.js`), registered once a
	 * waiting page has asked for its scripts: offline works after a first visit that never starts
	 * the app.
	 */
	serviceWorker?: string;
}

export function paintFirst(html: string, { waitForUse, serviceWorker }: Options = {}): string {
	const startup = STARTUP.exec(html);
	const preloads = [...html.matchAll(PRELOAD)].map(([, href]) => href);
	if (!startup) {
		if (preloads.length) fail('it preloads scripts but has no start-up script');
		return html;
	}
	const script = startup[1]!;
	const bootAt = script.indexOf('Promise.all([');
	const end = script.lastIndexOf('}');
	// SvelteKit's global for this build, whose `base` is the site's root from this page.
	const global = /(__sveltekit_\w+) = \{\s*base:/.exec(script)?.[1];
	if (
		!global ||
		bootAt < 0 ||
		end < bootAt ||
		!script.slice(0, bootAt).includes('document.currentScript')
	) {
		fail('its start-up script is not the one this rewrite knows');
	}

	// SvelteKit's `Promise.all([import(…), import(…)]).then(…)`: the two modules it imports are
	// asked for by the import itself, not preloaded again, unless the start waits for first use.
	const importAndStart = script.slice(bootAt, end).trim();
	const rest = waitForUse
		? preloads
		: preloads.filter((href) => !importAndStart.includes(JSON.stringify(href)));

	// `document.currentScript` is read before the wait (it is only set while the script runs).
	// Asking for a script costs the page about a millisecond, so the preloads go a few at a time,
	// a task each, rather than in one block the learner's first tap would wait behind.
	// Only a button's click is held for the app (`closest('button')`): a link or a label works
	// without it, and the change a label makes is kept as a choice.
	const deferred =
		script.slice(0, bootAt) +
		`(function (boot, preloads, waitForUse, serviceWorker) {
						var root = document.documentElement;
						var USE = ${JSON.stringify(USE)};
						var started = false;
						var painted = false;
						var waits = waitForUse && 'fresh' in root.dataset && !location.search && !location.hash;
						var HELD = ['click', 'change', 'submit'];
						var early = [];
						var pressed = [];
						function preload(from) {
							preloads.slice(from, from + ${PRELOAD_BATCH}).forEach(function (href) {
								var link = document.createElement('link');
								link.rel = 'modulepreload';
								link.href = href;
								document.head.appendChild(link);
							});
							if (from + ${PRELOAD_BATCH} < preloads.length) {
								setTimeout(function () {
									preload(from + ${PRELOAD_BATCH});
								});
							} else if (waits && serviceWorker && 'serviceWorker' in navigator) {
								setTimeout(offline);
							}
						}
						// Offline after a first visit, even one that never starts the app (which
						// registers the worker itself otherwise: src/lib/offline/updates.svelte.ts).
						function offline() {
							navigator.serviceWorker.register(${global}.base + serviceWorker).catch(function () {});
						}
						function start() {
							if (started) return;
							started = true;
							USE.forEach(function (type) {
								removeEventListener(type, start, true);
							});
							// The browser has placed the page, and the learner may have scrolled since:
							// SvelteKit must not restore an older scroll position (it does for an entry
							// of its history, as on a reload).
							if (waits && history.state) {
								var state = Object.assign({}, history.state);
								delete state['sveltekit:history'];
								delete state['sveltekit:navigation'];
								history.replaceState(state, '');
							}
							boot();
						}
						function keep(event) {
							var target = event.target;
							if (event.type === 'submit') {
								event.preventDefault();
							} else if (event.type === 'click') {
								var button = target.closest && target.closest('button');
								if (!button) return;
								event.preventDefault();
								event.stopImmediatePropagation();
								// Pressed again because nothing seemed to happen: one press, not two.
								if (pressed.indexOf(button) < 0) {
									pressed.push(button);
									early.push(function () {
										if (button.isConnected) button.click();
									});
								}
							} else if (target.type === 'radio' || target.type === 'checkbox') {
								var checked = target.checked;
								early.push(function () {
									target.checked = checked;
									target.dispatchEvent(new Event('change', { bubbles: true }));
								});
							}
							start();
						}
						HELD.forEach(function (type) {
							addEventListener(type, keep, true);
						});
						new MutationObserver(function (records, observer) {
							if (root.dataset.app !== 'ready') return;
							observer.disconnect();
							HELD.forEach(function (type) {
								removeEventListener(type, keep, true);
							});
							early.splice(0).forEach(function (replay) {
								replay();
							});
						}).observe(root, { attributeFilter: ['data-app'] });
						if (waits) {
							USE.forEach(function (type) {
								addEventListener(type, start, { capture: true, passive: true });
							});
						}
						// Back to a page the browser kept whole (back-forward cache) that never started:
						// progress may have changed meanwhile, so it is no first visit any more.
						addEventListener('pageshow', function (event) {
							if (!event.persisted || !waits || started) return;
							delete root.dataset.fresh;
							start();
						});
						function afterPaint() {
							if (painted) return;
							painted = true;
							if (!waits) start();
							preload(0);
						}
						if (document.visibilityState === 'hidden') return afterPaint();
						requestAnimationFrame(function () {
							setTimeout(afterPaint);
						});
						setTimeout(afterPaint, ${FRAME_TIMEOUT});
					})(function () {
						${importAndStart}
					}, ${JSON.stringify(rest)}, ${!!waitForUse}, ${JSON.stringify(serviceWorker ?? null)});
				` +
		script.slice(end);

	let page = html.replace(PRELOAD, '').replace(startup[0], () => `<script>${deferred}</script>`);
	const policy = /<meta http-equiv="content-security-policy" content="[^"]*">/.exec(page);
	if (policy) {
		const before = `'${hash(script)}'`;
		if (!policy[0].includes(before)) {
			fail("its Content-Security-Policy does not list the start-up script's hash");
		}
		page = page.replace(policy[0], () => policy[0].replace(before, `'${hash(deferred)}'`));
	}
	return page;
}

function hash(script: string): string {
	return `sha256-${createHash('sha256').update(script).digest('base64')}`;
}

function fail(why: string): never {
	throw new Error(
		`paintFirst (src/lib/server/paintFirst.ts): a page could not be rewritten: ${why}. ` +
			'Check what SvelteKit now writes at the end of a page.'
	);
}
