import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ApiField } from '../../shared/apiFields';
import { deepMerge, readJsonObject } from '../../shared/extraParams';
import type { Show } from '../../shared/operationParts';
import { throwIfInvalid } from '../../shared/processItems';
import { validateBody, type Violation } from '../../shared/validateBody';
import { RATE_CLASSES } from '../transport/rateClasses';

/** GravityZone company IDs: 24 hex characters in practice (one documented example has 22). */
export const GZ_COMPANY_LOCATOR = {
	searchListMethod: 'searchCompanies',
	idRegex: /^[0-9a-fA-F]{22,24}$/,
	idExample: '5518f5f3b1a43d357e7b23c6',
};

export const gzCompanyIdField = (key: string, description: string): ApiField => ({
	key,
	displayName: 'Company',
	type: 'string',
	notBlank: true,
	pattern: { regex: GZ_COMPANY_LOCATOR.idRegex, rule: 'must be a GravityZone company ID (22 to 24 hex characters)' },
	locator: GZ_COMPANY_LOCATOR,
	description,
});

export const COMPANY_ID = gzCompanyIdField('companyId', 'The company, picked from the list or given by its ID');

/** "3 min 20 s" */
const minutesAndSeconds = (seconds: number) => {
	const whole = Math.round(seconds);
	const minutes = Math.floor(whole / 60);
	return minutes === 0 ? `${whole} s` : `${minutes} min${whole % 60 ? ` ${whole % 60} s` : ''}`;
};

/** The notice on operations whose method GravityZone limits to 30 calls per minute per API key. */
export function perMinuteNotice(method: string, show: Show): INodeProperties {
	const per100 = 100 / RATE_CLASSES.perMinute30.perSecond;
	return {
		displayName: `GravityZone allows ${RATE_CLASSES.perMinute30.perSecond * 60} ${method} calls per minute per API key. The node spaces them out instead of failing: 100 items take about ${minutesAndSeconds(per100)}.`,
		name: 'perMinuteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	};
}

/** Options > Extra Params (JSON) of a write: `what` says which params it is for (merged by withExtraParams). */
export const extraParamsOption = (method: string, what = 'fields GravityZone adds after this node was written'): INodeProperties => ({
	displayName: 'Extra Params (JSON)',
	name: 'extraParams',
	type: 'json',
	default: '{}',
	description: `Parameters merged into the ${method} params as they are, for ${what}. They win over the fields above.`,
});

/**
 * An item's params: the fields it collected merged with Options > Extra Params (JSON), then checked
 * against the declarations and the operation's rules across fields (nothing is sent when one breaks).
 */
export function withExtraParams(
	ctx: IExecuteFunctions,
	itemIndex: number,
	collected: IDataObject,
	fields: ApiField[],
	rules: (params: IDataObject) => Violation[],
): IDataObject {
	const params = deepMerge(collected, readJsonObject(ctx, 'options.extraParams', 'Options > Extra Params (JSON)', itemIndex));
	throwIfInvalid(ctx, itemIndex, fields, [...validateBody(fields, params), ...rules(params)]);
	return params;
}
