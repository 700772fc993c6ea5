import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { type IfExists, isDryRun } from '../../shared/operationParts';
import { credentialKey, oneAtATime } from '../../shared/pacing';
import { createWithoutDuplicates } from '../../shared/requestPolicy';
import { redactSecrets } from '../../shared/secrets';
import { credentialFields } from '../../shared/sharedCredential';
import { itemLabel } from '../../shared/errorText';

/** A GravityZone create with "If It Already Exists" (package, account). */
export interface FindOrCreate {
	itemIndex: number;
	/** What is created, in messages: "package", "account". */
	noun: string;
	/** The find-or-create key in words: 'named "Acme Windows"'. */
	key: string;
	/** Parts of the key that make two items "the same": they wait for each other. */
	sameKey: string[];
	lookup: () => Promise<IDataObject | undefined>;
	/** The output item for one that exists (without `outcome`). */
	existingOutput: (existing: IDataObject) => IDataObject;
	/** Sends the create; returns the output item (without `outcome`). */
	create: () => Promise<IDataObject>;
	/** The request a Dry Run shows (secrets masked). */
	dryRunRequest: () => Promise<IDataObject>;
	/** How a user checks whether a create whose answer was lost went through. */
	howToCheck: string;
	/** Values that must not reach an error (passwords sent in the create). */
	secrets: string[];
}

/**
 * Looks for the item's object by its key and returns it (`outcome: "existing"`), or creates it
 * (`outcome: "created"`). Items and workflows of this n8n process that create the same key wait for
 * each other, so the second finds the first. A create whose answer was lost is looked up before it is
 * sent again (createWithoutDuplicates).
 */
export async function findOrCreate(ctx: IExecuteFunctions, spec: FindOrCreate): Promise<IDataObject> {
	const { accessUrl } = await credentialFields<{ accessUrl: string }>(ctx, 'gravityZoneApi');
	try {
		return await oneAtATime(credentialKey(`gravityZone-${spec.noun}`, accessUrl, ...spec.sameKey), async () => await run(ctx, spec));
	} catch (error) {
		throw redactSecrets(error, spec.secrets);
	}
}

async function run(ctx: IExecuteFunctions, spec: FindOrCreate): Promise<IDataObject> {
	const { itemIndex } = spec;
	const ifExists = ctx.getNodeParameter('options.ifExists', itemIndex, 'returnExisting') as IfExists;
	const dryRun = isDryRun(ctx, itemIndex);
	if (ifExists !== 'createAnyway') {
		const existing = await spec.lookup();
		if (existing && ifExists === 'fail') {
			throw new NodeOperationError(ctx.getNode(), `In ${itemLabel(itemIndex)}: ${spec.noun === 'account' ? 'an' : 'a'} ${spec.noun} ${spec.key} exists already (id ${String(existing.id)})`, {
				itemIndex,
				description: `Nothing was created. Choose Options > If It Already Exists > Return the Existing ${spec.noun[0].toUpperCase()}${spec.noun.slice(1)} to use it instead.`,
			});
		}
		if (existing) return { ...(dryRun ? { dryRun: true } : {}), ...spec.existingOutput(existing), outcome: 'existing' };
	}
	if (dryRun) return { dryRun: true, outcome: 'wouldCreate', request: await spec.dryRunRequest() };
	const result = await createWithoutDuplicates(spec.create, ifExists === 'createAnyway' ? undefined : spec.lookup, spec.howToCheck);
	if ('existing' in result) return { ...spec.existingOutput(result.existing), outcome: 'existing' };
	return { ...result.created, outcome: 'created' };
}

/**
 * The new object's ID from the create's answer, or (an answer without it: the object is there) from a
 * look-up; an error when neither has it.
 */
export async function createdIdOrLookup(ctx: IExecuteFunctions, spec: Pick<FindOrCreate, 'itemIndex' | 'noun' | 'key' | 'lookup'>, id: string | undefined, method: string): Promise<string> {
	const found = id ?? ((await spec.lookup())?.id as string | undefined);
	if (found !== undefined) return found;
	const title = `${spec.noun[0].toUpperCase()}${spec.noun.slice(1)}`;
	throw new NodeApiError(ctx.getNode(), {} as JsonObject, {
		message: `GravityZone answered ${method} for the ${spec.noun} ${spec.key} without its ID, and the ${spec.noun} was not found afterwards`,
		description: `Look for the ${spec.noun} with ${title} > Get Many before running this item again.`,
		itemIndex: spec.itemIndex,
	});
}
