import { afterEach, describe, expect, it, vi } from 'vitest';
import { updates } from './updates.svelte';

/** A stand-in service worker whose state the test moves on. */
function worker(state: string) {
	const listeners: (() => void)[] = [];
	return {
		state,
		addEventListener: (_: string, fn: () => void) => listeners.push(fn),
		install() {
			this.state = 'installed';
			for (const fn of listeners) fn();
		}
	};
}

function browser({
	controlled = true,
	installing = null as ReturnType<typeof worker> | null
} = {}) {
	const found: (() => void)[] = [];
	const registration = {
		waiting: null,
		installing,
		addEventListener: (_: string, fn: () => void) => found.push(fn)
	};
	vi.stubGlobal('navigator', {
		serviceWorker: {
			controller: controlled ? {} : null,
			register: async () => registration
		}
	});
	return {
		/** A new version is found after the page registered. */
		update(next: ReturnType<typeof worker>) {
			registration.installing = next;
			for (const fn of found) fn();
		}
	};
}

afterEach(() => {
	vi.unstubAllGlobals();
	updates.ready = false;
});

describe('updates', () => {
	it('offers a new version found after the page registered, once it has installed', async () => {
		const site = browser();
		await updates.register('');
		const next = worker('installing');
		site.update(next);
		expect(updates.ready).toBe(false);
		next.install();
		expect(updates.ready).toBe(true);
	});

	it('offers a new version already installing when the page registers (found before it listened)', async () => {
		const next = worker('installing');
		browser({ installing: next });
		await updates.register('');
		expect(updates.ready).toBe(false);
		next.install();
		expect(updates.ready).toBe(true);
	});

	it('offers nothing for the first install, which no older page is running', async () => {
		const first = worker('installing');
		browser({ controlled: false, installing: first });
		await updates.register('');
		first.install();
		expect(updates.ready).toBe(false);
	});
});
