// `node scripts/content-scan.js`: the content checks, run on what ships. Reads every page the
// build prerendered (build/**/*.html, so run it after `vite build`) and fails on text no page
// may show (doses, percentages, schedules), on phone numbers that are not well-formed
// tap-to-call links, and on style attributes in lesson figures. The source files get the same
// rules and more in src/lib/content/content.spec.ts; this catches what only the build shows.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtPageProblems } from '../src/lib/content/siteRules.js';

const root = process.argv[2] ?? 'build';
if (!existsSync(root)) {
	console.error(`No ${root}/ folder: run \`npx vite build\` first.`);
	process.exit(1);
}

/** @param {string} dir @returns {string[]} */
function htmlFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}

const pages = htmlFiles(root);
let failed = 0;
for (const page of pages) {
	const problems = builtPageProblems(readFileSync(page, 'utf8'));
	for (const problem of problems) console.error(`${relative('.', page)}: ${problem}`);
	failed += problems.length;
}
if (!pages.length) {
	console.error(`No pages in ${root}/.`);
	process.exit(1);
}
console.log(
	failed
		? `\n${failed} problem(s) in ${pages.length} built pages.`
		: `Content scan: ${pages.length} built pages, no problems.`
);
process.exit(failed ? 1 : 0);
