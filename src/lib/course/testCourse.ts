/** A two-lesson answer key for unit tests: one single-answer question each, lesson two locked. */
import type { CourseKey } from './courseMachine';

export const twoLessons: CourseKey = {
	lessons: [
		{
			slug: 'one',
			passMark: 100,
			questions: [{ id: 'q1', kind: 'single', options: ['a', 'b'], correct: ['a'] }]
		},
		{
			slug: 'two',
			passMark: 100,
			questions: [{ id: 'q1', kind: 'single', options: ['a', 'b'], correct: ['b'] }]
		}
	]
};
