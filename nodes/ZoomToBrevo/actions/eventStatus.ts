import type { IDataObject } from 'n8n-workflow';

import type { EventOutcome } from '../../shared/brevo';

/**
 * What each person's item says about their Brevo event: `sent`, `failed` with Brevo's reason,
 * `dry-run`, or `unknown` when Brevo refused some events of the run without saying whose — an
 * item never claims `sent` for an event that may have been refused.
 */
export function eventStatuses(people: Array<{ email: string; eventName: string }>, outcome: EventOutcome, dryRun: boolean): IDataObject[] {
	const failedByEmail = new Map(outcome.failed.filter((f) => f.email !== '').map((f) => [f.email, f.error]));
	const unattributed = outcome.failed.filter((f) => f.email === '');
	return people.map(({ email, eventName }) => {
		if (dryRun) return { name: eventName, status: 'dry-run' };
		const error = failedByEmail.get(email);
		if (error !== undefined) return { name: eventName, status: 'failed', error };
		if (unattributed.length > 0) {
			return {
				name: eventName,
				status: 'unknown',
				note: `Brevo refused ${unattributed.length === 1 ? 'an event' : `${unattributed.length} events`} of this run without saying whose: check this contact's events in Brevo. ${unattributed[0].error}`,
			};
		}
		return { name: eventName, status: 'sent' };
	});
}
