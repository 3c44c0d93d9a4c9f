/**
 * Keeping progress on the learner's device. Every storage call is guarded: private modes, full
 * quotas and sandboxed or third-party iframes throw, and a learner must never lose the page
 * because of it. What is read back is validated by `readStored` before anything uses it.
 */

/** Everything this site keeps in a browser's storage has a key starting with this. */
export const STORAGE_NAMESPACE = 'understanding-benzodiazepines/';
/** Namespaced; the format version lives inside the value (`saved.ts`). */
export const STORAGE_KEY = `${STORAGE_NAMESPACE}progress`;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Returns working storage, or null when the browser refuses it (it may throw on access). */
export function openStorage(get: () => StorageLike | undefined): StorageLike | null {
	try {
		const storage = get();
		if (!storage) return null;
		const probe = `${STORAGE_KEY}/probe`;
		storage.setItem(probe, '1');
		storage.removeItem(probe);
		return storage;
	} catch {
		return null;
	}
}

/** The saved text, or undefined when storage refused to be read. */
export function readText(storage: StorageLike, key: string): string | null | undefined {
	try {
		return storage.getItem(key);
	} catch {
		return undefined;
	}
}

/** False when storage refused the write (quota, revoked access). */
export function writeText(storage: StorageLike, key: string, text: string): boolean {
	try {
		storage.setItem(key, text);
		return true;
	} catch {
		return false;
	}
}

export type Notice =
	/** The browser refuses storage altogether: progress lives in this tab only. */
	| { kind: 'memory-only' }
	/** A save failed part-way through a visit; the session keeps trying. */
	| { kind: 'not-saving' }
	| { kind: 'saving-again' }
	| { kind: 'unreadable' }
	| { kind: 'other-version' }
	/** Some lessons started afresh; the others kept their progress. Numbers are 1-based. */
	| { kind: 'lessons-reset'; changed: number[]; damaged: number[] }
	| { kind: 'cleared' }
	| { kind: 'cleared-elsewhere' }
	/** Launched by an LMS that refused a value or a commit (src/lib/lms): the course goes on. */
	| { kind: 'lms-not-recording' }
	| { kind: 'lms-recording-again' }
	/** Launched by an LMS in review or browse mode: it keeps what it has recorded. */
	| { kind: 'lms-review' }
	/** The course engine's code did not arrive (the connection dropped, or a newer version replaced it). */
	| { kind: 'not-loaded' };

const lessonList = (numbers: number[]) => {
	const names = numbers.map((n) => `lesson ${n}`);
	return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};

const fixed: Record<Exclude<Notice['kind'], 'lessons-reset'>, string> = {
	'memory-only':
		'This browser is not letting the page save your progress, so it will be lost when you close this tab. Everything else works.',
	'not-saving':
		'Your progress is not being saved at the moment: this browser refused to store it. Everything else works, and the page will keep trying. Keep this tab open to keep your place.',
	'saving-again': 'Your progress is being saved again.',
	unreadable:
		'Your saved progress could not be read, so the course has started fresh. Sorry about that.',
	'other-version':
		'Your saved progress came from a different version of this course, so the course has started fresh.',
	cleared: 'Your progress has been cleared. You can start again whenever you like.',
	'cleared-elsewhere':
		'Your progress was cleared in another tab or window, so this page has started fresh too.',
	'lms-not-recording':
		'Your learning platform is not recording your progress right now, so your results may not reach it. Everything else in the course works. Keep this window open to keep your place.',
	'lms-recording-again': 'Your learning platform is recording your progress again.',
	'lms-review':
		'You are reviewing this course. Your learning platform keeps the results it has and does not record what you do now.',
	'not-loaded':
		'Part of this page did not load, so your answers cannot be checked or saved here yet. Reload the page to try again. Your saved progress is safe.'
};

export function describeNotice(notice: Notice): string {
	if (notice.kind !== 'lessons-reset') return fixed[notice.kind];
	const parts: string[] = [];
	if (notice.changed.length) {
		const many = notice.changed.length > 1;
		parts.push(
			`The questions in ${lessonList(notice.changed)} have changed since your last visit, so ${many ? 'their checks start' : 'its check starts'} fresh.`
		);
	}
	if (notice.damaged.length) {
		const many = notice.damaged.length > 1;
		parts.push(
			`Your saved progress in ${lessonList(notice.damaged)} could not be read, so ${many ? 'they start' : 'it starts'} fresh.`
		);
	}
	parts.push('Your progress in the other lessons is kept.');
	return parts.join(' ');
}

/** A notice worth showing is never replaced by a less important one. */
export function isInfo(notice: Notice): boolean {
	return (
		notice.kind === 'cleared' ||
		notice.kind === 'saving-again' ||
		notice.kind === 'lms-recording-again'
	);
}
