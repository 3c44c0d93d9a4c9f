import { printableLoad } from '$lib/print/load';

// A page to print: nothing on it needs SvelteKit's JavaScript, so none is sent (issue 10: the
// handouts and the answer key work without JavaScript).
export const csr = false;

export const load = ({ params }: { params: { slug: string } }) =>
	printableLoad((handouts) => handouts.keyPage(params.slug));
