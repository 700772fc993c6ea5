import fc from 'fast-check';

/**
 * The fuzzing's own reading of the documented field rules. A field is a pool of raw values (what a
 * user types, or what an expression reads from a webhook) and a judge that says, from the vendor
 * reference alone, what the API must receive and which rule the value breaks. It is written apart from
 * the nodes' declarations on purpose: a rule both got wrong the same way would go unseen.
 */
export const OMITTED = Symbol('omitted');

export interface Judgement {
	/** What the request body must hold, or OMITTED. */
	sent: unknown;
	/** The documented rule the value breaks. */
	broken?: string;
}

/** How the n8n editor could hold the value without an expression. */
export type UiType = 'string' | 'number' | 'boolean' | 'options' | 'multiOptions';

export interface Kind {
	/** Values that keep the rule (weighted towards the edges), and values that break it. */
	valid: fc.Arbitrary<unknown>;
	invalid: fc.Arbitrary<unknown>;
	judge(raw: unknown): Judgement;
	ui: UiType;
	options?: readonly unknown[];
	/** A password: typed in as a fixed value whenever it can be. */
	secret?: boolean;
}

/**
 * Whether the field must be there, and whether Create's "an empty value is not sent" applies: both
 * Creates leave out a field whose value is empty text ('' or spaces), which is what n8n saves for a
 * field added in the editor and left untouched, and what an expression reads from an empty CSV cell.
 */
export interface Presence {
	required?: boolean;
	omitBlank?: boolean;
}

const missing = (presence: Presence): Judgement =>
	presence.required ? { sent: OMITTED, broken: 'is required' } : { sent: OMITTED };

const isBlank = (raw: unknown) => typeof raw === 'string' && raw.trim() === '';

/** Text as n8n parameters deliver it: numbers and flags become text; null and undefined are "not set". */
function asText(raw: unknown, presence: Presence): Judgement | string {
	if (raw === undefined || raw === null) return missing(presence);
	const text = typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : raw;
	if (typeof text !== 'string') return { sent: raw, broken: 'must be text' };
	if (presence.omitBlank && text.trim() === '') return missing(presence);
	return text;
}

const NOT_TEXT = fc.constantFrom<unknown>({}, [], { name: 'x' }, ['a', 'b']);
const NOTHING = fc.constantFrom<unknown>(undefined, null);
const UNICODE = fc.constantFrom('Zürich Ärzte GmbH', 'Société Générale — Paris', '株式会社テスト', 'O\'Brien & Sons "Ltd"');
const BLANK = fc.constantFrom('', ' ', '\t  ');

/** With `omitBlank`, an empty value is "not set" (valid unless the field is required), whatever the field's type. */
function emptyIsUnset(kind: Kind, presence: Presence): Kind {
	if (!presence.omitBlank) return kind;
	return {
		...kind,
		valid: presence.required ? kind.valid : fc.oneof({ weight: 8, arbitrary: kind.valid }, { weight: 1, arbitrary: BLANK }),
		invalid: fc.oneof(kind.invalid.filter((value) => !isBlank(value)), ...(presence.required ? [BLANK] : [])),
		judge: (raw) => (isBlank(raw) ? missing(presence) : kind.judge(raw)),
	};
}

export interface TextRules extends Presence {
	maxLength?: number;
	notBlank?: boolean;
	noHtml?: boolean;
}

