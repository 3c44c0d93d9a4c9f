/** The data of present mode and the presenter view: the lesson in parts, and its notes. */
import { error } from '@sveltejs/kit';
import { presentationParts, splitProse } from '$lib/present/parts';
import { course } from './course';
import { renderProse } from './prose';

export const entries = () => course.lessons.map(({ slug }) => ({ slug }));

export function presentData(slug: string) {
	const lesson = course.lessons.find((l) => l.slug === slug);
	if (!lesson) error(404, `There is no lesson called "${slug}".`);
	const { intro, sections } = splitProse(renderProse(lesson.dir, { newTab: false }));
	return {
		lesson,
		intro,
		sections,
		parts: presentationParts(lesson, intro !== ''),
		total: course.lessons.length
	};
}
