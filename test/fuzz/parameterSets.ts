import fc from 'fast-check';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { type Kind, literalFits, OMITTED } from './values';

/**
 * Node parameters shaped as a user builds them in the editor: fields set as fixed values or as
 * expressions that read the incoming item (a webhook's or a CSV row's values), collections holding
 * some of their fields, resource locators, repeatable entries. Each set comes with what the API must
 * receive and the rules it breaks, judged field by field (values.ts) and across fields (the models).
 */
export type Spec =
	| { key: string; kind: Kind; inclusion?: number }
	| { key: string; locator: Kind; inclusion?: number }
	| { key: string; children: Spec[]; inclusion?: number; required?: boolean; grouped?: string[]; keepEmpty?: boolean | 'whenAdded' }
	/** A list of texts (n8n's multiple-value text field). */
	| { key: string; strings: Kind; inclusion?: number }
	| { key: string; entries: 'keyValue'; inclusion?: number }
	| { key: string; entries: 'list'; item: { key: string; kind: Kind }; inclusion?: number };

type Drawn = { present: false } | { present: true; value: unknown };

interface LeafDraw {
	raw: unknown;
	viaExpression: boolean;
	mode?: string;
}

const maybe = (arbitrary: fc.Arbitrary<unknown>, inclusion: number): fc.Arbitrary<Drawn> =>
	inclusion >= 1
		? arbitrary.map((value) => ({ present: true as const, value }))
		: fc.oneof(
				{ weight: Math.round(inclusion * 100), arbitrary: arbitrary.map((value) => ({ present: true as const, value })) },
				{ weight: Math.round((1 - inclusion) * 100), arbitrary: fc.constant({ present: false as const }) },
			);

/**
 * Clean sets draw only values that keep their field's rule; in the others each field breaks its rule
 * one time in 16, so that most broken sets break one rule only (and the node must name that one).
 */
const rawValue = (kind: Kind, clean: boolean) =>
	clean ? kind.valid : fc.oneof({ weight: 15, arbitrary: kind.valid }, { weight: 1, arbitrary: kind.invalid });

const leaf = (kind: Kind, clean: boolean, modes?: string[]): fc.Arbitrary<LeafDraw> =>
	fc.record({ raw: rawValue(kind, clean), viaExpression: fc.boolean(), ...(modes ? { mode: fc.constantFrom(...modes) } : {}) });

export function arbitraryOf(spec: Spec, clean: boolean): fc.Arbitrary<unknown> {
	if ('kind' in spec) return leaf(spec.kind, clean);
	if ('locator' in spec) return leaf(spec.locator, clean, ['list', 'id']);
	if ('children' in spec) {
		return fc.record(Object.fromEntries(spec.children.map((child) => [child.key, maybe(arbitraryOf(child, clean), child.inclusion ?? 0.3)])));
	}
	if ('strings' in spec) return fc.array(leaf(spec.strings, clean), { maxLength: 4 });
	if (spec.entries === 'keyValue') {
		const name = fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,11}$/), fc.constantFrom('', '  '));
		// A fixed value that starts with "=" is an expression to n8n, so fixed values never do.
		const value = fc.string({ maxLength: 20 }).filter((text) => !text.startsWith('='));
		return fc.array(fc.record({ name, value }), { maxLength: 4 });
	}
	return fc.array(leaf(spec.item.kind, clean), { maxLength: 4 });
}

/** What one set means: its node parameters, the item its expressions read, the body, the broken rules. */
export interface Built {
	parameter: unknown;
	sent: unknown;
}

export class ParameterSet {
	/** The incoming item the expressions read. */
	readonly item: IDataObject = {};

	/** Body paths ("licenseSubscription.ownUse.manageHyperDetect") of every broken rule. */
	readonly problems: string[] = [];

	private expressions = 0;

	/** A field's value as a fixed value when the editor could hold it, otherwise as an expression. */
	deliver(kind: Kind, draw: LeafDraw): unknown {
		// A password is typed into its field: through an expression it would sit in the incoming item, which is no leak of the node's.
		if ((!draw.viaExpression || kind.secret) && literalFits(kind, draw.raw)) return draw.raw;
		const key = `field${this.expressions++}`;
		if (draw.raw !== undefined) this.item[key] = draw.raw as IDataObject[string];
		return `={{ $json.${key} }}`;
	}

