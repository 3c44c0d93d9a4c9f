import { defineConfig, devices } from '@playwright/test';

// scripts/test.js finds the browser and passes it in; running `playwright test` directly falls
// back to Debian's Chromium (Playwright's own download cannot work on this machine).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
	testDir: 'tests',
	fullyParallel: false,
	// Two cores: one worker is as fast as two here and keeps runs steady (TOOLCHAIN.md §2).
	workers: 1,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: 'list',
	expect: { toMatchAriaSnapshot: { children: 'equal' } },
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		launchOptions: { executablePath }
	},
	projects: [
		{
			name: 'chromium',
			testIgnore: /no-js\.spec\.ts/,
			use: { ...devices['Desktop Chrome'] }
		},
		{
			// Lessons must stay readable when JavaScript fails to load (GOV.UK's acceptance criteria).
			name: 'no-js',
			testMatch: /no-js\.spec\.ts/,
			use: { ...devices['Desktop Chrome'], javaScriptEnabled: false }
		}
	],
	webServer: {
		command: `node node_modules/vite/bin/vite.js preview --port ${port} --strictPort --host 127.0.0.1`,
		url: `http://127.0.0.1:${port}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000
	}
});
