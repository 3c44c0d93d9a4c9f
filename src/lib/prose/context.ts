/**
 * What prose components need from the page around them. A lesson's prose is rendered to HTML at
 * build time on its own (src/lib/server/prose.ts), outside SvelteKit's page state, so the source
 * register, the glossary and where links lead come in through this context.
 */
import { createContext } from 'svelte';

export interface ProseContext {
	/** The source register, in citation order ([1] is the first). */
	references: { id: string; title: string }[];
	/** Glossary terms and their short definitions. */
	glossary: { id: string; term: string; short: string }[];
	/** The address of a site page as seen from the page the prose is on, e.g. "../../glossary/". */
	href: (path: '/references/' | '/glossary/') => string;
	/** Links out of the course flow open a new tab (inside an embed). */
	newTab: boolean;
	/**
	 * For a page made to print, which runs no script (the handouts, issue 10): no glossary "?"
	 * buttons (nothing would answer them), and figure descriptions open, not behind a disclosure.
	 * @default false
	 */
	printable?: boolean;
}

export const [getProse, setProse] = createContext<ProseContext>();

/** Attributes for a link that leaves the course flow. */
export const outboundAttributes = (newTab: boolean) =>
	newTab ? { target: '_blank', rel: 'noopener' } : {};
