import type { Brevo } from '../../contracts/vendor';
import { isObject, json, noContent } from '../http';
import { safeDecode } from '../router';
import type { BrevoAttribute, BrevoAttributeType } from '../fixture/types';
import { brevoErrors } from './errors';
import type { BrevoRoute } from './route';

const TYPES: BrevoAttributeType[] = ['text', 'date', 'float', 'boolean', 'id', 'category'];
const CATEGORIES = ['normal', 'category', 'transactional', 'global'];

/**
 * An attribute as `GET /contacts/attributes` lists it, typed by the SDK's `GetAttributesResponse`
 * (Brevo's reference, "List all attributes"): a category attribute has its `enumeration` and no
 * `type` ("category" is not one of the types listed there, only a category), and each enumeration
 * entry gives its value as text too (`valueStr`). The simulator served `type: "category"` and no
 * `valueStr` until issue #24.
 */
export function attributeView(attribute: BrevoAttribute): Brevo.GetAttributesResponse.Attributes.Item {
	const { type, enumeration, ...rest } = attribute;
	return {
		...rest,
		...(type === 'category' ? {} : { type }),
		...(enumeration ? { enumeration: enumeration.map((e) => ({ ...e, valueStr: String(e.value) })) } : {}),
	};
}

export const attributeRoutes: BrevoRoute[] = [
	{
		method: 'GET',
		pattern: '/contacts/attributes',
		handle(ctx) {
			return json(200, { attributes: [...ctx.state.attributes.values()].map(attributeView) } satisfies Brevo.GetAttributesResponse);
		},
	},
	{
		method: 'POST',
		pattern: '/contacts/attributes/:category/:name',
		handle(ctx, req, params) {
			const category = safeDecode(params.category);
			const name = safeDecode(params.name);
			if (!CATEGORIES.includes(category)) return brevoErrors.invalid('Invalid attribute category');
			if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return brevoErrors.invalid('Invalid attribute name');
			// Attribute names are case-insensitive and stored in upper case.
			const key = name.toUpperCase();
			if (ctx.state.attributes.has(key)) return brevoErrors.duplicate('Attribute name must be unique');
			const body = isObject(req.body) ? req.body : {};
			const type = (body.type ?? (category === 'category' ? 'category' : undefined)) as BrevoAttributeType | undefined;
			if (type === undefined) return brevoErrors.missing('type is missing');
			if (!TYPES.includes(type)) return brevoErrors.invalid(`Invalid type: ${String(type)}`);
			const attribute: BrevoAttribute = { name: key, category: category as BrevoAttribute['category'], type };
			if (type === 'category') {
				if (!Array.isArray(body.enumeration) || body.enumeration.length === 0) return brevoErrors.missing('enumeration is missing');
				attribute.enumeration = body.enumeration.map((e) => ({ value: Number(isObject(e) ? e.value : NaN), label: String(isObject(e) ? e.label : '') }));
			}
			ctx.state.attributes.set(key, attribute);
			return { status: 201 };
		},
	},
	{
		method: 'DELETE',
		pattern: '/contacts/attributes/:category/:name',
		handle(ctx, _req, params) {
			const key = safeDecode(params.name).toUpperCase();
			if (!ctx.state.attributes.delete(key)) return brevoErrors.notFound('Attribute not found');
			return noContent();
		},
	},
];
