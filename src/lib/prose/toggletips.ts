/**
 * Glossary toggletips in a lesson's prose (see Term.svelte), loaded on the first click of a "?"
 * button: a learner who never opens one never downloads this. One definition is open at a time;
 * Escape, a click or tap elsewhere, or moving focus away closes it (WCAG 1.4.13: dismissible,
 * and it stays while the pointer or focus is on the button).
 */
let open: HTMLButtonElement | null = null;

function regionOf(button: HTMLButtonElement): HTMLElement | null {
	const id = button.getAttribute('aria-controls');
	return id ? document.getElementById(id) : null;
}

function close(): void {
	if (!open) return;
	open.setAttribute('aria-expanded', 'false');
	regionOf(open)?.replaceChildren();
	open.removeEventListener('blur', close);
	open = null;
	document.removeEventListener('keydown', onKeydown);
	document.removeEventListener('pointerdown', onPointerdown);
}

function onKeydown(event: KeyboardEvent): void {
	if (event.key === 'Escape') close();
}

function onPointerdown(event: PointerEvent): void {
	// A tap does not always focus the button, so blur alone would not close it.
	if (open && !open.parentElement?.contains(event.target as Node)) close();
}

/** Opens `button`'s definition, or closes it if it is the one open. */
export function toggle(button: HTMLButtonElement): void {
	if (open === button) return close();
	close();
	const region = regionOf(button);
	if (!region) return;
	const bubble = document.createElement('span');
	bubble.className = 'bubble';
	bubble.textContent = button.dataset.definition ?? '';
	// Written into the live region after it exists, so screen readers announce it.
	region.replaceChildren(bubble);
	button.setAttribute('aria-expanded', 'true');
	open = button;
	button.addEventListener('blur', close);
	document.addEventListener('keydown', onKeydown);
	document.addEventListener('pointerdown', onPointerdown);
}
