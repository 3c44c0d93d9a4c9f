// @ts-check
/**
 * Every text a learner can see, file by file, for the content checks: lesson prose and
 * frontmatter, the knowledge checks, the facilitator notes, the glossary, the source register
 * and the site pages written by hand (help, about). Pure: it takes file texts keyed by their
 * path from the repository root, so the tests can feed it planted samples as well as the real
 * files (`readLearnerFiles`).
 *
 * Each piece says whether it is offered as fact or `quoted`: a wrong option's text, a myth's
 * claim and a misconception in the facilitator notes state wrong ideas on purpose.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readLessonFiles } from './lessonFiles.js';
import { splitFrontmatter } from './markdown.js';
import { lessonBlocks } from './plainText.js';

/** @typedef {{ file: string, where: string, text: string, quoted: boolean }} Piece */

/** The hand-written site pages whose text is learner-facing and medical. */
export const SITE_PAGES = [
	'src/routes/(site)/help/+page.svelte',
	'src/routes/(site)/about/+page.svelte'
];

/** @param {unknown} value @returns {string[]} */
const strings = (value) =>
	typeof value === 'string'
		? [value]
		: Array.isArray(value)
			? value.flatMap(strings)
			: value && typeof value === 'object'
				? Object.values(value).flatMap(strings)
				: [];

/**
 * The visible text of a hand-written Svelte page: markup without script, style, comments and
 * tags, plus the page's meta description. Components' text children stay; their props do not.
 * @param {string} source
 * @returns {string[]} one entry per line of visible text
 */
export function svelteText(source) {
	const description = [...source.matchAll(/<meta\s+name="description"\s+content="([^"]*)"/g)].map(
		(m) => m[1] ?? ''
	);
	const markup = source
		.replace(/<script[\s\S]*?<\/script>/g, '')
		.replace(/<style[\s\S]*?<\/style>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<svelte:head>[\s\S]*?<\/svelte:head>/g, '')
		.replace(/<(?:\/)?(?:p|li|h[1-6]|ul|ol|section|div|dl|dt|dd)\b[^>]*>/g, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/\{[^}]*\}/g, ' ')
		.replace(/&nbsp;/g, ' ');
	return [...description, ...markup.split(/\n/)]
		.map((line) => line.replace(/\s+/g, ' ').trim())
		.filter((line) => /[a-z]/i.test(line));
}

/**
 * @param {Record<string, string>} files text by path from the repository root
 * @returns {Piece[]}
 */
export function collectLearnerText(files) {
	/** @type {Piece[]} */
	const pieces = [];
	/** @param {string} file @param {string} where @param {unknown} value @param {boolean} [quoted] */
	const add = (file, where, value, quoted = false) => {
		for (const text of strings(value)) pieces.push({ file, where, text, quoted });
	};

	for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		if (/\/lessons\/[^/]+\/lesson\.md$/.test(file)) {
			const head = splitFrontmatter(text);
			const meta = head ? /** @type {Record<string, unknown>} */ (parseYaml(head.frontmatter)) : {};
			for (const key of ['title', 'summary', 'objectives', 'takeaways']) {
				add(file, key, meta?.[key]);
			}
			for (const block of lessonBlocks(text)) {
				const where = block.attribute ? `<${block.tag} ${block.attribute}>` : 'prose';
				add(file, where, block.text, block.quoted);
			}
		} else if (/\/lessons\/[^/]+\/check\.yaml$/.test(file)) {
			const check = /** @type {{ questions?: any[] }} */ (parseYaml(text) ?? {});
			for (const [i, q] of (check.questions ?? []).entries()) {
				add(file, `questions[${i}].prompt`, q?.prompt);
				for (const [j, o] of (q?.options ?? []).entries()) {
					add(file, `questions[${i}].options[${j}].text`, o?.text, !o?.correct);
					add(file, `questions[${i}].options[${j}].feedback`, o?.feedback);
				}
			}
		} else if (/\/lessons\/[^/]+\/facilitator\.yaml$/.test(file)) {
			const notes = /** @type {Record<string, any>} */ (parseYaml(text) ?? {});
			add(file, 'aims', notes.aims);
			add(file, 'prompts', notes.prompts);
			for (const [i, m] of (notes.misconceptions ?? []).entries()) {
				add(file, `misconceptions[${i}].belief`, m?.belief, true);
				add(file, `misconceptions[${i}].fact`, m?.fact);
			}
			for (const [i, h] of (notes.handling ?? []).entries()) {
				add(file, `handling[${i}].situation`, h?.situation);
				add(file, `handling[${i}].response`, h?.response);
			}
		} else if (/\/content\/glossary\.yaml$/.test(file)) {
			for (const [i, entry] of /** @type {any[]} */ (parseYaml(text) ?? []).entries()) {
				add(file, `[${i}] ${entry?.id}`, [entry?.term, entry?.short, entry?.long]);
			}
		} else if (/\/content\/references\.yaml$/.test(file)) {
			for (const [i, entry] of /** @type {any[]} */ (parseYaml(text) ?? []).entries()) {
				add(file, `[${i}] ${entry?.id}`, [entry?.title, entry?.publisher, entry?.supports]);
			}
		} else if (file.endsWith('.svelte')) {
			add(file, 'page', svelteText(text));
		}
	}
	return pieces;
}

/**
 * The learner-visible files of the project at `root`, read from disk: every lesson's
 * lesson.md, check.yaml and facilitator.yaml, the glossary, the register and the site pages.
 * @param {string} root the repository root
 * @returns {Record<string, string>}
 */
export function readLearnerFiles(root) {
	/** @type {Record<string, string>} */
	const files = {};
	const read = (/** @type {string} */ path) => {
		if (existsSync(join(root, path))) files[path] = readFileSync(join(root, path), 'utf8');
	};
	for (const [path, text] of Object.entries(readLessonFiles(join(root, 'src/lessons')))) {
		if (/^\/src\/lessons\/\d+-[^/]+\/(lesson\.md|check\.yaml|facilitator\.yaml)$/.test(path)) {
			files[path.slice(1)] = text;
		}
	}
	read('src/content/glossary.yaml');
	read('src/content/references.yaml');
	for (const page of SITE_PAGES) read(page);
	return files;
}
