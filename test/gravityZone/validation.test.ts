import type { INodeParameters } from 'n8n-workflow';

import { license, runCreate, withGravityZone } from './fixtures';

const base = { type: 1, name: 'Acme Dental' };

/** [what breaks the rule, parameters, the field named, the rule in the message] */
const cases: Array<[string, INodeParameters, string, RegExp]> = [
	['blank name', { name: '   ' }, '"name" (Name)', /is required/],
	['name over 64 characters', { name: 'x'.repeat(65) }, '"name"', /at most 64 characters \(it has 65\)/],
	['address over 128 characters', { additionalFields: { address: 'a'.repeat(129) } }, '"address"', /at most 128/],
	['HTML in the address', { additionalFields: { address: 'Main St <script>x</script>' } }, '"address"', /HTML tags/],
	['phone over 32 characters', { additionalFields: { phone: '0'.repeat(33) } }, '"phone"', /at most 32/],
	['alpha-3 country', { additionalFields: { country: 'USA' } }, '"country" (Country)', /must be a 2-letter ISO 3166-1 country code such as US or DE \(got "USA"; did you mean "US"\?\)$/],
	['alpha-3 country, another', { additionalFields: { country: 'NZL' } }, '"country"', /\(got "NZL"; did you mean "NZ"\?\)$/],
	['lower-case country', { additionalFields: { country: 'de' } }, '"country"', /\(got "de"; did you mean "DE"\?\)$/],
	['country by name', { additionalFields: { country: 'Germany' } }, '"country"', /such as US or DE \(got "Germany"\)$/],
	['state not CC-XXX', { additionalFields: { state: 'California' } }, '"state"', /CC-XXX/],
	['state of another country', { additionalFields: { country: 'US', state: 'DE-BY' } }, '"state"', /must start with the country code "US-"/],
	['skip2FAPeriod outside the list', { additionalFields: { skip2FAPeriod: '={{ 2 }}' } }, '"skip2FAPeriod"', /must be one of 0 \(No Exemption/],
	['licence type 2 without key', { licenseSubscription: license({ type: 2 }) }, '"licenseSubscription.licenseKey"', /required when the licence type is 2/],
	['not managed by above, no account email', { additionalFields: { canBeManagedByAbove: false, accountFullName: 'Jo' } }, '"accountEmail"', /required when canBeManagedByAbove is false/],
	['not managed by above, no account name', { additionalFields: { canBeManagedByAbove: false, accountEmail: 'jo@acme.example' } }, '"accountFullName"', /required when canBeManagedByAbove is false/],
	['add-on at the top and in ownUse', { licenseSubscription: license({ type: 3, manageHyperDetect: true, ownUse: { manageHyperDetect: false } }) }, '"licenseSubscription.ownUse.manageHyperDetect"', /set manageHyperDetect in one place only/],
	['remote engines scanning outside a la carte', { licenseSubscription: license({ type: 3, manageRemoteEnginesScanning: true, assignedProtectionModel: 'mspSecure' }) }, '"licenseSubscription.manageRemoteEnginesScanning"', /needs assignedProtectionModel "aLaCarte"/],
	['remote engines scanning in ownUse, no model', { licenseSubscription: license({ type: 3, ownUse: { manageRemoteEnginesScanning: true } }) }, '"licenseSubscription.ownUse.manageRemoteEnginesScanning"', /aLaCarte/],
	['additional products without the assigned one', { licenseSubscription: license({ type: 3, assignedProductType: 5, additionalProductTypes: [0, 3] }) }, '"licenseSubscription.additionalProductTypes"', /must contain the assigned product type 5/],
	['additional products, no assigned one', { licenseSubscription: license({ type: 3, additionalProductTypes: [0] }) }, '"licenseSubscription.assignedProductType"', /required when additionalProductTypes is not empty/],
	['account e-mail without domain', { additionalFields: { accountEmail: 'jo.acme.example' } }, '"accountEmail"', /local@domain/],
	['contact e-mail with a space', { additionalFields: { contactPerson: { email: 'jo @acme.example' } } }, '"contactPerson.email" (Contact Person > Email)', /local@domain/],
	['MDR contact e-mail', { additionalFields: { mdrContactInformation: { email: 'mdr@' } } }, '"mdrContactInformation.email"', /local@domain/],
	['end of subscription not a date', { licenseSubscription: license({ type: 3, endSubscription: '2028-13-01' }) }, '"licenseSubscription.endSubscription"', /YYYY-MM-DD/],
	['type outside Partner/Customer', { type: '={{ 7 }}' }, '"type"', /must be one of 1 \(Customer\), 0 \(Partner\)/],
	['reserved slots not a number', { licenseSubscription: license({ type: 3, reservedSlots: '={{ "ten" }}' }) }, '"licenseSubscription.reservedSlots"', /whole number/],
	['parent that is no company ID', { additionalFields: { parentId: { __rl: true, mode: 'id', value: 'acme' } } }, '"parentId" (Parent Company)', /22 to 24 hex characters/],
	['MDR verification code not 8 digits', { additionalFields: { mdrContactInformation: { emailVerificationCode: '1234' } } }, '"mdrContactInformation.emailVerificationCode"', /8-digit code/],
	['extra params that override a field badly', { options: { extraParams: '{"name": ""}' } }, '"name"', /must not be empty/],
];

describe('GravityZone Create: validation before sending', () => {
	it.each(cases)('%s: NodeOperationError naming item and field, nothing sent', async (_what, parameters, field, rule) => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(server, { ...base, ...parameters });
			expect(error()?.name).toBe('NodeOperationError');
			expect(error()?.message).toContain(`In item 0 (the 1st): ${field}`);
			expect(error()?.message).toMatch(rule);
			expect(server.requests).toHaveLength(0);
		});
	});

	it('rejects Extra Params that are not JSON, sending nothing', async () => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(server, { ...base, options: { extraParams: '{"oops": ' } });
			expect(error()?.message).toBe('In item 0 (the 1st): Options > Extra Params (JSON) is not valid JSON');
			expect(server.requests).toHaveLength(0);
		});
	});

	it('lists every broken rule of an item in the description, as a list in n8n\'s error panel', async () => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(server, {
				...base,
				additionalFields: { phone: '0'.repeat(40), address: 'Main St <b>1</b>', country: 'XX' },
			});
			const { description } = error() as { description?: string };
			// The panel renders the description as HTML: one <li> per problem, the data escaped.
			expect(description).toBe(
				'All problems in this item:<ul>' +
					'<li>"address" (Address) must not contain HTML tags</li>' +
					'<li>"country" (Country) must be a 2-letter ISO 3166-1 country code such as US or DE (got "XX")</li>' +
					'<li>"phone" (Phone) must be at most 32 characters (it has 40)</li>' +
					'</ul>Nothing was sent for this item. Fix the field in the node or in the data the expression reads.',
			);
			expect(server.requests).toHaveLength(0);
		});
	});

	it('reports a wrong country alone, not a correct state against it', async () => {
		await withGravityZone(async (server) => {
			const { error } = await runCreate(server, { ...base, additionalFields: { country: 'NZL', state: 'NZ-AUK' } });
			expect(error()?.message).toBe(
				'In item 0 (the 1st): "country" (Country) must be a 2-letter ISO 3166-1 country code such as US or DE (got "NZL"; did you mean "NZ"?)',
			);
			expect((error() as { description?: string }).description).not.toContain('state');
			expect(server.requests).toHaveLength(0);
		});
	});

	it('counts items as n8n does and as people do', async () => {
		await withGravityZone(async (server) => {
			const names = ['A', 'B', 'C', 'x'.repeat(65), 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'y'.repeat(65)];
			const { output } = await runCreate(server, { ...base, name: '={{ $json.name }}' }, { items: names.map((name) => ({ name })), continueOnFail: true });
			const errors = output('Node').map((item) => item.json.error).filter(Boolean);
			expect(errors).toStrictEqual([
				'In item 3 (the 4th): "name" (Name) must be at most 64 characters (it has 65)',
				'In item 11 (the 12th): "name" (Name) must be at most 64 characters (it has 65)',
			]);
		});
	});
});
