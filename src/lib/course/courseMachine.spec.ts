import { createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { courseMachine } from './courseMachine';
import {
	freshProgress,
	isUnlocked,
	resultOf,
	savedPart,
	type CourseEvent,
	type LessonProgress,
	type SavedProgress
} from './context';
import { readStored, stamp } from './saved';
import { emptyStored } from './stored';
import { mixedLessons, twoLessons } from './testCourse';

type Snap = SnapshotFrom<typeof courseMachine>;
const { index, open } = mixedLessons;

function start(events: CourseEvent[] = [], saved?: SavedProgress) {
	const actor = createActor(courseMachine, { input: { course: index, saved } }).start();
	for (const event of events) actor.send(event);
	return actor;
}

const answer = (questionId: string, ...optionIds: string[]): CourseEvent => ({
	type: 'learner.answer',
	questionId,
	optionIds
});
const submit: CourseEvent = { type: 'learner.submit' };
const passOne = [open('one'), answer('q1', 'a'), answer('q2', 'a', 'c'), submit];
const passTwo = [open('two'), answer('q1', 'b'), submit];
const progress = (change: Partial<LessonProgress>): LessonProgress => ({
	...freshProgress(),
	...change
});

describe('course machine', () => {
	it('starts idle with only the first lesson open', () => {
		const { context, value } = start().getSnapshot();
		expect(value).toBe('idle');
		expect(isUnlocked(context, 'one')).toBe(true);
		expect(isUnlocked(context, 'two')).toBe(false);
	});

	it('opening a lesson makes it the place to resume and learns its answer key', () => {
		const snapshot = start([open('one')]).getSnapshot();
		expect(snapshot.value).toEqual({ lesson: { answering: 'ready' } });
		expect(snapshot.context.current).toBe('one');
		expect(snapshot.context.progress.one!.visited).toBe(true);
		expect(snapshot.context.checks.one).toEqual(mixedLessons.keys.one);
	});

	it('unticking every box of a question leaves it unanswered, and the save stays readable', () => {
		const actor = start([open('one'), answer('q1', 'a'), answer('q2', 'a'), answer('q2')]);
		const { context } = actor.getSnapshot();
		expect(context.progress.one!.answers).toEqual({ q1: ['a'] });
		const stored = stamp(savedPart(context), emptyStored('e', 1), index, 2, true);
		expect(readStored(JSON.stringify(stored), index, mixedLessons.keys)).toMatchObject({
			kind: 'ok',
			dropped: { changed: [], damaged: [] }
		});
		actor.send(submit);
		expect(actor.getSnapshot().context.missing).toEqual(['q2']);
	});

	it('ignores a lesson that does not exist', () => {
		const nope: CourseEvent = { type: 'learner.open', slug: 'nope', check: mixedLessons.keys.one! };
		const snapshot = start([open('one'), nope]).getSnapshot();
		expect(snapshot.context.current).toBe('one');
	});

	it('lets a learner read ahead but keeps the check of a locked lesson shut', () => {
		const actor = start([open('two'), answer('q1', 'b'), submit]);
		expect(actor.getSnapshot().value).toEqual({ lesson: 'locked' });
		expect(actor.getSnapshot().context.progress.two).toMatchObject({ answers: {}, attempts: 0 });
	});

	it('ignores answers naming unknown questions or options, repeated options, and two answers to a single question', () => {
		const actor = start([
			open('one'),
			answer('q9', 'a'),
			answer('q1', 'z'),
			answer('q1', 'a', 'b'),
			answer('q2', 'a', 'a')
		]);
		expect(actor.getSnapshot().context.progress.one!.answers).toEqual({});
	});

	describe('"Check answers" with questions unanswered', () => {
		it('grades nothing and names the unanswered questions', () => {
			const actor = start([open('one'), answer('q2', 'a'), submit]);
			const { value, context } = actor.getSnapshot();
			expect(value).toEqual({ lesson: { answering: 'incomplete' } });
			expect(context.missing).toEqual(['q1']);
			expect(context.progress.one).toMatchObject({ attempts: 0, graded: false });
		});

		it('drops each question from the list once it is answered, and leaves when none is left', () => {
			const actor = start([open('one'), submit]);
			expect(actor.getSnapshot().context.missing).toEqual(['q1', 'q2']);
			actor.send(answer('q1', 'b'));
			expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'incomplete' } });
			expect(actor.getSnapshot().context.missing).toEqual(['q2']);
			actor.send(answer('q2', 'a'));
			expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'ready' } });
			expect(actor.getSnapshot().context.missing).toEqual([]);
		});

		it('an invalid answer changes nothing', () => {
			const actor = start([open('one'), submit, answer('q1', 'z')]);
			expect(actor.getSnapshot().context.missing).toEqual(['q1', 'q2']);
		});

		it('is left behind when the learner opens another lesson (the error does not follow them)', () => {
			const actor = start([...passOne, { type: 'learner.retry', seed: 3 }, submit]);
			expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'incomplete' } });
			actor.send(open('two'));
			expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'ready' } });
			expect(actor.getSnapshot().context.missing).toEqual([]);
		});

		it('checking again with everything answered grades as usual', () => {
			const actor = start([open('one'), submit, answer('q1', 'a'), answer('q2', 'a', 'c'), submit]);
			expect(actor.getSnapshot().value).toEqual({ lesson: 'graded' });
			expect(actor.getSnapshot().context.missing).toEqual([]);
		});
	});

	it('a wrong attempt is graded, counted and scored, and the next lesson stays locked', () => {
		const actor = start([open('one'), answer('q1', 'a'), answer('q2', 'a'), submit]);
		const { value, context } = actor.getSnapshot();
		expect(value).toEqual({ lesson: 'graded' });
		expect(context.progress.one).toMatchObject({
			attempts: 1,
			graded: true,
			bestScore: 1,
			passed: false
		});
		expect(resultOf(context, 'one')).toEqual({ score: 1, max: 2, passed: false, correct: ['q1'] });
		expect(isUnlocked(context, 'two')).toBe(false);
	});

	it('passing the check marks the lesson passed and opens the next', () => {
		const { context } = start(passOne).getSnapshot();
		expect(context.progress.one).toMatchObject({ passed: true, bestScore: 2, attempts: 1 });
		expect(isUnlocked(context, 'two')).toBe(true);
	});

	it('"Try again" clears the answers, reshuffles every question and keeps the best score', () => {
		const actor = start([open('one'), answer('q1', 'b'), answer('q2', 'a'), submit]);
		actor.send({ type: 'learner.retry', seed: 7 });
		const after = actor.getSnapshot().context.progress.one!;
		expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'ready' } });
		expect(after).toMatchObject({ answers: {}, graded: false, bestScore: 0, attempts: 1 });
		expect(after.order.q1).not.toEqual(['a', 'b', 'c']);
		expect([...after.order.q1!].sort()).toEqual(['a', 'b', 'c']);
	});

	it('a failed attempt after passing keeps the pass and the best score', () => {
		const actor = start([
			...passOne,
			{ type: 'learner.retry', seed: 1 },
			answer('q1', 'b'),
			answer('q2', 'b'),
			submit
		]);
		const { context } = actor.getSnapshot();
		expect(context.progress.one).toMatchObject({ passed: true, bestScore: 2, attempts: 2 });
		expect(resultOf(context, 'one')!.passed).toBe(false);
		expect(isUnlocked(context, 'two')).toBe(true);
	});

	it('reopening a graded lesson shows its result again', () => {
		const actor = start([...passOne, open('two'), open('one')]);
		expect(actor.getSnapshot().value).toEqual({ lesson: 'graded' });
	});

	it('"Start over" forgets all progress but keeps the answer keys this tab has', () => {
		const actor = start([...passOne, ...passTwo, { type: 'learner.reset' }]);
		const { value, context } = actor.getSnapshot();
		expect(value).toBe('idle');
		expect(context.current).toBeNull();
		expect(context.progress.one).toEqual(freshProgress());
		expect(context.checks.one).toBeDefined();
	});

	it('an educator can open every lesson, also from a locked one, and it is kept with the progress', () => {
		const actor = start([open('two'), { type: 'educator.openAll' }]);
		expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'ready' } });
		expect(savedPart(actor.getSnapshot().context).openAll).toBe(true);
	});

	it('an embedding page can open every lesson for this tab only: nothing of it is kept', () => {
		const actor = start([open('two'), { type: 'host.openAll' }]);
		expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'ready' } });
		expect(savedPart(actor.getSnapshot().context).openAll).toBe(false);
		actor.send({ type: 'learner.reset' });
		expect(isUnlocked(actor.getSnapshot().context, 'two')).toBe(true);
	});

	describe('restored progress', () => {
		const saved: SavedProgress = {
			current: 'one',
			openAll: false,
			progress: {
				one: progress({
					visited: true,
					answers: { q1: ['a'], q2: ['a', 'c'] },
					attempts: 1,
					graded: true,
					bestScore: 2,
					passed: true
				})
			}
		};

		it('starts where it was: lesson one passed, lesson two open, graded on reopening', () => {
			const actor = start([], saved);
			expect(isUnlocked(actor.getSnapshot().context, 'two')).toBe(true);
			actor.send(open('one'));
			expect(actor.getSnapshot().value).toEqual({ lesson: 'graded' });
			expect(resultOf(actor.getSnapshot().context, 'one')!.score).toBe(2);
		});

		it('a lesson whose saved answers do not fit its answer key starts afresh, and says so', () => {
			const damaged: SavedProgress = {
				...saved,
				progress: { one: progress({ visited: true, answers: { q1: ['c', 'b'] } }) }
			};
			const actor = start([open('one')], damaged);
			const { context, value } = actor.getSnapshot();
			expect(value).toEqual({ lesson: { answering: 'ready' } });
			expect(context.progress.one).toEqual({ ...freshProgress(), visited: true });
			expect(context.repaired).toEqual(['one']);
		});
	});

	describe('progress from another tab', () => {
		const otherPassedOne: SavedProgress = {
			current: 'one',
			openAll: false,
			progress: {
				one: progress({
					visited: true,
					answers: { q1: ['a'], q2: ['a', 'c'] },
					attempts: 1,
					graded: true,
					bestScore: 2,
					passed: true
				})
			}
		};

		it('shows the lesson open here as it now stands', () => {
			const actor = start([open('one'), answer('q1', 'b')]);
			actor.send({ type: 'sync.progress', saved: otherPassedOne });
			expect(actor.getSnapshot().value).toEqual({ lesson: 'graded' });
			expect(actor.getSnapshot().context.current).toBe('one');
		});

		it('opens the next lesson in a tab that is reading it ahead', () => {
			const actor = start([open('two')]);
			expect(actor.getSnapshot().value).toEqual({ lesson: 'locked' });
			// The other tab saw this tab's visit to lesson two: only lesson one differs.
			const saved = {
				...otherPassedOne,
				progress: { ...otherPassedOne.progress, two: actor.getSnapshot().context.progress.two! }
			};
			actor.send({ type: 'sync.progress', saved });
			expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'ready' } });
			expect(actor.getSnapshot().context.current).toBe('two');
		});

		it('leaves an error summary alone when the lesson shown here did not change', () => {
			const actor = start([...passOne, ...passTwo.slice(0, 1), submit]);
			expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'incomplete' } });
			actor.send({
				type: 'sync.progress',
				saved: { ...savedPart(actor.getSnapshot().context), openAll: true }
			});
			expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'incomplete' } });
			expect(actor.getSnapshot().context.openAll).toBe(true);
		});

		it('follows another tab that started over, while showing the same lesson', () => {
			const actor = start(passOne);
			actor.send({ type: 'sync.progress', saved: { current: null, openAll: false, progress: {} } });
			expect(actor.getSnapshot().value).toEqual({ lesson: { answering: 'ready' } });
			expect(actor.getSnapshot().context.progress.one).toEqual(freshProgress());
			expect(actor.getSnapshot().context.current).toBe('one');
		});

		it('refuses a record that does not fit the answer key this tab knows', () => {
			const actor = start([open('one'), answer('q1', 'b')]);
			actor.send({
				type: 'sync.progress',
				saved: { ...otherPassedOne, progress: { one: progress({ answers: { q1: ['z'] } }) } }
			});
			expect(actor.getSnapshot().context.progress.one!.answers).toEqual({ q1: ['b'] });
		});
	});
});

