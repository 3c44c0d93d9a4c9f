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
 * start the app, just after the first paint: one frame and a task later. Where no frame comes
 * (a tab in the background, a frame scrolled out of view), a timer starts it instead.
 * Everything else in SvelteKit's start-up is left as it was.
 *
 * The start-up script is allowed by its hash in the page's Content-Security-Policy, so the hash
 * is replaced with the new script's. A page without SvelteKit's start-up (a reading page that
 * ships no JavaScript) is returned as it is; a start-up this code does not recognise (after a
 * SvelteKit upgrade) stops the build, with a message, rather than ship a page that never starts.
 */
import { createHash } from 'node:crypto';

/** Longest wait, in ms, for the first frame before the app starts anyway. */
export const FRAME_TIMEOUT = 250;

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
	const boot = script.indexOf('Promise.all([');
	const end = script.lastIndexOf('}');
	if (boot < 0 || end < boot || !script.slice(0, boot).includes('document.currentScript')) {
		fail('its start-up script is not the one this rewrite knows');
	}

	// `document.currentScript` is read before the wait (it is only set while the script runs).
	const deferred =
		script.slice(0, boot) +
		`(function (boot) {
						var started = false;
						function start() {
							if (started) return;
							started = true;
							${JSON.stringify(preloads)}.forEach(function (href) {
								var link = document.createElement('link');
								link.rel = 'modulepreload';
								link.href = href;
								document.head.appendChild(link);
							});
							boot();
						}
						requestAnimationFrame(function () {
							setTimeout(start);
						});
						setTimeout(start, ${FRAME_TIMEOUT});
					})(function () {
						${script.slice(boot, end).trim()}
					});
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
