/*! Understanding benzodiazepines: the printable pages (/handouts/, /answer-key/) for a chosen
 * set of lessons, named by slug in the address: ?lessons=gaba,tapering. The page holds every
 * lesson (it is prerendered, and a static host cannot read the query); this hides the others.
 * A file of the site's own, so the strict Content-Security-Policy allows it ('self'). Without
 * JavaScript, or when no name matches a lesson, the page keeps the whole course. */
(function () {
	'use strict';
	var asked = new URLSearchParams(location.search).get('lessons');
	if (!asked) return;
	var wanted = asked.split(',').map(function (slug) {
		return slug.trim();
	});
	var slugs = Array.prototype.map.call(
		document.querySelectorAll('article[data-lesson]'),
		function (s) {
			return s.getAttribute('data-lesson');
		}
	);
	var chosen = slugs.filter(function (slug) {
		return wanted.indexOf(slug) >= 0;
	});
	if (!chosen.length) return;

	// The lessons' sections and their lines in the contents.
	document.querySelectorAll('[data-lesson]').forEach(function (element) {
		element.hidden = chosen.indexOf(element.getAttribute('data-lesson')) < 0;
	});

	// Say which lessons this copy has, on the page and in its title (the printout's header).
	var numbers = chosen.map(function (slug) {
		return slugs.indexOf(slug) + 1;
	});
	var which =
		numbers.length === 1
			? 'lesson ' + numbers[0]
			: 'lessons ' + numbers.slice(0, -1).join(', ') + ' and ' + numbers[numbers.length - 1];
	var note = document.querySelector('[data-selection]');
	if (note) {
		note.textContent = 'This copy has ' + which + ' of ' + slugs.length + '.';
		note.hidden = false;
	}
	document.title = which.charAt(0).toUpperCase() + which.slice(1) + ': ' + document.title;
})();
