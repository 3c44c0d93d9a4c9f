/**
 * A learner's progress in one lesson, and the rules that say whether a given progress record
 * could really have come from using that lesson. Saved progress is untrusted input (another
 * tab, an older version of the site, a hand-edited value, a damaged disk): nothing reaches the
 * course machine until it passes these checks.
 */
import { freshProgress, type LessonProgress } from './context';
import {
	gradeCheck,
	reachesPassMark,
	scoreNeeded,
	unansweredQuestions,
	type CheckKey
} from './scoring';

/** What every page knows of a lesson: enough to gate, to show statuses and to check saved scores. */
export interface LessonEntry {
	slug: string;
	/** Its place in the whole course (1-based) and its title, for links such as "Next lesson". */
	number: number;
	title: string;
	/** Fingerprint of the lesson's answer key (`checkVersion`); saved progress carries it too. */
	version: string;
	/** How many questions its check has. */
	questions: number;
	/** Percentage of questions to get right. */
	passMark: number;
}

/** The course as the machine sees it: lessons in order. Answer keys arrive lesson by lesson. */
export interface CourseIndex {
	lessons: LessonEntry[];
}

/** Bounds for anything read back from storage: far above real use, far below harm. */
export const LIMITS = {
	/**
	 * Characters of saved progress read at all: what a browser's storage holds for a site (about
	 * five million). Four lessons use about 2,000; oversized fields are dropped field by field.
	 */
	savedChars: 5_000_000,
	lessons: 500,
	questions: 50,
	options: 8,
	idLength: 64,
	attempts: 100_000
} as const;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids as the lesson schema allows them: lower-case words joined by hyphens, never `__proto__`. */
export function isId(value: unknown): value is string {
	return typeof value === 'string' && value.length <= LIMITS.idLength && ID.test(value);
}

const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;

/**
 * Could this progress belong to a lesson with `entry.questions` questions and this pass mark?
 * Checks everything that does not need the answer key: counts, scores, and that a pass, a best
 * score and a graded state each come with an attempt.
 */
export function isPossible(progress: LessonProgress, entry: LessonEntry): boolean {
	const { answers, order, attempts, bestScore, passed, graded } = progress;
	const answered = Object.keys(answers);
	if (answered.length > entry.questions || Object.keys(order).length > entry.questions)
		return false;
	for (const ids of [...Object.values(answers), ...Object.values(order)]) {
		if (ids.length > LIMITS.options || !unique(ids)) return false;
	}
	if (Object.values(answers).some((ids) => ids.length === 0)) return false;
	if (Object.values(order).some((ids) => ids.length < 2)) return false;
	if (bestScore !== null && (bestScore > entry.questions || attempts === 0)) return false;
	if (attempts > 0 && bestScore === null) return false;
	if (passed && !reachesPassMark(bestScore ?? 0, entry.questions, entry.passMark)) return false;
	if (!passed && bestScore !== null && bestScore >= scoreNeeded(entry.questions, entry.passMark)) {
		return false;
	}
	if (graded && (attempts === 0 || answered.length !== entry.questions)) return false;
	return true;
}

/**
 * Does this progress fit the lesson's answer key exactly: known questions and options only, one
 * option for a single-answer question, every shown order a reordering of the real options, and
 * a graded result no better than the best score it would have set?
 */
export function fitsCheck(progress: LessonProgress, key: CheckKey): boolean {
	const questions = new Map(key.questions.map((q) => [q.id, q]));
	for (const [id, chosen] of Object.entries(progress.answers)) {
		const question = questions.get(id);
		if (!question || !chosen.every((o) => question.options.includes(o))) return false;
		if (question.kind === 'single' && chosen.length !== 1) return false;
	}
	for (const [id, shown] of Object.entries(progress.order)) {
		const question = questions.get(id);
		if (!question || shown.length !== question.options.length) return false;
		if (!shown.every((o) => question.options.includes(o))) return false;
	}
	if (progress.graded) {
		if (unansweredQuestions(key, progress.answers).length > 0) return false;
		const result = gradeCheck(key, progress.answers);
		if (result.score > (progress.bestScore ?? -1)) return false;
		if (result.passed && !progress.passed) return false;
	}
	return true;
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

export const sameProgress = (a: LessonProgress | undefined, b: LessonProgress | undefined) =>
	canonical(a ?? null) === canonical(b ?? null);

/** Nothing has happened in this lesson yet. */
export const isUntouched = (p: LessonProgress) => sameProgress(p, freshProgress());
