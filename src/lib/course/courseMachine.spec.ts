import { createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { courseMachine, isUnlocked, type CourseEvent, type CourseKey } from './courseMachine';
import { twoLessons } from './testCourse';

/** Two small lessons: enough for the gate, the retry loop and completion. */
const course: CourseKey = {
	lessons: [
		{
			slug: 'one',
			passMark: 100,
			questions: [
				{ id: 'q1', kind: 'single', options: ['a', 'b', 'c'], correct: ['a'] },
				{ id: 'q2', kind: 'multiple', options: ['a', 'b', 'c'], correct: ['a', 'c'] }
			]
		},
		{
			slug: 'two',
			passMark: 50,
			questions: [{ id: 'q1', kind: 'single', options: ['a', 'b'], correct: ['b'] }]
		}
	]
};

type Snap = SnapshotFrom<typeof courseMachine>;

function start(events: CourseEvent[] = []) {
	const actor = createActor(courseMachine, { input: course }).start();
	for (const event of events) actor.send(event);
	return actor;
}

const open = (slug: string): CourseEvent => ({ type: 'learner.open', slug });
const answer = (questionId: string, ...optionIds: string[]): CourseEvent => ({
	type: 'learner.answer',
	questionId,
	optionIds
});
const submit: CourseEvent = { type: 'learner.submit' };
const passOne = [open('one'), answer('q1', 'a'), answer('q2', 'a', 'c'), submit];
const passTwo = [open('two'), answer('q1', 'b'), submit];

describe('course machine', () => {
	it('starts on the overview with only the first lesson open', () => {
		const { context, value } = start().getSnapshot();
		expect(value).toBe('overview');
		expect(isUnlocked(context, 'one')).toBe(true);
		expect(isUnlocked(context, 'two')).toBe(false);
	});

	it('opening a lesson makes it the place to resume', () => {
		const snapshot = start([open('one')]).getSnapshot();
		expect(snapshot.value).toEqual({ lesson: 'answering' });
		expect(snapshot.context.current).toBe('one');
		expect(snapshot.context.progress.one!.visited).toBe(true);
	});

	it('ignores a lesson that does not exist', () => {
		const snapshot = start([open('one'), open('nope')]).getSnapshot();
		expect(snapshot.context.current).toBe('one');
	});

	it('lets a learner read ahead but keeps the check of a locked lesson shut', () => {
		const actor = start([open('two'), answer('q1', 'b'), submit]);
		expect(actor.getSnapshot().value).toEqual({ lesson: 'locked' });
		expect(actor.getSnapshot().context.progress.two).toMatchObject({ answers: {}, attempts: 0 });
	});

	it('ignores answers naming unknown questions or options, and two answers to a single question', () => {
		const actor = start([
			open('one'),
			answer('q9', 'a'),
			answer('q1', 'z'),
			answer('q1', 'a', 'b')
		]);
		expect(actor.getSnapshot().context.progress.one!.answers).toEqual({});
	});

	it('does not grade while a question is unanswered', () => {
		const actor = start([open('one'), answer('q1', 'a'), submit]);
		expect(actor.getSnapshot().value).toEqual({ lesson: 'answering' });
		expect(actor.getSnapshot().context.progress.one!.attempts).toBe(0);
	});

	it('grades a wrong answer without unlocking the next lesson', () => {
		const actor = start([open('one'), answer('q1', 'a'), answer('q2', 'a'), submit]);
		const { value, context } = actor.getSnapshot();
		expect(value).toEqual({ lesson: 'graded' });
		expect(context.progress.one).toMatchObject({
			attempts: 1,
			passed: false,
			bestScore: 1,
			result: { score: 1, max: 2, passed: false, correct: ['q1'] }
		});
		expect(isUnlocked(context, 'two')).toBe(false);
	});

	it('"Try again" clears the answers and reshuffles every question', () => {
		const actor = start([open('one'), answer('q1', 'b'), answer('q2', 'b'), submit]);
		const before = actor.getSnapshot().context.progress.one!.order;
		actor.send({ type: 'learner.retry', seed: 7 });
		const after = actor.getSnapshot().context.progress.one!;
		expect(actor.getSnapshot().value).toEqual({ lesson: 'answering' });
		expect(after.answers).toEqual({});
		expect(after.result).toBeNull();
		expect(after.order.q1).not.toEqual(before.q1);
		expect(after.order.q2).not.toEqual(before.q2);
		expect([...after.order.q1!].sort()).toEqual(['a', 'b', 'c']);
	});

	it('passing unlocks the next lesson, and a passed lesson stays passed after a worse retry', () => {
		const actor = start([
			...passOne,
			{ type: 'learner.retry', seed: 1 },
			answer('q1', 'b'),
			answer('q2', 'b'),
			submit
		]);
		const { context } = actor.getSnapshot();
		expect(context.progress.one).toMatchObject({ passed: true, bestScore: 2, attempts: 2 });
		expect(context.progress.one!.result!.passed).toBe(false);
		expect(isUnlocked(context, 'two')).toBe(true);
	});

	it('reopening a graded lesson shows its result again', () => {
		const actor = start([...passOne, { type: 'learner.home' }, open('one')]);
		expect(actor.getSnapshot().value).toEqual({ lesson: 'graded' });
	});

	it('reaches the course-complete state only when every lesson is passed', () => {
		const actor = start([...passOne, { type: 'learner.finish' }]);
		expect(actor.getSnapshot().value).toEqual({ lesson: 'graded' });
		actor.send(passTwo[0]!);
		for (const event of passTwo.slice(1)) actor.send(event);
		actor.send({ type: 'learner.finish' });
		expect(actor.getSnapshot().value).toBe('complete');
	});

	it('an educator can open every lesson, also from a locked one', () => {
		const actor = start([open('two')]);
		expect(actor.getSnapshot().value).toEqual({ lesson: 'locked' });
		actor.send({ type: 'educator.openAll' });
		expect(actor.getSnapshot().value).toEqual({ lesson: 'answering' });
		expect(isUnlocked(actor.getSnapshot().context, 'two')).toBe(true);
	});

	it('"Start over" forgets everything', () => {
		const actor = start([...passOne, { type: 'learner.reset' }]);
		const { value, context } = actor.getSnapshot();
		expect(value).toBe('overview');
		expect(context.current).toBeNull();
		expect(context.progress.one).toMatchObject({ passed: false, attempts: 0, visited: false });
	});

	it('a persisted snapshot restores to the same place and progress', () => {
		const first = start([...passOne, open('two'), answer('q1', 'a')]);
		const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
		const restored = createActor(courseMachine, { input: course, snapshot: saved }).start();
		expect(restored.getSnapshot().value).toEqual(first.getSnapshot().value);
		expect(restored.getSnapshot().context).toEqual(first.getSnapshot().context);
	});
});

describe('course machine paths (xstate/graph)', () => {
	// One question per lesson keeps the state space small enough to walk completely (~150 states);
	// the shuffle seed is fixed for the same reason.
	const small = twoLessons;
	const events: CourseEvent[] = [
		open('one'),
		open('two'),
		answer('q1', 'a'),
		answer('q1', 'b'),
		submit,
		{ type: 'learner.retry', seed: 1 },
		{ type: 'learner.finish' }
	];
	// Bounded: where the learner is, and per lesson what is passed, graded and chosen.
	const serializeState = (s: Snap) =>
		JSON.stringify([
			s.value,
			s.context.current,
			Object.values(s.context.progress).map((p) => [
				p.passed,
				p.result?.passed ?? null,
				p.answers.q1?.[0] ?? null
			])
		]);

	const paths = getShortestPaths(courseMachine, { input: small, events, serializeState });

	it('explores every reachable state', () => {
		expect(paths.length).toBeGreaterThan(100);
		const values = new Set(paths.map((p) => JSON.stringify(p.state.value)));
		expect(values).toEqual(
			new Set([
				'"overview"',
				'"complete"',
				'{"lesson":"answering"}',
				'{"lesson":"graded"}',
				'{"lesson":"locked"}'
			])
		);
	});

	it('every path to completion has passed every lesson', () => {
		const done = paths.filter((p) => p.state.value === 'complete');
		expect(done.length).toBeGreaterThan(0);
		for (const path of done) {
			expect(Object.values(path.state.context.progress).every((p) => p.passed)).toBe(true);
		}
	});

	it('no path grades or answers lesson two before lesson one is passed', () => {
		for (const path of paths) {
			for (const { state } of [...path.steps, { state: path.state }]) {
				const two = state.context.progress.two!;
				if (two.attempts > 0 || Object.keys(two.answers).length > 0) {
					expect(state.context.progress.one!.passed).toBe(true);
				}
			}
		}
	});

	it('the shortest way to finish is: pass lesson one, pass lesson two, finish', () => {
		const done = paths.find((p) => p.state.value === 'complete')!;
		expect(done.steps.map((s) => s.event.type)).toEqual([
			'xstate.init',
			'learner.open',
			'learner.answer',
			'learner.submit',
			'learner.open',
			'learner.answer',
			'learner.submit',
			'learner.finish'
		]);
	});

	it('replaying any path on a live actor lands in the same state', () => {
		for (const path of paths) {
			const actor = createActor(courseMachine, { input: small }).start();
			for (const step of path.steps.slice(1)) actor.send(step.event as CourseEvent);
			expect(serializeState(actor.getSnapshot())).toBe(serializeState(path.state));
		}
	});
});
