/**
 * A second origin for embedding tests: a tiny HTTP server on another port of this machine
 * (http://localhost:PORT, while the lessons are served from http://127.0.0.1:4173).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostServer {
	origin: string;
	/** Serves `html` at `path` on the host origin. */
	page(path: string, html: string): string;
	close(): Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
	const pages = new Map<string, string>();
	const server: Server = createServer((req, res) => {
		const html = pages.get((req.url ?? '/').split('?')[0]!);
		res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
		res.end(html ?? 'not found');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://localhost:${port}`;
	return {
		origin,
		page(path, html) {
			pages.set(path, html);
			return `${origin}${path}`;
		},
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/** A complete, accessible host page around some body HTML. */
export function hostPage(title: string, body: string, head = ''): string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}
<style>body{margin:0;font-family:sans-serif}main{padding:0 8px}a{display:inline-block;padding:12px 0}</style></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;
}
