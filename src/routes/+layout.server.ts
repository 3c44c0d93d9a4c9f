import { course, courseIndex } from '$lib/server/course';

/**
 * What every page gets: the course index the machine gates with (order, numbers and titles,
 * versions, question counts, pass marks; no answers). Anything more a page shows, it loads itself, so
 * a page's data does not grow with the course.
 */
export function load() {
	return { index: courseIndex(course) };
}
