import { Credentials } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression } from 'n8n-workflow';

import { EsetMspApi } from '../../credentials/EsetMspApi.credentials';
import { GravityZoneApi } from '../../credentials/GravityZoneApi.credentials';

export const credentialTypes: Record<string, ICredentialType> = {
	esetMspApi: new EsetMspApi(),
	gravityZoneApi: new GravityZoneApi(),
};

/**
 * n8n-core ships no credentials helper (n8n's lives in the CLI, next to the database). This one keeps
 * credentials in memory and applies the same rules as n8n's CredentialsHelper: generic and function
 * `authenticate`, and `preAuthentication` only when the expirable field is empty, when the request
 * came back expired, or during a credential test; what it returns is persisted like n8n's database.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	/** Helpers given the same store stand for n8n processes that share one database (queue mode). */
	constructor(private readonly store = new Map<string, ICredentialDataDecryptedObject>()) {
		super();
	}

	/** How often each credential type's preAuthentication ran (logins). */
	readonly preAuthenticationCalls: Record<string, number> = {};

	/** How often each credential type was read and decrypted (n8n: a database query and a decryption). */
	readonly decryptions: Record<string, number> = {};

	setCredentials(type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(type, { ...data });
	}

	stored(type: string): ICredentialDataDecryptedObject | undefined {
		return this.store.get(type);
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type].properties;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incoming: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incoming as IHttpRequestOptions;
		const { authenticate } = credentialTypes[typeName];
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions);
		}
		if (authenticate?.type === 'generic') {
			requestOptions.headers ??= {};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				const target = ((requestOptions as unknown as Record<string, Record<string, unknown>>)[
					outerKey
				] ??= {});
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					target[this.resolve(key, credentials, workflow, node)] = this.resolve(
						value,
						credentials,
						workflow,
						node,
					);
				}
			}
		}
		return requestOptions;
	}

	private resolve(
		value: string,
		credentials: ICredentialDataDecryptedObject,
		workflow?: Workflow,
		node?: INode,
	): string {
		if (!isExpression(value)) return value;
		if (!workflow || !node) throw new Error('Workflow and node are needed to resolve ' + value);
		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = credentialTypes[typeName];
		const expirable = credentialType.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof credentialType.preAuthentication !== 'function') return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isTestingCredentials) {
			return undefined;
		}
		this.preAuthenticationCalls[typeName] = (this.preAuthenticationCalls[typeName] ?? 0) + 1;
		const output = (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials) {
			this.store.set(typeName, { ...(this.store.get(typeName) ?? {}), ...output });
			return Object.assign(credentials, output);
		}
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string) {
		return new Credentials({ id: nodeCredentials.id, name: nodeCredentials.name }, type, '');
	}

	/** Like n8n's database: every call hands out a fresh copy with the defaults applied. */
	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		this.decryptions[type] = (this.decryptions[type] ?? 0) + 1;
		const data = this.store.get(type);
		if (!data) throw new Error(`No test credentials of type ${type}`);
		const withDefaults: ICredentialDataDecryptedObject = {};
		for (const property of credentialTypes[type].properties) {
			withDefaults[property.name] = property.default as string;
		}
		return { ...withDefaults, ...data };
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(type, { ...data });
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}
