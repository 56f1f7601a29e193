/**
 * DI bootstrap: the only service n8n-core cannot build by itself in a test process is the
 * Logger (its constructor wires winston transports). Everything else the engine asks the
 * container for (LockService, OutboundHttp, InstanceSettings, ErrorReporter, ...)
 * self-constructs. `./env` is imported first so those services read the harness's env.
 *
 * Importing this module has the side effect; every harness module that touches n8n-core
 * imports it first.
 */
import './env';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { DataDeduplicationService } from 'n8n-core';
import { LoggerProxy } from 'n8n-workflow';

import { HarnessDeduplicator } from './processed-data';
import { QuietLogger } from './quiet-logger';

export const harnessLogger = new QuietLogger();

Container.set(Logger, harnessLogger as unknown as Logger);
// Nodes and n8n-workflow code log through LoggerProxy; route it to the same sink.
LoggerProxy.init(harnessLogger);

assertSingleDiCopy();

/** The store behind `helpers.checkProcessedAndRecord` and its siblings, as n8n's CLI sets it up at
 *  start; each run points it at the store its caller keeps (see processed-data.ts). */
export const harnessDeduplicator = new HarnessDeduplicator();
void DataDeduplicationService.init(harnessDeduplicator);

/**
 * Two copies of `@n8n/di` mean two containers: the Logger set here would not be the one
 * n8n-core reads, and services would be built twice. Fail loudly rather than debug that.
 */
function assertSingleDiCopy() {
	const fromHere = require.resolve('@n8n/di');
	const fromCore = require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] });
	const fromCommon = require.resolve('@n8n/di', {
		paths: [require.resolve('@n8n/backend-common')],
	});
	if (fromHere !== fromCore || fromHere !== fromCommon) {
		throw new Error(
			`More than one copy of @n8n/di is installed (${[fromHere, fromCore, fromCommon].join(', ')}); ` +
				'n8n-core would not see the services the harness registers. Deduplicate node_modules.',
		);
	}
}

export { Container };
