/**
 * The page's side of the service worker (src/service-worker.ts): registering it, and noticing
 * when a new version of the site has installed and waits, so the learner can be offered a reload.
 * Service workers may be missing or refused (an old browser, a sandboxed or third-party frame,
 * private modes): then the site simply works online, as before, without a word.
 */
import { UPDATE_MESSAGE } from './messages';

class Updates {
	/** A new version is installed and waits for the learner to reload. */
	ready = $state(false);
	#waiting: ServiceWorker | null = null;

	/** Registers the worker next to the site's root (`base`), from any page, once. */
	async register(base: string): Promise<void> {
		try {
			if (!('serviceWorker' in navigator)) return;
			const registration = await navigator.serviceWorker.register(`${base}/service-worker.js`);
			const offer = (worker: ServiceWorker | null) => {
				// Only an update: the first install has no page running an older version.
				if (!worker || !navigator.serviceWorker.controller) return;
				this.#waiting = worker;
				this.ready = true;
			};
			const watch = (worker: ServiceWorker | null) =>
				worker?.addEventListener('statechange', () => {
					if (worker.state === 'installed') offer(worker);
				});
			offer(registration.waiting);
			// A page that waits for first use registered the worker already (paintFirst.ts): an
			// update it found may be installing now, its `updatefound` gone by.
			watch(registration.installing);
			registration.addEventListener('updatefound', () => watch(registration.installing));
		} catch {
			// Refused (see above): nothing to offer, nothing to say.
		}
	}

	/** "Reload": the waiting version takes over, then the page loads again under it. */
	apply(): void {
		const worker = this.#waiting;
		if (!worker) return location.reload();
		navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
			once: true
		});
		worker.postMessage({ type: UPDATE_MESSAGE });
	}
}

export const updates = new Updates();
