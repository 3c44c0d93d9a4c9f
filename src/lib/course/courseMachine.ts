/**
 * Where the learner is in the course and what they have achieved. Pure: no invoke, no delays,
 * no randomness (the shuffle seed arrives with the event), so `xstate/graph` can walk it and a
 * persisted snapshot restores exactly.
 *
 * The lesson list comes in as `input`. Per-lesson progress lives in context; the state value
 * says what the learner is doing now (on the overview, in a lesson answering or reading their
 * result, or on the course-complete page).
 */
import { and, assign, not, setup } from 'xstate';
import {
	gradeCheck,
	shuffle,
	unansweredQuestions,
	type Answers,
	type CheckKey,
	type CheckResult
} from './scoring';

export interface LessonKey extends CheckKey {
	slug: string;
}

/** What the machine needs to know of the course: order, pass marks and answer keys. */
export interface CourseKey {
	lessons: LessonKey[];
}

export interface LessonProgress {
	/** The learner has opened this lesson at least once. */
	visited: boolean;
	/** Chosen option ids per question, as they stand now. */
	answers: Answers;
	/** Option ids per question in the order shown; reshuffled on every retry. */
	order: Record<string, string[]>;
	attempts: number;
	/** The grade of the current answers, or null while the learner is still answering. */
	result: CheckResult | null;
	bestScore: number | null;
	passed: boolean;
}

export interface CourseContext {
	course: CourseKey;
	/** The lesson the learner is in or was last in: their place to resume. */
	current: string | null;
	/** Every lesson open regardless of the mastery gate (for educators). */
	openAll: boolean;
	progress: Record<string, LessonProgress>;
}

export type CourseEvent =
	| { type: 'learner.open'; slug: string }
	| { type: 'learner.home' }
	| { type: 'learner.answer'; questionId: string; optionIds: string[] }
	| { type: 'learner.submit' }
	| { type: 'learner.retry'; seed: number }
	| { type: 'learner.finish' }
	| { type: 'learner.reset' }
	| { type: 'educator.openAll' };

export function freshProgress(lesson: LessonKey): LessonProgress {
	return {
		visited: false,
		answers: {},
		order: Object.fromEntries(lesson.questions.map((q) => [q.id, [...q.options]])),
		attempts: 0,
		result: null,
		bestScore: null,
		passed: false
	};
}

export function initialContext(course: CourseKey): CourseContext {
	return {
		course,
		current: null,
		openAll: false,
		progress: Object.fromEntries(course.lessons.map((l) => [l.slug, freshProgress(l)]))
	};
}

export function lessonKey(context: CourseContext, slug: string | null): LessonKey | undefined {
	return context.course.lessons.find((l) => l.slug === slug);
}

/** The mastery gate: the first lesson, anything already passed, or the one after a pass. */
export function isUnlocked(context: CourseContext, slug: string): boolean {
	const lessons = context.course.lessons;
	const index = lessons.findIndex((l) => l.slug === slug);
	if (index < 0) return false;
	if (context.openAll || index === 0 || context.progress[slug]?.passed) return true;
	return context.progress[lessons[index - 1]!.slug]?.passed ?? false;
}

export function allPassed(context: CourseContext): boolean {
	return context.course.lessons.every((l) => context.progress[l.slug]?.passed);
}

function updateCurrent(
	context: CourseContext,
	change: (progress: LessonProgress, lesson: LessonKey) => LessonProgress
): Record<string, LessonProgress> {
	const lesson = lessonKey(context, context.current);
	const progress = lesson && context.progress[lesson.slug];
	if (!lesson || !progress) return context.progress;
	return { ...context.progress, [lesson.slug]: change(progress, lesson) };
}

function gradeCurrent(context: CourseContext): CheckResult | null {
	const lesson = lessonKey(context, context.current);
	const progress = lesson && context.progress[lesson.slug];
	return lesson && progress ? gradeCheck(lesson, progress.answers) : null;
}

