/** html-validate over the prerendered pages, with the a11y preset (A11Y.md item 3). */
export default {
	extends: ['html-validate:a11y'],
	rules: {
		// Lesson tables carry explicit table roles on purpose: they are restyled as stacked cards
		// on phones, and some browsers drop table semantics when CSS changes a table's display
		// (src/lib/content/rehypeTables.js).
		'no-redundant-role': 'off'
	}
};