	/** `omitEmptyObjects`: Create leaves out an object left with nothing to send (the default). */
	build(spec: Spec, drawn: unknown, path: string[], omitEmptyObjects = true): Built {
		const at = [...path, spec.key].join('.');
		if ('kind' in spec || 'locator' in spec) {
			const kind = 'kind' in spec ? spec.kind : spec.locator;
			const draw = drawn as LeafDraw;
			const value = this.deliver(kind, draw);
			const judged = kind.judge(draw.raw);
			if (judged.broken) this.problems.push(at);
			return { parameter: 'locator' in spec ? { __rl: true, mode: draw.mode, value } : value, sent: judged.sent };
		}
		if ('children' in spec) {
			const parameter: IDataObject = {};
			const sent: IDataObject = {};
			for (const child of spec.children) {
				const drawnChild = (drawn as Record<string, Drawn>)[child.key];
				if (!drawnChild.present) continue;
				const built = this.build(child, drawnChild.value, [...path, spec.key], omitEmptyObjects);
				parameter[child.key] = built.parameter as IDataObject[string];
				if (built.sent !== OMITTED) sent[child.key] = built.sent as IDataObject[string];
			}
			// An object left with nothing to send is not sent (Create leaves out what was left empty).
			const empty = Object.keys(sent).length === 0;
			if (empty && spec.required) this.problems.push(at);
			// A top-level collection counts as added when the user added any field to it (even one that reads nothing).
			const kept = spec.keepEmpty === 'whenAdded' ? Object.keys(parameter).length > 0 : spec.keepEmpty;
			return { parameter: spec.grouped ? grouped(parameter, spec.grouped) : parameter, sent: empty && (omitEmptyObjects || !kept) ? OMITTED : sent };
		}
		if ('strings' in spec) {
			// Each entry is trimmed and an empty one dropped; a broken entry is named by the list ("entry N").
			const draws = drawn as LeafDraw[];
			const sent: unknown[] = [];
			for (const draw of draws) {
				const raw = typeof draw.raw === 'string' ? draw.raw.trim() : typeof draw.raw === 'number' || typeof draw.raw === 'boolean' ? String(draw.raw) : draw.raw;
				if (raw === '') continue;
				const judged = spec.strings.judge(raw);
				if (judged.broken) this.problems.push(at);
				sent.push(judged.sent);
			}
			return { parameter: draws.map((draw) => this.deliver(spec.strings, draw)), sent: sent.length ? sent : OMITTED };
		}
		if (spec.entries === 'keyValue') {
			const entries = drawn as Array<{ name: string; value: string }>;
			const map: IDataObject = {};
			for (const entry of entries) if (entry.name.trim() !== '') map[entry.name.trim()] = entry.value;
			return { parameter: entries.length ? { entries } : {}, sent: Object.keys(map).length ? map : OMITTED };
		}
		const draws = drawn as LeafDraw[];
		const list: IDataObject[] = [];
		const entries = draws.map((draw) => {
			const judged = spec.item.kind.judge(draw.raw);
			// Entries that collect to nothing are dropped, so a path counts the entries that are sent.
			if (judged.broken) this.problems.push(`${at}.${list.length}.${spec.item.key}`);
			if (judged.sent !== OMITTED) list.push({ [spec.item.key]: judged.sent as IDataObject[string] });
			return { [spec.item.key]: this.deliver(spec.item.kind, draw) };
		});
		return { parameter: entries.length ? { entries } : {}, sent: list.length ? list : OMITTED };
	}

	/** Builds fields that sit in the node as parameters of their own, or inside a UI-only collection. */
	buildAll(specs: Spec[], drawn: Record<string, Drawn>, omitEmptyObjects = true) {
		const parameters: INodeParameters = {};
		const body: IDataObject = {};
		for (const spec of specs) {
			const drawnField = drawn[spec.key];
			if (!drawnField?.present) continue;
			const built = this.build(spec, drawnField.value, [], omitEmptyObjects);
			parameters[spec.key] = built.parameter as INodeParameters[string];
			if (built.sent !== OMITTED) body[spec.key] = built.sent as IDataObject[string];
		}
		return { parameters, body };
	}
}

/**
 * How the editor holds an object shown as a group (the licence: Type, Own Use and Resell always
 * there, the other fields added to "More License Fields"): `{ fields: { type, ..., moreFields: { ... } } }`,
 * two containers of the UI only.
 */
function grouped(parameter: IDataObject, keys: string[]): IDataObject {
	if (Object.keys(parameter).length === 0) return parameter;
	const first: IDataObject = {};
	const others: IDataObject = {};
	for (const [key, value] of Object.entries(parameter)) (keys.includes(key) ? first : others)[key] = value;
	return { fields: Object.keys(others).length > 0 ? { ...first, moreFields: others } : first };
}

/** Draws the fields of `specs` (each present with its own inclusion probability). */
export const drawFields = (specs: Spec[], clean: boolean) =>
	fc.record(Object.fromEntries(specs.map((spec) => [spec.key, maybe(arbitraryOf(spec, clean), spec.inclusion ?? 0.3)])));
