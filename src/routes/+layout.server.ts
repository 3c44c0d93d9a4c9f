import { course, courseKey, references, summaries } from '$lib/server/course';

export function load() {
	return {
		lessons: summaries(course),
		key: courseKey(course),
		references: references.map(({ id, title }) => ({ id, title }))
	};
}
