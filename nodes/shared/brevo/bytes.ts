/** UTF-8 size of a string, as it travels in a request body. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit < 0x80) bytes += 1;
		else if (unit < 0x800) bytes += 2;
		else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
			// A surrogate pair is one code point: four bytes.
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

/** Size of a value once serialized as JSON, the way n8n sends a `json: true` body. */
export function jsonBytes(value: unknown): number {
	return utf8Length(JSON.stringify(value));
}
