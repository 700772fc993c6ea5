import type { ApiField } from '../../../shared/apiFields';
import { ESET_COMPANY_LOCATOR } from '../common';

/** Every field of POST /api/Company/Create/customer, as documented (all strings). */
export const CREATE_CUSTOMER_FIELDS: ApiField[] = [
	{
		key: 'name',
		displayName: 'Name',
		type: 'string',
		required: true,
		notBlank: true,
		description: 'The customer name; it must be unique among the companies under the same parent',
	},
	{
		key: 'address',
		displayName: 'Address',
		type: 'object',
		placeholder: 'Add Address Field',
		required: true,
		atLeastOneField: true,
		description: 'The customer address: ESET requires it, so set at least one of its fields',
		fields: [
			{ key: 'streetAddress', displayName: 'Street Address', type: 'string', description: 'Street and number' },
			{ key: 'city', displayName: 'City', type: 'string', description: 'City' },
			{ key: 'zipCode', displayName: 'ZIP Code', type: 'string', description: 'ZIP or postal code' },
			{ key: 'state', displayName: 'State', type: 'string', description: 'State or region, as named in EMA 2 (e.g. California)' },
		],
	},
	{
		key: 'parentCompanyId',
		displayName: 'Parent Company',
		type: 'string',
		format: 'guid',
		locator: ESET_COMPANY_LOCATOR,
		description: 'ID (GUID) of the company to create the customer under; leave out to create it under your own company',
	},
	{ key: 'email', displayName: 'Email', type: 'string', format: 'email', placeholder: 'name@email.com', description: "The customer's e-mail address" },
	{
		key: 'tags',
		displayName: 'Tags',
		type: 'objectList',
		entryName: 'Tag',
		omitWhenEmpty: true,
		description: 'Tags to find the customer by later; they need no definition in EMA 2',
		fields: [{ key: 'tag', displayName: 'Tag', type: 'string', description: 'One tag' }],
	},
	{
		key: 'customIdentifier',
		displayName: 'Custom Identifier',
		type: 'string',
		description: "Your own ID for the customer: put the PSA's customer ID here (it is searchable in EMA 2)",
	},
	{ key: 'vatId', displayName: 'VAT ID', type: 'string', description: 'VAT ID, or TAX ID for US companies' },
	{ key: 'comment', displayName: 'Comment', type: 'string', description: 'Free comment' },
	{ key: 'description', displayName: 'Description', type: 'string', description: 'Free description of the customer' },
];
