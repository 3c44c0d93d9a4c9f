/**
 * The letter of an option by its place in the authored order: A, B, C… The worksheet, the answer
 * key and the projected slide all letter options this way, so "the answer is B" means the same
 * option on paper and on the screen.
 */
export const optionLetter = (index: number): string => String.fromCharCode(65 + index);
