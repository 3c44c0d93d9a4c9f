/** Small courses for unit tests, written as answer keys; the index is derived as the build does. */
import type { CourseEvent } from './context';
import type { CourseIndex } from './progress';
import type { CheckKey } from './scoring';
import { checkVersion } from './version';

export interface TestCourse {
	index: CourseIndex;
	keys: Record<string, CheckKey>;
	/** The event a lesson page sends: its slug and its answer key. */
	open: (slug: string) => CourseEvent;
}

export function testCourse(lessons: Record<string, CheckKey>): TestCourse {
	return {
		index: {
			lessons: Object.entries(lessons).map(([slug, key], i) => ({
				slug,
				number: i + 1,
				title: `Lesson ${slug}`,
				version: checkVersion(key),
				questions: key.questions.length,
				passMark: key.passMark
			}))
		},
		keys: lessons,
		open: (slug) => ({
			type: 'learner.open',
			slug,
			check: lessons[slug] ?? lessons[Object.keys(lessons)[0]!]!
		})
	};
}

const single = (correct: string): CheckKey => ({
	passMark: 100,
	questions: [{ id: 'q1', kind: 'single', options: ['a', 'b'], correct: [correct] }]
});

/** Two lessons of one single-answer question each: lesson two is locked until one is passed. */
export const twoLessons = testCourse({ one: single('a'), two: single('b') });

/** Two lessons: one with a single- and a multiple-answer question (pass mark 100), one small. */
export const mixedLessons = testCourse({
	one: {
		passMark: 100,
		questions: [
			{ id: 'q1', kind: 'single', options: ['a', 'b', 'c'], correct: ['a'] },
			{ id: 'q2', kind: 'multiple', options: ['a', 'b', 'c'], correct: ['a', 'c'] }
		]
	},
	two: {
		passMark: 50,
		questions: [{ id: 'q1', kind: 'single', options: ['a', 'b'], correct: ['b'] }]
	}
});
