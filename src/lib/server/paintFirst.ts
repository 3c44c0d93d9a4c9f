/**
 * Paint the page first, then fetch its code.
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

/** How many script preloads are asked for in one task. */
export const PRELOAD_BATCH = 4;

const PRELOAD = /[ \t]*<link href="([^"]+)" rel="modulepreload">\n?/g;
const STARTUP = /<script>(\s*\{\s*__sveltekit_\w+ = [\s\S]*?)<\/script>/;

export function paintFirst(html: string): string {
	const startup = STARTUP.exec(html);
	const preloads = [...html.matchAll(PRELOAD)].map(([, href]) => href);
	if (!startup) {
		if (preloads.length) fail('it preloads scripts but has no start-up script');
		return html;
	}
	const script = startup[1]!;
	const bootAt = script.indexOf('Promise.all([');
	const end = script.lastIndexOf('}');
	if (bootAt < 0 || end < bootAt || !script.slice(0, bootAt).includes('document.currentScript')) {
		fail('its start-up script is not the one this rewrite knows');
	}

	// SvelteKit's `Promise.all([import(…), import(…)]).then(…)`: the two modules it imports are
	// asked for by the import itself, not preloaded again.
	const importAndStart = script.slice(bootAt, end).trim();
	const rest = preloads.filter((href) => !importAndStart.includes(JSON.stringify(href)));

	// `document.currentScript` is read before the wait (it is only set while the script runs).
	// Asking for a script costs the page about a millisecond, so the preloads go a few at a time,
	// a task each, rather than in one block the learner's first tap would wait behind.
	const deferred =
		script.slice(0, bootAt) +
		`(function (boot, preloads) {
						var started = false;
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
							}
						}
						function start() {
							if (started) return;
							started = true;
							boot();
							preload(0);
						}
						if (document.visibilityState === 'hidden') return start();
						requestAnimationFrame(function () {
							setTimeout(start);
						});
						setTimeout(start, ${FRAME_TIMEOUT});
					})(function () {
						${importAndStart}
					}, ${JSON.stringify(rest)});
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
