import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine, type CourseEvent, type CourseKey } from './courseMachine';
import { lessonStatus, nextStep } from './status';

const course: CourseKey = {
	lessons: ['one', 'two', 'three'].map((slug) => ({
		slug,
		passMark: 100,
		questions: [{ id: 'q1', kind: 'single' as const, options: ['a', 'b'], correct: ['a'] }]
	}))
};

function contextAfter(events: CourseEvent[]) {
	const actor = createActor(courseMachine, { input: course }).start();
	events.forEach((e) => actor.send(e));
	return actor.getSnapshot().context;
}

const pass = (slug: string): CourseEvent[] => [
	{ type: 'learner.open', slug },
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
		const context = contextAfter([
			...pass('one'),
			{ type: 'learner.open', slug: 'two' },
			{ type: 'learner.home' }
		]);
		expect(course.lessons.map((l) => lessonStatus(context, l.slug))).toEqual([
			'passed',
			'in-progress',
			'locked'
		]);
		expect(nextStep(context)).toEqual({ kind: 'resume', slug: 'two' });
	});

	it('reviewing a passed lesson does not move the resume point backwards', () => {
		const context = contextAfter([...pass('one'), { type: 'learner.open', slug: 'one' }]);
		expect(nextStep(context)).toEqual({ kind: 'resume', slug: 'two' });
	});

	it('every lesson passed: the next step is the course summary', () => {
		expect(nextStep(contextAfter([...pass('one'), ...pass('two'), ...pass('three')]))).toEqual({
			kind: 'complete'
		});
	});

	it('reading ahead into a locked lesson shows it as locked, and resume stays on the open one', () => {
		const context = contextAfter([{ type: 'learner.open', slug: 'three' }]);
		expect(lessonStatus(context, 'three')).toBe('locked');
		expect(nextStep(context)).toEqual({ kind: 'resume', slug: 'one' });
	});
});
