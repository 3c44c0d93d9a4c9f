// @ts-check
/**
 * A rehype plugin for lesson tables, so a comparison table reads well on a 320 px phone
 * (WCAG 1.4.10) without horizontal scrolling:
 * - the first cell of each body row becomes a row header (`<th scope="row">`), so a screen
 *   reader announces "Withdrawal, When it starts" rather than a bare cell;
 * - every body cell carries its column's header in `data-label`, which the narrow-screen CSS in
 *   app.css shows above the cell when rows are stacked;
 * - explicit ARIA table roles keep the table semantics when CSS changes the display of its parts.
 */

/** @typedef {{ type: string, tagName?: string, value?: string, properties?: Record<string, unknown>, children?: Node[] }} Node */

/** @param {Node} node @returns {string} */
function text(node) {
	if (node.type === 'text') return node.value ?? '';
	return (node.children ?? []).map(text).join('');
}

/** @param {Node} node @param {string} tag @returns {Node[]} */
function elements(node, tag) {
	return (node.children ?? []).filter((c) => c.type === 'element' && c.tagName === tag);
}

/** @param {Node} table */
function enhance(table) {
	table.properties = { ...table.properties, role: 'table' };
	/** @type {string[]} */
	const headers = [];
	for (const head of elements(table, 'thead')) {
		head.properties = { ...head.properties, role: 'rowgroup' };
		for (const row of elements(head, 'tr')) {
			row.properties = { ...row.properties, role: 'row' };
			for (const cell of elements(row, 'th')) {
				cell.properties = { ...cell.properties, role: 'columnheader', scope: 'col' };
				headers.push(text(cell).trim());
			}
		}
	}
	for (const body of elements(table, 'tbody')) {
		body.properties = { ...body.properties, role: 'rowgroup' };
		for (const row of elements(body, 'tr')) {
			row.properties = { ...row.properties, role: 'row' };
			const cells = (row.children ?? []).filter((c) => c.type === 'element');
			cells.forEach((cell, i) => {
				if (i === 0) {
					cell.tagName = 'th';
					cell.properties = { ...cell.properties, role: 'rowheader', scope: 'row' };
				} else {
					cell.properties = { ...cell.properties, role: 'cell', 'data-label': headers[i] ?? '' };
				}
			});
		}
	}
}

/** @param {Node} node */
function walk(node) {
	if (node.type === 'element' && node.tagName === 'table') enhance(node);
	for (const child of node.children ?? []) walk(child);
}

export function rehypeTables() {
	return (/** @type {Node} */ tree) => walk(tree);
}