describe('course machine paths (xstate/graph)', () => {
	// One question per lesson keeps the state space small enough to walk completely; the shuffle
	// seed is fixed for the same reason.
	const small = twoLessons;
	const passedOne: SavedProgress = {
		current: null,
		openAll: false,
		progress: {
			one: progress({
				visited: true,
				answers: { q1: ['a'] },
				attempts: 1,
				graded: true,
				bestScore: 1,
				passed: true
			})
		}
	};
	const events: CourseEvent[] = [
		small.open('one'),
		small.open('two'),
		answer('q1', 'a'),
		answer('q1', 'b'),
		submit,
		{ type: 'learner.retry', seed: 1 },
		{ type: 'learner.reset' },
		{ type: 'educator.openAll' },
		{ type: 'host.openAll' },
		// Another tab passed lesson one.
		{ type: 'sync.progress', saved: passedOne }
	];
	// Bounded: where the learner is, the gate, and per lesson what is passed, graded and chosen.
	const serializeState = (s: Snap) =>
		JSON.stringify([
			s.value,
			s.context.current,
			s.context.openAll,
			s.context.openAllHere,
			s.context.missing,
			Object.values(s.context.progress).map((p) => [
				p.passed,
				p.graded,
				p.visited,
				p.answers.q1?.[0] ?? null
			])
		]);

	const paths = getShortestPaths(courseMachine, {
		input: { course: small.index },
		events,
		serializeState
	});

	it('reaches every state the machine has', () => {
		const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));
		expect(values).toEqual(
			new Set([
				'"idle"',
				'{"lesson":"locked"}',
				'{"lesson":{"answering":"ready"}}',
				'{"lesson":{"answering":"incomplete"}}',
				'{"lesson":"graded"}'
			])
		);
		expect(paths.length).toBeGreaterThan(200);
	});

	it('no path grades or answers lesson two while it is locked', () => {
		for (const path of paths) {
			for (const { state, event } of path.steps) {
				if (event.type !== 'learner.answer' && event.type !== 'learner.submit') continue;
				const { context } = state;
				const two = context.progress.two!;
				if (two.attempts > 0 || Object.keys(two.answers).length > 0) {
					expect(context.progress.one!.passed || context.openAll || context.openAllHere).toBe(true);
				}
			}
		}
	});

	it('in every state, a graded lesson has all its questions answered and a pass has a passing attempt', () => {
		for (const { state } of paths) {
			for (const [slug, p] of Object.entries(state.context.progress)) {
				if (p.graded) expect(Object.keys(p.answers)).toEqual(['q1']);
				if (p.passed) expect(p.bestScore, slug).toBe(1);
			}
		}
	});

	it('"Start over" from any state leaves no progress and nothing open but lesson one', () => {
		for (const path of paths) {
			const actor = createActor(courseMachine, { input: { course: small.index } }).start();
			for (const step of path.steps.slice(1)) actor.send(step.event as CourseEvent);
			actor.send({ type: 'learner.reset' });
			const { context } = actor.getSnapshot();
			expect(Object.values(context.progress)).toEqual([freshProgress(), freshProgress()]);
			expect(context.openAll).toBe(false);
		}
	});

	it('replaying any path on a live actor lands in the same state', () => {
		for (const path of paths) {
			const actor = createActor(courseMachine, { input: { course: small.index } }).start();
			for (const step of path.steps.slice(1)) actor.send(step.event as CourseEvent);
			expect(serializeState(actor.getSnapshot())).toBe(serializeState(path.state));
		}
	});
});
