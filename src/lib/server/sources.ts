/** The register entries a lesson cites, for the list printed after it (issue 10). */
import type { Lesson, LessonSource } from '$lib/course/types';
import { references } from './course';

/**
 * The lesson's sources in register order, each numbered as the lesson's citations are (a
 * citation's number is its source's place in the register). Only what the list shows: not what
 * each source supports, which the references page gives.
 */
export function lessonSources({ sources }: Pick<Lesson, 'sources'>): LessonSource[] {
	return references.flatMap(({ id, title, publisher, year, url }, i) =>
		sources.includes(id) ? [{ number: i + 1, title, publisher, year, ...(url ? { url } : {}) }] : []
	);
}
