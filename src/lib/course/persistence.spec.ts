import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine, type CourseKey } from './courseMachine';
import {
	STORAGE_KEY,
	STORAGE_VERSION,
	openStorage,
	restore,
	save,
	type StorageLike
} from './persistence';
import { twoLessons } from './testCourse';

const course = twoLessons;

class MemoryStorage implements StorageLike {
	items = new Map<string, string>();
	getItem(key: string) {
		return this.items.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		this.items.set(key, value);
	}
	removeItem(key: string) {
		this.items.delete(key);
	}
}

/** Storage that throws on every call, like Safari private mode or a sandboxed iframe. */
const throwing: StorageLike = {
	getItem: () => {
		throw new DOMException('denied', 'SecurityError');
	},
	setItem: () => {
		throw new DOMException('full', 'QuotaExceededError');
	},
	removeItem: () => {
		throw new DOMException('denied', 'SecurityError');
	}
};

function savedProgress() {
	const actor = createActor(courseMachine, { input: course }).start();
	actor.send({ type: 'learner.open', slug: 'one' });
	actor.send({ type: 'learner.answer', questionId: 'q1', optionIds: ['a'] });
	actor.send({ type: 'learner.submit' });
	const storage = new MemoryStorage();
	expect(save(storage, actor.getPersistedSnapshot())).toBe(true);
	return { storage, actor };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests reach into saved JSON freely
function tamper(storage: MemoryStorage, change: (saved: any) => void) {
	const saved = JSON.parse(storage.getItem(STORAGE_KEY)!);
	change(saved);
	storage.setItem(STORAGE_KEY, JSON.stringify(saved));
}

describe('restoring saved progress', () => {
	it('round-trips the snapshot under a versioned key', () => {
		const { storage, actor } = savedProgress();
		expect(JSON.parse(storage.getItem(STORAGE_KEY)!).version).toBe(STORAGE_VERSION);
		const restored = restore(storage, course);
		expect(restored.notice).toBeNull();
		const again = createActor(courseMachine, {
			input: course,
			snapshot: restored.snapshot as never
		}).start();
		expect(again.getSnapshot().context).toEqual(actor.getSnapshot().context);
		expect(again.getSnapshot().value).toEqual({ lesson: 'graded' });
	});

	it('starts fresh silently on a first visit', () => {
		expect(restore(new MemoryStorage(), course)).toEqual({ snapshot: null, notice: null });
	});

	it.each([
		[
			'text that is not JSON',
			(s: MemoryStorage) => s.setItem(STORAGE_KEY, '{not json'),
			'unreadable'
		],
		['JSON null', (s: MemoryStorage) => s.setItem(STORAGE_KEY, 'null'), 'unreadable'],
		['another version', (s: MemoryStorage) => tamper(s, (d) => (d.version = 99)), 'other-version'],
		[
			'an unknown state',
			(s: MemoryStorage) => tamper(s, (d) => (d.snapshot.value = 'exam')),
			'unreadable'
		],
		[
			'a score that is not a number',
			(s: MemoryStorage) => tamper(s, (d) => (d.snapshot.context.progress.one.attempts = 'many')),
			'unreadable'
		],
		[
			'a removed lesson',
			(s: MemoryStorage) => tamper(s, (d) => (d.snapshot.context.course.lessons[1].slug = 'gone')),
			'course-changed'
		],
		[
			'an answer naming a missing option',
			(s: MemoryStorage) =>
				tamper(s, (d) => (d.snapshot.context.progress.one.answers.q1 = ['zzz'])),
			'course-changed'
		],
		[
			'a shown order missing an option',
			(s: MemoryStorage) => tamper(s, (d) => (d.snapshot.context.progress.one.order.q1 = ['a'])),
			'course-changed'
		],
		[
			'a current lesson that does not exist',
			(s: MemoryStorage) => tamper(s, (d) => (d.snapshot.context.current = 'nine')),
			'course-changed'
		]
	])('drops %s, with a notice, and clears it', (_name, corrupt, reason) => {
		const { storage } = savedProgress();
		corrupt(storage);
		expect(restore(storage, course)).toEqual({
			snapshot: null,
			notice: { kind: 'discarded', reason }
		});
		expect(storage.getItem(STORAGE_KEY)).toBeNull();
	});

	it('drops progress saved for a course whose answers changed', () => {
		const { storage } = savedProgress();
		const changed: CourseKey = structuredClone(course);
		changed.lessons[0]!.questions[0]!.correct = ['b'];
		expect(restore(storage, changed).notice).toEqual({
			kind: 'discarded',
			reason: 'course-changed'
		});
	});
});

describe('storage that refuses', () => {
	it('openStorage returns null when access itself throws', () => {
		expect(
			openStorage(() => {
				throw new DOMException('denied', 'SecurityError');
			})
		).toBeNull();
		expect(openStorage(() => throwing)).toBeNull();
		expect(openStorage(() => undefined)).toBeNull();
	});

	it('restore without storage keeps progress in memory and says so', () => {
		expect(restore(null, course)).toEqual({ snapshot: null, notice: { kind: 'memory-only' } });
		expect(restore(throwing, course)).toEqual({ snapshot: null, notice: { kind: 'memory-only' } });
	});

	it('save reports failure instead of throwing', () => {
		expect(save(throwing, {})).toBe(false);
		expect(save(null, {})).toBe(false);
	});
});
