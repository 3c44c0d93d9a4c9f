/** Components lessons may use in their prose. */
export { default as Callout } from './Callout.svelte';
export { default as Cite } from './Cite.svelte';
export { default as Figure } from './Figure.svelte';
export { default as Myth } from './Myth.svelte';
export { default as Phone } from './Phone.svelte';
export { default as Term } from './Term.svelte';
