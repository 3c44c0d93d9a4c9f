/**
 * Display comfort settings the learner controls: text size, colours and motion. Each follows the
 * device by default. Kept on this device only, like progress; bad saved values fall back per field.
 *
 * Three fields, each one of a short list, checked by hand rather than with valibot: this file
 * ships with every page, and valibot's code here would share a chunk with the saved-progress
 * validators (which load on demand, `course/engine.ts`), putting 2 kB of them on every page.
 */

export const SETTINGS_KEY = 'understanding-benzodiazepines/settings';

export const themes = ['system', 'light', 'dark', 'contrast'] as const;
export const textSizes = ['standard', 'large', 'larger'] as const;
export const motions = ['system', 'reduce'] as const;

export interface Settings {
	theme: (typeof themes)[number];
	textSize: (typeof textSizes)[number];
	motion: (typeof motions)[number];
}

export const defaultSettings: Settings = {
	theme: 'system',
	textSize: 'standard',
	motion: 'system'
};

const oneOf = <T extends string>(list: readonly T[], value: unknown, otherwise: T): T =>
	list.find((item) => item === value) ?? otherwise;

/** Never throws: anything unreadable becomes the default for that field. */
export function parseSettings(raw: string | null): Settings {
	if (!raw) return { ...defaultSettings };
	try {
		const data: unknown = JSON.parse(raw);
		const saved = (typeof data === 'object' && data !== null ? data : {}) as Record<
			string,
			unknown
		>;
		return {
			theme: oneOf(themes, saved.theme, defaultSettings.theme),
			textSize: oneOf(textSizes, saved.textSize, defaultSettings.textSize),
			motion: oneOf(motions, saved.motion, defaultSettings.motion)
		};
	} catch {
		return { ...defaultSettings };
	}
}

/** The same attributes the inline script in app.html sets before first paint. */
export function applySettings(root: HTMLElement, settings: Settings): void {
	root.dataset.theme = settings.theme;
	root.dataset.textSize = settings.textSize;
	root.dataset.motion = settings.motion;
}
