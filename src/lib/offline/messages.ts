/**
 * What the page tells a waiting service worker when the learner accepts the new version. A plain
 * module, so the worker imports it without any of the page's code.
 */
export const UPDATE_MESSAGE = 'understanding-benzodiazepines:update';
