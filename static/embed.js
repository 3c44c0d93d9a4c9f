/*! Understanding benzodiazepines: embed.js, protocol v1. Sizes embedded lessons to their content
 * and passes on learner events as DOM events. No dependencies; safe to load before or after the
 * iframes, and more than once. See EMBEDDING.md. */
(function () {
	'use strict';
	if (window.__ubEmbed) return;
	window.__ubEmbed = true;
	var P = 'understanding-benzodiazepines';

	function frames() {
		return Array.prototype.slice.call(
			document.querySelectorAll('iframe[data-ub-embed], iframe[src*="/embed/"]')
		);
	}

	function originOf(frame) {
		try {
			return new URL(frame.getAttribute('src') || '', location.href).origin;
		} catch (e) {
			return null;
		}
	}

	function hello(frame) {
		var origin = originOf(frame);
		if (!origin || origin === 'null' || !frame.contentWindow) return;
		frame.contentWindow.postMessage(
			{
				protocol: P,
				version: 1,
				type: 'hello',
				events: frame.hasAttribute('data-ub-events'),
				gating: frame.getAttribute('data-ub-gating') === 'off' ? 'off' : 'on'
			},
			origin // Only the lesson's own origin can read it.
		);
	}

	window.addEventListener('message', function (event) {
		var data = event.data;
		if (!data || typeof data !== 'object' || data.protocol !== P) return;
		var list = frames();
		var frame = null;
		for (var i = 0; i < list.length; i++)
			if (list[i].contentWindow === event.source) frame = list[i];
		// The sender must be one of our frames, speaking from the origin its src names.
		if (!frame || originOf(frame) !== event.origin) return;
		if (!frame.__ubGreeted) {
			frame.__ubGreeted = true;
			hello(frame);
		}
		if (data.type === 'resize') {
			var h = Number(data.height);
			if (isFinite(h) && h > 0 && h < 100000) frame.style.height = Math.ceil(h) + 'px';
		} else if (data.type === 'event' && typeof data.name === 'string') {
			frame.dispatchEvent(
				new CustomEvent('ub:' + data.name, { bubbles: true, detail: data.detail })
			);
		} else if (data.type === 'ready') {
			frame.dispatchEvent(new CustomEvent('ub:ready', { bubbles: true, detail: data }));
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
