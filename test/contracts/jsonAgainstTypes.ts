/**
 * Type-checks JSON values as literals of the vendors' types, with TypeScript itself: for values
 * only known at run time (a request body a node builds as an `IDataObject`, what went over the
 * wire). Each value becomes `const c0: <type> = <the JSON>;` in a file next to vendor.ts, so the
 * check is tsc's own: unknown fields ("Object literal may only specify known properties"), wrong
 * types, values outside an enum, missing required fields.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');
const checkFile = join(__dirname, '__json_against_types__.ts');

export interface JsonCase {
	/** Shown in failures. */
	name: string;
	/** A type expression over vendor.ts's exports, e.g. `Brevo.ImportContactsRequest`. */
	type: string;
	value: unknown;
}

/** tsc's complaints about each case; an empty list: the value is of the type. */
export function checkJson(cases: JsonCase[]): Record<string, string[]> {
	let text = `import type { Amend, Body, Brevo, BrevoBatchEvent, Marketplace, WebinarRegistrationAnswer, Zoom, ZoomMeetingRecording, ZoomRecordingList, ZoomUsers } from './vendor';\n`;
	const spans: Array<{ name: string; start: number; end: number }> = [];
	cases.forEach((c, i) => {
		const start = text.length;
		text += `export const c${i}: ${c.type} = ${JSON.stringify(c.value, null, 1)};\n`;
		spans.push({ name: c.name, start, end: text.length });
	});

	const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.test.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
	const options: ts.CompilerOptions = { ...(config?.options ?? {}), noEmit: true, types: [], skipLibCheck: true };
	const host = ts.createCompilerHost(options);
	const getSourceFile = host.getSourceFile.bind(host);
	host.getSourceFile = (file, language, ...rest) =>
		file === checkFile ? ts.createSourceFile(file, text, language) : getSourceFile(file, language, ...rest);
	const fileExists = host.fileExists.bind(host);
	host.fileExists = (file) => file === checkFile || fileExists(file);
	const readFile = host.readFile.bind(host);
	host.readFile = (file) => (file === checkFile ? text : existsSync(file) ? readFileSync(file, 'utf8') : readFile(file));

	const program = ts.createProgram({ rootNames: [checkFile], options, host });
	const source = program.getSourceFile(checkFile);
	const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
	const found: Record<string, string[]> = Object.fromEntries(cases.map((c) => [c.name, []]));
	for (const diagnostic of diagnostics) {
		const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
		const span = spans.find((s) => diagnostic.start !== undefined && diagnostic.start >= s.start && diagnostic.start < s.end);
		(found[span?.name ?? '(the check file itself)'] ??= []).push(message);
	}
	return found;
}
