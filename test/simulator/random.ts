import { randomBytes, randomUUID } from 'node:crypto';

/** Unpredictable values (tokens, codes, message ids): these must differ between runs, unlike fixture data. */
export function randomToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

export function randomAlnum(length: number): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	const bytes = randomBytes(length);
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[bytes[i] % alphabet.length];
	return out;
}

export { randomUUID };
