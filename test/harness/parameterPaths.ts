import type { INodeProperties } from 'n8n-workflow';

import { MORE_FIELDS } from '../../nodes/shared/apiFields';

/**
 * JSON paths of every parameter; UI-only containers (Additional Fields, Options, fixedCollection
 * groups, the "More ... Fields" collection after an object's first fields) do not count.
 */
export function parameterPaths(properties: INodeProperties[], prefix = ''): Map<string, INodeProperties> {
	const paths = new Map<string, INodeProperties>();
	for (const property of properties) {
		const uiOnly = (['additionalFields', 'options'].includes(property.name) && prefix === '') || (property.name === MORE_FIELDS && property.type === 'collection');
		const here = uiOnly ? prefix : `${prefix}${property.name}`;
		if (!uiOnly) paths.set(here, property);
		if (property.type === 'collection') {
			for (const [key, value] of parameterPaths(property.options as INodeProperties[], uiOnly ? prefix : `${here}.`)) paths.set(key, value);
		}
		if (property.type === 'fixedCollection') {
			for (const group of property.options as Array<{ values: INodeProperties[] }>) {
				for (const [key, value] of parameterPaths(group.values, `${here}.`)) paths.set(key, value);
			}
		}
	}
	return paths;
}

