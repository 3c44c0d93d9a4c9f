/**
 * A lesson's prose as HTML, rendered at build time. The prose ships once, in the page's HTML:
 * the browser never downloads it again as a JavaScript component. Its links are relative to the
 * page it is shown on (by default a lesson's own address, /lessons/<slug>/ or /embed/<slug>/, two
 * folders deep), so the site works from any folder.
 */
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import ProseRoot from '$lib/prose/ProseRoot.svelte';
import type { ProseContext } from '$lib/prose/context';
import { glossary, references } from './course';

const bodies = import.meta.glob<Component>('/src/lessons/*/lesson.md', {
	import: 'default',
	eager: true
});

export interface ProseOptions {
	/** Links out of the course flow open a new tab (inside an embed). */
	newTab: boolean;
	/**
	 * The site's root as seen from the page the prose is on: ".." for a page one folder deep
	 * (/handouts/). @default "../.."
	 */
	root?: string;
	/** For a page made to print, which runs no script (see ProseContext). @default false */
	printable?: boolean;
}

const context = ({ newTab, root = '../..', printable = false }: ProseOptions): ProseContext => ({
	references: references.map(({ id, title }) => ({ id, title })),
	glossary: glossary.map(({ id, term, short }) => ({ id, term, short })),
	href: (path) => `${root}${path}`,
	newTab,
	printable
});

/** The HTML of the lesson in `src/lessons/<dir>/lesson.md`. */
export function renderProse(dir: string, options: ProseOptions): string {
	const body = bodies[`/src/lessons/${dir}/lesson.md`];
	if (!body) throw new Error(`No lesson.md in src/lessons/${dir}`);
	// Ids from the prose's own render start with "p", apart from the page's own.
	const { body: html } = render(ProseRoot, {
		props: { body, context: context(options) },
		idPrefix: 'p'
	});
	// Without Svelte's hydration markers (comments): this HTML is never hydrated, only shown, and
	// inside the page they would read as markers of the page's own components.
	return html.replace(/<!--[\s\S]*?-->/g, '');
}
