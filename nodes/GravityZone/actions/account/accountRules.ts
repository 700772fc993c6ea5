import type { IDataObject } from 'n8n-workflow';

import type { Violation } from '../../../shared/validateBody';
import { CUSTOM_ROLE } from './accountFields';

/** createAccount reads rights only for the Custom role (5); for any other role they would be ignored. */
export function accountRules(params: IDataObject): Violation[] {
	if (params.rights === undefined || params.role === CUSTOM_ROLE) return [];
	return [{ path: ['rights'], rule: `is only used with role 5 (Custom), not with role ${JSON.stringify(params.role ?? 1)}: set Role to Custom or remove Rights` }];
}
