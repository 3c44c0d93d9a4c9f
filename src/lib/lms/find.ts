/**
 * Finding an LMS's SCORM API. Small on purpose: it ships with every page of the site, and the
 * rest of the LMS runtime loads only when an API is found.
 *
 * The search is the standard one (ADL's API discovery, SCORM 1.2 RTE 3.3.6.1 and 2004 RTE
 * 3.1.3.2): the object `API_1484_11` (2004) or `API` (1.2) on this window or one of its
 * parents, up to the top, and then on the opener's chain, within ADL's limits of tries. A
 * parent from another origin throws when read: it is stepped over, never trusted. When an LMS
 * offers both, 2004 is used.
 */

export interface Api12 {
	LMSInitialize(arg: ''): unknown;
	LMSFinish(arg: ''): unknown;
	LMSGetValue(element: string): unknown;
	LMSSetValue(element: string, value: string): unknown;
	LMSCommit(arg: ''): unknown;
	LMSGetLastError(): unknown;
}

export interface Api2004 {
	Initialize(arg: ''): unknown;
	Terminate(arg: ''): unknown;
	GetValue(element: string): unknown;
	SetValue(element: string, value: string): unknown;
	Commit(arg: ''): unknown;
	GetLastError(): unknown;
}

export type FoundApi = { version: '1.2'; api: Api12 } | { version: '2004'; api: Api2004 };

const SEARCH = [
	// ADL's sample wrappers give up after 500 parents for 2004 and 7 for 1.2.
	{ version: '2004', name: 'API_1484_11', tries: 500, methods: ['Initialize', 'GetValue'] },
	{ version: '1.2', name: 'API', tries: 7, methods: ['LMSInitialize', 'LMSGetValue'] }
] as const;

type Search = (typeof SEARCH)[number];

/** The API on this one window, if it has one; a window of another origin throws on access. */
function apiOn(win: Window, search: Search): object | null {
	try {
		const api = (win as unknown as Record<string, unknown>)[search.name];
		if (typeof api !== 'object' || api === null) return null;
		const record = api as Record<string, unknown>;
		return search.methods.every((m) => typeof record[m] === 'function') ? api : null;
	} catch {
		return null;
	}
}

/** Up the parent chain from `start`, to the top or the limit of tries. */
function scan(start: Window | null | undefined, search: Search): object | null {
	let win = start;
	for (let tries = 0; win && tries <= search.tries; tries++) {
		const api = apiOn(win, search);
		if (api) return api;
		let parent: Window | null;
		try {
			parent = win.parent;
		} catch {
			return null;
		}
		if (!parent || parent === win) return null;
		win = parent;
	}
	return null;
}

/** Another window's property; null when the browser will not say (a closed or foreign window). */
function read<T>(get: () => T): T | null {
	try {
		return get() ?? null;
	} catch {
		return null;
	}
}

/** The LMS's API for this page, or null outside an LMS. Never throws. */
export function findApi(win: Window): FoundApi | null {
	const openers = [read(() => win.opener), read(() => win.top?.opener)];
	for (const search of SEARCH) {
		const api =
			scan(win, search) ?? openers.map((o) => scan(o as Window | null, search)).find(Boolean);
		if (api) return { version: search.version, api } as FoundApi;
	}
	return null;
}
