import { readFileSync } from 'node:fs';
import path from 'node:path';

import { definitions, KNOWN_TAGS, readme } from './scripts';

const { cutReadme } = readme;
const TAGS = ['msp-security', 'eset-msp', 'gravityzone-msp', 'eset', 'gravityzone'];
const README = readFileSync(path.join(definitions.ROOT, 'README.md'), 'utf8');
const headings = (text: string) => text.split('\n').filter((line) => /^#{1,3} /.test(line));
const packageReadme = (name: string) => {
	const pkg = definitions.PACKAGES.find((candidate) => candidate.name === name)!;
	return cutReadme(README, definitions.readmeTags(pkg), KNOWN_TAGS);
};

describe('cutting README.md into a package README', () => {
	it('keeps unmarked text, the blocks and lines of the package or its vendors, and drops the rest', () => {
		const text = [
			'intro',
			'<!-- only: eset -->',
			'eset block',
			'<!-- /only -->',
			'<!-- only: gravityzone, msp-security -->',
			'gz block',
			'<!-- /only -->',
			'| a | eset row |<!-- only: eset -->',
			'| b | gz row |<!-- only: gravityzone -->',
			'outro',
		].join('\n');
		expect(cutReadme(text, ['eset-msp', 'eset'], TAGS)).toBe('intro\neset block\n| a | eset row |\noutro\n');
		expect(cutReadme(text, ['msp-security', 'eset', 'gravityzone'], TAGS)).toBe('intro\neset block\ngz block\n| a | eset row |\n| b | gz row |\noutro\n');
		expect(cutReadme(text, ['gravityzone-msp', 'gravityzone'], TAGS)).toBe('intro\ngz block\n| b | gz row |\noutro\n');
	});

	it('drops a marked line inside a block that is dropped', () => {
		expect(cutReadme('<!-- only: eset -->\nx <!-- only: gravityzone -->\n<!-- /only -->\nend', ['gravityzone'], TAGS)).toBe('end\n');
	});

	it('drops the marker convention comment at the top, and collapses the blank lines cutting leaves', () => {
		expect(cutReadme('<!--\nREADME markers. how to\n-->\n# Title\n\n<!-- only: eset -->\nx\n<!-- /only -->\n\n\nnext', ['gravityzone'], TAGS)).toBe('# Title\n\nnext\n');
	});

	it.each([
		['an unknown tag', '<!-- only: esett -->\nx\n<!-- /only -->', /line 1: unknown tag "esett"/],
		['a block that is never closed', 'a\n<!-- only: eset -->\nx', /opened on line 2 is never closed/],
		['a nested block', '<!-- only: eset -->\n<!-- only: gravityzone -->\n<!-- /only -->\n<!-- /only -->', /line 2: "only" block inside the block opened on line 1/],
		['a closing marker without a block', 'x\n<!-- /only -->', /line 2: "\/only" without an open block/],
		['a marker in the middle of a line', 'see <!-- only: eset --> here', /line 1: a marker must be/],
	])('refuses %s', (_, text, message) => {
		expect(() => cutReadme(text, ['eset'], TAGS)).toThrow(message);
	});

	it('the repository README is valid, and knows exactly the tags of definitions.js', () => {
		expect([...KNOWN_TAGS].sort()).toStrictEqual([...TAGS].sort());
		for (const pkg of definitions.PACKAGES) expect(() => cutReadme(README, definitions.readmeTags(pkg), KNOWN_TAGS)).not.toThrow();
	});

	it("each single-service README holds its vendor's sections and none of the other vendor's", () => {
		const eset = headings(packageReadme('n8n-nodes-eset-msp'));
		const gravityZone = headings(packageReadme('n8n-nodes-gravityzone-msp'));
		expect(eset).toEqual(expect.arrayContaining(['## Install', '### ESET MSP Administrator 2 API (`esetMspApi`)', '### ESET MSP > Company > Create Customer']));
		expect(gravityZone).toEqual(expect.arrayContaining(['## Install', '### Bitdefender GravityZone API (`gravityZoneApi`)', '### Bitdefender GravityZone > Company > Create']));
		expect(eset.filter((line) => /gravity\s*zone|bitdefender/i.test(line))).toStrictEqual([]);
		expect(gravityZone.filter((line) => /eset/i.test(line))).toStrictEqual([]);
		for (const repositoryOnly of ['## Development', '## Benchmark', '## Releasing']) {
			expect(eset).not.toContain(repositoryOnly);
			expect(gravityZone).not.toContain(repositoryOnly);
		}
	});

	it('the combined README is the repository README without the single-service parts and the convention comment', () => {
		const combined = packageReadme('n8n-nodes-msp-security');
		const unmarked = headings(README).map((line) => line.replace(/\s*<!--.*-->$/, ''));
		expect(headings(combined)).toStrictEqual(unmarked.filter((line) => line !== '## Source and development'));
		expect(combined).not.toMatch(/<!--\s*\/?only|README markers/);
	});
});
