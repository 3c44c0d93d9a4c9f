/**
 * Progress as it is written to the device: reading it back (validating everything,
 * lesson by lesson), migrating the older format, and merging the copies two tabs hold.
 *
 * Pure: no storage, no clock. The session (`session.svelte.ts`) does the reading and writing.
 *
 * - **Per lesson.** Each lesson's record carries its lesson's version (`checkVersion`). A record
 *   whose version no longer matches, or that could not have come from using the lesson, is
 *   dropped on its own; every other lesson keeps its progress.
 * - **Merging.** Each record also carries the time it last changed. Two copies merge lesson by
 *   lesson: the newer record's answers win, and a pass, the best score, the attempt count and
 *   "visited" are never lost. A copy from an older epoch (before a "Start over") never merges
 *   back: starting over sticks.
 */
import * as v from 'valibot';
import type { LessonProgress, SavedProgress } from './context';
import {
	LIMITS,
	canonical,
	fitsCheck,
	isId,
	isPossible,
	isUntouched,
	type CourseIndex
} from './progress';
import type { CheckKey } from './scoring';
import { FORMAT, emptyStored, type StoredLesson, type StoredProgress } from './stored';
import { checkVersion } from './version';

export type Dropped = { changed: string[]; damaged: string[] };

export type Read =
	| { kind: 'empty' }
	| { kind: 'unreadable' }
	/** Written by a newer version of the site, which this one cannot understand. */
	| { kind: 'other-version' }
	| { kind: 'ok'; stored: StoredProgress; dropped: Dropped };

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

const Id = v.custom<string>(isId);
const IdList = v.pipe(v.array(Id), v.maxLength(LIMITS.options));
const IdLists = v.pipe(
	v.record(Id, IdList),
	v.check((r) => Object.keys(r).length <= LIMITS.questions)
);
const Count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(LIMITS.attempts));
const Time = v.pipe(v.number(), v.finite(), v.minValue(0));

/** A lesson record in this format; unknown fields are dropped. */
const Lesson = v.object({
	version: v.pipe(v.string(), v.maxLength(LIMITS.idLength)),
	at: Time,
	visited: v.boolean(),
	answers: IdLists,
	order: IdLists,
	attempts: Count,
	graded: v.boolean(),
	bestScore: v.nullable(Count),
	passed: v.boolean()
});

/** Top-level fields each fall back on their own, so one damaged field loses nothing else. */
const Document = v.object({
	format: v.literal(FORMAT),
	epoch: v.fallback(v.pipe(v.string(), v.maxLength(LIMITS.idLength)), ''),
	epochAt: v.fallback(Time, 0),
	current: v.fallback(v.nullable(Id), null),
	currentAt: v.fallback(Time, 0),
	openAll: v.fallback(v.boolean(), false),
	lessons: v.pipe(
		v.custom<Record<string, unknown>>((x) => isObject(x)),
		v.record(v.string(), v.unknown()),
		v.check((r) => Object.keys(r).length <= LIMITS.lessons)
	)
});

/** Format 1 saved XState's whole persisted snapshot, with the answer key in its context. */
const V1Key = v.object({
	slug: Id,
	passMark: v.number(),
	questions: v.pipe(
		v.array(
			v.object({
				id: Id,
				kind: v.picklist(['single', 'multiple']),
				options: IdList,
				correct: IdList
			})
		),
		v.maxLength(LIMITS.questions)
	)
});
const V1Lesson = v.object({
	visited: v.boolean(),
	answers: IdLists,
	order: IdLists,
	attempts: Count,
	result: v.nullable(v.unknown()),
	bestScore: v.nullable(Count),
	passed: v.boolean()
});
const V1 = v.object({
	version: v.literal(1),
	snapshot: v.object({
		context: v.object({
			course: v.object({ lessons: v.pipe(v.array(v.unknown()), v.maxLength(LIMITS.lessons)) }),
			current: v.fallback(v.nullable(Id), null),
			openAll: v.fallback(v.boolean(), false),
			progress: v.record(v.string(), v.unknown())
		})
	})
});

