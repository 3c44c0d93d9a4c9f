import { describe, expect, it } from 'vitest';
import { optionLetter } from './letters';

describe('optionLetter', () => {
	it('letters options from A in their authored order', () => {
		expect([0, 1, 2, 3].map(optionLetter)).toEqual(['A', 'B', 'C', 'D']);
	});
});
