import { ensureN8n } from './lib/n8nRuntime';

/**
 * `npm run n8n:install`: installs Node 24 and n8n into the cache folder (N8N_CACHE_DIR, else `.cache/`), or
 * checks and repairs the install there - what `npm start` and the end-to-end tests do first.
 */
ensureN8n().then(
	(install) => {
		console.log(`NODE24_BIN=${install.node24}\nN8N_BIN=${install.n8nBin}`);
	},
	(error: Error) => {
		console.error(error.message);
		process.exit(1);
	},
);
