/**
 * Where the learner is in the course and what they have achieved. Pure: no invoke, no delays, no
 * clock and no randomness (the shuffle seed arrives with the event), so `xstate/graph` can walk
 * it and the same events always give the same state.
 *
 * The course index (lesson order, versions, question counts) comes in as `input`, with any
 * progress restored from the device. A lesson's answer key arrives when the learner opens it:
 * a page carries only its own lesson's key. Per-lesson progress lives in context; the state
 * value says what the learner is doing in the lesson they have open.
 */
import { and, assertEvent, assign, not, setup } from 'xstate';
import {
	freshProgress,
	initialContext,
	isUnlocked,
	lessonEntry,
	type CourseContext,
	type CourseEvent,
	type CourseInput,
	type LessonProgress
} from './context';
import { fitsCheck, isPossible, sameProgress } from './progress';
import { gradeCheck, shuffle, unansweredQuestions, type CheckKey } from './scoring';

function currentLesson(context: CourseContext) {
	const slug = context.current;
	const key = slug === null ? undefined : context.checks[slug];
	const progress = slug === null ? undefined : context.progress[slug];
	return slug !== null && key && progress ? { slug, key, progress } : null;
}

/** A new progress map with the current lesson's entry changed; the others keep their identity. */
function updateCurrent(
	context: CourseContext,
	change: (progress: LessonProgress, key: CheckKey) => LessonProgress
): Record<string, LessonProgress> {
	const lesson = currentLesson(context);
	if (!lesson) return context.progress;
	return { ...context.progress, [lesson.slug]: change(lesson.progress, lesson.key) };
}

