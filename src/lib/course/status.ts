/** What the learner sees of their progress, derived from the machine's context. */
import type { SnapshotFrom } from 'xstate';
import type { CourseIndex } from './progress';
import type { LessonLink } from './types';
import type { CourseMachine } from './courseMachine';
import { allPassed, isUnlocked, type CourseContext } from './context';

export type LessonStatus = 'locked' | 'not-started' | 'in-progress' | 'passed';

export const statusLabel: Record<LessonStatus, string> = {
	locked: 'Locked',
	'not-started': 'Not started',
	'in-progress': 'In progress',
	passed: 'Passed'
};

export function lessonStatus(context: CourseContext, slug: string): LessonStatus {
	const progress = context.progress[slug];
	if (progress?.passed) return 'passed';
	if (!isUnlocked(context, slug)) return 'locked';
	const answered = progress && Object.keys(progress.answers).length > 0;
	if (progress && (progress.visited || progress.attempts > 0 || answered)) return 'in-progress';
	return 'not-started';
}

export type NextStep =
	{ kind: 'start'; slug: string } | { kind: 'resume'; slug: string } | { kind: 'complete' };

/** The one clear next step on the home page. */
export function nextStep(context: CourseContext): NextStep {
	if (allPassed(context)) return { kind: 'complete' };
	const lessons = context.course.lessons;
	const current = context.current;
	if (current && !context.progress[current]?.passed && isUnlocked(context, current)) {
		return { kind: 'resume', slug: current };
	}
	const open = lessons.find(
		(l) => !context.progress[l.slug]?.passed && isUnlocked(context, l.slug)
	);
	const slug = open?.slug ?? lessons[0]!.slug;
	const started = lessons.some((l) => context.progress[l.slug]?.visited);
	return { kind: started ? 'resume' : 'start', slug };
}

/** What a lesson's knowledge check shows now. */
export type CheckPhase = 'static' | 'locked' | 'answering' | 'incomplete' | 'graded';

/**
 * `static` until the learner's progress is loaded and the lesson is the one the machine has open
 * (and always without JavaScript): the questions show, with nothing to submit.
 */
export function checkPhase(snapshot: SnapshotFrom<CourseMachine>, slug: string): CheckPhase {
	if (snapshot.context.current !== slug) return 'static';
	if (snapshot.matches({ lesson: 'locked' })) return 'locked';
	if (snapshot.matches({ lesson: 'graded' })) return 'graded';
	if (snapshot.matches({ lesson: { answering: 'incomplete' } })) return 'incomplete';
	if (snapshot.matches({ lesson: 'answering' })) return 'answering';
	return 'static';
}

/** The lessons before and after `slug` in the course this tab runs (a workshop's, or all). */
export function neighbours(
	course: CourseIndex,
	slug: string
): { prev: LessonLink | null; next: LessonLink | null } {
	const i = course.lessons.findIndex((l) => l.slug === slug);
	const link = (entry: CourseIndex['lessons'][number] | undefined) =>
		entry ? { slug: entry.slug, number: entry.number, title: entry.title } : null;
	return i < 0
		? { prev: null, next: null }
		: { prev: link(course.lessons[i - 1]), next: link(course.lessons[i + 1]) };
}
