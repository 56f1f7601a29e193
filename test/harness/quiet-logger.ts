/**
 * A stand-in for `@n8n/backend-common`'s Logger. The real one builds winston console
 * transports from config and prints every engine debug line into jest's output; this one
 * keeps the lines in memory instead (a test can read them when something fails) and
 * prints only when N8N_HARNESS_LOG is set (`N8N_HARNESS_LOG=debug npx jest ...`).
 */
import type { LogMetadata } from 'n8n-workflow';

export type HarnessLogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface HarnessLogLine {
	level: HarnessLogLevel;
	message: string;
	metadata?: LogMetadata;
}

const ORDER: HarnessLogLevel[] = ['error', 'warn', 'info', 'debug'];
/** Bounded so a long test file cannot grow it without limit. */
const MAX_LINES = 1000;

export class QuietLogger {
	readonly lines: HarnessLogLine[] = [];

	private readonly printUpTo: number;

	constructor(printLevel: string | undefined = process.env.N8N_HARNESS_LOG) {
		const level = printLevel === '1' || printLevel === 'true' ? 'debug' : printLevel;
		this.printUpTo = ORDER.indexOf(level as HarnessLogLevel);
	}

	error(message: string, metadata?: LogMetadata) {
		this.log('error', message, metadata);
	}

	warn(message: string, metadata?: LogMetadata) {
		this.log('warn', message, metadata);
	}

	info(message: string, metadata?: LogMetadata) {
		this.log('info', message, metadata);
	}

	debug(message: string, metadata?: LogMetadata) {
		this.log('debug', message, metadata);
	}

	/** The real Logger returns a child logger per scope; one sink is enough here. */
	scoped(): this {
		return this;
	}

	clear() {
		this.lines.length = 0;
	}

	private log(level: HarnessLogLevel, message: string, metadata?: LogMetadata) {
		this.lines.push({ level, message, metadata });
		if (this.lines.length > MAX_LINES) this.lines.shift();
		if (ORDER.indexOf(level) <= this.printUpTo) {
			// eslint-disable-next-line no-console
			console.log(`[n8n ${level}] ${message}`);
		}
	}
}