/** Own property only: a key such as "__proto__" or "constructor" never reads the prototype. */
const own = (record: Record<string, unknown>, key: string): unknown =>
	Object.hasOwn(record, key) ? record[key] : undefined;

function progressOf(record: StoredLesson): LessonProgress {
	const { visited, answers, order, attempts, graded, bestScore, passed } = record;
	return { visited, answers, order, attempts, graded, bestScore, passed };
}

/**
 * Reads what was saved. Never throws. Lessons are checked one by one against the course: the
 * version must match and the record must be possible (`isPossible`), and where this page knows a
 * lesson's answer key, fit it exactly (`fitsCheck`); the machine checks the rest when the learner
 * opens those lessons.
 */
export function readStored(
	raw: string | null,
	course: CourseIndex,
	keys: Record<string, CheckKey> = {}
): Read {
	if (raw === null) return { kind: 'empty' };
	if (raw.length > LIMITS.savedChars) return { kind: 'unreadable' };
	let data: unknown;
	try {
		data = JSON.parse(raw);
	} catch {
		return { kind: 'unreadable' };
	}
	if (!isObject(data)) return { kind: 'unreadable' };
	if (data.version === 1) return migrateV1(data, course);
	if (typeof data.format === 'number' && data.format > FORMAT) return { kind: 'other-version' };
	if ('version' in data) return { kind: 'other-version' };
	const parsed = v.safeParse(Document, data);
	if (!parsed.success) return { kind: 'unreadable' };
	const doc = parsed.output;

	const dropped: Dropped = { changed: [], damaged: [] };
	const lessons: Record<string, StoredLesson> = {};
	for (const entry of course.lessons) {
		const raw = own(doc.lessons, entry.slug);
		if (raw === undefined) continue;
		const lesson = v.safeParse(Lesson, raw);
		if (!lesson.success) dropped.damaged.push(entry.slug);
		else if (lesson.output.version !== entry.version) dropped.changed.push(entry.slug);
		else if (!usable(progressOf(lesson.output), entry, keys[entry.slug]))
			dropped.damaged.push(entry.slug);
		else lessons[entry.slug] = lesson.output;
	}
	const current = doc.current !== null && known(course, doc.current) ? doc.current : null;
	return {
		kind: 'ok',
		stored: { ...doc, format: FORMAT, current, lessons },
		dropped
	};
}

function usable(
	progress: LessonProgress,
	entry: CourseIndex['lessons'][number],
	key?: CheckKey
): boolean {
	return isPossible(progress, entry) && (!key || fitsCheck(progress, key));
}

const known = (course: CourseIndex, slug: string) => course.lessons.some((l) => l.slug === slug);

/**
 * Format 1 kept each lesson's answer key beside its progress, so a lesson whose key still has the
 * same version keeps its progress (checked against that key), and the others are named as changed.
 * XState's own fields (`value`, `children`, `historyValue`, `status`) are never read.
 */
function migrateV1(data: unknown, course: CourseIndex): Read {
	const parsed = v.safeParse(V1, data);
	if (!parsed.success) return { kind: 'unreadable' };
	const { context } = parsed.output.snapshot;
	const dropped: Dropped = { changed: [], damaged: [] };
	const lessons: Record<string, StoredLesson> = {};
	for (const entry of course.lessons) {
		const saved = own(context.progress, entry.slug);
		if (saved === undefined) continue;
		const keyed = context.course.lessons
			.map((k) => v.safeParse(V1Key, k))
			.find((k) => k.success && k.output.slug === entry.slug);
		const old = v.safeParse(V1Lesson, saved);
		if (!keyed?.success || !old.success) {
			dropped.damaged.push(entry.slug);
			continue;
		}
		const key: CheckKey = keyed.output;
		if (checkVersion(key) !== entry.version) {
			dropped.changed.push(entry.slug);
			continue;
		}
		const { result, ...rest } = old.output;
		const progress: LessonProgress = { ...rest, graded: result !== null };
		if (isUntouched(progress)) continue;
		if (!usable(progress, entry, key)) dropped.damaged.push(entry.slug);
		else lessons[entry.slug] = { ...progress, version: entry.version, at: 0 };
	}
	const current =
		context.current !== null && known(course, context.current) ? context.current : null;
	return {
		kind: 'ok',
		stored: { ...emptyStored('', 0), current, openAll: context.openAll, lessons },
		dropped
	};
}

