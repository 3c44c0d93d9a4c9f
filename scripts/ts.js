// Loading the project's TypeScript modules from a Node script, through Vite's module runner: the
// same `$lib` alias, `import.meta.glob` and `?raw` imports the build uses, so a script sees the
// course exactly as the build does (scripts/package-scorm.js, scripts/check-scorm.js).
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

export const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {string} path from the repository root, e.g. '/src/lib/server/course.ts'
 * @returns {Promise<any>} the module's exports
 */
export async function loadTs(path) {
	const { module } = await runnerImport(path, {
		configFile: false,
		root,
		logLevel: 'error',
		resolve: { alias: { $lib: `${root}src/lib` } }
	});
	return module;
}
