// @ts-check
/**
 * The reader-facing text of a lesson's Markdown source, read with remark (the same CommonMark
 * and GFM grammar mdsvex compiles), not with regular expressions: every heading, list item,
 * table cell and paragraph is its own block, as A11Y.md item 44 asks, so readability formulas
 * are not fooled by lists without full stops.
 *
 * Components show text from their attributes too (a callout's title, a figure's caption, alt
 * and description, a myth's claim); those come back as blocks of their own. A myth's claim is
 * marked `quoted`: it states a web claim on purpose, and the content checks treat it as such.
 *
 * Plain JS so the `content:report` script runs on Node 20 without a TypeScript loader.
 */
import { markdownParser as parser, splitFrontmatter } from './markdown.js';

/**
 * @typedef {{ type: string, value?: string, children?: MdNode[] }} MdNode
 * @typedef {{ text: string, kind: 'prose' | 'attribute', quoted: boolean, tag?: string, attribute?: string }} Block
 */

/** Attributes whose text a learner sees or hears, by component. */
const SPOKEN = {
	Callout: ['title'],
	Figure: ['caption', 'alt', 'description'],
	Myth: ['claim']
};

/** Attributes that state a misconception on purpose. */
const QUOTED = new Set(['Myth.claim']);

/** @param {string} text */
function decodeEntities(text) {
	return text
		.replace(/&#10;/g, '\n')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&');
}

/**
 * The opening tags of components (capitalised names) in a piece of raw HTML, with their
 * quoted attributes. Only tags and attributes are read here; Markdown is left to remark.
 * @param {string} html
 * @returns {{ tag: string, attributes: Record<string, string> }[]}
 */
export function componentTags(html) {
	return [...html.matchAll(/<([A-Z][A-Za-z]*)\b((?:[^>"]|"[^"]*")*)>/g)].map((match) => ({
		tag: match[1] ?? '',
		attributes: Object.fromEntries(
			[...(match[2] ?? '').matchAll(/([A-Za-z-]+)="([^"]*)"/g)].map((a) => [
				a[1] ?? '',
				decodeEntities(a[2] ?? '')
			])
		)
	}));
}

/**
 * Text of a node, leaving out code and raw HTML (component tags such as <Cite />), except the
 * number a <Phone> link shows.
 * @param {MdNode} node
 * @returns {string}
 */
function textOf(node) {
	// A <Phone number="…" shown="…" /> link shows its number; other inline tags show nothing.
	if (node.type === 'html') {
		return componentTags(node.value ?? '')
			.map((t) => (t.tag === 'Phone' ? (t.attributes.shown ?? '') : ''))
			.join('');
	}
	if (node.type === 'code') return '';
	if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
	if (node.type === 'break') return ' ';
	return (node.children ?? []).map(textOf).join('');
}

/** @param {string} text */
const tidy = (text) =>
	text
		.replace(/\s+/g, ' ')
		.replace(/\s+([.,;:!?])/g, '$1')
		.trim();

/**
 * Every block of text a learner meets in a lesson, in reading order.
 * @param {string} markdown the whole lesson.md, frontmatter included
 * @returns {Block[]}
 */
export function lessonBlocks(markdown) {
	const tree = /** @type {MdNode} */ (parser.parse(splitFrontmatter(markdown)?.body ?? markdown));
	/** @type {Block[]} */
	const blocks = [];
	/** @param {string} text @param {Partial<Block>} [extra] */
	const add = (text, extra = {}) => {
		const clean = tidy(text);
		if (/[a-z]/i.test(clean)) blocks.push({ text: clean, kind: 'prose', quoted: false, ...extra });
	};

	/** @param {MdNode} node */
	const walk = (node) => {
		switch (node.type) {
			case 'html': {
				const value = node.value ?? '';
				if (/^<(script|style)\b/i.test(value.trim())) return;
				for (const { tag, attributes } of componentTags(value)) {
					for (const name of SPOKEN[/** @type {keyof typeof SPOKEN} */ (tag)] ?? []) {
						const text = attributes[name];
						if (!text) continue;
						for (const part of text.split(/\n+/)) {
							add(part, {
								kind: 'attribute',
								tag,
								attribute: name,
								quoted: QUOTED.has(`${tag}.${name}`)
							});
						}
					}
				}
				return;
			}
			case 'heading':
			case 'paragraph':
			case 'tableCell':
				add(textOf(node));
				return;
			case 'code':
			case 'thematicBreak':
				return;
			default:
				for (const child of node.children ?? []) walk(child);
		}
	};
	walk(tree);
	return blocks;
}

/**
 * One "sentence" per block, each ending in a full stop if it had none, for readability formulas.
 * Alt text is left out: it repeats the caption and description for people who cannot see the
 * picture, and would count twice.
 * @param {string} markdown the whole lesson.md, frontmatter included
 * @returns {string[]}
 */
export function lessonSentences(markdown) {
	return lessonBlocks(markdown)
		.filter((block) => block.attribute !== 'alt')
		.map((block) => (/[.!?:]["”’)]?$/.test(block.text) ? block.text : `${block.text}.`));
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

/**
 * Sentences longer than `limit` words in some text (issue 12: split sentences over 25 words).
 * A sentence ends at . ! or ? followed by a space, or at the end of a block.
 * @param {string} text
 * @param {number} [limit]
 * @returns {string[]}
 */
export function longSentences(text, limit = 25) {
	return text
		.split(/(?<=[.!?]["”’)]?)\s+|\n+/)
		.filter((sentence) => sentence.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length > limit);
}
