export const SITE_NAME = 'Understanding benzodiazepines';

/**
 * Page titles put the specific part first and the site name last: SvelteKit announces the
 * title on every client-side navigation, so it should be short and start with what changed.
 */
export function pageTitle(...parts: string[]): string {
	return [...parts, SITE_NAME].join(' – ');
}
