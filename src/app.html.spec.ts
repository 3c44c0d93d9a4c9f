/**
 * The inline script at the top of every page (src/app.html), run with a stand-in browser: it
 * applies the display settings and marks a first visit before the first paint.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEY, STORAGE_NAMESPACE } from '$lib/course/persistence';
import { SETTINGS_KEY } from '$lib/settings/settings';

const SCRIPT = /<script>([\s\S]*?)<\/script>/.exec(
	readFileSync(new URL('./app.html', import.meta.url), 'utf8')
)![1]!;

interface Browser {
	local?: Record<string, string>;
	session?: Record<string, string>;
	refused?: boolean;
	framed?: boolean;
	opened?: boolean;
}

function storage(items: Record<string, string>, refused: boolean) {
	const refuse = () => {
		throw new Error('SecurityError: access is denied');
	};
	return refused
		? {
				getItem: refuse,
				key: refuse,
				get length(): number {
					return refuse();
				}
			}
		: {
				getItem: (key: string) => items[key] ?? null,
				key: (i: number) => Object.keys(items)[i] ?? null,
				length: Object.keys(items).length
			};
}

/** Runs the script; returns what it set on <html>. */
function open({
	local = {},
	session = {},
	refused = false,
	framed = false,
	opened = false
}: Browser = {}) {
	const root = { className: 'no-js', dataset: {} as Record<string, string> };
	const window: Record<string, unknown> = {
		document: { documentElement: root },
		localStorage: storage(local, refused),
		sessionStorage: storage(session, refused),
		addEventListener: () => {}
	};
	window.window = window;
	window.parent = framed ? {} : window;
	window.opener = opened ? {} : null;
	runInNewContext(SCRIPT, window);
	return root;
}

describe('app.html: a first visit', () => {
	it('is marked when this browser holds nothing of the site, outside a frame', () => {
		expect(open().dataset).toEqual({ fresh: '' });
		expect(
			open({
				local: { [`another-site/${STORAGE_KEY}`]: '{}', [STORAGE_NAMESPACE.slice(0, -1)]: 'x' }
			}).dataset
		).toEqual({ fresh: '' });
	});

	it.each<[string, Browser]>([
		['progress is saved', { local: { [STORAGE_KEY]: '{}' } }],
		["a workshop's progress is saved", { local: { [`${STORAGE_KEY}/workshop/gaba/on`]: '{}' } }],
		['this tab is in a workshop', { session: { 'understanding-benzodiazepines/workshop': 'x' } }],
		['display settings are saved', { local: { [SETTINGS_KEY]: '{"theme":"dark"}' } }],
		['storage is refused (the learner must be told at once)', { refused: true }],
		['the page is in a frame (an embed, an LMS)', { framed: true }],
		['another window opened it (an LMS launching the course in a pop-up)', { opened: true }]
	])('is not marked when %s', (_, browser) => {
		expect(open(browser).dataset.fresh).toBeUndefined();
	});

	it('names the same key prefix as the rest of the site', () => {
		expect(SCRIPT).toContain(`'${STORAGE_NAMESPACE}'`);
		expect(SETTINGS_KEY.startsWith(STORAGE_NAMESPACE)).toBe(true);
	});
});

describe('app.html: display settings', () => {
	it('applies saved settings before the first paint, and ignores values it does not know', () => {
		const root = open({
			local: { [SETTINGS_KEY]: '{"theme":"contrast","textSize":"larger","motion":"reduce"}' }
		});
		expect(root.className).toBe('js');
		expect(root.dataset).toEqual({ theme: 'contrast', textSize: 'larger', motion: 'reduce' });
		expect(open({ local: { [SETTINGS_KEY]: '{"theme":"<b>","textSize":9}' } }).dataset).toEqual({});
		expect(open({ local: { [SETTINGS_KEY]: 'not json' } }).dataset).toEqual({});
	});
});
