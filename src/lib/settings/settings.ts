/**
 * Display comfort settings the learner controls: text size, colours and motion. Each follows the
 * device by default. Kept on this device only, like progress; bad saved values fall back per field.
 */
import * as v from 'valibot';

export const SETTINGS_KEY = 'understanding-benzodiazepines/settings';

export const themes = ['system', 'light', 'dark', 'contrast'] as const;
export const textSizes = ['standard', 'large', 'larger'] as const;
export const motions = ['system', 'reduce'] as const;

const Settings = v.object({
	theme: v.fallback(v.picklist(themes), 'system'),
	textSize: v.fallback(v.picklist(textSizes), 'standard'),
	motion: v.fallback(v.picklist(motions), 'system')
});

export type Settings = v.InferOutput<typeof Settings>;

export const defaultSettings: Settings = {
	theme: 'system',
	textSize: 'standard',
	motion: 'system'
};

/** Never throws: anything unreadable becomes the default for that field. */
export function parseSettings(raw: string | null): Settings {
	if (!raw) return { ...defaultSettings };
	try {
		const data: unknown = JSON.parse(raw);
		const parsed = v.safeParse(Settings, typeof data === 'object' && data !== null ? data : {});
		return parsed.success ? parsed.output : { ...defaultSettings };
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
