import { defineConfig, devices } from '@playwright/test';
import { PORT, SITE } from './tests/site';

// scripts/test.js finds the browser and passes it in; running `playwright test` directly falls
// back to Debian's Chromium (Playwright's own download cannot work on this machine).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
	testDir: 'tests',
	// Every test opens its own browser context, so tests run in any order and in parallel. On
	// this machine's two cores two workers finish the suite about a quarter sooner than one: the
	// time goes to the browser (axe, layout), not to the test runner.
	fullyParallel: true,
	workers: 2,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: 'list',
	expect: { toMatchAriaSnapshot: { children: 'equal' } },
	use: {
		baseURL: SITE,
		// Traces cost a tenth of the run; record one when debugging: npx playwright test --trace on
		trace: 'off',
		launchOptions: { executablePath },
		// The site's service worker would precache the whole site in every test's fresh browser
		// context; only the offline tests let it run (test.use in offline.spec.ts).
		serviceWorkers: 'block'
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
		// The built site as a static host serves it (build/ must exist: `npm test` builds first).
		command: `node scripts/serve.js --port ${PORT}`,
		url: `${SITE}/`,
		// Never test whatever else may be listening on the port: fail instead.
		reuseExistingServer: false,
		timeout: 30_000
	}
});
