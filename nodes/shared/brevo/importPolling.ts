/**
 * Follows Brevo import processes until they finish, sparingly: `GET /processes` counts against the
 * "everything else" budget (100 requests per hour on the general tier), which the whole account
 * shares. Polls back off from 1 s to 30 s, at most POLLING.maxRequests requests per call, one
 * request per round whatever the number of batches, and stop early when the hourly budget runs low.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BatchReport } from './types';
import { requestWithin, type BrevoSession } from './request';
import { pause } from './wait';

export const POLLING = {
	/** Wait before each round; about two minutes in all. */
	delaysMs: [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 30_000],
	/** Status requests per importContacts call, all rounds together. */
	maxRequests: 12,
	/** Stop when Brevo says fewer than this many requests are left in the hour, for other work. */
	reserve: 10,
};

export interface BrevoProcess {
	id?: number;
	status?: string;
	info?: { import?: IDataObject };
}

export function reportStatusOf(status: unknown): 'completed' | 'queued' | 'processing' | 'failed' {
	switch (status) {
		case 'completed':
			return 'completed';
		case 'queued':
			return 'queued';
		case 'failed':
		case 'cancelled':
		case 'aborted':
		case 'error':
			return 'failed';
		default:
			// Brevo has also said `in_process`; anything not final is still running.
			return 'processing';
	}
}

const isPending = (report: BatchReport) => report.processId !== undefined && (report.status === 'queued' || report.status === 'processing');

function apply(report: BatchReport, importProcess: BrevoProcess): void {
	report.status = reportStatusOf(importProcess.status);
	const details: IDataObject = { ...(report.details ?? {}), brevoStatus: importProcess.status ?? null };
	// The import's CSV reports (invalid emails, duplicates) when Brevo links them.
	if (importProcess.info?.import) details.importReport = importProcess.info.import;
	report.details = details;
}

export async function pollImports(session: BrevoSession, reports: BatchReport[]): Promise<void> {
	let requests = 0;
	let waitedMs = 0;
	let stopReason: string | undefined;
	const check = async (path: string, qs?: IDataObject) => {
		requests++;
		return await requestWithin<IDataObject>(session, { method: 'GET', path, qs, what: 'check the status of a contact import' });
	};

	for (const delay of POLLING.delaysMs) {
		const pending = reports.filter(isPending);
		if (pending.length === 0) return;
		await pause(session.context, delay);
		waitedMs += delay;
		try {
			if (pending.length === 1) {
				apply(pending[0], (await check(`/processes/${pending[0].processId}`)) as BrevoProcess);
			} else {
				// One request for every batch: the newest processes, ours among them.
				const listed = await check('/processes', { limit: 50, offset: 0, sort: 'desc' });
				const processes = Array.isArray(listed.processes) ? (listed.processes as BrevoProcess[]) : [];
				for (const report of pending) {
					const found = processes.find((p) => Number(p.id) === report.processId);
					if (found) apply(report, found);
					else if (requests < POLLING.maxRequests) apply(report, (await check(`/processes/${report.processId}`)) as BrevoProcess);
				}
			}
		} catch (error) {
			// The contacts were accepted already; a failed status check does not undo that.
			stopReason = `stopped checking: ${(error as Error).message}`;
			break;
		}
		const remaining = session.pacer.limits('other')?.remaining;
		if (reports.some(isPending) && remaining !== undefined && remaining < POLLING.reserve) {
			stopReason = `stopped checking to leave Brevo's hourly budget for status requests (${remaining} left) to other work`;
			break;
		}
		if (requests >= POLLING.maxRequests) {
			stopReason = `stopped after ${requests} status checks`;
			break;
		}
	}

	for (const report of reports.filter(isPending)) {
		report.details = {
			...(report.details ?? {}),
			note: `Still ${report.status} after about ${Math.round(waitedMs / 1000)} s (${stopReason ?? 'stopped waiting'}). Brevo finishes the import on its own: see process ${report.processId} in Brevo's import history.`,
		};
	}
}
