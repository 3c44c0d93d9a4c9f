// The static server used by `npm start`, the browser tests and the benchmark: text files go out
// gzipped when the browser accepts it, byte for byte what is on disk once unzipped.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from './serve.js';

const page = '<!doctype html><title>Lesson</title><p>' + 'GABA calms nerve cells. '.repeat(200);
let dir: string;
let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'ub-serve-'));
	mkdirSync(join(dir, 'lessons/gaba'), { recursive: true });
	writeFileSync(join(dir, 'lessons/gaba/index.html'), page);
	writeFileSync(join(dir, 'icon.png'), Buffer.from([137, 80, 78, 71]));
	writeFileSync(join(dir, '404.html'), 'Not here');
	server = await serve({ dir, port: 0 });
});
afterAll(async () => {
	await server.close();
	rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(new URL(path, server.url), { headers, redirect: 'manual' });

describe('serve', () => {
	it('sends a page gzipped to a browser that accepts it, and it unzips to the file', async () => {
		// Node's fetch unzips the body by itself; the headers say what was sent.
		const response = await get('lessons/gaba/', { 'accept-encoding': 'gzip' });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-encoding')).toBe('gzip');
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('vary')).toBe('accept-encoding');
		const sent = Number(response.headers.get('content-length'));
		expect(sent).toBeLessThan(Buffer.byteLength(page) / 5);
		expect(await response.text()).toBe(page);
	});

	it('answers a repeat visit with 304 when the page has not changed', async () => {
		const first = await get('lessons/gaba/', { 'accept-encoding': 'gzip' });
		const etag = first.headers.get('etag')!;
		await first.arrayBuffer();
		const again = await get('lessons/gaba/', { 'accept-encoding': 'gzip', 'if-none-match': etag });
		expect(again.status).toBe(304);
	});

	it('sends the file as it is to a browser that does not accept gzip, and pictures always', async () => {
		const plain = await get('lessons/gaba/', { 'accept-encoding': 'identity' });
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(await plain.text()).toBe(page);
		const picture = await get('icon.png', { 'accept-encoding': 'gzip' });
		expect(picture.headers.get('content-encoding')).toBeNull();
		expect(new Uint8Array(await picture.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
	});

	it('redirects a folder without its slash, and gives the 404 page for what is not there', async () => {
		const folder = await get('lessons/gaba', { 'accept-encoding': 'gzip' });
		expect(folder.status).toBe(301);
		expect(folder.headers.get('location')).toBe('/lessons/gaba/');
		const missing = await get('lessons/nothing.html', { 'accept-encoding': 'gzip' });
		expect(missing.status).toBe(404);
		expect(await missing.text()).toBe('Not here');
	});

	it.each([
		['a path that starts with two slashes', '//'],
		['a broken escape', '/lessons/%E0%A4%A'],
		['a path that climbs out of the folder', '/../../etc/passwd']
	])('answers %s with the 404 page, and keeps serving', async (_, path) => {
		const status = await new Promise<number>((done, fail) =>
			request(new URL(server.url), { path }, (res) => {
				res.resume();
				done(res.statusCode ?? 0);
			})
				.on('error', fail)
				.end()
		);
		expect(status).toBe(404);
		expect((await get('lessons/gaba/')).status).toBe(200);
	});
});
