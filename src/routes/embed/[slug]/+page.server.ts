import { entries, lessonData } from '$lib/server/lessonRoute';

export { entries };
export const load = ({ params }: { params: { slug: string } }) => lessonData(params.slug, true);
