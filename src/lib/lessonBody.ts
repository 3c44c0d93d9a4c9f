/**
 * The universal load of both lesson routes (/lessons/[slug] and /embed/[slug]): the lesson's
 * prose as HTML. It ships once, in the page (rendered at build time by $lib/server/prose), and
 * is not sent again as data or JavaScript: when the browser takes over the page, the prose is
 * read back from the page itself. Moving to another lesson in the browser fetches that lesson's
 * prose, prerendered as `prose.html` beside it.
 */
import type { LessonPageData } from './course/types';

let hydrated = false;

export async function load({
	data,
	fetch,
	url
}: {
	data: LessonPageData;
	fetch: typeof globalThis.fetch;
	url: URL;
}) {
	if (import.meta.env.SSR) {
		// Removed from the browser's bundle: the condition is false there at build time.
		const { renderProse } = await import('$lib/server/prose');
		return { ...data, prose: renderProse(data.lesson.dir, { newTab: data.embedded }) };
	}
	if (!hydrated) {
		hydrated = true;
		// The HTML inside `.prose`, less the empty comments Svelte marks an {@html} block with.
		const shown = document.querySelector('.prose')?.innerHTML ?? '';
		return { ...data, prose: shown.replace(/^<!---->|<!---->$/g, '') };
	}
	const response = await fetch(new URL('prose.html', url));
	if (!response.ok) throw new Error(`Could not load the lesson (${response.status})`);
	return { ...data, prose: await response.text() };
}
