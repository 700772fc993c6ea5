import { ESET_PASSWORD, ESET_ROOT_COMPANY, ESET_USER, EsetServer } from './eset';
import { GZ_PARTNER_KEY, GZ_ROOT_COMPANY, GravityZoneServer } from './gravityZone';

/**
 * `npm run sandbox`: both vendor APIs on loopback ports, until Ctrl-C.
 * Options: --eset-port N (default 8931), --gz-port N (default 8932), --latency MS, --token-lifetime MS,
 * --json (print the URLs and credentials as one JSON line, for scripts).
 */
function option(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

export async function startSandbox(esetPort: number, gzPort: number) {
	const eset = await new EsetServer({ tokenLifetimeMs: option('token-lifetime', 60_000) }, esetPort).start();
	const gravityZone = await new GravityZoneServer(gzPort).start();
	const latencyMs = option('latency', 0);
	eset.setFaults({ latencyMs });
	gravityZone.setFaults({ latencyMs });
	const info = {
		eset: { baseUrl: eset.url, username: ESET_USER, password: ESET_PASSWORD, rootCompanyId: ESET_ROOT_COMPANY },
		gravityZone: { accessUrl: `${gravityZone.url}/api`, apiKey: GZ_PARTNER_KEY, rootCompanyId: GZ_ROOT_COMPANY },
	};
	return { eset, gravityZone, info };
}

async function main() {
	const { eset, gravityZone, info } = await startSandbox(option('eset-port', 8931), option('gz-port', 8932));
	if (process.argv.includes('--json')) {
		console.log(JSON.stringify(info));
	} else {
		console.log(`ESET MSP Administrator 2 sandbox   ${info.eset.baseUrl}`);
		console.log(`  credential: Base URL ${info.eset.baseUrl}, e-mail ${ESET_USER}, password ${ESET_PASSWORD}`);
		console.log(`Bitdefender GravityZone sandbox    ${info.gravityZone.accessUrl}`);
		console.log(`  credential: Access URL ${info.gravityZone.accessUrl}, API key ${GZ_PARTNER_KEY}`);
		console.log('Control (each server): GET /_sandbox/state, GET /_sandbox/requests, POST /_sandbox/reset,');
		console.log('  POST /_sandbox/config {"latencyMs", "serverErrorRate", "resetRate", "dropAfterCommitRate",');
		console.log('  "tooManyRequestsRate", "seed", "holdLookupsUntil", "tokenLifetimeMs"/"searchShape" (ESET),');
		console.log('  "rateLimit"/"rateLimitPerSecond"/"rateLimitQueue" (GravityZone)}');
		console.log('Ctrl-C stops it.');
	}
	const stop = async () => {
		await Promise.all([eset.stop(), gravityZone.stop()]);
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

if (require.main === module) void main();
