import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Sums up a V8 .cpuprofile (BENCH_PROFILE) in ms: self and inclusive time per function, and self time
 * per package. `node .build/scripts/bench/profileSummary.js <file.cpuprofile> [items] [top]`.
 */
interface ProfileNode {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
}

interface CpuProfile {
	nodes: ProfileNode[];
	samples: number[];
	timeDeltas: number[];
}

/** The package a script belongs to (the last node_modules folder in its path), or a V8 category. */
function packageOf(url: string, functionName: string): string {
	if (!url) return `(${functionName || 'anonymous'})`.replace(/^\(\((.*)\)\)$/, '($1)');
	const parts = url.replace(/^file:\/\//, '').split('/');
	const index = parts.lastIndexOf('node_modules');
	if (index < 0) return url.startsWith('node:') ? 'node' : path.basename(url);
	return parts[index + 1].startsWith('@') ? `${parts[index + 1]}/${parts[index + 2]}` : parts[index + 1];
}

function label(node: ProfileNode): string {
	const { functionName, url, lineNumber } = node.callFrame;
	const file = url ? `${packageOf(url, functionName)}:${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : '';
	return `${functionName || '(anonymous)'} ${file}`.trim();
}

function summarize(file: string, items: number, top: number) {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const self = new Map<string, number>();
	const inclusive = new Map<string, number>();
	const perPackage = new Map<string, number>();
	let total = 0;
	profile.samples.forEach((sample, index) => {
		// timeDeltas[i] is the time before sample i: attribute it to that sample.
		const ms = (profile.timeDeltas[index] ?? 0) / 1000;
		const leaf = byId.get(sample)!;
		if (leaf.callFrame.functionName === '(idle)') return;
		total += ms;
		self.set(label(leaf), (self.get(label(leaf)) ?? 0) + ms);
		const pkg = packageOf(leaf.callFrame.url, leaf.callFrame.functionName);
		perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + ms);
		const seen = new Set<string>();
		for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
			const name = label(byId.get(id)!);
			if (seen.has(name)) continue;
			seen.add(name);
			inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
		}
	});
	const print = (title: string, map: Map<string, number>) => {
		console.log(`\n${title}`);
		for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
			console.log(`${(ms / items).toFixed(3).padStart(8)} ms/item ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
		}
	};
	console.log(`${file}: ${total.toFixed(0)} ms on the main thread outside idle, ${(total / items).toFixed(3)} ms per item (${items} items)`);
	print('Self time per package', perPackage);
	print('Self time per function', self);
	print('Inclusive time per function', inclusive);
}

const [file, items = '500', top = '40'] = process.argv.slice(2);
summarize(file, Number(items), Number(top));
