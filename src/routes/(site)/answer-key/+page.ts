// A page to print: nothing on it needs SvelteKit's JavaScript, so none is sent (issue 10: the
// handouts and the answer key work without JavaScript).
export const csr = false;

/**
 * Built on the server only, at build time (as in $lib/lessonBody.ts): a universal load rather
 * than a server load, so no copy of the page's data is written beside it as __data.json, which
 * this page never asks for but the service worker would download for every learner.
 */
export async function load() {
	if (import.meta.env.SSR) {
		const { keyCourse } = await import('$lib/server/handouts');
		return keyCourse();
	}
	throw new Error('A printable page is prerendered; it has no browser load.');
}
