import type { ApiField } from '../../../shared/apiFields';
import { gzCompanyIdField } from '../common';
import { strongPassword } from '../package/packageFields';

const right = (key: string, displayName: string, description: string): ApiField => ({ key, displayName, type: 'boolean', default: true, description });

/** The rights of both documented models (2017 guide / older page, and the newer one); the full current list is not documented. */
export const RIGHTS: ApiField[] = [
	right('manageCompanies', 'Manage Companies', 'Whether the user may create, delete and suspend client companies and manage their licensing and security'),
	right('manageNetworks', 'Manage Networks', 'Whether the user may manage the network inventory (the older model implies Manage Reports)'),
	right('manageUsers', 'Manage Users', 'Whether the user may manage user accounts'),
	right('manageReports', 'Manage Reports', 'Whether the user may manage reports'),
	right('companyManager', 'Company Manager', 'Whether the user manages the company (older rights model)'),
	right('manageInventory', 'Manage Inventory', 'Whether the user may manage the inventory (newer rights model)'),
	right('managePoliciesRead', 'Manage Policies (Read)', 'Whether the user may read policies (newer rights model)'),
	right('managePoliciesWrite', 'Manage Policies (Write)', 'Whether the user may change policies (newer rights model)'),
];

export const CUSTOM_ROLE = 5;

/** Every createAccount parameter of the cloud Accounts API (phoneNumber's second key is not documented: Extra Params). */
export const CREATE_ACCOUNT_FIELDS: ApiField[] = [
	{ key: 'email', displayName: 'Email', type: 'string', required: true, format: 'email', placeholder: 'it-admin@customer.example', description: 'E-mail of the new user: the login, and how the account is found again (find or create)' },
	{
		key: 'profile',
		displayName: 'Profile',
		type: 'object',
		required: true,
		placeholder: 'Add Profile Field',
		description: 'The user\'s profile; Full Name is required',
		fields: [
			{ key: 'fullName', displayName: 'Full Name', type: 'string', required: true, notBlank: true, description: 'Full name of the user' },
			{ key: 'timezone', displayName: 'Timezone', type: 'string', placeholder: 'Europe/Bucharest', description: 'Timezone of the user, such as Europe/Bucharest' },
			{ key: 'language', displayName: 'Language', type: 'string', placeholder: 'en_US', description: 'Console language of the user, such as en_US' },
		],
	},
	{
		key: 'password',
		displayName: 'Password',
		type: 'string',
		secret: true,
		pattern: strongPassword('must be at least 6 characters with an upper-case letter, a lower-case letter, a digit and a special character'),
		description:
			"Leave out and GravityZone generates one and e-mails it. Checked here by the older rule (at least 6 characters with an upper-case letter, a lower-case letter, a digit and a special character); GravityZone's newer page asks for at least 12 characters and a password not used before. Never shown in outputs, Dry Run or errors.",
	},
	gzCompanyIdField('companyId', 'The company the user belongs to (a Partner key can pick any company it manages); leave out for your own company'),
	{
		key: 'role',
		displayName: 'Role',
		type: 'options',
		options: [
			{ name: 'Company Administrator', value: 1, description: 'The default: full rights in the company (use for a customer\'s first admin)' },
			{ name: 'Custom', value: CUSTOM_ROLE, description: 'Only the rights set in Rights' },
			{ name: 'Network Administrator', value: 2 },
			{ name: 'Partner', value: 4, description: 'Listed on the Partners page and in the 2017 guide only' },
			{ name: 'Reporter', value: 3 },
		],
		default: 1,
		description: 'The role of the user; GravityZone uses Company Administrator when left out',
	},
	{ key: 'rights', displayName: 'Rights', type: 'object', placeholder: 'Add Right', description: 'Only with the Custom role (5); a right left out is false', fields: RIGHTS },
	{
		key: 'targetIds',
		displayName: 'Target IDs',
		type: 'stringList',
		entryName: 'Target ID',
		notBlank: true,
		omitWhenEmpty: true,
		description: 'IDs of the companies or groups the user may manage; left out, the whole company',
	},
];
