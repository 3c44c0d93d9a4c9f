/**
 * Where in-course links point. The full site links to /lessons/…; an embedded lesson links to
 * /embed/… so the learner stays inside the frame, and opens site pages (glossary, references,
 * help) in a new tab instead of replacing the host's frame content.
 */
import { resolve } from '$app/paths';
import { createContext } from 'svelte';

export interface Links {
	lesson: (slug: string) => string;
	overview: () => string;
	complete: () => string;
	/** Open pages outside the course flow in a new tab (true inside an embed). */
	newTab: boolean;
}

export const siteLinks: Links = {
	lesson: (slug) => resolve(`/lessons/${slug}/`),
	overview: () => resolve('/'),
	complete: () => resolve('/complete/'),
	newTab: false
};

export const embedLinks: Links = {
	lesson: (slug) => resolve(`/embed/${slug}/`),
	overview: () => resolve('/embed/'),
	complete: () => resolve('/embed/'),
	newTab: true
};

export const [getLinks, setLinks] = createContext<Links>();
