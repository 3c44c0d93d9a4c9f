/**
 * Changes to a lesson's prose HTML (rendered at build time by ./prose) for the printable pages,
 * where it sits under a heading of its own and beside other lessons' prose. Pure text in, text
 * out: the HTML is our own, rendered a moment before.
 */

/** Moves every heading down `by` levels (h2 → h3), for prose shown under the lesson's title. */
export function shiftHeadings(html: string, by: number): string {
	if (by === 0) return html;
	return html.replace(
		/<(\/?)h([1-6])(?=[\s>])/g,
		(_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}`
	);
}

/**
 * Prefixes every id in the HTML and every reference to one (`for`, the ARIA id lists, `#` links
 * and SVG `url(#…)`), so several lessons' prose can share one page: each lesson has a "Summary"
 * heading, and each render numbers its figures from 1.
 */
export function scopeIds(html: string, prefix: string): string {
	const scoped = (ids: string) =>
		ids
			.split(/\s+/)
			.filter(Boolean)
			.map((id) => prefix + id)
			.join(' ');
	return html
		.replace(
			/(?<=\s)(id|for|aria-labelledby|aria-describedby|aria-controls|aria-owns|aria-details)="([^"]*)"/g,
			(_, name: string, ids: string) => `${name}="${scoped(ids)}"`
		)
		.replace(/(?<=\s)href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}${id}"`)
		.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`);
}
