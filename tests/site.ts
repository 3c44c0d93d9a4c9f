/**
 * Where the browser tests find the built site: `scripts/serve.js` serving build/ (what ships) on
 * a port of its own, so a run never tests some other program that happens to listen on 4173.
 */
export const PORT = Number(process.env.TEST_PORT ?? 4317);
export const SITE = `http://127.0.0.1:${PORT}`;
