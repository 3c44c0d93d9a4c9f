import { compile } from 'mdsvex';
import rehypeSlug from 'rehype-slug';
import { describe, expect, it } from 'vitest';
import { lessonSections, splitFrontmatter } from './markdown.js';

describe('lessonSections', () => {
	const body = [
		'Intro text.',
		'## GABA: the brain’s brake',
		'Text.',
		'### A detail',
		'## Summary',
		'## Summary',
		'## What you may have read',
		'### Summary'
	].join('\n\n');

	it('lists the ## sections with the ids the compiled lesson gives their headings', async () => {
		// The ids rehype-slug writes when mdsvex compiles the lesson (svelte.config.js) …
		// mdsvex types its plugins with unified 9's types and rehype-slug uses unified 11's; the
		// plugin interface they describe is the same (svelte.config.js passes it untyped).
		const compiled = await compile(body, { rehypePlugins: [rehypeSlug as never] });
		const ids = [...(compiled?.code ?? '').matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
		// … are the ones the "On this page" links point to.
		expect(lessonSections(body).map((s) => s.id)).toEqual(ids);
		expect(lessonSections(body)).toEqual([
			{ id: 'gaba-the-brains-brake', title: 'GABA: the brain’s brake' },
			{ id: 'summary', title: 'Summary' },
			{ id: 'summary-1', title: 'Summary' },
			{ id: 'what-you-may-have-read', title: 'What you may have read' }
		]);
	});
});

describe('splitFrontmatter', () => {
	it('splits the YAML block from the body', () => {
		expect(splitFrontmatter('---\ntitle: A\n---\nBody\n')).toEqual({
			frontmatter: 'title: A',
			body: 'Body\n'
		});
	});

	it('finds none when the file does not start with one', () => {
		expect(splitFrontmatter('Body\n---\ntitle: A\n---\n')).toBeNull();
	});
});
