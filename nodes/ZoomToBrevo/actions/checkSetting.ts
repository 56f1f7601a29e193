/**
 * Fail closed on settings: every options and number parameter is checked against what the
 * node's own description offers, before the first Zoom or Brevo call. An expression can put
 * anything into a field; an unknown Zoom plan would make the pacer wait NaN ms forever, a
 * non-numeric wait would wait for any reset. Errors name the parameter and the allowed values.
 */
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { brevoWriteProperties } from '../description/brevoWrite';
import { engagementProperties } from '../description/engagement';
import { optionProperties } from '../description/options';
import { recordingProperties } from '../description/recording';
import { registrationProperties } from '../description/registration';
import { selectorProperties } from '../description/selectors';
import { zoomSourceProperties } from '../description/zoomSource';

const ALL_PROPERTIES: INodeProperties[] = [...selectorProperties, ...zoomSourceProperties, ...recordingProperties, ...registrationProperties, ...engagementProperties, ...brevoWriteProperties, ...optionProperties];

function* walk(properties: INodeProperties[]): Generator<INodeProperties> {
	for (const property of properties) {
		yield property;
		const children = (property.options ?? []).filter((o): o is INodeProperties => typeof o === 'object' && o !== null && 'displayName' in o && 'type' in o);
		yield* walk(children);
	}
}

/** The options a parameter offers (for `operation`, those shown for `resource`). Pure. */
export function offeredValues(name: string, resource?: string): Array<{ name: string; value: string }> {
	const offered: Array<{ name: string; value: string }> = [];
	for (const property of walk(ALL_PROPERTIES)) {
		if (property.name !== name || (property.type !== 'options' && property.type !== 'multiOptions')) continue;
		const shownFor = property.displayOptions?.show?.resource as string[] | undefined;
		if (resource !== undefined && shownFor && !shownFor.includes(resource)) continue;
		for (const option of property.options as INodePropertyOptions[]) offered.push({ name: option.name, value: String(option.value) });
	}
	return offered;
}

function labelOf(name: string): string {
	for (const property of walk(ALL_PROPERTIES)) if (property.name === name) return property.displayName;
	return name;
}

/** The value of an options parameter, when it is one the node offers; else an error naming them. */
export function checkOption<T extends string>(context: IExecuteFunctions, itemIndex: number, name: string, value: unknown, resource?: string): T {
	const offered = offeredValues(name, resource);
	const found = offered.find((o) => o.value === value);
	if (found) return found.value as T;
	throw new NodeOperationError(context.getNode(), `"${String(value)}" is not a value of ${labelOf(name)}`, {
		itemIndex,
		description: `${labelOf(name)} takes one of: ${offered.map((o) => `${o.value} (${o.name})`).join(', ')}. If it comes from an expression, check what the expression returns.`,
	});
}

/** A number from an editor field or an expression (a numeric string counts), within bounds. */
export function checkNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	value: unknown,
	bounds: { min: number; max?: number; integer?: boolean },
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
	const fits =
		typeof number === 'number' &&
		Number.isFinite(number) &&
		number >= bounds.min &&
		(bounds.max === undefined || number <= bounds.max) &&
		(!bounds.integer || Number.isInteger(number));
	if (fits) return number;
	const range = bounds.max === undefined ? `${bounds.min} or more` : `from ${bounds.min} to ${bounds.max}`;
	throw new NodeOperationError(context.getNode(), `${labelOf(name)} must be a ${bounds.integer ? 'whole ' : ''}number ${range}, not "${String(value)}"`, {
		itemIndex,
		description: `Set ${labelOf(name)} to a ${bounds.integer ? 'whole ' : ''}number ${range}. If it comes from an expression, check what the expression returns.`,
	});
}

/** A yes/no option: only true or false (an expression giving "yes" is an error, not a guess). */
export function checkBoolean(context: IExecuteFunctions, itemIndex: number, name: string, value: unknown, fallback: boolean): boolean {
	if (value === undefined || value === null) return fallback;
	if (typeof value === 'boolean') return value;
	throw new NodeOperationError(context.getNode(), `${labelOf(name)} must be true or false, not "${String(value)}"`, { itemIndex });
}

/** The values of a multiple-choice parameter, each one the node offers; else an error naming them. */
export function checkOptions<T extends string>(context: IExecuteFunctions, itemIndex: number, name: string, value: unknown): T[] {
	const values = value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value];
	return values.map((one) => checkOption<T>(context, itemIndex, name, one));
}
