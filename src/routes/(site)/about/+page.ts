// A page to read: nothing on it needs JavaScript, so none is sent (the display settings still
// apply before first paint, from the inline script in app.html).
export const csr = false;
