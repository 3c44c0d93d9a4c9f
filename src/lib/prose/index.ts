/** Components lessons may use in their prose. */
export { default as Callout } from './Callout.svelte';
export { default as Cite } from './Cite.svelte';
