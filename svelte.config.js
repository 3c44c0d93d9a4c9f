import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import rehypeSlug from 'rehype-slug';
import { rehypeTables } from './src/lib/content/rehypeTables.js';

/**
 * Hashes of the inline scripts in src/app.html (display settings before first paint, the embed
 * inbox). SvelteKit hashes the scripts it writes itself; these it cannot see, and a prerendered
 * page has no nonce, so they are allowed by hash like SvelteKit's own.
 * @returns {`sha256-${string}`[]}
 */
function appHtmlScriptHashes() {
	const html = readFileSync(new URL('./src/app.html', import.meta.url), 'utf8');
	return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
		([, body]) => `sha256-${createHash('sha256').update(body).digest('base64')}`
	);
}

/**
 * SvelteKit's route announcer (the live region that reads each new page's title) carries an inline
 * style attribute that hides it visually. It is the one inline style the site needs: allowed by
 * the hash of its exact text, read from SvelteKit itself so an upgrade that changes it keeps
 * working (the browser tests fail on any CSP violation).
 * @returns {`sha256-${string}`}
 */
function announcerStyleHash() {
	const root = readFileSync(
		new URL('./node_modules/@sveltejs/kit/src/core/sync/write_root.js', import.meta.url),
		'utf8'
	);
	const style = /id="svelte-announcer"[^>]*?style="([^"]*)"/.exec(root)?.[1];
	if (!style) throw new Error("svelte.config.js: SvelteKit's route announcer style was not found");
	return `sha256-${createHash('sha256').update(style).digest('base64')}`;
}

/**
 * Where the site is built: build/, or another folder for a build that must leave build/ alone
 * (a SCORM package of chosen lessons, scripts/package-scorm.js).
 */
const out = process.env.BUILD_DIR ?? 'build';

/**
 * adapter-static, plus the 404.html that static hosts serve for unknown addresses. It is the
 * prerendered /not-found/ page (no JavaScript) with its relative links made absolute, because the
 * host serves it at whatever depth the unknown address has. A site served from a sub-path (a
 * project page, say) is built with BASE_PATH=/that/path so those links find it.
 * @param {Parameters<typeof adapter>[0]} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function staticSite(options) {
	const inner = adapter(options);
	const base = (process.env.BASE_PATH ?? '').replace(/\/+$/, '');
	return {
		...inner,
		name: 'adapter-static with 404.html',
		async adapt(builder) {
			await inner.adapt(builder);
			const page = readFileSync(`${out}/not-found/index.html`, 'utf8');
			writeFileSync(`${out}/404.html`, page.replace(/(href|src)="\.\.\//g, `$1="${base}/`));
		}
	};
}

/**
 * The build's version, from its content rather than the clock: the same sources build to the
 * same files, byte for byte, so a returning learner re-downloads nothing after a deployment that
 * changed nothing (and the service worker's cache keeps its name).
 */
function contentVersion() {
	const hash = createHash('sha256');
	const inputs = ['src', 'static', 'package-lock.json', 'svelte.config.js', 'vite.config.ts'];
	for (const input of inputs) {
		const paths = statSync(input).isDirectory()
			? readdirSync(input, { recursive: true, encoding: 'utf8' }).map((p) => `${input}/${p}`)
			: [input];
		for (const path of paths.sort()) {
			if (!statSync(path).isFile()) continue;
			hash.update(path).update(readFileSync(path));
		}
	}
	return hash.digest('hex').slice(0, 12);
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [
		vitePreprocess(),
		mdsvex({ extensions: ['.md'], rehypePlugins: [rehypeSlug, rehypeTables] })
	],
	compilerOptions: {
		// mdsvex emits `<script context="module">`, which runes mode rejects as deprecated;
		// everything we write ourselves is forced into runes mode.
		runes: ({ filename }) =>
			filename.split(/[/\\]/).includes('node_modules') || filename.endsWith('.md')
				? undefined
				: true
	},
	kit: {
		adapter: staticSite({ pages: out, assets: out, fallback: undefined, strict: true }),
		// Relative asset and link paths, so the build also works from a sub-folder, a zip in an LMS
		// or a workshop file share.
		paths: { relative: true },
		// Every stylesheet of a page is small (the largest is under 16 kB): inlined, they block
		// nothing on a first visit (Lighthouse's render-blocking resources). The CSP hashes them.
		inlineStyleThreshold: 16 * 1024,
		version: { name: contentVersion() },
		// Registered by the root layout ($lib/offline), which also offers updates and stays quiet
		// where service workers are refused (sandboxed and some third-party frames).
		serviceWorker: { register: false },
		// A strict Content-Security-Policy, delivered as a <meta> tag in every prerendered page so
		// any static host applies it: nothing runs or styles the page but this site's own files and
		// the inline scripts listed by hash. No third-party requests at all (DESIGN.md).
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', ...appHtmlScriptHashes()],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', announcerStyleHash()],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'frame-src': ['none'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['none']
			}
		},
		prerender: {
			// A broken internal link must stop the build, not ship.
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		}
	}
};

export default config;