export const courseMachine = setup({
	types: {
		context: {} as CourseContext,
		events: {} as CourseEvent,
		input: {} as CourseKey
	},
	guards: {
		lessonExists: ({ context, event }) =>
			event.type === 'learner.open' && lessonKey(context, event.slug) !== undefined,
		currentIsUnlocked: ({ context }) =>
			context.current !== null && isUnlocked(context, context.current),
		currentIsGraded: ({ context }) =>
			context.current !== null && context.progress[context.current]?.result != null,
		isValidAnswer: ({ context, event }) => {
			if (event.type !== 'learner.answer') return false;
			const question = lessonKey(context, context.current)?.questions.find(
				(q) => q.id === event.questionId
			);
			if (!question) return false;
			const unique = new Set(event.optionIds);
			return (
				unique.size === event.optionIds.length &&
				(question.kind === 'multiple' || unique.size <= 1) &&
				event.optionIds.every((id) => question.options.includes(id))
			);
		},
		allAnswered: ({ context }) => {
			const lesson = lessonKey(context, context.current);
			const progress = lesson && context.progress[lesson.slug];
			return !!progress && unansweredQuestions(lesson, progress.answers).length === 0;
		},
		hasPassedCheck: ({ context }) => gradeCurrent(context)?.passed ?? false,
		allPassed: ({ context }) => allPassed(context)
	},
	actions: {
		enterLesson: assign(({ context, event }) => {
			if (event.type !== 'learner.open') return {};
			const progress = context.progress[event.slug];
			if (!progress) return {};
			return {
				current: event.slug,
				progress: { ...context.progress, [event.slug]: { ...progress, visited: true } }
			};
		}),
		recordAnswer: assign(({ context, event }) => {
			if (event.type !== 'learner.answer') return {};
			return {
				progress: updateCurrent(context, (p) => ({
					...p,
					answers: { ...p.answers, [event.questionId]: [...event.optionIds] }
				}))
			};
		}),
		grade: assign(({ context }) => {
			const result = gradeCurrent(context);
			return {
				progress: updateCurrent(context, (p) => ({
					...p,
					result,
					attempts: p.attempts + 1,
					bestScore: Math.max(p.bestScore ?? 0, result?.score ?? 0)
				}))
			};
		}),
		unlockNext: assign(({ context }) => ({
			progress: updateCurrent(context, (p) => ({ ...p, passed: true }))
		})),
		retry: assign(({ context, event }) => {
			if (event.type !== 'learner.retry') return {};
			return {
				progress: updateCurrent(context, (p, lesson) => ({
					...p,
					answers: {},
					result: null,
					order: Object.fromEntries(
						lesson.questions.map((q, i) => [
							q.id,
							shuffle(q.options, p.order[q.id] ?? q.options, event.seed + i)
						])
					)
				}))
			};
		}),
		openAll: assign({ openAll: true }),
		reset: assign(({ context }) => initialContext(context.course))
	}
}).createMachine({
	id: 'course',
	context: ({ input }) => initialContext(input),
	initial: 'overview',
	on: {
		'learner.open': {
			guard: 'lessonExists',
			target: '.lesson',
			reenter: true,
			actions: 'enterLesson'
		},
		'learner.home': '.overview',
		'learner.finish': { guard: 'allPassed', target: '.complete' },
		'learner.reset': { target: '.overview', actions: 'reset' },
		'educator.openAll': { actions: 'openAll' }
	},
	states: {
		overview: {},
		lesson: {
			initial: 'routing',
			states: {
				/** Transient: sends the learner to where this lesson's check stands. */
				routing: {
					always: [
						{ guard: not('currentIsUnlocked'), target: 'locked' },
						{ guard: 'currentIsGraded', target: 'graded' },
						{ target: 'answering' }
					]
				},
				/** Reading ahead: the prose is open to everyone, the check waits for the gate. */
				locked: {
					on: { 'educator.openAll': { target: 'routing', actions: 'openAll' } }
				},
				answering: {
					on: {
						'learner.answer': { guard: 'isValidAnswer', actions: 'recordAnswer' },
						'learner.submit': [
							{
								guard: and(['allAnswered', 'hasPassedCheck']),
								target: 'graded',
								actions: ['grade', 'unlockNext']
							},
							{ guard: 'allAnswered', target: 'graded', actions: 'grade' }
						]
					}
				},
				graded: {
					on: { 'learner.retry': { target: 'answering', actions: 'retry' } }
				}
			}
		},
		complete: {}
	}
});

export type CourseMachine = typeof courseMachine;
