import { describe, expect, it } from 'vitest';
import { firstUse, nothingSaved } from './firstUse';
import type { StorageLike } from './persistence';

type Observed = (entries: { isIntersecting: boolean }[]) => void;

/** A window with events, and an IntersectionObserver whose reports the test makes. */
function fakeWindow({ observer = true } = {}) {
	const target = new EventTarget();
	const listening = new Set<string>();
	const observers: { report: Observed; watching: unknown[]; disconnected: boolean }[] = [];
	const win = {
		addEventListener: (type: string, fn: EventListener, options?: AddEventListenerOptions) => {
			listening.add(type);
			target.addEventListener(type, fn, options);
		},
		removeEventListener: (type: string, fn: EventListener, capture?: boolean) => {
			listening.delete(type);
			target.removeEventListener(type, fn, capture);
		},
		IntersectionObserver: observer
			? class {
					record: (typeof observers)[number];
					constructor(report: Observed) {
						this.record = { report, watching: [], disconnected: false };
						observers.push(this.record);
					}
					observe(element: unknown) {
						this.record.watching.push(element);
					}
					disconnect() {
						this.record.disconnected = true;
					}
				}
			: undefined
	};
	return {
		win: win as unknown as Window & typeof globalThis,
		fire: (type: string) => target.dispatchEvent(new Event(type)),
		/** Another tab wrote `key` (null: it cleared the whole storage). */
		stored: (key: string | null) =>
			target.dispatchEvent(Object.assign(new Event('storage'), { key })),
		listening,
		observers
	};
}

/** Whether the promise has settled after everything already queued has run. */
async function settled(promise: Promise<void>): Promise<boolean> {
	let done = false;
	void promise.then(() => (done = true));
	await new Promise((resolve) => setTimeout(resolve, 0));
	return done;
}

const check = {} as Element;

describe('firstUse', () => {
	it('waits while the learner does nothing', async () => {
		const { win } = fakeWindow();
		expect(await settled(firstUse(check, 'progress', win))).toBe(false);
	});

	it.each([
		'pointerdown',
		'keydown',
		'scroll',
		'wheel',
		'touchstart',
		'focusin',
		'change',
		'click'
	])('starts at the first %s, and stops listening', async (type) => {
		const { win, fire, listening, observers } = fakeWindow();
		const use = firstUse(check, 'progress', win);
		fire(type);
		expect(await settled(use)).toBe(true);
		expect([...listening]).toEqual([]);
		expect(observers[0]!.disconnected).toBe(true);
	});

	it('starts when another tab saves progress (or clears storage), not for other keys', async () => {
		for (const key of ['progress', null]) {
			const { win, stored, listening } = fakeWindow();
			const use = firstUse(check, 'progress', win);
			stored('settings');
			expect(await settled(use)).toBe(false);
			stored(key);
			expect(await settled(use)).toBe(true);
			expect([...listening]).toEqual([]);
		}
	});

	it('starts when the questions come near the screen, not before', async () => {
		const { win, observers } = fakeWindow();
		const use = firstUse(check, 'progress', win);
		expect(observers[0]!.watching).toEqual([check]);
		observers[0]!.report([{ isIntersecting: false }]);
		expect(await settled(use)).toBe(false);
		observers[0]!.report([{ isIntersecting: true }]);
		expect(await settled(use)).toBe(true);
	});

	it('without IntersectionObserver, or without questions on the page, waits for the learner', async () => {
		for (const [options, near] of [
			[{ observer: false }, check],
			[{ observer: true }, null]
		] as const) {
			const { win, fire, observers } = fakeWindow(options);
			const use = firstUse(near, 'progress', win);
			expect(observers).toEqual([]);
			expect(await settled(use)).toBe(false);
			fire('keydown');
			expect(await settled(use)).toBe(true);
		}
	});
});

describe('nothingSaved', () => {
	const storage = (items: Record<string, string>, fail = false): StorageLike => ({
		getItem: (key) => items[key] ?? null,
		setItem: () => {
			if (fail) throw new DOMException('denied', 'SecurityError');
		},
		removeItem: () => {}
	});

	it('is true only where storage works and holds nothing under the key', () => {
		expect(nothingSaved('progress', () => storage({}))).toBe(true);
		expect(nothingSaved('progress', () => storage({ other: '{}' }))).toBe(true);
	});

	it.each([
		['progress is saved (even damaged)', () => storage({ progress: '{not json' })],
		['storage refuses to write', () => storage({}, true)],
		['there is no storage', () => undefined],
		[
			'reading storage throws',
			() => {
				throw new DOMException('denied', 'SecurityError');
			}
		]
	])('is false when %s: the session starts at once', (_, getStorage) => {
		expect(nothingSaved('progress', getStorage)).toBe(false);
	});
});
