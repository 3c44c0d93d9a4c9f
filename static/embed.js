/*! Understanding benzodiazepines: embed.js, protocol v1. Sizes embedded lessons to their content
 * and passes on learner events as DOM events. No dependencies; safe to load before or after the
 * iframes, and more than once. See EMBEDDING.md. */
(function () {
	'use strict';
	if (window.__ubEmbed) return;
	window.__ubEmbed = true;
	var P = 'understanding-benzodiazepines';
	var VERSION = 1;
	/** Taller than any lesson at 320 px wide and 200% text; a frame claiming more is ignored. */
	var MAX_HEIGHT = 60000;
	var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

	// The course lives where this script was loaded from: only frames showing its embed pages,
	// and only messages from that origin, are trusted. A frame from anywhere else on the host
	// page (an ad, a widget) can neither resize a lesson nor fake a learner event.
	var script = document.currentScript;
	var home;
	try {
		home = new URL((script && script.src) || '', location.href);
	} catch (e) {
		return;
	}
	var ORIGIN = home.origin;
	var BASE = home.href.replace(/[^/]*(?:[?#].*)?$/, '') + 'embed/';
	if (!ORIGIN || ORIGIN === 'null') return;

	function isLesson(frame) {
		try {
			var url = new URL(frame.getAttribute('src') || '', location.href);
			return url.origin === ORIGIN && url.href.indexOf(BASE) === 0;
		} catch (e) {
			return false;
		}
	}

	function frames() {
		return Array.prototype.filter.call(document.querySelectorAll('iframe'), isLesson);
	}

	function hello(frame) {
		if (!frame.contentWindow) return;
		frame.contentWindow.postMessage(
			{
				protocol: P,
				version: VERSION,
				type: 'hello',
				events: frame.hasAttribute('data-ub-events'),
				gating: frame.getAttribute('data-ub-gating') === 'off' ? 'off' : 'on'
			},
			ORIGIN // Only the lesson's own origin can read it.
		);
	}

	function whole(n, max) {
		return typeof n === 'number' && n === Math.floor(n) && n >= 0 && n <= max;
	}

	/** A clean copy of a learner event's detail, or null if it is not one we send. */
	function detailOf(name, d) {
		if (!d || typeof d !== 'object') return null;
		if (name === 'course-completed') return whole(d.lessons, 1000) ? { lessons: d.lessons } : null;
		if (typeof d.lesson !== 'string' || !SLUG.test(d.lesson)) return null;
		if (name === 'lesson-started' || name === 'lesson-completed') return { lesson: d.lesson };
		if (name === 'check-graded' && whole(d.max, 1000) && whole(d.score, d.max)) {
			if (typeof d.passed !== 'boolean') return null;
			return { lesson: d.lesson, score: d.score, max: d.max, passed: d.passed };
		}
		return null;
	}

	window.addEventListener('message', function (event) {
		// The sender must be one of our lesson frames, speaking from the course's own origin.
		if (event.origin !== ORIGIN) return;
		var list = frames();
		var frame = null;
		for (var i = 0; i < list.length; i++)
			if (list[i].contentWindow === event.source) frame = list[i];
		if (!frame) return;
		var data = event.data;
		if (!data || typeof data !== 'object' || data.protocol !== P || data.version !== VERSION)
			return;
		if (!frame.__ubGreeted) {
			frame.__ubGreeted = true;
			hello(frame);
		}
		if (data.type === 'resize') {
			var h = data.height;
			if (typeof h === 'number' && h > 0 && h <= MAX_HEIGHT)
				frame.style.height = Math.ceil(h) + 'px';
		} else if (data.type === 'navigated') {
			// The lesson moved on inside the frame: if its top is out of sight, bring it into view,
			// so the learner starts the new lesson at its beginning, not mid-page.
			var top = frame.getBoundingClientRect().top;
			if (top < 0 || top > window.innerHeight) frame.scrollIntoView({ block: 'start' });
		} else if (data.type === 'event' && typeof data.name === 'string') {
			var detail = detailOf(data.name, data.detail);
			if (detail)
				frame.dispatchEvent(new CustomEvent('ub:' + data.name, { bubbles: true, detail: detail }));
		} else if (data.type === 'ready') {
			var lesson = typeof data.lesson === 'string' && SLUG.test(data.lesson) ? data.lesson : null;
			frame.dispatchEvent(
				new CustomEvent('ub:ready', {
					bubbles: true,
					detail: { lesson: lesson, events: data.events === true }
				})
			);
		}
	});

	function watch(frame) {
		if (frame.__ubWatched) return;
		frame.__ubWatched = true;
		// A newly loaded lesson starts listening only once its scripts run, which can be after the
		// load event; so greet it when its first message arrives.
		frame.addEventListener('load', function () {
			frame.__ubGreeted = false;
		});
		// A lesson that is already running (this script loaded late) is greeted straight away.
		hello(frame);
	}

	function scan() {
		frames().forEach(watch);
	}
	scan();
	if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
	if (window.MutationObserver) {
		new MutationObserver(scan).observe(document.documentElement, {
			childList: true,
			subtree: true
		});
	}
})();
