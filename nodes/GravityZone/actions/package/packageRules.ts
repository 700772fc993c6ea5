import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../../../shared/collectBody';
import type { Violation } from '../../../shared/validateBody';
import { CONTENT_CONTROL_SUCCESSORS } from './packageFields';

/** EDR (Report only): these modules must be 1 (the current createPackage page). */
const EDR_MODULES = ['edrSensor', 'contentControl', 'networkAttackDefense', 'advancedThreatControl'];
const EDR_REPORT_ONLY = 3;

/** The documented rules of createPackage that tie several fields together. */
export function packageRules(params: IDataObject): Violation[] {
	const modules = isPlainObject(params.modules) ? params.modules : {};
	return [...contentControlRule(modules), ...(params.productType === EDR_REPORT_ONLY ? edrRule(modules) : []), ...scanModeRules(params.scanMode)];
}

/** contentControl is copied to its three successors: none of them may be sent with another value. */
function contentControlRule(modules: IDataObject): Violation[] {
	if (modules.contentControl === undefined) return [];
	return CONTENT_CONTROL_SUCCESSORS.filter((key) => key in modules && modules[key] !== modules.contentControl).map((key) => ({
		path: ['modules', key],
		rule: `must equal modules.contentControl (${JSON.stringify(modules.contentControl)}) when both are sent: GravityZone copies contentControl to it`,
	}));
}

/**
 * EDR (Report only): edrSensor, contentControl, networkAttackDefense and advancedThreatControl (or its
 * deprecated name atc) = 1, every other module 0. contentControl's successors follow contentControl.
 */
function edrRule(modules: IDataObject): Violation[] {
	const out: Violation[] = [];
	const rule = 'must be 1 for productType 3 (EDR Report only)';
	for (const key of EDR_MODULES) {
		const value = key === 'advancedThreatControl' ? (modules.advancedThreatControl ?? modules.atc) : modules[key];
		if (value !== 1) out.push({ path: ['modules', key], rule });
	}
	if (modules.atc !== undefined && modules.atc !== 1) out.push({ path: ['modules', 'atc'], rule });
	for (const [key, value] of Object.entries(modules)) {
		if ([...EDR_MODULES, 'atc', ...CONTENT_CONTROL_SUCCESSORS].includes(key) || value === 0) continue;
		out.push({ path: ['modules', key], rule: 'must be 0 for productType 3 (EDR Report only): only edrSensor, contentControl, networkAttackDefense and advancedThreatControl may be 1' });
	}
	return out;
}

const TARGETS = ['computers', 'vms', 'ec2'];

/** scanMode: a type; engines per target only with type 2 (custom), which needs computers and vms. */
function scanModeRules(scanMode: unknown): Violation[] {
	if (!isPlainObject(scanMode)) return [];
	const out: Violation[] = [];
	if (scanMode.type === undefined) out.push({ path: ['scanMode', 'type'], rule: 'is required when scanMode is sent (1 automatic, 2 custom)' });
	for (const key of TARGETS) {
		const target = scanMode[key];
		if (target === undefined) {
			if (scanMode.type === 2 && key !== 'ec2') out.push({ path: ['scanMode', key], rule: 'is required when scanMode.type is 2 (custom)' });
			continue;
		}
		if (scanMode.type !== 2) out.push({ path: ['scanMode', key], rule: 'is only used with scanMode.type 2 (custom): GravityZone fills in its own engines otherwise' });
		if (isPlainObject(target) && target.main === undefined) out.push({ path: ['scanMode', key, 'main'], rule: 'is required: the main scan engine' });
	}
	return out;
}
