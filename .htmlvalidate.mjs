/** html-validate over the prerendered pages, with the a11y preset (A11Y.md item 3). */
export default {
	extends: ['html-validate:a11y'],
	rules: {
		// Every for, aria-describedby and aria-labelledby id must exist; every input needs a label.
		// (Not part of the a11y preset, so switched on here.)
		'no-missing-references': 'error',
		'input-missing-label': 'error',
		// Lesson tables carry explicit table roles on purpose: they are restyled as stacked cards
		// on phones, and some browsers drop table semantics when CSS changes a table's display
		// (src/lib/content/rehypeTables.js).
		'no-redundant-role': 'off'
	}
};
