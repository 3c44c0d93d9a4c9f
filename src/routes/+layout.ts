// Every page is prerendered to static HTML: the site needs no server and reads without JS.
export const prerender = true;
export const trailingSlash = 'always';
