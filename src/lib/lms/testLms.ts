/**
 * A strict LMS for unit tests: a SCORM 1.2 or 2004 API object that keeps the data model in a
 * map and refuses, like a careful LMS, any value outside its standard's format (1.2 RTE 3.4,
 * 2004 RTE 4.2), interaction elements set before their id or type, and any call before
 * Initialize or after Terminate. Stricter than scorm-again (which relaxes SCORM 1.2's formats for
 * old content), so what the course writes here is what the standards allow.
 */
import type { Api12, Api2004, FoundApi } from './find';
import type { ScormVersion } from './report';

const decimal = (min: number, max: number) => (v: string) =>
	/^-?\d{1,10}(\.\d{1,7})?$/.test(v) && Number(v) >= min && Number(v) <= max;
const match = (pattern: RegExp) => (v: string) => pattern.test(v);
const upTo = (n: number) => (v: string) => v.length <= n;
/** 1.2 choice responses: single characters 0-9 or a-z, separated by commas (RTE 3.4.2.7.7). */
const choice12 = match(/^[0-9a-z](,[0-9a-z])*$/);
/** 2004 choice responses: unique short identifiers separated by "[,]" (RTE 4.2.9.2). */
const choice2004 = (v: string) => {
	const ids = v.split('[,]');
	return ids.length <= 36 && new Set(ids).size === ids.length && ids.every(shortId);
};
const shortId = match(/^[A-Za-z0-9_.:/-]{1,250}$/);

type Rule = (value: string) => boolean;

const RULES: Record<ScormVersion, [RegExp, Rule][]> = {
	'1.2': [
		[/^cmi\.core\.lesson_status$/, match(/^(passed|completed|failed|incomplete|browsed)$/)],
		[/^cmi\.core\.score\.(raw|min|max)$/, decimal(0, 100)],
		[/^cmi\.core\.lesson_location$/, upTo(255)],
		[/^cmi\.core\.exit$/, match(/^(time-out|suspend|logout|)$/)],
		[/^cmi\.core\.session_time$/, match(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/)],
		[/^cmi\.suspend_data$/, upTo(4096)],
		// CMIIdentifier: letters, digits, "-" and "_" (RTE 3.4.1), at most 255.
		[/^cmi\.interactions\.\d+\.id$/, match(/^[A-Za-z0-9_-]{1,255}$/)],
		[/^cmi\.interactions\.\d+\.type$/, match(/^choice$/)],
		[/^cmi\.interactions\.\d+\.time$/, match(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/)],
		[/^cmi\.interactions\.\d+\.student_response$/, choice12],
		[/^cmi\.interactions\.\d+\.correct_responses\.0\.pattern$/, choice12],
		[/^cmi\.interactions\.\d+\.result$/, match(/^(correct|wrong|unanticipated|neutral)$/)]
	],
	'2004': [
		[/^cmi\.completion_status$/, match(/^(completed|incomplete|not attempted|unknown)$/)],
		[/^cmi\.success_status$/, match(/^(passed|failed|unknown)$/)],
		[/^cmi\.progress_measure$/, decimal(0, 1)],
		[/^cmi\.score\.scaled$/, decimal(-1, 1)],
		[/^cmi\.score\.(raw|min|max)$/, decimal(-1e10, 1e10)],
		[/^cmi\.location$/, upTo(1000)],
		[/^cmi\.exit$/, match(/^(time-out|suspend|logout|normal|)$/)],
		[/^cmi\.session_time$/, match(/^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/)],
		[/^cmi\.suspend_data$/, upTo(64_000)],
		[/^cmi\.interactions\.\d+\.id$/, match(/^[A-Za-z0-9_.:/-]{1,4000}$/)],
		[/^cmi\.interactions\.\d+\.type$/, match(/^choice$/)],
		// RTE 4.1.1.1: a time zone only after fractional seconds.
		[
			/^cmi\.interactions\.\d+\.timestamp$/,
			match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}(Z|[+-]\d{2}(:\d{2})?)?$/)
		],
		[/^cmi\.interactions\.\d+\.learner_response$/, choice2004],
		[/^cmi\.interactions\.\d+\.correct_responses\.0\.pattern$/, choice2004],
		[/^cmi\.interactions\.\d+\.result$/, match(/^(correct|incorrect|unanticipated|neutral)$/)]
	]
};

/** Elements an SCO may read, and what they hold at launch. */
const READABLE: Record<ScormVersion, RegExp> = {
	'1.2':
		/^cmi\.(core\.(lesson_status|score\.(raw|min|max)|lesson_location|lesson_mode|entry|credit|student_id)|suspend_data|interactions\._count)$/,
	'2004':
		/^cmi\.(completion_status|success_status|progress_measure|score\.(raw|min|max|scaled)|location|mode|entry|credit|learner_id|suspend_data|interactions\._count)$/
};

export interface Call {
	method: string;
	args: string[];
	result: string;
	error: string;
}

