/** The prerender entries and data of a lesson page, shared by /lessons/[slug] and /embed/[slug]. */
import type { LessonPageData } from '$lib/course/types';
import { course, lessonBySlug, lessonEntries } from './course';
import { renderProse } from './prose';
import { lessonSources } from './sources';

export const entries = lessonEntries;

/** What a lesson page needs: the lesson, its neighbours' titles and the course's length. */
export function lessonData(slug: string, embedded: boolean): LessonPageData {
	const lesson = lessonBySlug(slug);
	const link = (other: string | null) => {
		const l = course.lessons.find((x) => x.slug === other);
		return l ? { slug: l.slug, number: l.number, title: l.title } : null;
	};
	// The facilitator's notes stay on the facilitator's pages.
	return {
		lesson: { ...lesson, facilitator: null },
		prev: link(lesson.prev),
		next: link(lesson.next),
		total: course.lessons.length,
		embedded,
		sources: lessonSources(lesson)
	};
}

/** The lesson's prose as an HTML fragment, for moving to it from another lesson in the browser. */
export function proseResponse(slug: string, embedded: boolean): Response {
	const html = renderProse(lessonBySlug(slug).dir, { newTab: embedded });
	return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } });
}
