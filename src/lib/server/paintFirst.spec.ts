import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FRAME_TIMEOUT, PRELOAD_BATCH, paintFirst } from './paintFirst';

/** SvelteKit's start-up script, as it writes it at the end of a prerendered page. */
const STARTUP = `
				{
					__sveltekit_abc123 = {
						base: new URL("../..", location).pathname.slice(0, -1)
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("../../_app/immutable/entry/start.js"),
						import("../../_app/immutable/entry/app.js")
					]).then(([kit, app]) => {
						kit.start(app, element, {
							node_ids: [0, 2],
							data: [null, null],
							form: null,
							error: null
						});
					});
				}
			`;

const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
const SETTINGS = 'document.documentElement.className = "js";';

function page({ startup = STARTUP, listed = sha(STARTUP) } = {}) {
	return `<!doctype html>
<html lang="en">
	<head>
		<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' '${sha(SETTINGS)}' '${listed}'; style-src 'self'">
		<link href="../../_app/immutable/entry/start.js" rel="modulepreload">
		<link href="../../_app/immutable/chunks/a.js" rel="modulepreload">
		<link href="../../_app/immutable/nodes/2.js" rel="modulepreload">
		<script>${SETTINGS}</script>
	</head>
	<body>
		<div class="app"><main>The lesson</main>
			<script>${startup}</script>
		</div>
	</body>
</html>`;
}

/** The page's start-up script, run with a stand-in browser that records what it does when. */
function run(html: string, visibilityState = 'visible') {
	const script = /<script>(\s*\{\s*__sveltekit[\s\S]*?)<\/script>/.exec(html)![1]!;
	const log: string[] = [];
	const frames: (() => void)[] = [];
	const timers: { ms: number; fn: () => void }[] = [];
	const browser = {
		location: { href: 'https://example.org/lessons/gaba/' },
		URL: class {
			pathname = '/';
		},
		document: {
			visibilityState,
			currentScript: { parentElement: 'the app element' },
			createElement: () => ({}) as { rel?: string; href?: string },
			head: {
				appendChild: (link: { rel: string; href: string }) => log.push(`${link.rel} ${link.href}`)
			}
		},
		requestAnimationFrame: (fn: () => void) => frames.push(fn),
		setTimeout: (fn: () => void, ms = 0) => timers.push({ ms, fn }),
		load: (url: string) => {
			log.push(`import ${url}`);
			return new Promise(() => {});
		}
	};
	// `import()` is syntax, which a script run here cannot use; `load` stands in for it.
	runInNewContext(script.replaceAll('import(', 'load('), browser);
	return { log, frames, timers };
}

describe('paintFirst', () => {
	it('takes the script preloads out of <head>', () => {
		const html = paintFirst(page());
		expect(html).not.toMatch(/<link[^>]*modulepreload/);
		expect(html).toContain('<main>The lesson</main>');
		expect(html).toContain(`<script>${SETTINGS}</script>`);
	});

	it('fetches and starts nothing until a frame has been painted and a task has run', () => {
		const { log, frames, timers } = run(paintFirst(page()));
		expect(log).toEqual([]);
		expect(frames).toHaveLength(1);

		frames[0]!();
		expect(log).toEqual([]);
		timers.find((t) => t.ms === 0)!.fn();
		expect(log.slice(0, 2)).toEqual([
			'import ../../_app/immutable/entry/start.js',
			'import ../../_app/immutable/entry/app.js'
		]);
	});

	it('asks for the other scripts a few at a time, a task each, and each once', () => {
		const chunks = Array.from({ length: 10 }, (_, i) => `../../_app/immutable/chunks/c${i}.js`);
		const html = page().replace(
			'</head>',
			chunks.map((href) => `<link href="${href}" rel="modulepreload">\n`).join('') + '</head>'
		);
		const { log, timers } = run(paintFirst(html));
		timers.find((t) => t.ms === FRAME_TIMEOUT)!.fn();
		const asked = () => log.filter((l) => l.startsWith('modulepreload'));
		// start.js is imported, not preloaded; a.js, 2.js and the ten chunks are preloaded.
		expect(asked()).toHaveLength(PRELOAD_BATCH);
		let tasks = 1;
		for (let next = timers.findLast((t) => t.ms === 0); next; tasks++) {
			timers.splice(timers.indexOf(next), 1);
			next.fn();
			next = timers.findLast((t) => t.ms === 0);
		}
		expect(asked()).toEqual(
			['../../_app/immutable/chunks/a.js', '../../_app/immutable/nodes/2.js', ...chunks].map(
				(href) => `modulepreload ${href}`
			)
		);
		expect(tasks).toBe(Math.ceil(12 / PRELOAD_BATCH));
		expect(PRELOAD_BATCH).toBeLessThan(12);
	});

	it('starts at once in a tab in the background, which paints nothing', () => {
		const { log, frames } = run(paintFirst(page()), 'hidden');
		expect(log.filter((l) => l.startsWith('import'))).toHaveLength(2);
		expect(frames).toEqual([]);
	});

	it('starts on a timer where no frame comes (a frame out of view), and only once', () => {
		const { log, frames, timers } = run(paintFirst(page()));
		const fallback = timers.find((t) => t.ms === FRAME_TIMEOUT)!;
		expect(FRAME_TIMEOUT).toBeLessThanOrEqual(1000);
		fallback.fn();
		expect(log.filter((l) => l.startsWith('import'))).toHaveLength(2);

		frames[0]!();
		timers.find((t) => t.ms === 0)!.fn();
		expect(log.filter((l) => l.startsWith('import'))).toHaveLength(2);
	});

	it("lists the new start-up script's hash in the policy, in place of the old one", () => {
		const html = paintFirst(page());
		const script = /<script>(\s*\{\s*__sveltekit[\s\S]*?)<\/script>/.exec(html)![1]!;
		const policy = /content-security-policy" content="([^"]*)"/.exec(html)![1]!;
		expect(policy).toContain(`'${sha(script)}'`);
		expect(policy).toContain(`'${sha(SETTINGS)}'`);
		expect(policy).not.toContain(sha(STARTUP));
	});

	it('leaves a page that ships no JavaScript as it is', () => {
		const reading = '<html><head><meta name="x"></head><body><main>Glossary</main></body></html>';
		expect(paintFirst(reading)).toBe(reading);
	});

	it('stops the build on a start-up script it does not know', () => {
		const changed = STARTUP.replace('Promise.all([', 'Promise.allSettled([');
		expect(() => paintFirst(page({ startup: changed, listed: sha(changed) }))).toThrow(
			/start-up script is not the one this rewrite knows/
		);
	});

	it('stops the build when the policy does not allow the start-up script', () => {
		expect(() => paintFirst(page({ listed: sha('something else') }))).toThrow(
			/does not list the start-up script's hash/
		);
	});

	it('stops the build on preloads with nothing to start them', () => {
		const html = page().replace(/<script>\s*\{[\s\S]*?<\/script>/, '');
		expect(() => paintFirst(html)).toThrow(/preloads scripts but has no start-up script/);
	});
});
