/** What the learner sees of their progress, derived from the machine's context. */
import { allPassed, isUnlocked, type CourseContext } from './courseMachine';

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
	if (progress && (progress.visited || progress.attempts > 0)) return 'in-progress';
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
