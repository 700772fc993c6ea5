import { sleep } from 'n8n-workflow';

/**
 * Pacing per bucket (a credential, and the vendor's rate class where it has them), shared by every
 * execution in this n8n process. Other processes on the same key (queue-mode workers) share nothing
 * with it: a 429 is what tells that the key's limit is used up between them. Each bucket then pauses
 * for the Retry-After, halves its rate and climbs back slowly (additive increase, multiplicative
 * decrease), so that N processes settle on the vendor's limit between them. "Requests per Second"
 * stays the ceiling.
 */
interface Bucket {
	/**
	 * When the latest request left (after a login: when the next turn may count from). Spacing counts
	 * from real send times, not from reserved slots, so a pause or a busy event loop releases no burst.
	 */
	lastSentAt: number;
	/** No request leaves before this (a 429's Retry-After, with jitter). */
	pausedUntil: number;
	/** The rate the latest 429 left, from when it counts; it climbs back to the ceiling from there. */
	lowered?: { perSecond: number; from: number };
	/** A 429 to a request sent before this belongs to the congestion already answered: no second decrease. */
	loweredAt: number;
	/** Requests leave one after another, in the order they asked. */
	turn: Promise<void>;
	/** A login waiting for its turn: it goes before the queue. */
	login?: Promise<void>;
}

const buckets = new Map<string, Bucket>();

/** After a 429 the rate is multiplied by this; it never goes below MIN_SHARE of the ceiling. */
export const DECREASE = 0.5;
const MIN_SHARE = 1 / 16;
/** The rate climbs back by this share of the ceiling per second (from half to full in 20 s). */
export const CLIMB_SHARE_PER_SECOND = 0.025;
/** Added to every spacing: the network path's jitter may bring two sends closer at the vendor. */
const SPACING_GUARD_MS = 2;
/** Up to this share of the Retry-After is added at random, so that processes do not resume in step. */
const JITTER_SHARE = 0.2;

function bucketOf(key: string): Bucket {
	let bucket = buckets.get(key);
	if (!bucket) buckets.set(key, (bucket = { lastSentAt: 0, pausedUntil: 0, loweredAt: 0, turn: Promise.resolve() }));
	return bucket;
}

/** The bucket's rate now: the ceiling, or the lowered rate climbing back to it. */
function currentRate(bucket: Bucket, ceiling: number, now: number): number {
	if (!bucket.lowered) return ceiling;
	const climbed = bucket.lowered.perSecond + (CLIMB_SHARE_PER_SECOND * ceiling * Math.max(0, now - bucket.lowered.from)) / 1000;
	if (climbed < ceiling) return climbed;
	bucket.lowered = undefined;
	return ceiling;
}

/** The spacing between two sends of the bucket now (0: no limit). */
const spacingOf = (bucket: Bucket, perSecond: number, now: number) =>
	perSecond > 0 ? 1000 / currentRate(bucket, perSecond, now) + SPACING_GUARD_MS : 0;

/** Waits until the bucket's pause is over and its last send is far enough back; counts as a send. */
async function waitForSpacing(bucket: Bucket, perSecond: number): Promise<number> {
	// Woken late (a busy event loop) or after a pause, the next request still keeps its distance.
	for (let now = Date.now(); ; now = Date.now()) {
		const due = Math.max(bucket.pausedUntil, bucket.lastSentAt + spacingOf(bucket, perSecond, now));
		if (due <= now) {
			bucket.lastSentAt = now;
			return now;
		}
		await sleep(due - now);
	}
}

/**
 * Waits for this bucket's next turn and returns the time the request may leave (now). `perSecond` 0
 * means no limit: only a pause holds the request back. Turns go in the order they were asked for,
 * after a login that waits for one (the requests in the queue need its token).
 */
export async function pace(key: string, perSecond: number): Promise<number> {
	const bucket = bucketOf(key);
	if (!(perSecond > 0) && bucket.pausedUntil <= Date.now()) return Date.now();
	const turn = bucket.turn.then(async () => {
		while (bucket.login) await bucket.login;
		return await waitForSpacing(bucket, perSecond);
	});
	bucket.turn = turn.then(
		() => undefined,
		() => undefined,
	);
	return await turn;
}

/** A login's turn: ahead of the queue of requests (which are waiting for its token). */
export async function paceLogin(key: string, perSecond: number): Promise<void> {
	const bucket = bucketOf(key);
	if (!(perSecond > 0) && bucket.pausedUntil <= Date.now()) return;
	const login = waitForSpacing(bucket, perSecond).then(() => undefined);
	bucket.login = login;
	await login;
	if (bucket.login === login) bucket.login = undefined;
}

/**
 * The request that logged in left as soon as the login answered, without a turn of its own, close
 * behind the login: the bucket's next turn keeps one more spacing from it.
 */
export function afterLogin(key: string, perSecond: number): void {
	const bucket = bucketOf(key);
	const now = Date.now();
	bucket.lastSentAt = Math.max(bucket.lastSentAt, now + spacingOf(bucket, perSecond, now));
}

/**
 * A request of this bucket sent at `sentAt` came back 429: the bucket pauses for the Retry-After (with
 * jitter) and, once per congestion event, halves its rate.
 */
export function rateLimited(key: string, perSecond: number, sentAt: number, retryAfterMs: number): void {
	const bucket = bucketOf(key);
	const now = Date.now();
	if (sentAt <= bucket.loweredAt) {
		bucket.pausedUntil = Math.max(bucket.pausedUntil, now + retryAfterMs);
		return;
	}
	bucket.pausedUntil = Math.max(bucket.pausedUntil, now + retryAfterMs * (1 + Math.random() * JITTER_SHARE));
	bucket.loweredAt = now;
	if (perSecond > 0) {
		const lowered = Math.max(currentRate(bucket, perSecond, now) * DECREASE, perSecond * MIN_SHARE);
		bucket.lowered = { perSecond: lowered, from: bucket.pausedUntil };
	}
}
