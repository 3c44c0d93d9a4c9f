import { entries, presentData } from '$lib/server/present';

export { entries };
export const load = ({ params }: { params: { slug: string } }) => presentData(params.slug);
