/**
 * For the LMS specs: the real course, its answer keys, and the learner's events that drive it
 * (opening a lesson, answering every question, checking), so each spec plays real lessons.
 */
import type { CourseEvent } from '$lib/course/context';
import { checkKey, type CheckKey } from '$lib/course/scoring';
import { course, courseIndex } from '$lib/server/course';

export const index = courseIndex(course);
export const keys: Record<string, CheckKey> = Object.fromEntries(
	course.lessons.map((l) => [l.slug, checkKey(l.check)])
);
export const slugs = course.lessons.map((l) => l.slug);

export const open = (slug: string): CourseEvent => ({
	type: 'learner.open',
	slug,
	check: keys[slug]!
});
export const submit: CourseEvent = { type: 'learner.submit' };

/**
 * Every question of a lesson answered: its right options, one wrong option, or as many options
 * as the question allows.
 */
export function answerAll(slug: string, pick: 'right' | 'wrong' | 'most'): CourseEvent[] {
	return keys[slug]!.questions.map((q) => ({
		type: 'learner.answer',
		questionId: q.id,
		optionIds:
			pick === 'right'
				? q.correct
				: pick === 'wrong'
					? [q.options.find((o) => !q.correct.includes(o))!]
					: q.kind === 'multiple'
						? q.options
						: [q.options[0]!]
	}));
}
