/**
 * The course machine's context and what pages read from it: the mastery gate, whether the
 * course is done, a lesson's grade. Plain data and functions, without XState, so a page can
 * show them before the machine has loaded (see session.svelte.ts).
 */
import type { CourseIndex, LessonEntry } from './progress';
import { gradeCheck, type Answers, type CheckKey, type CheckResult } from './scoring';

export interface LessonProgress {
	/** The learner has opened this lesson at least once. */
	visited: boolean;
	/** Chosen option ids per question, as they stand now. */
	answers: Answers;
	/**
	 * Option ids per question in the order shown; reshuffled on every retry. Empty until the
	 * first retry: the authored order is shown first.
	 */
	order: Record<string, string[]>;
	attempts: number;
	/** The current answers have been checked. The result itself is derived from them and the key. */
	graded: boolean;
	bestScore: number | null;
	passed: boolean;
}

export function freshProgress(): LessonProgress {
	return {
		visited: false,
		answers: {},
		order: {},
		attempts: 0,
		graded: false,
		bestScore: null,
		passed: false
	};
}

/** Progress as it is kept between visits (and shared between tabs). */
export interface SavedProgress {
	/** The lesson the learner was last in: their place to resume. */
	current: string | null;
	/** An educator opened every lesson's check on this device. */
	openAll: boolean;
	progress: Record<string, LessonProgress>;
}

export interface CourseInput {
	course: CourseIndex;
	/** Progress restored from the device, already validated against `course`. */
	saved?: SavedProgress;
}

export interface CourseContext extends SavedProgress {
	course: CourseIndex;
	/** The answer keys of the lessons opened in this tab. */
	checks: Record<string, CheckKey>;
	/** Every check open in this tab only, because the page embedding it said so. Never saved. */
	openAllHere: boolean;
	/** Questions left unanswered when the learner last chose "Check answers" (`incomplete`). */
	missing: string[];
	/** Lessons whose saved progress did not fit their answer key, so they started afresh. */
	repaired: string[];
}

export type CourseEvent =
	/** The learner is shown a lesson; its page brings the lesson's answer key. */
	| { type: 'learner.open'; slug: string; check: CheckKey }
	| { type: 'learner.answer'; questionId: string; optionIds: string[] }
	| { type: 'learner.submit' }
	| { type: 'learner.retry'; seed: number }
	| { type: 'learner.reset' }
	| { type: 'educator.openAll' }
	/** An embedding page turned the mastery gate off, for this embedding only. */
	| { type: 'host.openAll' }
	/** Progress from another tab of the site, already merged with this tab's and validated. */
	| { type: 'sync.progress'; saved: SavedProgress };

export function initialContext({ course, saved }: CourseInput): CourseContext {
	return {
		course,
		checks: {},
		current: saved?.current ?? null,
		openAll: saved?.openAll ?? false,
		openAllHere: false,
		progress: Object.fromEntries(
			course.lessons.map((l) => [l.slug, saved?.progress[l.slug] ?? freshProgress()])
		),
		missing: [],
		repaired: []
	};
}

export function lessonEntry(context: CourseContext, slug: string | null): LessonEntry | undefined {
	return context.course.lessons.find((l) => l.slug === slug);
}

/** The mastery gate: the first lesson, anything already passed, or the one after a pass. */
export function isUnlocked(context: CourseContext, slug: string): boolean {
	const lessons = context.course.lessons;
	const index = lessons.findIndex((l) => l.slug === slug);
	if (index < 0) return false;
	if (context.openAll || context.openAllHere || index === 0) return true;
	if (context.progress[slug]?.passed) return true;
	return context.progress[lessons[index - 1]!.slug]?.passed ?? false;
}

export function allPassed(context: CourseContext): boolean {
	return context.course.lessons.every((l) => context.progress[l.slug]?.passed);
}

/** The grade of a lesson's current answers, once checked and while its key is known. */
export function resultOf(context: CourseContext, slug: string): CheckResult | null {
	const key = context.checks[slug];
	const progress = context.progress[slug];
	return key && progress?.graded ? gradeCheck(key, progress.answers) : null;
}

/** The part of the context that is kept on the device. */
export function savedPart({ current, openAll, progress }: CourseContext): SavedProgress {
	return { current, openAll, progress };
}
