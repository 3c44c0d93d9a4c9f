import { describe, expect, it } from 'vitest';
import { scopeIds, shiftHeadings } from './handoutHtml';

describe('shiftHeadings', () => {
	it('moves every heading down, opening and closing tags alike, and never past h6', () => {
		const html = '<h2 id="a">A</h2><h3>B</h3><header>x</header><h6>C</h6><hr>';
		expect(shiftHeadings(html, 1)).toBe(
			'<h3 id="a">A</h3><h4>B</h4><header>x</header><h6>C</h6><hr>'
		);
	});

	it('leaves the HTML alone when there is nothing to shift', () => {
		expect(shiftHeadings('<h2>A</h2>', 0)).toBe('<h2>A</h2>');
	});
});

describe('scopeIds', () => {
	it('prefixes ids and everything that points at one', () => {
		const html =
			'<h2 id="summary">S</h2><a href="#summary">to S</a>' +
			'<figure aria-labelledby="p1-caption"><span id="p1-caption">C</span></figure>' +
			'<button aria-controls="p2-tip" aria-describedby="x y">?</button><label for="f">F</label>' +
			'<marker id="arrow"></marker><path marker-end="url(#arrow)"></path>';
		expect(scopeIds(html, 'gaba-')).toBe(
			'<h2 id="gaba-summary">S</h2><a href="#gaba-summary">to S</a>' +
				'<figure aria-labelledby="gaba-p1-caption"><span id="gaba-p1-caption">C</span></figure>' +
				'<button aria-controls="gaba-p2-tip" aria-describedby="gaba-x gaba-y">?</button>' +
				'<label for="gaba-f">F</label>' +
				'<marker id="gaba-arrow"></marker><path marker-end="url(#gaba-arrow)"></path>'
		);
	});

	it('leaves links to other pages and look-alike attributes alone', () => {
		const html = '<a href="../references/#S1" data-id="x">[1]</a>';
		expect(scopeIds(html, 'gaba-')).toBe(html);
	});
});
