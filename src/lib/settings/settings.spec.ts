import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings';

const defaults = { theme: 'system', textSize: 'standard', motion: 'system' };

describe('parseSettings', () => {
	it('reads every field of a good saved value', () => {
		expect(
			parseSettings(JSON.stringify({ theme: 'contrast', textSize: 'larger', motion: 'reduce' }))
		).toEqual({ theme: 'contrast', textSize: 'larger', motion: 'reduce' });
	});

	it('falls back field by field: a bad field never costs the good ones', () => {
		expect(parseSettings(JSON.stringify({ theme: 'dark', textSize: 'huge', motion: 42 }))).toEqual({
			...defaults,
			theme: 'dark'
		});
	});

	it.each([
		['nothing saved', null],
		['an empty string', ''],
		['text that is not JSON', '{theme: dark'],
		['JSON null', 'null'],
		['a number', '7'],
		['a string', '"dark"'],
		['an array', '["dark"]'],
		['names in the wrong case', '{"theme":"Dark","textSize":"LARGE"}'],
		['an inherited name', '{"theme":"toString"}'],
		['a value from another field', '{"theme":"reduce","motion":"dark"}']
	])('gives the defaults for %s', (_, raw) => {
		expect(parseSettings(raw)).toEqual(defaults);
	});
});
