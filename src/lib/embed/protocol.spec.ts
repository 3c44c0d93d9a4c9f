import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine } from '$lib/course/courseMachine';
import { type CourseEvent } from '$lib/course/context';
import { mixedLessons } from '$lib/course/testCourse';
import { learnerEvents, message, readHostHello } from './protocol';

const hello = (fields: Record<string, unknown>) => ({
	protocol: 'understanding-benzodiazepines',
	type: 'hello',
	version: 1,
	...fields
});

describe('a host’s hello', () => {
	it('turns events off and keeps the gate on unless it says otherwise', () => {
		expect(readHostHello(hello({}))).toMatchObject({ events: false, gating: 'on' });
	});

	it('turns events on only for true, and the gate off only for "off"', () => {
		expect(readHostHello(hello({ events: true, gating: 'off' }))).toMatchObject({
			events: true,
			gating: 'off'
		});
		for (const events of ['true', 1, 'yes', {}]) {
			expect(readHostHello(hello({ events }))?.events).toBe(false);
		}
		for (const gating of ['OFF', false, 0, 'no', null]) {
			expect(readHostHello(hello({ gating }))?.gating).toBe('on');
		}
	});

	it.each([2, 0, -1, Number.NaN, 1e308, '1', null, undefined])(
		'in protocol version %s is not understood',
		(version) => {
			expect(readHostHello(hello({ version }))).toBeNull();
		}
	);

	it.each([
		['another protocol', { ...hello({}), protocol: 'h5p' }],
		['another type', { ...hello({}), type: 'resize' }],
		['text', 'hello'],
		['null', null],
		['an array', [hello({})]]
	])('%s is not a hello', (_name, data) => {
		expect(readHostHello(data)).toBeNull();
	});
});

describe('learner events', () => {
	const { index, open } = mixedLessons;
	const answer = (questionId: string, ...optionIds: string[]): CourseEvent => ({
		type: 'learner.answer',
		questionId,
		optionIds
	});

	function eventsOf(steps: CourseEvent[][]) {
		const actor = createActor(courseMachine, { input: { course: index } }).start();
		return steps.map((events) => {
			const before = actor.getSnapshot().context;
			events.forEach((e) => actor.send(e));
			return learnerEvents(before, actor.getSnapshot().context);
		});
	}

	it('a graded check, a first pass and the course completed; never answers', () => {
		const [opened, failed, passed, passedTwo] = eventsOf([
			[open('one')],
			[answer('q1', 'b'), answer('q2', 'a'), { type: 'learner.submit' }],
			[
				{ type: 'learner.retry', seed: 1 },
				answer('q1', 'a'),
				answer('q2', 'a', 'c'),
				{ type: 'learner.submit' }
			],
			[open('two'), answer('q1', 'b'), { type: 'learner.submit' }]
		]);
		expect(opened).toEqual([]);
		expect(failed).toEqual([
			{ name: 'check-graded', detail: { lesson: 'one', score: 0, max: 2, passed: false } }
		]);
		expect(passed).toEqual([
			{ name: 'check-graded', detail: { lesson: 'one', score: 2, max: 2, passed: true } },
			{ name: 'lesson-completed', detail: { lesson: 'one' } }
		]);
		expect(passedTwo).toEqual([
			{ name: 'check-graded', detail: { lesson: 'two', score: 1, max: 1, passed: true } },
			{ name: 'lesson-completed', detail: { lesson: 'two' } },
			{ name: 'course-completed', detail: { lessons: 2 } }
		]);
	});

	it('every message is wrapped in the protocol envelope, version 1', () => {
		expect(message({ type: 'resize', height: 10 })).toEqual({
			protocol: 'understanding-benzodiazepines',
			version: 1,
			type: 'resize',
			height: 10
		});
	});
});
