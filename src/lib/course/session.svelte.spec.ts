/**
 * Tabs of the site sharing one device's storage, simulated in Node: each session is a tab, and
 * the browser's `storage` events are queued and delivered when the test says so, so the races
 * real tabs run into (a write before the other tab has heard the last change) can be played out.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CourseEvent } from './context';
import { STORAGE_KEY, type StorageLike } from './persistence';
import { CourseSession, loadEngine } from './session.svelte';
import { mixedLessons } from './testCourse';

// The session's engine loads on demand in the browser; here, once, before any session starts.
beforeAll(loadEngine);

const { index, open } = mixedLessons;
const answer = (questionId: string, ...optionIds: string[]): CourseEvent => ({
	type: 'learner.answer',
	questionId,
	optionIds
});
const submit: CourseEvent = { type: 'learner.submit' };
const passOne = [open('one'), answer('q1', 'a'), answer('q2', 'a', 'c'), submit];

/** One origin's localStorage, with the storage events it owes other tabs held in a queue. */
class Device {
	items = new Map<string, string>();
	queue: (() => void)[] = [];
	listeners = new Set<{ tab: object; key: string; onChange: (value: string | null) => void }>();
	writes = 0;
	/** While set, every write throws (a full quota). */
	full = false;

	changed(from: object, key: string, value: string | null) {
		for (const l of this.listeners) {
			if (l.tab !== from && l.key === key) this.queue.push(() => l.onChange(value));
		}
	}

	/** Delivers queued events (and the ones they cause) until the tabs fall quiet. */
	deliver(rounds = 20) {
		for (let i = 0; i < rounds && this.queue.length; i++) {
			for (const event of this.queue.splice(0)) event();
		}
		return this.queue.length === 0;
	}

	saved(): unknown {
		const text = this.items.get(STORAGE_KEY);
		return text === undefined ? undefined : JSON.parse(text);
	}
}

let clock = 1_000;
const tabs: CourseSession[] = [];
afterEach(() => {
	tabs.splice(0).forEach((t) => t.stop());
	vi.useRealTimers();
});

/** A new tab of the site on `device`, started (its progress read) like a page load. */
function openTab(device: Device, events: CourseEvent[] = []) {
	const tab = {};
	const storage: StorageLike = {
		getItem: (key) => device.items.get(key) ?? null,
		setItem: (key, value) => {
			if (device.full && key === STORAGE_KEY) throw new DOMException('full', 'QuotaExceededError');
			device.items.set(key, value);
			if (key === STORAGE_KEY) device.writes++;
			device.changed(tab, key, value);
		},
		removeItem: (key) => {
			device.items.delete(key);
			device.changed(tab, key, null);
		}
	};
	let epochs = 0;
	const session = new CourseSession(index, {
		now: () => (clock += 10),
		newEpoch: () => `tab${tabs.length}-${++epochs}`
	});
	session.start({
		getStorage: () => storage,
		listen: (key, onChange) => {
			const listener = { tab, key, onChange };
			device.listeners.add(listener);
			return () => device.listeners.delete(listener);
		}
	});
	tabs.push(session);
	events.forEach((e) => session.send(e));
	return Object.assign(session, { storage });
}

const lessonOne = (session: CourseSession) => session.context.progress.one!;

describe('two tabs of the site', () => {
	it('a pass in one tab survives an answer in the other, in both tabs and after a reload', () => {
		const device = new Device();
		const b = openTab(device, [open('one')]);
		const a = openTab(device, [...passOne]);
		device.deliver();
		b.send(answer('q1', 'b'));
		device.deliver();
		expect(lessonOne(a).passed).toBe(true);
		expect(lessonOne(b).passed).toBe(true);
		expect(lessonOne(openTab(device))).toMatchObject({ passed: true, bestScore: 2, attempts: 1 });
	});

	it('a tab that writes before it has heard of a pass merges it instead of writing over it', () => {
		const device = new Device();
		const b = openTab(device, [open('one')]);
		openTab(device, [...passOne]);
		// B answers while A's storage event is still on its way.
		b.send(answer('q1', 'b'));
		expect(lessonOne(b).passed).toBe(true);
		expect(lessonOne(openTab(device)).passed).toBe(true);
		expect(device.deliver()).toBe(true);
	});

	it('a tab showing the lesson another tab just passed shows the result', () => {
		const device = new Device();
		const b = openTab(device, [open('one')]);
		openTab(device, [...passOne]);
		device.deliver();
		expect(b.snapshot.value).toEqual({ lesson: 'graded' });
	});

	it('"Start over" in one tab sticks: the other tab follows and never writes the old progress back', async () => {
		const device = new Device();
		const a = openTab(device, [...passOne]);
		const b = openTab(device, [open('one')]);
		await a.startOver();
		// B acts before hearing of it.
		b.send(answer('q1', 'b'));
		device.deliver();
		for (const session of [a, b, openTab(device)]) {
			expect(lessonOne(session).passed).toBe(false);
			expect(lessonOne(session).attempts).toBe(0);
		}
		expect(b.notice).toEqual({ kind: 'cleared-elsewhere' });
		expect(a.notice).toEqual({ kind: 'cleared' });
	});

	it('storage cleared elsewhere (another tab, the browser) resets this tab too', () => {
		const device = new Device();
		const a = openTab(device, [...passOne]);
		const b = openTab(device, [open('two')]);
		a.storage.removeItem(STORAGE_KEY);
		device.deliver();
		expect(lessonOne(b).passed).toBe(false);
		expect(b.notice).toEqual({ kind: 'cleared-elsewhere' });
		b.send(answer('q1', 'b'));
		expect(lessonOne(openTab(device)).passed).toBe(false);
	});

	it('two tabs in different lessons settle; neither keeps claiming the place to resume', () => {
		const device = new Device();
		const a = openTab(device, [...passOne]);
		const b = openTab(device, [open('two')]);
		a.send(open('one'));
		expect(device.deliver()).toBe(true);
		const writes = device.writes;
		expect(device.deliver()).toBe(true);
		expect(device.writes).toBe(writes);
		expect(a.context.current).toBe('one');
		expect(b.context.current).toBe('two');
	});

	it('an educator opening every lesson in one tab opens them in the other', () => {
		const device = new Device();
		openTab(device, [{ type: 'educator.openAll' }]);
		const b = openTab(device);
		const c = openTab(device, [open('two')]);
		device.deliver();
		expect(b.context.openAll).toBe(true);
		expect(c.snapshot.value).toEqual({ lesson: { answering: 'ready' } });
	});

	it('an embedding page that turns the gate off changes nothing stored', () => {
		const device = new Device();
		openTab(device, [open('two'), { type: 'host.openAll' }]);
		expect(openTab(device).context.openAll).toBe(false);
	});
});

