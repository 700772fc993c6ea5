import { createRequire } from 'node:module';

// The packaging scripts are plain CommonJS (CI runs them with node before anything is compiled); this
// gives the tests typed handles on them.
const load = createRequire(__filename);

export interface PackageDefinition {
	name: string;
	tag: string;
	vendors: string[];
	sourceRoot?: string;
}
export interface Vendor {
	node: string;
	credential: string;
	sources: string[];
	types: string[];
	trace: RegExp;
}
export interface Workflow {
	nodes?: Array<{ type?: unknown; [key: string]: unknown }>;
	[key: string]: unknown;
}

export const definitions = load('../../scripts/packages/definitions') as {
	ROOT: string;
	PACKAGES: PackageDefinition[];
	VENDORS: Record<string, Vendor>;
	packageDir(pkg: PackageDefinition): string;
	readmeTags(pkg: PackageDefinition): string[];
	manifestFor(pkg: PackageDefinition, root?: Record<string, unknown>): Record<string, unknown> & { n8n: { nodes: string[]; credentials: string[] }; main: string };
};
export const readme = load('../../scripts/packages/readme') as {
	cutReadme(text: string, tags: string[], knownTags: string[]): string;
};
export const switchPackage = load('../../scripts/switch-package') as {
	switchType(type: string, to: 'single' | 'combined'): string | undefined;
	switchWorkflow(workflow: Workflow, to: 'single' | 'combined'): number;
	switchFile(file: string, to: 'single' | 'combined'): number;
};
export const checks = load('../../scripts/packages/checks') as {
	checkManifest(manifest: Record<string, unknown>, expected?: Record<string, unknown>): string[];
	checkContents(dir: string, manifest: Record<string, unknown>, pkg: PackageDefinition): string[];
	checkLoad(dir: string, manifest: Record<string, unknown>): string[];
};
export const { KNOWN_TAGS } = load('../../scripts/packages/build') as { KNOWN_TAGS: string[] };
