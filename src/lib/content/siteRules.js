// @ts-check
/**
 * Rules for corrections that could quietly regress (issue 12): phone numbers that are real
 * tap-to-call links, a help page whose every medical statement is numbered to its source, and
 * the built pages themselves. Pure functions over text, so each rule's tests can feed it
 * samples that must fail.
 */
import { findForbidden } from './forbidden.js';
import { componentTags } from './plainText.js';

/**
 * Why a phone link is wrong, or null. `number` is what the phone dials (the part after
 * "tel:"); `visible` is the number as the page shows it. The digits shown, less a leading
 * trunk 0, must be the end of the digits dialled, so the two cannot drift apart.
 * @param {string} number
 * @param {string} visible
 * @returns {string | null}
 */
export function phoneProblem(number, visible) {
	if (!/^\+?\d{3,15}$/.test(number)) {
		return `tel:${number} is not a phone number (digits only, with an optional leading +)`;
	}
	if (/[a-z]/i.test(visible)) return `the link text "${visible}" should be the number alone`;
	// A leading 0 is the trunk prefix of a national number ("01 809 2166" is +353 1 809 2166);
	// short codes such as 000 or 999 keep all their digits.
	const digits = visible.replace(/\D/g, '');
	const shown = digits.length > 6 ? digits.replace(/^0/, '') : digits;
	if (shown.length < 3) return `the link text "${visible}" shows no number`;
	if (!number.replace(/\D/g, '').endsWith(shown)) {
		return `the link text "${visible}" does not match tel:${number}`;
	}
	return null;
}

/**
 * Phone links written with the <Phone number="…" shown="…" /> component in a lesson or page.
 * @param {string} source
 * @returns {{ number: string, visible: string }[]}
 */
export function phoneComponents(source) {
	return componentTags(source.replace(/<!--[\s\S]*?-->/g, ''))
		.filter((t) => t.tag === 'Phone')
		.map((t) => ({ number: t.attributes.number ?? '', visible: t.attributes.shown ?? '' }));
}

/**
 * Numbers written as plain text where a tap-to-call link belongs: three or more digit groups
 * that look like a phone number and are not a <Phone> component's attributes. Years and counts
 * do not look like this.
 * @param {string} source
 * @returns {string[]}
 */
export function bareNumbers(source) {
	const outside = source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<svg[\s\S]*?<\/svg>/g, '')
		.replace(/<[^>]*>/g, ' ');
	return [
		...outside.matchAll(
			/(?<![\w/.-])(?:\d{1,4}[ -]){2,}\d{3,4}(?![\w-])|(?<![\w/.-])\d-\d{3}-\d{3}-\d{4}(?![\w-])/g
		)
	].map((m) => m[0]);
}

/**
 * Paragraphs and list items of a hand-written page that carry no citation. A list item is
 * covered by its own <Cite /> or by one in the paragraph just before its list (the list's
 * lead-in, "While you wait [4]:"). Headings are not statements.
 * @param {string} source a .svelte page
 * @returns {string[]} the uncited blocks' text
 */
export function uncitedBlocks(source) {
	const markup = source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<svelte:head>[\s\S]*?<\/svelte:head>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '');
	/** @type {string[]} */
	const uncited = [];
	const cited = (/** @type {string} */ html) => /<Cite\b/.test(html);
	const text = (/** @type {string} */ html) =>
		html
			.replace(/<[^>]*>/g, ' ')
			.replace(/\s+/g, ' ')
			.trim();

	for (const match of markup.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)) {
		if (!cited(match[1] ?? '')) uncited.push(text(match[1] ?? ''));
	}
	for (const list of markup.matchAll(/<(ul|ol)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
		const before = markup.slice(0, list.index);
		const leadIn = /<p\b[^>]*>([\s\S]*?)<\/p>\s*$/.exec(before);
		if (leadIn && cited(leadIn[1] ?? '')) continue;
		for (const item of (list[2] ?? '').matchAll(/<li\b[^>]*>([\s\S]*?)<\/li>/g)) {
			if (!cited(item[1] ?? '')) uncited.push(text(item[1] ?? ''));
		}
	}
	return uncited.filter((t) => /[a-z]/i.test(t));
}

/**
 * What is wrong with one built page: forbidden text anywhere on it (only the rules that hold
 * even for quoted claims, since wrong answers and myths are on the page by design), malformed
 * or wrapping phone links, and style attributes in lesson figures (a Content-Security-Policy
 * without 'unsafe-inline' styles would drop them, and the picture would lose its colours).
 * @param {string} html
 * @returns {string[]}
 */
export function builtPageProblems(html) {
	/** @type {string[]} */
	const problems = [];
	const visible = html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
		// Code to copy (the embed snippet) is not prose: "width:100%" is no dose.
		.replace(/<(textarea|code|pre)\b[\s\S]*?<\/\1>/g, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;|&#160;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
	for (const { rule, match } of findForbidden(visible, { quoted: true })) {
		problems.push(`${rule.id}: "${match}" (${rule.why})`);
	}
	for (const link of html.matchAll(/<a\b([^>]*)\bhref="tel:([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g)) {
		const attributes = `${link[1]} ${link[3]}`;
		const visibleNumber = (link[4] ?? '').replace(/<[^>]*>/g, '').trim();
		const problem = phoneProblem(link[2] ?? '', visibleNumber);
		if (problem) problems.push(`phone link: ${problem}`);
		if (!/class="[^"]*\bphone\b/.test(attributes)) {
			problems.push(
				`phone link tel:${link[2]} is not a <Phone> link, so it may break across lines`
			);
		}
	}
	for (const figure of html.matchAll(/<figure\b[\s\S]*?<\/figure>/g)) {
		if (/<svg[\s\S]*?\sstyle="[\s\S]*?<\/svg>/.test(figure[0])) {
			problems.push('a figure has a style attribute in its SVG: use the Figure classes');
		}
	}
	return problems;
}
