import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';

import { n8nLoggerClass } from './n8nVersions';
import { ESET_PASSWORD, EsetServer } from '../sandbox/eset';
import { GZ_NO_COMPANIES_KEY, GZ_PARTNER_KEY } from '../sandbox/gravityZone';
import { GzDeploy } from '../sandbox/gzDeploy';

/**
 * Scans every workflow run (output items, errors with their descriptions, causes and stacks) and
 * every line n8n logs, as they happen, for the secrets in use: the sandbox's API keys (also as the
 * Basic header carries them), the ESET password, every token the ESET sandbox issued, and every
 * password (package uninstall password, account password) the GravityZone sandbox received.
 */
const basic = (key: string) => Buffer.from(`${key}:`).toString('base64');
const FIXED_SECRETS = [GZ_PARTNER_KEY, basic(GZ_PARTNER_KEY), GZ_NO_COMPANIES_KEY, basic(GZ_NO_COMPANIES_KEY), ESET_PASSWORD];

export interface Leak {
	where: string;
	secret: string;
	excerpt: string;
}

export interface Scanner {
	/** How many texts were scanned, by kind ("run", "n8n log"). */
	scanned: Record<string, number>;
	leaks: Leak[];
	secrets: () => Iterable<string>;
}

export const newScanner = (secrets: () => Iterable<string>): Scanner => ({ scanned: {}, leaks: [], secrets });

/** The scanner of this test process. */
const processScanner = newScanner(() => [...FIXED_SECRETS, ...EsetServer.secretsIssued, ...GzDeploy.secretsReceived]);

/** Errors keep their message, stack and details out of JSON.stringify's sight: spell them out. */
function serialize(value: unknown): string {
	const seen = new WeakSet<object>();
	return JSON.stringify(value, (_key, current: unknown) => {
		if (typeof current === 'bigint') return String(current);
		if (typeof current !== 'object' || current === null) return current;
		if (seen.has(current)) return '[seen]';
		seen.add(current);
		if (current instanceof Error) {
			const { name, message, stack } = current;
			return { ...current, name, message, stack, cause: (current as { cause?: unknown }).cause };
		}
		return current;
	});
}

export function scanForSecrets(kind: string, value: unknown, scanner: Scanner = processScanner): void {
	const text = typeof value === 'string' ? value : serialize(value);
	scanner.scanned[kind] = (scanner.scanned[kind] ?? 0) + 1;
	for (const secret of scanner.secrets()) {
		const at = text.indexOf(secret);
		if (at >= 0) scanner.leaks.push({ where: kind, secret: `${secret.slice(0, 4)}...`, excerpt: text.slice(Math.max(0, at - 120), at) });
	}
}

export const secretScan = () => ({ scanned: { ...processScanner.scanned }, leaks: [...processScanner.leaks] });

/** n8n's own logger (and its LoggerProxy) at every level, recorded and scanned instead of printed. */
export function recordN8nLogs(): void {
	const record =
		(level: string) =>
		(message: string, metadata: unknown = {}) =>
			scanForSecrets('n8n log', { level, message, metadata });
	const recorder = {
		error: record('error'),
		warn: record('warn'),
		info: record('info'),
		debug: record('debug'),
		scoped: () => recorder,
	};
	LoggerProxy.init(recorder);
	Container.set(n8nLoggerClass() as Parameters<typeof Container.set>[0], recorder);
}

/** The named test that ends a suite: nothing it ran or logged held a secret. */
export function itLeaksNoSecret(): void {
	it('leaves no password, API key or token in any output item, error (message, description, cause, stack) or n8n log line', () => {
		const { scanned, leaks } = secretScan();
		expect(scanned.run).toBeGreaterThan(0);
		expect(scanned['n8n log']).toBeGreaterThan(0);
		expect(leaks).toStrictEqual([]);
	});
}
