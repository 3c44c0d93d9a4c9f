import { course, references } from '$lib/server/course';

export function load() {
	return {
		entries: references.map((reference, i) => ({
			...reference,
			number: i + 1,
			citedBy: course.lessons
				.filter((l) => l.sources.includes(reference.id))
				.map((l) => ({ slug: l.slug, number: l.number, title: l.title }))
		}))
	};
}
