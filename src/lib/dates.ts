const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/**
 * "2026-11-21" → "21 November 2026", as written in British English.
 *
 * Written out by hand rather than with `toLocaleDateString`: a page's first Intl call builds
 * the locale's date data, which took 140 ms at 4× CPU throttling while a lesson hydrated.
 * A date without a time has no time zone here, so it never moves a day. Anything that is not
 * such a date is returned as given, so a bad value shows as written rather than as "Invalid Date".
 */
export function longDate(iso: string): string {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
	const day = match ? Number(match[3]) : 0;
	if (!match || !month || day < 1 || day > 31) return iso;
	return `${day} ${month} ${match[1]}`;
}