/** Free text; HTML-free pools never hold "<" so that "an HTML tag" needs no fine print. */
export function text(rules: TextRules = {}): Kind {
	const plain = fc.string({ maxLength: Math.min(rules.maxLength ?? 40, 40) }).filter((value) => !rules.noHtml || !value.includes('<'));
	const atLimit = rules.maxLength
		? fc.string({ minLength: rules.maxLength - 2, maxLength: rules.maxLength }).filter((value) => !rules.noHtml || !value.includes('<'))
		: plain;
	const tagged = fc
		.tuple(plain, fc.constantFrom('<b>', '<script>alert(1)</script>', '</div>', '<img src=x>', '<!-- note -->'), plain)
		.map((parts) => parts.join(''));
	return emptyIsUnset({
		ui: 'string',
		valid: fc.oneof(plain, atLimit, UNICODE, fc.integer(), fc.boolean(), ...(rules.required ? [] : [NOTHING])),
		invalid: fc.oneof(
			NOT_TEXT,
			...(rules.notBlank ? [BLANK] : []),
			...(rules.required ? [NOTHING] : []),
			...(rules.maxLength ? [fc.string({ minLength: rules.maxLength + 1, maxLength: rules.maxLength + 30 })] : []),
			...(rules.noHtml ? [tagged] : []),
		),
		judge(raw) {
			const value = asText(raw, rules);
			if (typeof value !== 'string') return value;
			if (rules.notBlank && value.trim() === '') return { sent: value, broken: 'must not be empty' };
			if (rules.maxLength !== undefined && value.length > rules.maxLength) return { sent: value, broken: 'too long' };
			if (rules.noHtml && /<[^>]+>/.test(value)) return { sent: value, broken: 'HTML' };
			return { sent: value };
		},
	}, rules);
}

/** Text of a fixed form (an ISO code, an ID, a date...): `valid` and `invalid` samples, `test` the form. */
export function formatted(valid: fc.Arbitrary<unknown>, invalid: fc.Arbitrary<unknown>, test: (value: string) => boolean, presence: Presence = {}): Kind {
	return emptyIsUnset({
		ui: 'string',
		valid: presence.required ? valid : fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: NOTHING }),
		invalid: fc.oneof(invalid, NOT_TEXT, ...(presence.omitBlank ? [] : [BLANK])),
		judge(raw) {
			const value = asText(raw, presence);
			if (typeof value !== 'string') return value;
			return test(value) ? { sent: value } : { sent: value, broken: 'not of the documented form' };
		},
	}, presence);
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)*$/;
const label = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,7}$/);

export function email(presence: Presence = {}): Kind {
	const valid = fc
		.tuple(fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,9}$/), fc.array(label, { minLength: 1, maxLength: 3 }))
		.map(([local, domain]) => `${local}@${domain.join('.')}`);
	const invalid = fc.oneof(
		fc.constantFrom('jo.acme.example', 'jo@', '@acme.example', 'jo @acme.example', 'jo@acme@example', 'jo@.example', 'jo@acme..example'),
		fc.string({ maxLength: 12 }).filter((value) => !value.includes('@')),
	);
	return formatted(valid, invalid, (value) => EMAIL.test(value), presence);
}

