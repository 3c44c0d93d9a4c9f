import { describe, expect, it } from 'vitest';
import { mixedLessons, testCourse } from '$lib/course/testCourse';
import { readWorkshop, workshopFragment, workshopScope } from './workshop';

const key = mixedLessons.keys.one!;
const { index } = testCourse({ gaba: key, tolerance: key, rebound: key, tapering: key });

describe('workshop links', () => {
	it('round-trip: the fragment reads back as the same workshop', () => {
		const workshop = { lessons: ['gaba', 'tapering'], gating: 'off' as const };
		expect(workshopFragment(workshop)).toBe('lessons=gaba,tapering&gating=off');
		expect(readWorkshop(`#${workshopFragment(workshop)}`, index)).toEqual({ workshop });
	});

	it('puts the lessons in course order, each once, and keeps the gate on by default', () => {
		expect(readWorkshop('lessons=tapering,gaba,tapering', index)).toEqual({
			workshop: { lessons: ['gaba', 'tapering'], gating: 'on' }
		});
	});

	it.each([
		['', /does not say which lessons/],
		['lessons=', /does not say which lessons/],
		['lessons=gaba,nope', /does not have: nope/],
		['lessons=x,y', /names lessons this course does not have: x, y/],
		['lessons=gaba&gating=maybe', /gating setting this course does not know/]
	])('a broken link (%s) is named, not guessed at', (fragment, problem) => {
		const read = readWorkshop(fragment, index);
		expect('problem' in read && read.problem).toMatch(problem);
	});

	it('gives a workshop only its lessons, a storage key of its own, and its gating', () => {
		const scope = workshopScope({ lessons: ['tolerance', 'tapering'], gating: 'off' }, index);
		expect(scope.course.lessons.map((l) => l.slug)).toEqual(['tolerance', 'tapering']);
		expect(scope.storageKey).toBe(
			'understanding-benzodiazepines/progress/workshop/tolerance+tapering/off'
		);
		expect(scope.openAllHere).toBe(true);
		const other = workshopScope({ lessons: ['tolerance', 'tapering'], gating: 'on' }, index);
		expect(other.storageKey).not.toBe(scope.storageKey);
	});
});
