export const SITE_NAME = 'Understanding benzodiazepines';

/**
 * Page titles put the specific part first and the site name last: SvelteKit announces the
 * title on every client-side navigation, so it should be short and start with what changed.
 */
export function pageTitle(...parts: string[]): string {
	return [...parts, SITE_NAME].join(' – ');
}

/** A page's title, prefixed "Error: " while the page shows an error (WCAG 3.3.1, GOV.UK). */
export function errorTitle(hasError: boolean, ...parts: string[]): string {
	return (hasError ? 'Error: ' : '') + pageTitle(...parts);
}

/** "Lesson 2: Tolerance … – Understanding benzodiazepines", prefixed "Error: " while one is shown. */
export function lessonTitle(lesson: { number: number; title: string }, hasError = false): string {
	return errorTitle(hasError, `Lesson ${lesson.number}: ${lesson.title}`);
}
