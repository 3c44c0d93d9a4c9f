/**
 * The load of every printable page (issue 10), given what to build from $lib/server/handouts.
 * Built on the server only, at build time (as in $lib/lessonBody.ts): a universal load rather
 * than a server load, so no copy of the page's data is written beside it as __data.json, which
 * these pages never ask for but the service worker would download for every learner.
 */
import type * as Handouts from '$lib/server/handouts';

export async function printableLoad<T>(build: (handouts: typeof Handouts) => T): Promise<T> {
	if (import.meta.env.SSR) {
		// Removed from the browser's bundle: the condition is false there at build time.
		return build(await import('$lib/server/handouts'));
	}
	throw new Error('A printable page is prerendered; it has no browser load.');
}