describe('saving that fails', () => {
	it('says progress is not being kept, keeps trying, and says so when it works again', () => {
		vi.useFakeTimers();
		const device = new Device();
		const a = openTab(device, [open('one')]);
		device.full = true;
		a.send(answer('q1', 'a'));
		expect(a.notice).toEqual({ kind: 'not-saving' });
		a.send(answer('q2', 'a', 'c'));
		a.send(submit);
		expect(lessonOne(a).passed).toBe(true);
		device.full = false;
		vi.advanceTimersByTime(5000);
		expect(a.notice).toEqual({ kind: 'saving-again' });
		expect(lessonOne(openTab(device)).passed).toBe(true);
	});

	it('storage that refuses from the start: progress lives in the tab, and the page says so', () => {
		const throwing: StorageLike = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			removeItem: () => {
				throw new DOMException('denied', 'SecurityError');
			}
		};
		const session = new CourseSession(index);
		tabs.push(session);
		session.start({ getStorage: () => throwing, listen: () => () => {} });
		passOne.forEach((e) => session.send(e));
		expect(session.notice).toEqual({ kind: 'memory-only' });
		expect(lessonOne(session).passed).toBe(true);
	});
});

describe('what a reload finds', () => {
	it('names the lessons that started afresh, keeps the rest, and says it only once', () => {
		const device = new Device();
		openTab(device, [...passOne, open('two'), answer('q1', 'a')]);
		const saved = device.saved() as { lessons: Record<string, { version: string }> };
		saved.lessons.two!.version = 'from-an-older-check';
		device.items.set(STORAGE_KEY, JSON.stringify(saved));
		const reloaded = openTab(device);
		expect(reloaded.notice).toEqual({ kind: 'lessons-reset', changed: [2], damaged: [] });
		expect(lessonOne(reloaded).passed).toBe(true);
		expect(openTab(device).notice).toBeNull();
	});

	it('a saved lesson that does not fit its answer key is named when the lesson is opened', () => {
		const device = new Device();
		openTab(device, [open('one'), answer('q1', 'a')]);
		const saved = device.saved() as { lessons: Record<string, { answers: object }> };
		saved.lessons.one!.answers = { q1: ['c', 'b'] };
		device.items.set(STORAGE_KEY, JSON.stringify(saved));
		// Without the key (another page) the record looks possible …
		const reloaded = openTab(device);
		expect(reloaded.notice).toBeNull();
		// … and the lesson page, which has the key, starts it afresh and says so.
		reloaded.send(open('one'));
		expect(reloaded.notice).toEqual({ kind: 'lessons-reset', changed: [], damaged: [1] });
		expect(lessonOne(reloaded).answers).toEqual({});
	});

	it('unreadable progress starts fresh with a notice', () => {
		const device = new Device();
		device.items.set(STORAGE_KEY, '{"format":2,"lessons":');
		expect(openTab(device).notice).toEqual({ kind: 'unreadable' });
	});
});

describe('a session before it starts (a first visit to a lesson, before first use)', () => {
	it('shows the course as it begins, and keeps what the learner did for when it starts', () => {
		const items = new Map<string, string>();
		const storage: StorageLike = {
			getItem: (key) => items.get(key) ?? null,
			setItem: (key, value) => void items.set(key, value),
			removeItem: (key) => void items.delete(key)
		};
		const session = new CourseSession(index, { now: () => (clock += 10) });
		tabs.push(session);
		expect(session.ready).toBe(false);
		expect(session.context.progress.one).toEqual(expect.objectContaining({ visited: false }));
		expect(() => session.snapshot).toThrow(/not started/);
		// The page opens the lesson and the learner answers before the engine has arrived.
		session.send(open('one'));
		session.send(answer('q1', 'a'));
		expect(items.size).toBe(0);
		session.start({ getStorage: () => storage, listen: () => () => {} });
		expect(session.ready).toBe(true);
		expect(lessonOne(session).visited).toBe(true);
		expect(lessonOne(session).answers).toEqual({ q1: ['a'] });
		expect(session.snapshot.value).toEqual({ lesson: { answering: 'ready' } });
		expect(JSON.parse(items.get(STORAGE_KEY)!)).toEqual(
			expect.objectContaining({ current: 'one', lessons: { one: expect.anything() } })
		);
	});
});
