import { course, courseIndex, glossary, references, summaries } from '$lib/server/course';

export function load() {
	return {
		lessons: summaries(course),
		index: courseIndex(course),
		references: references.map(({ id, title }) => ({ id, title })),
		glossary: glossary.map(({ id, term, short }) => ({ id, term, short }))
	};
}
