/** Production webhooks: n8n answers 404 "The requested webhook ... is not registered" until an
 *  active workflow's webhook is registered (a few seconds after start, or right after
 *  activation via REST). */
import axios, { type AxiosResponse, type Method } from 'axios';

import { waitFor } from './wait';

/** `<baseUrl>/webhook/<path>` — n8n's production webhook URL. */
export function productionWebhookUrl(baseUrl: string, webhookPath: string): string {
	return `${baseUrl.replace(/\/$/, '')}/webhook/${webhookPath.replace(/^\//, '')}`;
}

/** True when n8n's answer says the path (for any method) is not registered at all. */
export function isWebhookNotRegistered(res: AxiosResponse): boolean {
	if (res.status !== 404) return false;
	const message = String((res.data as { message?: unknown } | undefined)?.message ?? res.data ?? '');
	return /is not registered/.test(message) && !/registered for \w+ requests/.test(message);
}

export interface WaitForWebhookOptions {
	/** Probe method. The default GET does not start a POST-only workflow: n8n answers 404
	 *  "not registered for GET requests", which already proves the path is registered. With
	 *  the webhook's own method, the probe that succeeds is a real call (it runs the workflow). */
	method?: Method;
	data?: unknown;
	headers?: Record<string, string>;
	timeoutMs?: number;
}

/** Polls `url` until n8n stops answering "not registered"; returns that answer. */
export async function waitForWebhook(url: string, opts: WaitForWebhookOptions = {}): Promise<AxiosResponse> {
	const { method = 'GET', data, headers, timeoutMs = 30_000 } = opts;
	return await waitFor(
		async () => {
			const res = await axios.request({
				url,
				method,
				data,
				headers,
				proxy: false,
				timeout: 10_000,
				maxRedirects: 0,
				validateStatus: () => true,
			});
			return isWebhookNotRegistered(res) ? undefined : res;
		},
		{ timeoutMs, intervalMs: 250, what: `webhook ${url} to be registered` },
	);
}
