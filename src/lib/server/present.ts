/** The data of present mode and the presenter view: the lesson in parts, and its notes. */
import { presentationParts, splitProse } from '$lib/present/parts';
import { course, lessonBySlug, lessonEntries } from './course';
import { renderProse } from './prose';

export const entries = lessonEntries;

export function presentData(slug: string) {
	const lesson = lessonBySlug(slug);
	const { intro, sections } = splitProse(renderProse(lesson.dir, { newTab: false }));
	return {
		lesson,
		intro,
		sections,
		parts: presentationParts(lesson, intro !== ''),
		total: course.lessons.length
	};
}
