// @ts-check
/**
 * Reading lesson folders from disk, for everything that runs in Node (tests, scripts): the same
 * path → text map the build gets from `import.meta.glob('/src/lessons/*\/*')`, so the loader is
 * fed the same way everywhere. Drafts (`xx-…`) are read too: leaving them out is the loader's job.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} lessonsDir the folder holding the lesson folders (src/lessons, or a fixture's)
 * @returns {Record<string, string>} text by `/src/lessons/<folder>/<file>`
 */
export function readLessonFiles(lessonsDir) {
	/** @type {Record<string, string>} */
	const files = {};
	for (const dir of readdirSync(lessonsDir).sort()) {
		if (!statSync(join(lessonsDir, dir)).isDirectory()) continue;
		for (const file of readdirSync(join(lessonsDir, dir)).sort()) {
			files[`/src/lessons/${dir}/${file}`] = readFileSync(join(lessonsDir, dir, file), 'utf8');
		}
	}
	return files;
}
