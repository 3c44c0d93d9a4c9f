// See https://svelte.dev/docs/kit/types#app.d.ts
import type { LessonSource } from '$lib/course/types';

declare global {
	namespace App {
		// interface Error {}
		// interface Locals {}
		interface PageData {
			/** Source ids and titles, in citation order, for <Cite>. */
			references?: { id: string; title: string }[];
			/** Glossary terms with their short definitions, for <Term>. */
			glossary?: { id: string; term: string; short: string }[];
			/** A lesson page's sources, for the list printed after the lesson (LessonSources). */
			sources?: LessonSource[];
		}
		// interface PageState {}
		// interface Platform {}
	}

	interface Window {
		/** Messages a framing page sent before the embed bridge started (src/app.html). */
		__ubInbox?: MessageEvent[] | null;
	}
}

declare module '*.md' {
	import type { Component } from 'svelte';
	const component: Component;
	export default component;
	export const metadata: Record<string, unknown>;
}

export {};
