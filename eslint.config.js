import { includeIgnoreFile } from '@eslint/compat';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import { fileURLToPath } from 'node:url';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const gitignore = fileURLToPath(new URL('./.gitignore', import.meta.url));

export default ts.config(
	includeIgnoreFile(gitignore),
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks undefined names better, with types (typescript-eslint's advice).
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['**/*.svelte'],
		rules: {
			// In-course links come from $lib/links, which calls resolve() for every path (so an
			// embedded lesson can link within /embed/); the rule cannot see through that function.
			'svelte/no-navigation-without-resolve': ['error', { ignoreLinks: true }]
		}
	},
	{
		// The host script runs on other people's pages, in old browsers too: plain ES5 style,
		// where a catch clause needs its binding even when unused.
		files: ['static/embed.js'],
		rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] }
	},
	{
		// mdsvex lessons are Markdown; their content checks live in the content tests.
		ignores: ['**/*.md', 'src/lib/course/fixtures/**']
	}
);
