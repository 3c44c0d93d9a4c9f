import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FRAME_TIMEOUT, PRELOAD_BATCH, USE, paintFirst } from './paintFirst';

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

interface Visit {
	visibilityState?: 'visible' | 'hidden';
	/** src/app.html marked the visit a first one (`data-fresh`). */
	fresh?: boolean;
	search?: string;
	hash?: string;
	/** What `history.state` holds (SvelteKit's entry on a reload). */
	state?: Record<string, unknown>;
	serviceWorkers?: boolean;
}

type Listener = (event: Record<string, unknown>) => void;

/** The page's start-up script, run with a stand-in browser that records what it does when. */
function run(html: string, visit: Visit = {}) {
	const script = /<script>(\s*\{\s*__sveltekit[\s\S]*?)<\/script>/.exec(html)![1]!;
	const log: string[] = [];
	const frames: (() => void)[] = [];
	const timers: { ms: number; fn: () => void }[] = [];
	const listeners = new Map<string, Listener[]>();
	const observers: (() => void)[] = [];
	const root = { dataset: (visit.fresh ? { fresh: '' } : {}) as Record<string, string> };
	const history = {
		state: visit.state ?? null,
		replaceState(state: Record<string, unknown>) {
			history.state = state;
		}
	};
	const browser: Record<string, unknown> = {
		location: {
			href: 'https://example.org/lessons/gaba/',
			search: visit.search ?? '',
			hash: visit.hash ?? ''
		},
		URL: class {
			pathname = '/';
		},
		document: {
			visibilityState: visit.visibilityState ?? 'visible',
			currentScript: { parentElement: 'the app element' },
			documentElement: root,
			createElement: () => ({}) as { rel?: string; href?: string },
			head: {
				appendChild: (link: { rel: string; href: string }) => log.push(`${link.rel} ${link.href}`)
			}
		},
		history,
		navigator:
			visit.serviceWorkers === false
				? {}
				: {
						serviceWorker: {
							register: (url: string) => {
								log.push(`register ${url}`);
								return Promise.resolve();
							}
						}
					},
		addEventListener: (type: string, fn: Listener) =>
			listeners.set(type, [...(listeners.get(type) ?? []), fn]),
		removeEventListener: (type: string, fn: Listener) =>
			listeners.set(
				type,
				(listeners.get(type) ?? []).filter((f) => f !== fn)
			),
		MutationObserver: class {
			#connected = true;
			constructor(callback: (records: unknown[], observer: unknown) => void) {
				observers.push(() => {
					if (this.#connected) callback([], this);
				});
			}
			observe() {}
			disconnect() {
				this.#connected = false;
			}
		},
		Event: class {
			constructor(
				public type: string,
				public init: unknown
			) {}
		},
		requestAnimationFrame: (fn: () => void) => frames.push(fn),
		setTimeout: (fn: () => void, ms = 0) => timers.push({ ms, fn }),
		load: (url: string) => {
			log.push(`import ${url}`);
			return new Promise(() => {});
		}
	};
	browser.window = browser;
	// `import()` is syntax, which a script run here cannot use; `load` stands in for it.
	runInNewContext(script.replaceAll('import(', 'load('), browser);

	return {
		log,
		frames,
		timers,
		history,
		root,
		imports: () => log.filter((l) => l.startsWith('import')),
		/** The first frame is painted and a task has run. */
		paint() {
			frames[0]!();
			timers.find((t) => t.ms === 0)!.fn();
		},
		/** Dispatches an event through the listeners on the window, as the browser would. */
		dispatch(type: string, fields: Record<string, unknown> = {}) {
			const event = {
				type,
				prevented: false,
				stopped: false,
				preventDefault() {
					event.prevented = true;
				},
				stopImmediatePropagation() {
					event.stopped = true;
				},
				...fields
			};
			for (const fn of listeners.get(type) ?? []) fn(event);
			return event;
		},
		/** The app marks itself ready (the root layout). */
		ready() {
			root.dataset.app = 'ready';
			for (const notify of observers) notify();
		}
	};
}

/** A stand-in for an element the learner uses, and what is done to it. */
function control(fields: Record<string, unknown> = {}) {
	const done: string[] = [];
	const element: Record<string, unknown> = {
		isConnected: true,
		closest: (selector: string) => (selector === 'button' && fields.button ? element : null),
		click: () => done.push('click'),
		dispatchEvent: (event: { type: string; init: unknown }) =>
			done.push(`${event.type} ${JSON.stringify(event.init)} checked=${element.checked}`),
		...fields
	};
	return { element, done };
}

const WAITS = { waitForUse: true, serviceWorker: '/service-worker.js' };

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
		const { log, frames } = run(paintFirst(page()), { visibilityState: 'hidden' });
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

describe('paintFirst on a page that waits for its first use', () => {
	const FIRST = { fresh: true };

	it('fetches its scripts after the first paint but starts the app only when the learner starts', () => {
		const visit = run(paintFirst(page(), WAITS), FIRST);
		visit.paint();
		// All of them, the two that start the app too: it starts without a wait.
		expect(visit.log.filter((l) => l.startsWith('modulepreload'))).toEqual(
			[
				'../../_app/immutable/entry/start.js',
				'../../_app/immutable/chunks/a.js',
				'../../_app/immutable/nodes/2.js'
			].map((href) => `modulepreload ${href}`)
		);
		expect(visit.imports()).toEqual([]);
		visit.timers.find((t) => t.ms === FRAME_TIMEOUT)!.fn();
		expect(visit.imports()).toEqual([]);

		visit.dispatch('scroll');
		expect(visit.imports()).toEqual([
			'import ../../_app/immutable/entry/start.js',
			'import ../../_app/immutable/entry/app.js'
		]);
		visit.dispatch('pointerdown');
		visit.dispatch('keydown');
		expect(visit.imports(), 'once').toHaveLength(2);
	});

	it.each(USE)('takes "%s" as the first use', (type) => {
		const visit = run(paintFirst(page(), WAITS), FIRST);
		visit.paint();
		visit.dispatch(type);
		expect(visit.imports()).toHaveLength(2);
	});

	it.each<[string, Visit]>([
		['it is not a first visit (src/app.html did not mark it)', {}],
		['the address carries a query', { ...FIRST, search: '?lessons=gaba' }],
		['the address carries a fragment', { ...FIRST, hash: '#check-title' }]
	])('starts after the first paint, without waiting, when %s', (_, visit) => {
		const started = run(paintFirst(page(), WAITS), visit);
		started.paint();
		expect(started.imports()).toHaveLength(2);
	});

	it('does not wait on a page not asked to, first visit or not', () => {
		const visit = run(paintFirst(page()), FIRST);
		visit.paint();
		expect(visit.imports()).toHaveLength(2);
	});

	it('starts when a button is pressed or an answer chosen, even with nothing before', () => {
		for (const [type, fields] of [
			['click', { button: true }],
			['change', { type: 'radio', checked: true }],
			['submit', {}]
		] as const) {
			const visit = run(paintFirst(page(), WAITS), FIRST);
			visit.paint();
			visit.dispatch(type, { target: control(fields).element });
			expect(visit.imports(), type).toHaveLength(2);
		}
	});

	it('keeps SvelteKit from restoring an old scroll position when it starts late, and only then', () => {
		const state = { 'sveltekit:history': 1, 'sveltekit:navigation': 1, host: 'kept' };
		const late = run(paintFirst(page(), WAITS), { ...FIRST, state });
		late.paint();
		expect(late.history.state).toEqual(state);
		late.dispatch('scroll');
		expect(late.history.state).toEqual({ host: 'kept' });

		const prompt = run(paintFirst(page(), WAITS), { state });
		prompt.paint();
		expect(prompt.history.state).toEqual(state);
	});

	it('starts a page brought back from the back-forward cache, which is no first visit now', () => {
		const visit = run(paintFirst(page(), WAITS), FIRST);
		visit.paint();
		visit.dispatch('pageshow', { persisted: false });
		expect(visit.imports()).toEqual([]);
		visit.dispatch('pageshow', { persisted: true });
		expect(visit.imports()).toHaveLength(2);
		expect(visit.root.dataset).toEqual({});
	});

	it('registers the service worker after the first paint, so a first visit works offline later', () => {
		const visit = run(paintFirst(page(), WAITS), FIRST);
		visit.paint();
		// In a task of its own, after the scripts are asked for.
		expect(visit.log).not.toContain('register /service-worker.js');
		visit.timers.findLast((t) => t.ms === 0)!.fn();
		expect(visit.log.at(-1)).toBe('register /service-worker.js');
		// Where the app starts at once it registers the worker itself; without support, nothing.
		for (const other of [{}, { ...FIRST, serviceWorkers: false }]) {
			const started = run(paintFirst(page(), WAITS), other);
			started.paint();
			started.timers.findLast((t) => t.ms === 0)!.fn();
			expect(started.log.filter((l) => l.startsWith('register'))).toEqual([]);
		}
	});
});

describe('paintFirst: what the learner does before the app runs', () => {
	it('presses a button again once the app is ready, and only then', () => {
		const visit = run(paintFirst(page()));
		const { element, done } = control({ button: true });
		const click = visit.dispatch('click', { target: element });
		expect(click.prevented && click.stopped).toBe(true);
		expect(done).toEqual([]);

		visit.ready();
		expect(done).toEqual(['click']);
		// Once the app runs, its own handlers answer: nothing is held any more.
		const later = visit.dispatch('click', { target: element });
		expect(later.prevented).toBe(false);
		visit.ready();
		expect(done).toEqual(['click']);
	});

	it('presses a button pressed twice meanwhile once (nothing seemed to happen)', () => {
		const visit = run(paintFirst(page()));
		const { element, done } = control({ button: true });
		visit.dispatch('click', { target: element });
		visit.dispatch('click', { target: element });
		visit.ready();
		expect(done).toEqual(['click']);
	});

	it('chooses an answer again once the app is ready, as the learner left it', () => {
		const visit = run(paintFirst(page()));
		const radio = control({ type: 'radio', checked: true });
		const box = control({ type: 'checkbox', checked: false });
		expect(visit.dispatch('change', { target: radio.element }).prevented).toBe(false);
		visit.dispatch('change', { target: box.element });
		// Hydration sets each input to what the app holds: nothing chosen yet.
		radio.element.checked = false;
		box.element.checked = true;

		visit.ready();
		expect(radio.done).toEqual(['change {"bubbles":true} checked=true']);
		expect(box.done).toEqual(['change {"bubbles":true} checked=false']);
	});

	it('does not submit a form before the app can check it', () => {
		const visit = run(paintFirst(page()));
		expect(visit.dispatch('submit', { target: control().element }).prevented).toBe(true);
	});

	it('leaves a link (or anything not a button) to the browser', () => {
		const visit = run(paintFirst(page()));
		const { element, done } = control();
		const click = visit.dispatch('click', { target: element });
		expect(click.prevented || click.stopped).toBe(false);
		visit.ready();
		expect(done).toEqual([]);
	});

	it('drops a press on a button the app has since removed', () => {
		const visit = run(paintFirst(page()));
		const { element, done } = control({ button: true });
		visit.dispatch('click', { target: element });
		element.isConnected = false;
		visit.ready();
		expect(done).toEqual([]);
	});
});
