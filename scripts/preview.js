// Serves the built site with `vite preview` on 127.0.0.1, for `npm start` and the benchmark.
import { spawn } from 'node:child_process';

/** @param {number} port @param {import('node:child_process').StdioOptions} stdio */
export function startPreview(port, stdio) {
	return spawn(
		process.execPath,
		[
			'node_modules/vite/bin/vite.js',
			'preview',
			'--port',
			String(port),
			'--strictPort',
			'--host',
			'127.0.0.1'
		],
		{ stdio }
	);
}
