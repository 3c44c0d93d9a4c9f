/**
 * Keeping progress on the learner's device. Every storage call is guarded: private modes,
 * full quotas and sandboxed or third-party iframes throw, and a learner must never lose the
 * page because of it. A saved state that no longer fits the course is dropped, with a notice.
 */
import * as v from 'valibot';
import type { CourseKey } from './courseMachine';

/** Namespaced and versioned: bump the version when the saved shape changes. */
export const STORAGE_KEY = 'understanding-benzodiazepines/progress';
export const STORAGE_VERSION = 1;

export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type Notice =
	| { kind: 'memory-only' }
	| { kind: 'discarded'; reason: 'unreadable' | 'other-version' | 'course-changed' }
	| { kind: 'cleared' };

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

const Ids = v.array(v.string());
const Result = v.object({
	score: v.pipe(v.number(), v.integer(), v.minValue(0)),
	max: v.pipe(v.number(), v.integer(), v.minValue(0)),
	passed: v.boolean(),
	correct: Ids
});
const Progress = v.object({
	visited: v.boolean(),
	answers: v.record(v.string(), Ids),
	order: v.record(v.string(), Ids),
	attempts: v.pipe(v.number(), v.integer(), v.minValue(0)),
	result: v.nullable(Result),
	bestScore: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
	passed: v.boolean()
});
const StateValue = v.union([
	v.picklist(['overview', 'complete']),
	v.object({ lesson: v.picklist(['locked', 'answering', 'graded']) })
]);
const Saved = v.object({
	version: v.number(),
	snapshot: v.looseObject({
		status: v.literal('active'),
		value: StateValue,
		context: v.object({
			course: v.unknown(),
			current: v.nullable(v.string()),
			openAll: v.boolean(),
			progress: v.record(v.string(), Progress)
		})
	})
});

type SavedSnapshot = v.InferOutput<typeof Saved>['snapshot'];

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((id) => b.includes(id));

/** Was this saved for the course as it is now, and does every answer still name a real option? */
function fitsCourse(snapshot: SavedSnapshot, course: CourseKey): boolean {
	const { context, value } = snapshot;
	// The answer key is saved with the progress, so any change to lessons, questions, options or
	// pass marks shows up here.
	if (JSON.stringify(context.course) !== JSON.stringify(course)) return false;
	if (typeof value === 'object' && context.current === null) return false;
	if (context.current !== null && !course.lessons.some((l) => l.slug === context.current)) {
		return false;
	}
	if (
		!sameSet(
			Object.keys(context.progress),
			course.lessons.map((l) => l.slug)
		)
	)
		return false;
	return course.lessons.every((lesson) => {
		const progress = context.progress[lesson.slug]!;
		const ids = lesson.questions.map((q) => q.id);
		return (
			sameSet(Object.keys(progress.order), ids) &&
			Object.keys(progress.answers).every((id) => ids.includes(id)) &&
			lesson.questions.every(
				(q) =>
					sameSet(progress.order[q.id]!, q.options) &&
					(progress.answers[q.id] ?? []).every((id) => q.options.includes(id))
			)
		);
	});
}

export type Restored =
	{ snapshot: SavedSnapshot; notice: null } | { snapshot: null; notice: Notice | null };

/** Reads the saved progress. Never throws: a problem gives no snapshot and, if worth saying, a notice. */
export function restore(storage: StorageLike | null, course: CourseKey): Restored {
	if (!storage) return { snapshot: null, notice: { kind: 'memory-only' } };
	let raw: string | null;
	try {
		raw = storage.getItem(STORAGE_KEY);
	} catch {
		return { snapshot: null, notice: { kind: 'memory-only' } };
	}
	if (raw === null) return { snapshot: null, notice: null };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return discard(storage, 'unreadable');
	}
	const version = (data as { version?: unknown } | null)?.version;
	if (typeof version === 'number' && version !== STORAGE_VERSION) {
		return discard(storage, 'other-version');
	}
	const parsed = v.safeParse(Saved, data);
	if (!parsed.success) return discard(storage, 'unreadable');
	if (!fitsCourse(parsed.output.snapshot, course)) return discard(storage, 'course-changed');
	return { snapshot: parsed.output.snapshot, notice: null };
}

function discard(
	storage: StorageLike,
	reason: 'unreadable' | 'other-version' | 'course-changed'
): Restored {
	try {
		storage.removeItem(STORAGE_KEY);
	} catch {
		// Nothing more to do: the fresh start below will overwrite it on the next save.
	}
	return { snapshot: null, notice: { kind: 'discarded', reason } };
}

/** Saves the persisted snapshot; false when storage refused it (quota, revoked access). */
export function save(storage: StorageLike | null, snapshot: unknown): boolean {
	if (!storage) return false;
	try {
		storage.setItem(STORAGE_KEY, JSON.stringify({ version: STORAGE_VERSION, snapshot }));
		return true;
	} catch {
		return false;
	}
}

export function forget(storage: StorageLike | null): void {
	try {
		storage?.removeItem(STORAGE_KEY);
	} catch {
		// Storage went away; the in-memory progress is reset regardless.
	}
}

export const noticeText: Record<string, string> = {
	'memory-only':
		'This browser is not letting the page save your progress, so it will be lost when you close this tab. Everything else works.',
	unreadable:
		'Your saved progress could not be read, so the course has started fresh. Sorry about that.',
	'other-version':
		'Your saved progress came from a different version of this course, so the course has started fresh.',
	'course-changed':
		'The lessons have changed since your last visit, so your saved progress no longer fits and the course has started fresh.',
	cleared: 'Your progress has been cleared. You can start again whenever you like.'
};

export function describeNotice(notice: Notice): string {
	return noticeText[notice.kind === 'discarded' ? notice.reason : notice.kind]!;
}