export const courseMachine = setup({
	types: {
		context: {} as CourseContext,
		events: {} as CourseEvent,
		input: {} as CourseInput
	},
	guards: {
		lessonExists: ({ context, event }) => {
			assertEvent(event, 'learner.open');
			return lessonEntry(context, event.slug) !== undefined;
		},
		currentIsUnlocked: ({ context }) =>
			context.current !== null && isUnlocked(context, context.current),
		currentIsGraded: ({ context }) => currentLesson(context)?.progress.graded ?? false,
		isValidAnswer: ({ context, event }) => {
			assertEvent(event, 'learner.answer');
			const question = currentLesson(context)?.key.questions.find((q) => q.id === event.questionId);
			if (!question) return false;
			const chosen = new Set(event.optionIds);
			return (
				chosen.size === event.optionIds.length &&
				(question.kind === 'multiple' || chosen.size <= 1) &&
				event.optionIds.every((id) => question.options.includes(id))
			);
		},
		allAnswered: ({ context }) => {
			const lesson = currentLesson(context);
			return !!lesson && unansweredQuestions(lesson.key, lesson.progress.answers).length === 0;
		},
		/** With this answer, every question that was missing at "Check answers" has one. */
		completesMissing: ({ context, event }) => {
			assertEvent(event, 'learner.answer');
			const lesson = currentLesson(context);
			if (!lesson) return false;
			const answers = { ...lesson.progress.answers, [event.questionId]: event.optionIds };
			const unanswered = unansweredQuestions(lesson.key, answers);
			return !context.missing.some((id) => unanswered.includes(id));
		},
		/** Another tab's progress changes the lesson shown here: its record, or whether it is open. */
		changesCurrentLesson: ({ context, event }) => {
			assertEvent(event, 'sync.progress');
			const slug = context.current;
			if (slug === null) return false;
			const { progress, openAll } = event.saved;
			const after = { ...context, progress: { ...context.progress, ...progress }, openAll };
			return (
				!sameProgress(progress[slug], context.progress[slug]) ||
				isUnlocked(after, slug) !== isUnlocked(context, slug)
			);
		},
		hasPassedCheck: ({ context }) => {
			const lesson = currentLesson(context);
			return !!lesson && gradeCheck(lesson.key, lesson.progress.answers).passed;
		}
	},
	actions: {
		/**
		 * Makes the lesson current and learns its key. Progress restored without the key (another
		 * page saved it) is checked against it now; a record that does not fit starts afresh.
		 */
		enterLesson: assign(({ context, event }) => {
			assertEvent(event, 'learner.open');
			const { slug, check } = event;
			const saved = context.progress[slug] ?? freshProgress();
			const fits = fitsCheck(saved, check);
			return {
				current: slug,
				checks: { ...context.checks, [slug]: check },
				progress: {
					...context.progress,
					[slug]: { ...(fits ? saved : freshProgress()), visited: true }
				},
				missing: [],
				repaired: fits ? context.repaired : [...context.repaired, slug]
			};
		}),
		recordAnswer: assign(({ context, event }) => {
			assertEvent(event, 'learner.answer');
			return {
				progress: updateCurrent(context, (p) => {
					// Unticking every box leaves the question unanswered, as it was: saved progress never
					// holds an empty answer, which reading it back rejects as impossible.
					const answers = { ...p.answers, [event.questionId]: [...event.optionIds] };
					if (!event.optionIds.length) delete answers[event.questionId];
					return { ...p, answers };
				})
			};
		}),
		/** Remembers which questions had no answer, for the error summary and the page title. */
		noteMissing: assign(({ context }) => {
			const lesson = currentLesson(context);
			return { missing: lesson ? unansweredQuestions(lesson.key, lesson.progress.answers) : [] };
		}),
		/** Drops the questions the learner has answered since from the error list. */
		updateMissing: assign(({ context }) => {
			const lesson = currentLesson(context);
			if (!lesson) return {};
			const unanswered = unansweredQuestions(lesson.key, lesson.progress.answers);
			return { missing: context.missing.filter((id) => unanswered.includes(id)) };
		}),
		clearMissing: assign({ missing: [] }),
		grade: assign(({ context }) => ({
			progress: updateCurrent(context, (p, key) => {
				const { score } = gradeCheck(key, p.answers);
				return {
					...p,
					graded: true,
					attempts: p.attempts + 1,
					bestScore: Math.max(p.bestScore ?? 0, score)
				};
			})
		})),
		markPassed: assign(({ context }) => ({
			progress: updateCurrent(context, (p) => ({ ...p, passed: true }))
		})),
		retry: assign(({ context, event }) => {
			assertEvent(event, 'learner.retry');
			return {
				progress: updateCurrent(context, (p, key) => ({
					...p,
					answers: {},
					graded: false,
					order: Object.fromEntries(
						key.questions.map((q, i) => [
							q.id,
							shuffle(q.options, p.order[q.id] ?? q.options, event.seed + i)
						])
					)
				}))
			};
		}),
		openAll: assign({ openAll: true }),
		openAllHere: assign({ openAllHere: true }),
		reset: assign(({ context }) => ({
			...initialContext({ course: context.course }),
			// The answer keys and an embedder's choice belong to this tab, not to the progress.
			checks: context.checks,
			openAllHere: context.openAllHere
		})),
		/**
		 * Takes progress merged from another tab. A lesson whose record no longer fits its key is
		 * left as this tab has it (the merge already validated what it could without the key).
		 */
		adoptSaved: assign(({ context, event }) => {
			assertEvent(event, 'sync.progress');
			const { saved } = event;
			const progress = Object.fromEntries(
				context.course.lessons.map((l) => {
					const theirs = saved.progress[l.slug] ?? freshProgress();
					const key = context.checks[l.slug];
					const usable = isPossible(theirs, l) && (!key || fitsCheck(theirs, key));
					return [l.slug, usable ? theirs : context.progress[l.slug]!];
				})
			);
			const known = saved.current !== null && lessonEntry(context, saved.current);
			return {
				openAll: saved.openAll,
				progress,
				// This tab's open lesson stays current; a tab on another page follows the others.
				current: context.current ?? (known ? saved.current : null)
			};
		})
	}
}).createMachine({
	id: 'course',
	context: ({ input }) => initialContext(input),
	initial: 'idle',
	on: {
		'learner.open': {
			guard: 'lessonExists',
			target: '.lesson',
			reenter: true,
			actions: 'enterLesson'
		},
		'learner.reset': { target: '.idle', actions: 'reset' },
		'educator.openAll': { actions: 'openAll' },
		'host.openAll': { actions: 'openAllHere' }
	},
	states: {
		/** No lesson opened in this tab yet (the overview, the glossary, a fresh start). */
		idle: {
			on: { 'sync.progress': { actions: 'adoptSaved' } }
		},
		lesson: {
			initial: 'routing',
			on: {
				'sync.progress': [
					// Another tab changed this lesson: show it as it now stands.
					{
						guard: 'changesCurrentLesson',
						target: '.routing',
						reenter: true,
						actions: 'adoptSaved'
					},
					{ actions: 'adoptSaved' }
				]
			},
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
					on: {
						'educator.openAll': { target: 'routing', actions: 'openAll' },
						'host.openAll': { target: 'routing', actions: 'openAllHere' }
					}
				},
				answering: {
					initial: 'ready',
					states: {
						ready: {
							on: {
								'learner.answer': { guard: 'isValidAnswer', actions: 'recordAnswer' }
							}
						},
						/** "Check answers" with questions unanswered: `missing` names them. */
						incomplete: {
							exit: 'clearMissing',
							on: {
								'learner.answer': [
									{
										guard: and(['isValidAnswer', 'completesMissing']),
										target: 'ready',
										actions: 'recordAnswer'
									},
									{ guard: 'isValidAnswer', actions: ['recordAnswer', 'updateMissing'] }
								]
							}
						}
					},
					on: {
						'learner.submit': [
							{
								guard: not('allAnswered'),
								target: '.incomplete',
								reenter: true,
								actions: 'noteMissing'
							},
							{ guard: 'hasPassedCheck', target: 'graded', actions: ['grade', 'markPassed'] },
							{ target: 'graded', actions: 'grade' }
						]
					}
				},
				graded: {
					on: { 'learner.retry': { target: 'answering', actions: 'retry' } }
				}
			}
		}
	}
});

export type CourseMachine = typeof courseMachine;
