import {
	SETTINGS_KEY,
	applySettings,
	defaultSettings,
	parseSettings,
	type Settings
} from './settings';

class DisplaySettings {
	current: Settings = $state({ ...defaultSettings });
	/** False when the browser would not keep the choice (it still applies for this visit). */
	saved = $state(true);

	#following = false;

	/** Reads the saved choice, and follows changes made in other tabs of the site from now on. */
	load(): void {
		try {
			this.current = parseSettings(localStorage.getItem(SETTINGS_KEY));
		} catch {
			this.current = { ...defaultSettings };
		}
		if (this.#following) return;
		this.#following = true;
		window.addEventListener('storage', (event) => {
			if (event.key !== SETTINGS_KEY && event.key !== null) return;
			this.current = parseSettings(event.key === null ? null : event.newValue);
			applySettings(document.documentElement, this.current);
		});
	}

	/** Back to following the device (after "Clear this device"). */
	reset(): void {
		this.current = { ...defaultSettings };
		applySettings(document.documentElement, this.current);
	}

	set(change: Partial<Settings>): void {
		this.current = { ...this.current, ...change };
		applySettings(document.documentElement, this.current);
		try {
			localStorage.setItem(SETTINGS_KEY, JSON.stringify(this.current));
			this.saved = true;
		} catch {
			this.saved = false;
		}
	}
}

export const display = new DisplaySettings();
