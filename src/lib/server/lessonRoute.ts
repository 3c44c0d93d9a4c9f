/** The prerender entries and data of a lesson page, shared by /lessons/[slug] and /embed/[slug]. */
import { error } from '@sveltejs/kit';
import { course } from './course';

export const entries = () => course.lessons.map(({ slug }) => ({ slug }));

export function load({ params }: { params: { slug: string } }) {
	const lesson = course.lessons.find((l) => l.slug === params.slug);
	if (!lesson) error(404, `There is no lesson called "${params.slug}".`);
	return { lesson };
}
