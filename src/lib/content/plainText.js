// @ts-check
/**
 * The reader-facing text of a lesson's Markdown source, one "sentence" per line: every
 * heading, list item, table cell and paragraph ends a sentence, as A11Y.md item 44 asks, so
 * readability formulas are not fooled by lists without full stops. Plain JS so the
 * `content:report` script runs on Node 20 without a TypeScript loader.
 */

/**
 * @param {string} markdown the whole lesson.md, frontmatter included
 * @returns {string[]}
 */
export function lessonSentences(markdown) {
	let text = markdown.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
	text = text.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
	text = text.replace(/<svg[\s\S]*?<\/svg>/g, '');

	/** @type {string[]} */
	const blocks = [];
	// Text that components show from their attributes: callout titles, figure captions.
	for (const match of text.matchAll(/\b(?:title|caption|description)="([^"]*)"/g)) {
		blocks.push(...(match[1] ?? '').replace(/&#10;/g, '\n').split(/\n+/));
	}
	text = text.replace(/<[^>]+>/g, '');

	/** @type {string[]} */
	let paragraph = [];
	const flush = () => {
		if (paragraph.length) blocks.push(paragraph.join(' '));
		paragraph = [];
	};
	for (const raw of text.split(/\r?\n/)) {
		const line = raw.trim();
		if (!line) {
			flush();
		} else if (/^#{1,6}\s/.test(line)) {
			flush();
			blocks.push(line.replace(/^#+\s*/, ''));
		} else if (/^\|/.test(line)) {
			flush();
			if (/^\|[\s:|-]+\|$/.test(line)) continue; // the header separator row
			blocks.push(
				...line
					.split('|')
					.map((cell) => cell.trim())
					.filter(Boolean)
			);
		} else if (/^([-*+]|\d+\.)\s/.test(line)) {
			flush();
			paragraph.push(line.replace(/^([-*+]|\d+\.)\s+/, ''));
		} else {
			paragraph.push(line);
		}
	}
	flush();

	return blocks
		.map((block) =>
			block
				.replace(/\*\*|__|`/g, '')
				.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
				.replace(/\s+/g, ' ')
				.trim()
		)
		.filter((block) => /[a-z]/i.test(block))
		.map((block) => (/[.!?:]["”’)]?$/.test(block) ? block : `${block}.`));
}

/**
 * @param {string[]} sentences
 */
export function wordCount(sentences) {
	return sentences
		.join(' ')
		.split(/\s+/)
		.filter((w) => /[a-z0-9]/i.test(w)).length;
}
