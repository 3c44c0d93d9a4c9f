import { error } from '@sveltejs/kit';
import { course } from '$lib/server/course';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => course.lessons.map(({ slug }) => ({ slug }));

export function load({ params }) {
	const lesson = course.lessons.find((l) => l.slug === params.slug);
	if (!lesson) error(404, `There is no lesson called "${params.slug}".`);
	return { lesson };
}
