/**
 * An LMS for the browser tests, on one origin as real LMSs serve their content: the SCORM
 * packages the build made (dist/scorm/*.zip), unzipped and served under /content/<standard>/,
 * and LMS pages under /lms/ that create scorm-again's `Scorm12API` or `Scorm2004API` as
 * `window.API` / `window.API_1484_11` and launch the package's index.html in a frame (or in a
 * frame inside a frame, as many LMSs do).
 *
 * Every call the course makes to the API is recorded with the error code the runtime reports
 * right after it (`GetLastError`), and every request for a file the package lacks is recorded
 * too, so each test can say the course made no bad call and loaded nothing that was missing.
 */
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import sirv from 'sirv';

export type Standard = '1.2' | '2004';

const root = join(import.meta.dirname, '..');
export const PACKAGES: Record<Standard, string> = {
	'1.2': join(root, 'dist/scorm/understanding-benzodiazepines-scorm12.zip'),
	'2004': join(root, 'dist/scorm/understanding-benzodiazepines-scorm2004.zip')
};
const scormAgain = createRequire(import.meta.url).resolve('scorm-again/min');

export interface LmsServer {
	origin: string;
	/** Every file of the unzipped package, by standard. */
	files: Record<Standard, Set<string>>;
	/** Package paths requested that were not in the package. */
	missing: string[];
	/** Package paths requested, in order. */
	loaded: string[];
	close(): Promise<void>;
}

/** One LMS page: it reads its settings from `window.__lms`, set by `launchInLms`. */
const lmsPage = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>A learning platform</title><script src="/lms/scorm-again.js"></script>
<script>
(function () {
	var cfg = window.__lms;
	var v12 = cfg.standard === '1.2';
	var API = v12
		? new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 })
		: new Scorm2004API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
	API.loadFromJSON(cfg.data, '');
	window.__calls = [];
	window.__refuse = cfg.refuse || false;
	var lastError = v12 ? API.LMSGetLastError.bind(API) : API.GetLastError.bind(API);
	var methods = v12
		? ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit']
		: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit'];
	methods.forEach(function (name) {
		var real = API[name].bind(API);
		API[name] = function () {
			var args = [].slice.call(arguments);
			// An LMS that refuses every value: "false", as SCORM says a failed SetValue answers.
			if (window.__refuse && /SetValue$/.test(name)) {
				window.__calls.push({ method: name, args: args, result: 'false', error: 'refused' });
				return 'false';
			}
			var result = real.apply(null, args);
			window.__calls.push({ method: name, args: args, result: String(result), error: String(lastError()) });
			return result;
		};
	});
	window[v12 ? 'API' : 'API_1484_11'] = API;
	window.__cmi = function () { return JSON.parse(JSON.stringify(API.renderCommitCMI(true))).cmi; };
})();
</script>
<style>body{margin:0;font-family:sans-serif}iframe{display:block;width:100%;height:90vh;border:0}</style>
</head><body><main><h1>A learning platform</h1>
<iframe id="sco" title="Understanding benzodiazepines" src="SRC"></iframe></main></body></html>`;

/** The frame between the LMS page and the course, as in LMSs that wrap their player. */
const wrapperPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Player</title>
<style>body{margin:0}iframe{display:block;width:100%;height:88vh;border:0}</style></head>
<body><iframe id="sco" title="Understanding benzodiazepines" src="SRC"></iframe></body></html>`;

export async function startLmsServer(packages = PACKAGES): Promise<LmsServer> {
	const dir = mkdtempSync(join(tmpdir(), 'scorm-lms-'));
	const files = {} as Record<Standard, Set<string>>;
	const serveContent = {} as Record<Standard, ReturnType<typeof sirv>>;
	for (const standard of ['1.2', '2004'] as Standard[]) {
		if (!existsSync(packages[standard])) {
			throw new Error(
				`${packages[standard]} is missing: package the build first (node scripts/package-scorm.js --no-build)`
			);
		}
		const entries = unzipSync(readFileSync(packages[standard]));
		const target = join(dir, standard);
		files[standard] = new Set(Object.keys(entries));
		for (const [name, bytes] of Object.entries(entries)) {
			mkdirSync(dirname(join(target, name)), { recursive: true });
			writeFileSync(join(target, name), bytes);
		}
		// Like an LMS's file server: files only, no folder index pages and no 404 page of ours.
		serveContent[standard] = sirv(target, { dev: false, etag: true, dotfiles: false });
	}
	const missing: string[] = [];
	const loaded: string[] = [];
	const server: Server = createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const content = /^\/content\/(1\.2|2004)\/(.*)$/.exec(url.pathname);
		const html = (body: string) => {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(body);
		};
		if (url.pathname === '/lms/scorm-again.js') {
			res.writeHead(200, { 'content-type': 'text/javascript' });
			return res.end(readFileSync(scormAgain));
		}
		if (url.pathname === '/lms/launch.html') {
			return html(lmsPage.replace('SRC', url.searchParams.get('src') ?? ''));
		}
		if (url.pathname === '/lms/player.html') {
			return html(wrapperPage.replace('SRC', url.searchParams.get('src') ?? ''));
		}
		if (content) {
			const standard = content[1] as Standard;
			const path = decodeURIComponent(content[2]!);
			loaded.push(path);
			if (!files[standard].has(path)) missing.push(`${standard}: ${path}`);
			req.url = `/${content[2]}${url.search}`;
			return serveContent[standard](req, res, () => {
				res.writeHead(404);
				res.end('not in the package');
			});
		}
		res.writeHead(404);
		res.end('not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		files,
		missing,
		loaded,
		close: async () => {
			await new Promise((resolve) => server.close(() => resolve(null)));
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
