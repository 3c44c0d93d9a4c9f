/**
 * Talking to an LMS's SCORM API. Every call is wrapped: an LMS that throws or answers "false"
 * never breaks the page. Values are written behind: a value the LMS refused is kept and sent
 * again before the next commit, and the connection says when the LMS starts and stops refusing.
 */
import type { FoundApi } from './find';
import type { ScormVersion } from './report';

/** The calls both standards have, with the 1.2 names mapped onto 2004's. */
interface Calls {
	initialize(): unknown;
	terminate(): unknown;
	get(element: string): unknown;
	set(element: string, value: string): unknown;
	commit(): unknown;
}

function callsOf(found: FoundApi): Calls {
	if (found.version === '1.2') {
		const api = found.api;
		return {
			initialize: () => api.LMSInitialize(''),
			terminate: () => api.LMSFinish(''),
			get: (e) => api.LMSGetValue(e),
			set: (e, v) => api.LMSSetValue(e, v),
			commit: () => api.LMSCommit('')
		};
	}
	const api = found.api;
	return {
		initialize: () => api.Initialize(''),
		terminate: () => api.Terminate(''),
		get: (e) => api.GetValue(e),
		set: (e, v) => api.SetValue(e, v),
		commit: () => api.Commit('')
	};
}

/** SCORM answers with the strings "true" and "false"; some LMSs with booleans. */
const succeeded = (result: unknown) => result === true || result === 'true';

export interface ConnectionEvents {
	/** The LMS refused a value or a commit (it answered "false", or threw). */
	onTrouble?: () => void;
	/** After trouble, everything kept back has been accepted and committed. */
	onRecovered?: () => void;
}

export class LmsConnection {
	readonly version: ScormVersion;
	readonly #calls: Calls;
	/** Values the LMS has not accepted yet, in the order they were set (ids before types…). */
	readonly #pending = new Map<string, string>();
	/** What the LMS last accepted, so an unchanged value is not sent again. */
	readonly #sent = new Map<string, string>();
	#events: ConnectionEvents = {};
	#failing = false;
	#open = false;
	/** Review or browse mode: the LMS keeps what it has; nothing is written. */
	readOnly = false;

	constructor(found: FoundApi) {
		this.version = found.version;
		this.#calls = callsOf(found);
	}

	get failing(): boolean {
		return this.#failing;
	}

	/** True while initialized and not yet terminated. */
	get open(): boolean {
		return this.#open;
	}

	listen(events: ConnectionEvents): void {
		this.#events = events;
	}

	/** Starts the session with the LMS; false if it refused (the page then keeps to the browser). */
	initialize(): boolean {
		this.#open = this.#try(() => this.#calls.initialize());
		return this.#open;
	}

	/** A value from the LMS, or '' when it has none or refused. */
	get(element: string): string {
		if (!this.#open) return '';
		try {
			const value = this.#calls.get(element);
			return typeof value === 'string' ? value : value == null ? '' : String(value);
		} catch {
			return '';
		}
	}

	/** Sets a value now if the LMS takes it; otherwise keeps it for the next try. */
	set(element: string, value: string): void {
		if (!this.#open || this.readOnly) return;
		if (!this.#pending.has(element) && this.#sent.get(element) === value) return;
		this.#pending.set(element, value);
		this.#flush();
	}

	/** Sends what is waiting, then asks the LMS to store everything. */
	commit(): void {
		if (!this.#open || this.readOnly) return;
		const sent = this.#flush();
		const committed = this.#try(() => this.#calls.commit());
		if (!sent || !committed) this.#trouble();
		else if (this.#failing) {
			this.#failing = false;
			this.#events.onRecovered?.();
		}
	}

	/** Commits and ends the session. Once: afterwards every call is a no-op. */
	terminate(): void {
		if (!this.#open) return;
		this.commit();
		this.#try(() => this.#calls.terminate());
		this.#open = false;
	}

	#flush(): boolean {
		let all = true;
		for (const [element, value] of this.#pending) {
			if (this.#try(() => this.#calls.set(element, value))) {
				this.#pending.delete(element);
				this.#sent.set(element, value);
			} else {
				all = false;
			}
		}
		if (!all) this.#trouble();
		return all;
	}

	#try(call: () => unknown): boolean {
		try {
			return succeeded(call());
		} catch {
			return false;
		}
	}

	#trouble(): void {
		if (this.#failing) return;
		this.#failing = true;
		this.#events.onTrouble?.();
	}
}
