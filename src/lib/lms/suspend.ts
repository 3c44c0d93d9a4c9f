/**
 * The learner's progress as SCORM suspend data: a compact text form of the stored progress
 * document (`StoredProgress`, saved.ts), so the whole course fits SCORM 1.2's 4,096 characters.
 *
 * Pure, and deliberately not a second format: decoding gives back the JSON text the browser's
 * storage would hold, and `readStored` validates it like any other saved copy. So damaged
 * suspend data, a lesson whose questions changed in a new package, or data from a newer
 * version of the course are handled exactly as they are in the browser: a fresh start for what
 * does not fit, with the usual notice, and the rest kept.
 *
 * The form (`ub1` marks this encoding and its version):
 *
 *     ub1,EPOCH,EPOCH_AT,CURRENT,CURRENT_AT,OPEN_ALL;LESSON;LESSON…
 *     LESSON   = SLUG,VERSION,AT,FLAGS,ATTEMPTS,BEST,QUESTION:QUESTION…
 *     QUESTION = ID[=CHOSEN][/SHOWN]      CHOSEN, SHOWN = option ids joined by "."
 *
 * Numbers are whole and in base 36 (times in milliseconds; BEST is empty when there is none);
 * FLAGS adds 1 for visited, 2 for graded and 4 for passed. Every text field is percent-encoded
 * beyond letters, digits, "-" and "_", so the separators never occur inside one and the result
 * is plain ASCII, which every LMS stores faithfully. Ids in real lessons need no escaping.
 */
import { FORMAT, type StoredLesson, type StoredProgress } from '$lib/course/stored';

const TAG = 'ub';
/** Bump when this text form changes; an older page then reads a newer one as "other version". */
export const ENCODING = 1;

/** How much suspend data each standard promises to keep (SCORM 1.2 RTE 3.4.2; 2004 RTE 4.2.23). */
export const SUSPEND_LIMIT = { '1.2': 4096, '2004': 64_000 } as const;

/** What `readStored` reads as "could not be read": no `format`. */
const UNREADABLE = '{}';
/** What `readStored` reads as "saved by a newer version of the course". */
const OTHER_VERSION = JSON.stringify({ format: Number.MAX_SAFE_INTEGER });

const VISITED = 1;
const GRADED = 2;
const PASSED = 4;

