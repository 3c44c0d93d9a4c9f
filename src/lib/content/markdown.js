// @ts-check
/**
 * How a lesson.md is read, in one place: its frontmatter, and the sections a reader can jump to.
 * Plain JS so Node scripts use it without a TypeScript loader; server- and build-side only.
 */
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

/**
 * Splits a lesson.md into its frontmatter (YAML text) and its body, or null when it has none.
 * @param {string} text
 * @returns {{ frontmatter: string, body: string } | null}
 */
export function splitFrontmatter(text) {
	const match = FRONTMATTER.exec(text);
	return match ? { frontmatter: match[1] ?? '', body: text.slice(match[0].length) } : null;
}

/** The CommonMark + GFM grammar mdsvex compiles lessons with. */
export const markdownParser = unified().use(remarkParse).use(remarkGfm);

/**
 * The lesson's `##` sections, with the ids rehype-slug gives their headings when the lesson is
 * compiled (svelte.config.js): the same slugger, over every Markdown heading in order, so
 * repeated titles get the same `-1`, `-2` suffixes.
 * @param {string} body the lesson.md body, without frontmatter
 * @returns {{ id: string, title: string }[]}
 */
export function lessonSections(body) {
	const slugger = new GithubSlugger();
	/** @type {{ id: string, title: string }[]} */
	const sections = [];
	/** @param {import('mdast').Nodes} node */
	const walk = (node) => {
		if (node.type === 'heading') {
			const title = toString(node);
			const id = slugger.slug(title);
			if (node.depth === 2) sections.push({ id, title });
		} else if ('children' in node) {
			node.children.forEach(walk);
		}
	};
	walk(markdownParser.parse(body));
	return sections;
}
