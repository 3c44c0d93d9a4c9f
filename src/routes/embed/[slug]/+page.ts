import { lessonBody } from '$lib/lessonBody';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ data }) => ({
	...data,
	body: await lessonBody(data.lesson.dir)
});
