export interface RateLimitSettings {
	enabled: boolean;
	/** Requests per second per API key (GravityZone: 10; the slow methods get half). */
	perSecond: number;
	/** Requests that may wait for their turn before the next one gets 429. */
	queue: number;
}

/**
 * GravityZone's documented limit: 10 requests/s per API key (5/s for update, delete, suspend,
 * activate and licensing reads; 30 per minute for createAccount, deleteAccount and
 * setMonthlySubscription), a burst queue of 10, then HTTP 429 with Retry-After.
 */
export class RateLimiter {
	readonly settings: RateLimitSettings = { enabled: true, perSecond: 10, queue: 10 };

	private readonly nextSlot = new Map<string, number>();

	reset() {
		this.nextSlot.clear();
	}

	/** How long the request waits for its slot (ms), or 'rejected' when the queue is full. */
	admit(key: string, bucket: 'default' | 'slow' | 'perMinute30'): number | 'rejected' {
		if (!this.settings.enabled) return 0;
		// 5/s is half of the default 10/s, 30 per minute a twentieth.
		const interval = 1000 / (this.settings.perSecond * { default: 1, slow: 0.5, perMinute30: 0.05 }[bucket]);
		const id = `${key}:${bucket}`;
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot.get(id) ?? now);
		if (slot - now >= this.settings.queue * interval) return 'rejected';
		this.nextSlot.set(id, slot + interval);
		return slot - now;
	}
}
