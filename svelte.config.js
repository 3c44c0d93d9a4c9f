import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { mdsvex } from 'mdsvex';
import { rehypeTables } from './src/lib/content/rehypeTables.js';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	extensions: ['.svelte', '.md'],
	preprocess: [vitePreprocess(), mdsvex({ extensions: ['.md'], rehypePlugins: [rehypeTables] })],
	compilerOptions: {
		// mdsvex emits `<script context="module">`, which runes mode rejects as deprecated;
		// everything we write ourselves is forced into runes mode.
		runes: ({ filename }) =>
			filename.split(/[/\\]/).includes('node_modules') || filename.endsWith('.md')
				? undefined
				: true
	},
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		// Relative asset and link paths, so the build also works from a sub-folder, a zip in an LMS
		// or a workshop file share.
		paths: { relative: true },
		prerender: {
			// A broken internal link must stop the build, not ship.
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		}
	}
};

export default config;