export class TestLms {
	readonly version: ScormVersion;
	readonly data = new Map<string, string>();
	readonly calls: Call[] = [];
	commits = 0;
	/** While set, every SetValue (or the ones it matches) answers "false". */
	refuse: RegExp | null = null;
	refuseCommit = false;
	#state: 'new' | 'running' | 'ended' = 'new';
	#error = '0';

	constructor(version: ScormVersion, launch: Record<string, string> = {}) {
		this.version = version;
		const defaults: Record<string, string> =
			version === '1.2'
				? {
						'cmi.core.lesson_status': 'not attempted',
						'cmi.core.lesson_mode': 'normal',
						'cmi.core.entry': 'ab-initio'
					}
				: {
						'cmi.completion_status': 'unknown',
						'cmi.success_status': 'unknown',
						'cmi.mode': 'normal',
						'cmi.entry': 'ab-initio'
					};
		for (const [k, v] of Object.entries({ ...defaults, ...launch })) this.data.set(k, v);
	}

	/** The API object as the LMS would put it on its window. */
	get found(): FoundApi {
		const call = (method: string, args: string[], run: () => string) => {
			this.#error = '0';
			const result = run();
			this.calls.push({ method, args, result, error: this.#error });
			return result;
		};
		const initialize = () =>
			call('Initialize', [], () => {
				if (this.#state !== 'new') return this.#fail('103');
				this.#state = 'running';
				return 'true';
			});
		const terminate = () =>
			call('Terminate', [], () => {
				if (this.#state !== 'running') return this.#fail('112');
				this.#state = 'ended';
				return 'true';
			});
		const get = (e: string) => call('GetValue', [e], () => this.#get(e));
		const set = (e: string, v: string) => call('SetValue', [e, v], () => this.#set(e, v));
		const commit = () =>
			call('Commit', [], () => {
				if (this.#state !== 'running') return this.#fail('142');
				if (this.refuseCommit) return this.#fail('391');
				this.commits++;
				return 'true';
			});
		const lastError = () => this.#error;
		if (this.version === '1.2') {
			const api: Api12 = {
				LMSInitialize: initialize,
				LMSFinish: terminate,
				LMSGetValue: get,
				LMSSetValue: set,
				LMSCommit: commit,
				LMSGetLastError: lastError
			};
			return { version: '1.2', api };
		}
		const api: Api2004 = {
			Initialize: initialize,
			Terminate: terminate,
			GetValue: get,
			SetValue: set,
			Commit: commit,
			GetLastError: lastError
		};
		return { version: '2004', api };
	}

	/** Every call that left an error, as "method args: code". */
	get errors(): string[] {
		return this.calls
			.filter((c) => c.error !== '0')
			.map((c) => `${c.method} ${c.args.join(' = ')}: ${c.error}`);
	}

	/** The interaction records as objects, in order. */
	get interactions(): Record<string, string>[] {
		const count = Number(this.data.get('cmi.interactions._count') ?? 0);
		return Array.from({ length: count }, (_, n) => {
			const prefix = `cmi.interactions.${n}.`;
			return Object.fromEntries(
				[...this.data]
					.filter(([k]) => k.startsWith(prefix))
					.map(([k, v]) => [k.slice(prefix.length), v])
			);
		});
	}

	#fail(code: string): 'false' {
		this.#error = code;
		return 'false';
	}

	#missing(code: string): '' {
		this.#error = code;
		return '';
	}

	#get(element: string): string {
		if (this.#state !== 'running') return this.#missing('122');
		if (!READABLE[this.version].test(element)) return this.#missing('404');
		if (element === 'cmi.interactions._count') return this.data.get(element) ?? '0';
		const value = this.data.get(element);
		// SCORM 2004 reports an element never set as "not initialized" (RTE 3.1.7.6, 403).
		if (value === undefined && this.version === '2004') return this.#missing('403');
		return value ?? '';
	}

	#set(element: string, value: string): string {
		if (this.#state !== 'running') return this.#fail('132');
		if (this.refuse?.test(element)) return this.#fail('351');
		const rule = RULES[this.version].find(([pattern]) => pattern.test(element));
		if (!rule) return this.#fail('401');
		if (typeof value !== 'string' || !rule[1](value)) return this.#fail('406');
		const interaction = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
		if (interaction) {
			const n = Number(interaction[1]);
			const count = Number(this.data.get('cmi.interactions._count') ?? 0);
			const field = interaction[2]!;
			if (n > count) return this.#fail('351'); // no gaps in the journal
			if (field !== 'id' && !this.data.has(`cmi.interactions.${n}.id`)) return this.#fail('408');
			if (/response|pattern|result/.test(field) && !this.data.has(`cmi.interactions.${n}.type`)) {
				return this.#fail('408');
			}
			if (n === count) this.data.set('cmi.interactions._count', String(count + 1));
		}
		this.data.set(element, value);
		return 'true';
	}
}
