/**
 * Present mode's keys, as presentation software has them: → Space PageDown next, ← PageUp back,
 * Home End, a number then Enter to go to that part, Escape to leave. Pure: the page passes the key and
 * the digits typed just before it.
 */
export type Move =
	| { to: 'next' }
	| { to: 'back' }
	| { to: 'first' }
	| { to: 'last' }
	/** A 1-based part number typed, possibly in several digits. */
	| { to: 'part'; number: number }
	| { to: 'digit'; digits: string }
	| { to: 'leave' };

export function moveFor(key: string, typed: string): Move | null {
	if (key === 'ArrowRight' || key === ' ' || key === 'PageDown') return { to: 'next' };
	if (key === 'ArrowLeft' || key === 'PageUp') return { to: 'back' };
	if (key === 'Home') return { to: 'first' };
	if (key === 'End') return { to: 'last' };
	if (key === 'Escape') return { to: 'leave' };
	if (/^[0-9]$/.test(key)) return { to: 'digit', digits: typed + key };
	if (key === 'Enter' && typed) return { to: 'part', number: Number(typed) };
	return null;
}