const isRealDate = (value: string) => {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

export const date = (presence: Presence = {}): Kind =>
	formatted(
		fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((value) => value.toISOString().slice(0, 10)),
		fc.constantFrom('2028-13-01', '2028-02-30', '28-01-01', '2028/01/01', 'tomorrow', '2028-1-1'),
		isRealDate,
		presence,
	);

const NUMERIC = /^\s*-?\d+\s*$/;

/** A whole number: expressions bring "12" as text, which counts as 12. */
export function integer(min: number, presence: Presence = {}): Kind {
	return emptyIsUnset({
		ui: 'number',
		valid: fc.oneof(fc.integer({ min, max: min + 3 }), fc.integer({ min, max: 1_000_000 }), fc.integer({ min, max: 500 }).map(String), NOTHING),
		invalid: fc.oneof(fc.integer({ min: -1000, max: min - 1 }), fc.constantFrom(1.5, '2.5', 'ten', '', true, [3], { n: 1 })),
		judge(raw) {
			if (raw === undefined || raw === null) return { sent: OMITTED };
			const value = typeof raw === 'string' && NUMERIC.test(raw) ? Number(raw) : raw;
			if (typeof value !== 'number' || !Number.isInteger(value)) return { sent: value, broken: 'not a whole number' };
			return value < min ? { sent: value, broken: `below ${min}` } : { sent: value };
		},
	}, presence);
}

export function flag(presence: Presence = {}): Kind {
	return emptyIsUnset({
		ui: 'boolean',
		valid: fc.oneof(fc.boolean(), fc.constantFrom('true', 'false'), NOTHING),
		invalid: fc.constantFrom('yes', 'TRUE', 1, 0, '', [true]),
		judge(raw) {
			if (raw === undefined || raw === null) return { sent: OMITTED };
			const value = raw === 'true' ? true : raw === 'false' ? false : raw;
			return typeof value === 'boolean' ? { sent: value } : { sent: value, broken: 'not true or false' };
		},
	}, presence);
}

/** One of the documented values; numeric values may come as text ("3"). */
export function oneOf(values: readonly (string | number)[], presence: Presence = {}): Kind {
	const numeric = typeof values[0] === 'number';
	const coerce = (raw: unknown) => (numeric && typeof raw === 'string' && NUMERIC.test(raw) ? Number(raw) : raw);
	return emptyIsUnset({
		ui: 'options',
		options: values,
		valid: fc.oneof(fc.constantFrom(...values), ...(numeric ? [fc.constantFrom(...values).map(String)] : []), ...(presence.required ? [] : [NOTHING])),
		invalid: fc.oneof(
			fc.constantFrom<unknown>('nope', true, 1.5, [values[0]], ...(presence.required ? [undefined] : [])),
			numeric ? fc.integer({ min: -50, max: 100_000 }).filter((value) => !values.includes(value)) : fc.string({ maxLength: 8 }).filter((value) => !values.includes(value)),
		),
		judge(raw) {
			if (raw === undefined || raw === null) return missing(presence);
			const value = coerce(raw);
			return values.includes(value as string | number) ? { sent: value } : { sent: value, broken: 'not a documented value' };
		},
	}, presence);
}

/** A list of documented values: a list, or text separated by commas (as a webhook may send it). */
export function someOf(values: readonly (string | number)[], presence: Presence = {}): Kind {
	const numeric = typeof values[0] === 'number';
	const coerce = (raw: unknown) => (numeric && typeof raw === 'string' && NUMERIC.test(raw) ? Number(raw) : raw);
	const subset = fc.subarray([...values]);
	return emptyIsUnset({
		ui: 'multiOptions',
		options: values,
		valid: fc.oneof(subset, subset.map((list) => list.join(', ')), NOTHING),
		invalid: fc.oneof(subset.map((list) => [...list, numeric ? 42 : 'unknownModel']), fc.constantFrom<unknown>(true, 7, { a: 1 })),
		judge(raw) {
			if (raw === undefined || raw === null) return { sent: OMITTED };
			const list =
				typeof raw === 'string'
					? raw
							.split(',')
							.map((part) => part.trim())
							.filter((part) => part !== '')
					: raw;
			if (!Array.isArray(list)) return { sent: list, broken: 'not a list' };
			const sent = list.map(coerce);
			return sent.every((value) => values.includes(value as string | number)) ? { sent } : { sent, broken: 'holds an undocumented value' };
		},
	}, presence);
}

/** Whether the editor could hold this value as a fixed value (else only an expression brings it). */
export function literalFits(kind: Kind, raw: unknown): boolean {
	switch (kind.ui) {
		case 'string':
			return typeof raw === 'string' && !raw.startsWith('=');
		case 'number':
			return typeof raw === 'number' && Number.isFinite(raw);
		case 'boolean':
			return typeof raw === 'boolean';
		case 'options':
			// '' is what the editor saves for a dropdown added and left without a value.
			return raw === '' || kind.options!.includes(raw as string | number);
		case 'multiOptions':
			return Array.isArray(raw) && raw.every((value) => kind.options!.includes(value as string | number));
	}
}
