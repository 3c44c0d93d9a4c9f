import type { Handle } from '@sveltejs/kit';
import { paintFirst } from '$lib/server/paintFirst';

// Every page is prerendered whole, in one chunk: the rewrite sees its <head> and its end.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => paintFirst(html) });
