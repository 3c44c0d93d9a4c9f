import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine } from './courseMachine';
import { type CourseEvent } from './context';
import { lessonStatus, nextStep } from './status';
import { testCourse } from './testCourse';

const key = {
	passMark: 100,
	questions: [{ id: 'q1', kind: 'single' as const, options: ['a', 'b'], correct: ['a'] }]
};
const { index: course, open } = testCourse({ one: key, two: key, three: key });

function contextAfter(events: CourseEvent[]) {
	const actor = createActor(courseMachine, { input: { course } }).start();
	events.forEach((e) => actor.send(e));
	return actor.getSnapshot().context;
}

const pass = (slug: string): CourseEvent[] => [
	open(slug),
	{ type: 'learner.answer', questionId: 'q1', optionIds: ['a'] },
	{ type: 'learner.submit' }
];

describe('lesson status and the next step', () => {
	it('a new learner: first lesson not started, the rest locked, "start" lesson one', () => {
		const context = contextAfter([]);
		expect(course.lessons.map((l) => lessonStatus(context, l.slug))).toEqual([
			'not-started',
			'locked',
			'locked'
		]);
		expect(nextStep(context)).toEqual({ kind: 'start', slug: 'one' });
	});

	it('after passing one and opening two: resume two', () => {
		const context = contextAfter([...pass('one'), open('two')]);
		expect(course.lessons.map((l) => lessonStatus(context, l.slug))).toEqual([
			'passed',
			'in-progress',
			'locked'
		]);
		expect(nextStep(context)).toEqual({ kind: 'resume', slug: 'two' });
	});

	it('reviewing a passed lesson does not move the resume point backwards', () => {
		const context = contextAfter([...pass('one'), open('one')]);
		expect(nextStep(context)).toEqual({ kind: 'resume', slug: 'two' });
	});

	it('every lesson passed: the next step is the course summary', () => {
		expect(nextStep(contextAfter([...pass('one'), ...pass('two'), ...pass('three')]))).toEqual({
			kind: 'complete'
		});
	});

	it('reading ahead into a locked lesson shows it as locked, and resume stays on the open one', () => {
		const context = contextAfter([open('three')]);
		expect(lessonStatus(context, 'three')).toBe('locked');
		expect(nextStep(context)).toEqual({ kind: 'resume', slug: 'one' });
	});

	it('answers chosen after another tab started over count as in progress', () => {
		const context = contextAfter([
			open('one'),
			{ type: 'sync.progress', saved: { current: null, openAll: false, progress: {} } },
			{ type: 'learner.answer', questionId: 'q1', optionIds: ['b'] }
		]);
		expect(context.progress.one!.visited).toBe(false);
		expect(lessonStatus(context, 'one')).toBe('in-progress');
	});
});