function escape(text: string): string {
	return encodeURIComponent(text).replace(
		/[.!~*'()]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/** Throws on a malformed escape (URIError), which the caller counts as damage. */
const unescape = (text: string) => decodeURIComponent(text);

/** Times are kept to the millisecond; anything past 2^53 cannot be a time anyway. */
const number = (n: number) => Math.min(Math.round(n), Number.MAX_SAFE_INTEGER).toString(36);

const NUMBER = /^(?:0|[1-9a-z][0-9a-z]{0,10})$/;

class Damaged extends Error {}

function parseNumber(text: string): number {
	if (!NUMBER.test(text)) throw new Damaged(text);
	const n = parseInt(text, 36);
	if (!Number.isSafeInteger(n)) throw new Damaged(text);
	return n;
}

const ids = (list: readonly string[]) => list.map(escape).join('.');
const parseIds = (text: string) => (text === '' ? [] : text.split('.').map(unescape));

function encodeQuestions(lesson: StoredLesson): string {
	const questions = [...new Set([...Object.keys(lesson.answers), ...Object.keys(lesson.order)])];
	return questions
		.map((id) => {
			const chosen = Object.hasOwn(lesson.answers, id) ? `=${ids(lesson.answers[id]!)}` : '';
			const shown = Object.hasOwn(lesson.order, id) ? `/${ids(lesson.order[id]!)}` : '';
			return `${escape(id)}${chosen}${shown}`;
		})
		.join(':');
}

function encodeLesson(slug: string, lesson: StoredLesson): string {
	const flags =
		(lesson.visited ? VISITED : 0) | (lesson.graded ? GRADED : 0) | (lesson.passed ? PASSED : 0);
	return [
		escape(slug),
		escape(lesson.version),
		number(lesson.at),
		flags,
		number(lesson.attempts),
		lesson.bestScore === null ? '' : number(lesson.bestScore),
		encodeQuestions(lesson)
	].join(',');
}

/** The stored progress as suspend data, everything kept. */
export function encodeProgress(stored: StoredProgress): string {
	const head = [
		`${TAG}${ENCODING}`,
		escape(stored.epoch),
		number(stored.epochAt),
		stored.current === null ? '' : escape(stored.current),
		number(stored.currentAt),
		stored.openAll ? '1' : '0'
	].join(',');
	const lessons = Object.entries(stored.lessons).map(([slug, l]) => encodeLesson(slug, l));
	return [head, ...lessons].join(';');
}

const mapLessons = (stored: StoredProgress, change: (l: StoredLesson) => StoredLesson) => ({
	...stored,
	lessons: Object.fromEntries(Object.entries(stored.lessons).map(([s, l]) => [s, change(l)]))
});

/**
 * What can go, least missed first, when a course is too big for the limit (the four-lesson
 * course never is; a much longer one might be): the shuffled orders (the options come back in
 * their authored order), then answers not yet checked, then every answer. Passes, best scores
 * and attempts, which the gradebook and the mastery gate need, always stay.
 */
const shrinking: ((stored: StoredProgress) => StoredProgress)[] = [
	(s) => s,
	(s) => mapLessons(s, (l) => ({ ...l, order: {} })),
	(s) => mapLessons(s, (l) => ({ ...l, order: {}, answers: l.graded ? l.answers : {} })),
	(s) => mapLessons(s, (l) => ({ ...l, order: {}, answers: {}, graded: false }))
];

/**
 * The stored progress as suspend data of at most `limit` characters if it can be done by
 * leaving out what is least missed (see `shrinking`); otherwise the shortest form, which an LMS
 * may refuse (the page then says progress is not being recorded).
 */
export function encodeSuspendData(stored: StoredProgress, limit = Infinity): string {
	let text = '';
	for (const shrink of shrinking) {
		text = encodeProgress(shrink(stored));
		if (text.length <= limit) break;
	}
	return text;
}

function decodeLesson(fields: string[]): Record<string, unknown> {
	if (fields.length !== 6) throw new Damaged('fields');
	const [version = '', at = '', flags = '', attempts = '', best = '', questions = ''] = fields;
	if (!/^[0-7]$/.test(flags)) throw new Damaged(flags);
	// Maps, then `fromEntries`: a key such as "__proto__" stays a plain key (readStored rejects it).
	const answers = new Map<string, string[]>();
	const order = new Map<string, string[]>();
	const seen = new Set<string>();
	for (const question of questions === '' ? [] : questions.split(':')) {
		const [head = '', shown, ...rest] = question.split('/');
		const [id = '', chosen, ...more] = head.split('=');
		if (rest.length || more.length || id === '') throw new Damaged(question);
		const key = unescape(id);
		if (seen.has(key)) throw new Damaged(key);
		seen.add(key);
		if (chosen !== undefined) answers.set(key, parseIds(chosen));
		if (shown !== undefined) order.set(key, parseIds(shown));
	}
	const bits = Number(flags);
	return {
		version: unescape(version),
		at: parseNumber(at),
		visited: (bits & VISITED) !== 0,
		answers: Object.fromEntries(answers),
		order: Object.fromEntries(order),
		attempts: parseNumber(attempts),
		graded: (bits & GRADED) !== 0,
		bestScore: best === '' ? null : parseNumber(best),
		passed: (bits & PASSED) !== 0
	};
}

/**
 * Suspend data back to the JSON text of a stored progress document, for `readStored`: null when
 * there is none; a document `readStored` calls unreadable for anything that is not ours or whose
 * header is damaged, or "other version" for a newer encoding. A damaged lesson becomes `null`, so
 * `readStored` drops that lesson alone and names it.
 */
export function decodeSuspendData(text: string): string | null {
	if (text === '') return null;
	const version = /^ub(\d{1,6})[,;]/.exec(text);
	if (!version) return UNREADABLE;
	if (Number(version[1]) > ENCODING) return OTHER_VERSION;
	if (Number(version[1]) !== ENCODING) return UNREADABLE;

	const [head = '', ...segments] = text.split(';');
	const fields = head.split(',');
	if (fields.length !== 6) return UNREADABLE;
	const [, epoch = '', epochAt = '', current = '', currentAt = '', openAll = ''] = fields;
	let document: Record<string, unknown>;
	try {
		if (openAll !== '0' && openAll !== '1') throw new Damaged(openAll);
		document = {
			format: FORMAT,
			epoch: unescape(epoch),
			epochAt: parseNumber(epochAt),
			current: current === '' ? null : unescape(current),
			currentAt: parseNumber(currentAt),
			openAll: openAll === '1'
		};
	} catch {
		return UNREADABLE;
	}

	const lessons = new Map<string, unknown>();
	for (const segment of segments) {
		const [slugText = '', ...rest] = segment.split(',');
		let slug: string;
		try {
			slug = unescape(slugText);
		} catch {
			continue; // A lesson that cannot even be named cannot be reported; it is simply gone.
		}
		if (lessons.has(slug)) {
			lessons.set(slug, null); // Two records for one lesson: trust neither.
			continue;
		}
		try {
			lessons.set(slug, decodeLesson(rest));
		} catch {
			lessons.set(slug, null);
		}
	}
	return JSON.stringify({ ...document, lessons: Object.fromEntries(lessons) });
}
