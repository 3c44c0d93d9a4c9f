import type { Handle } from '@sveltejs/kit';
import { paintFirst } from '$lib/server/paintFirst';

/**
 * Pages whose first visit shows all their app would (nothing is done yet): their app waits for
 * the learner's first use (see paintFirst.ts).
 */
const WAIT_FOR_USE = new Set(['/(site)', '/(site)/lessons/[slug]', '/embed', '/embed/[slug]']);

// Every page is prerendered whole, in one chunk: the rewrite sees its <head> and its end.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, {
		transformPageChunk: ({ html }) =>
			paintFirst(html, {
				waitForUse: WAIT_FOR_USE.has(event.route.id ?? ''),
				serviceWorker: '/service-worker.js'
			})
	});
