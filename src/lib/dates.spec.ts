import { describe, expect, it } from 'vitest';
import { longDate } from './dates';

describe('longDate', () => {
	it('writes a date as a British reader reads it', () => {
		expect(longDate('2026-11-21')).toBe('21 November 2026');
		expect(longDate('2025-01-05')).toBe('5 January 2025');
		expect(longDate('2024-12-31')).toBe('31 December 2024');
	});

	it.each(['', 'soon', '2026-13-01', '2026-00-10', '2026-02-00', '2026-02-32', '21/11/2026'])(
		'returns %j as given rather than a wrong date',
		(bad) => {
			expect(longDate(bad)).toBe(bad);
		}
	);
});
