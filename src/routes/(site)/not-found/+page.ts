// Served by static hosts for any unknown address (build/404.html, see svelte.config.js): it must
// work at any depth, so it ships no JavaScript, which would try to route the unknown address.
export const csr = false;