function mergeLesson(a: StoredLesson, b: StoredLesson): StoredLesson {
	// The later change wins the answers; equal times fall back to a fixed order, so both tabs
	// reach the same result.
	const newer = a.at !== b.at ? (a.at > b.at ? a : b) : canonical(a) >= canonical(b) ? a : b;
	const best = a.bestScore === null ? b.bestScore : Math.max(a.bestScore, b.bestScore ?? 0);
	return {
		...newer,
		visited: a.visited || b.visited,
		attempts: Math.max(a.attempts, b.attempts),
		bestScore: best,
		passed: a.passed || b.passed,
		at: Math.max(a.at, b.at)
	};
}

/** Merges two copies of the learner's progress. Symmetric: both tabs reach the same result. */
export function mergeStored(a: StoredProgress, b: StoredProgress): StoredProgress {
	if (a.epoch !== b.epoch) {
		// Only one epoch survives: the later "Start over" (an unnamed epoch is the oldest).
		if (a.epochAt !== b.epochAt) return a.epochAt > b.epochAt ? a : b;
		return a.epoch > b.epoch ? a : b;
	}
	const lessons: Record<string, StoredLesson> = { ...a.lessons };
	for (const [slug, theirs] of Object.entries(b.lessons)) {
		const ours = lessons[slug];
		lessons[slug] = ours ? mergeLesson(ours, theirs) : theirs;
	}
	const aNewer =
		a.currentAt !== b.currentAt
			? a.currentAt > b.currentAt
			: (a.current ?? '') >= (b.current ?? '');
	return {
		...a,
		current: aNewer ? a.current : b.current,
		currentAt: Math.max(a.currentAt, b.currentAt),
		openAll: a.openAll || b.openAll,
		lessons
	};
}

/** What the machine restores from a stored copy. */
export function toSaved(stored: StoredProgress): SavedProgress {
	return {
		current: stored.current,
		openAll: stored.openAll,
		progress: Object.fromEntries(
			Object.entries(stored.lessons).map(([slug, record]) => [slug, progressOf(record)])
		)
	};
}

/**
 * The stored copy of the machine's progress: lessons that changed since `previous` are stamped
 * with `now`, the others keep their time, so merging can tell which copy is newer; `previous`
 * itself when nothing changed. The place to
 * resume moves only when the learner moved in this tab (`moved`): a tab that merely shows another
 * lesson than the others must not keep claiming it.
 */
export function stamp(
	saved: SavedProgress,
	previous: StoredProgress,
	course: CourseIndex,
	now: number,
	moved: boolean
): StoredProgress {
	const lessons: Record<string, StoredLesson> = {};
	let changed = moved || saved.openAll !== previous.openAll;
	for (const entry of course.lessons) {
		const progress = saved.progress[entry.slug];
		const before = previous.lessons[entry.slug];
		if (!progress || (!before && isUntouched(progress))) continue;
		if (before && canonical(progressOf(before)) === canonical(progress)) {
			lessons[entry.slug] = before;
		} else {
			changed = true;
			lessons[entry.slug] = {
				...progress,
				version: entry.version,
				at: Math.max(now, (before?.at ?? 0) + 1)
			};
		}
	}
	// Nothing new: the same copy, so the caller can tell without comparing.
	if (!changed && Object.keys(lessons).length === Object.keys(previous.lessons).length) {
		return previous;
	}
	return {
		...previous,
		openAll: saved.openAll,
		current: moved ? saved.current : previous.current,
		currentAt: moved ? Math.max(now, previous.currentAt + 1) : previous.currentAt,
		lessons
	};
}

export const sameStored = (a: StoredProgress, b: StoredProgress) => canonical(a) === canonical(b);
