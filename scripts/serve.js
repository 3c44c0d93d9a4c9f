// Serves the built site (build/) the way a plain static host does, for `npm start` and the browser
// tests: what ships is what is tested. Folders answer with their index.html, a folder address
// without its trailing slash is redirected to it (relative asset paths need it), and an unknown
// address gets the site's own 404.html with status 404. Text files go out gzipped when the browser
// accepts it, as every common static host sends them, so what the benchmark and Lighthouse measure
// is what a learner downloads.
//
//   node scripts/serve.js [--port 4173] [--base /sub/path] [--dir build]
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import sirv from 'sirv';

/**
 * Every file is public, shared like GitHub Pages shares them: a lesson framed in a sandbox without
 * allow-same-origin has an opaque origin, and its module scripts need this to load.
 */
const PUBLIC = '*';

/** The text types worth compressing; everything else goes to sirv as it is. */
const TEXT = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml'
};

/**
 * @param {{ dir?: string, port?: number, host?: string, base?: string, live?: boolean }} options
 *   `live`: read the folder on every request (a test that deploys a new version into it);
 *   otherwise the file list is read once, as a production server would.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export function serve({
	dir = 'build',
	port = 4173,
	host = '127.0.0.1',
	base = '',
	live = false
} = {}) {
	const prefix = base.replace(/\/+$/, '');
	const files = sirv(dir, {
		dev: live,
		etag: true,
		dotfiles: false,
		setHeaders: (res) => res.setHeader('access-control-allow-origin', PUBLIC)
	});
	const notFound = join(dir, '404.html');
	const server = createServer((req, res) => {
		// Any text after the host makes a URL this way ("//", say, is a path here, not a host).
		const url = new URL(`http://localhost${req.url ?? '/'}`);
		if (!url.pathname.startsWith(`${prefix}/`)) return missing(res);
		const path = url.pathname.slice(prefix.length);
		let name;
		try {
			name = decodeURIComponent(path);
		} catch {
			return missing(res); // A broken escape ("%E0%A4%A") names no file.
		}
		const folder = join(dir, name);
		if (!path.endsWith('/') && existsSync(join(folder, 'index.html'))) {
			res.writeHead(301, { location: `${prefix}${path}/${url.search}` });
			return res.end();
		}
		req.url = path + url.search;
		if (gzipped(req, res, path.endsWith('/') ? join(folder, 'index.html') : folder)) return;
		files(req, res, () => missing(res));
	});
	/** @type {Map<string, { key: string, body: Buffer, etag: string }>} */
	const compressed = new Map();
	/**
	 * Sends a text file gzipped, if the browser accepts it; false leaves the request to sirv.
	 * @param {import('node:http').IncomingMessage} req
	 * @param {import('node:http').ServerResponse} res
	 * @param {string} file
	 */
	function gzipped(req, res, file) {
		const type = TEXT[/** @type {keyof typeof TEXT} */ (extname(file))];
		if (
			!type ||
			!['GET', 'HEAD'].includes(req.method ?? '') ||
			!/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')
		)
			return false;
		if (!file.startsWith(join(dir, '/'))) return false;
		const stat = statSync(file, { throwIfNoEntry: false });
		if (!stat?.isFile()) return false;
		const key = `${stat.size}-${stat.mtimeMs}`;
		let entry = compressed.get(file);
		if (entry?.key !== key) {
			entry = { key, body: gzipSync(readFileSync(file), { level: 9 }), etag: `W/"${key}-gz"` };
			compressed.set(file, entry);
		}
		const headers = {
			'content-type': type,
			'content-encoding': 'gzip',
			vary: 'accept-encoding',
			etag: entry.etag,
			'access-control-allow-origin': PUBLIC
		};
		if (req.headers['if-none-match'] === entry.etag) {
			res.writeHead(304, headers);
			res.end();
			return true;
		}
		res.writeHead(200, { ...headers, 'content-length': entry.body.length });
		res.end(req.method === 'HEAD' ? undefined : entry.body);
		return true;
	}
	/** @param {import('node:http').ServerResponse} res */
	function missing(res) {
		res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
		res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
	}
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () =>
			resolve({
				// The port the system chose, when asked for any (0).
				url: `http://${host}:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}${prefix}/`,
				close: () => new Promise((done) => server.close(() => done()))
			})
		);
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: process.env.PORT ?? '4173' },
			base: { type: 'string', default: '' },
			dir: { type: 'string', default: 'build' }
		}
	});
	if (!existsSync(values.dir) || !statSync(values.dir).isDirectory()) {
		console.error(
			`Nothing to serve: ${values.dir}/ does not exist. Build the site first (npx vite build).`
		);
		process.exit(1);
	}
	try {
		const { url } = await serve({ dir: values.dir, port: Number(values.port), base: values.base });
		console.log(`Serving ${values.dir}/ at ${url}`);
	} catch (error) {
		const code = /** @type {{ code?: string }} */ (error).code;
		console.error(
			code === 'EADDRINUSE'
				? `Port ${values.port} is in use: stop what runs there, or choose another with PORT=4180.`
				: String(error)
		);
		process.exit(1);
	}
}
