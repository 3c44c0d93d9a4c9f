/**
 * Finding the LMS's API the standard way, on windows built by hand: parents up to the top, then
 * the opener, within the limits of tries, stepping over windows of another origin (which throw
 * when read) and over objects that are not a SCORM API.
 */
import { describe, expect, it } from 'vitest';
import { findApi } from './find';

const api12 = { LMSInitialize: () => 'true', LMSGetValue: () => '' };
const api2004 = { Initialize: () => 'true', GetValue: () => '' };

interface Fake {
	parent: Fake;
	top: Fake;
	opener: Fake | null;
	[name: string]: unknown;
}

/** A chain of windows, outermost first; each gets the given own properties. */
function chain(...props: Record<string, unknown>[]): Fake[] {
	const wins: Fake[] = [];
	for (const own of props) {
		const win = { opener: null, ...own } as Fake;
		win.parent = wins.at(-1) ?? win;
		wins.push(win);
	}
	for (const win of wins) win.top = wins[0]!;
	return wins;
}

/** A window of another origin: reading anything but `parent` throws, as browsers do. */
function foreign(parent?: Fake): Fake {
	const win = {} as Fake;
	const deny = () => {
		throw new DOMException('Blocked a frame with origin', 'SecurityError');
	};
	for (const name of ['API', 'API_1484_11', 'opener'])
		Object.defineProperty(win, name, { get: deny });
	win.parent = parent ?? win;
	win.top = parent?.top ?? win;
	return win;
}

const find = (win: Fake) => findApi(win as unknown as Window);

describe('findApi', () => {
	it('finds nothing on a page that is not in an LMS', () => {
		expect(find(chain({})[0]!)).toBeNull();
	});

	it('finds a 1.2 API on the parent and a 2004 API on the grandparent', () => {
		const [, , sco] = chain({}, { API: api12 }, {});
		expect(find(sco!)).toEqual({ version: '1.2', api: api12 });
		const [, , deeper] = chain({ API_1484_11: api2004 }, {}, {});
		expect(find(deeper!)).toEqual({ version: '2004', api: api2004 });
	});

	it('prefers 2004 when the LMS offers both', () => {
		const [, sco] = chain({ API: api12, API_1484_11: api2004 }, {});
		expect(find(sco!)?.version).toBe('2004');
	});

	it("looks in the opener's chain when no parent has an API (a pop-up launch)", () => {
		const [lms] = chain({ API: api12 });
		const [popup] = chain({ opener: lms });
		expect(find(popup!)?.api).toBe(api12);
		const [top, frame] = chain({ opener: lms }, {});
		expect(top!.opener).toBe(lms);
		expect(find(frame!)?.api).toBe(api12);
	});

	it('steps over a parent of another origin and keeps climbing', () => {
		const [lms] = chain({ API: api12 });
		const middle = foreign(lms);
		const [sco] = chain({});
		sco!.parent = middle;
		sco!.top = lms!;
		expect(find(sco!)?.api).toBe(api12);
	});

	it('survives a chain where everything above is of another origin', () => {
		const [sco] = chain({});
		sco!.parent = foreign();
		expect(find(sco!)).toBeNull();
	});

	it('ignores an API property that is not an API', () => {
		for (const API of [null, 'API', {}, { LMSInitialize: 'no' }, () => {}]) {
			const [, sco] = chain({ API }, {});
			expect(find(sco!)).toBeNull();
		}
	});

	it("stays within ADL's limits: 7 parents for 1.2", () => {
		const near = chain({ API: api12 }, ...Array.from({ length: 7 }, () => ({})));
		expect(find(near.at(-1)!)).not.toBeNull();
		const far = chain({ API: api12 }, ...Array.from({ length: 9 }, () => ({})));
		expect(find(far.at(-1)!)).toBeNull();
	});
});
