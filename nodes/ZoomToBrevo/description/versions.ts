/** displayOptions for fields that differ between the node's versions (see the node's `version`). */
export const VERSION_1_ONLY = { '@version': [1] };
export const FROM_VERSION_1_1 = { '@version': [{ _cnd: { gte: 1.1 } }] };
export const VERSION_1_1_ONLY = { '@version': [1.1] };
export const UP_TO_VERSION_1_1 = { '@version': [{ _cnd: { lte: 1.1 } }] };
export const FROM_VERSION_1_2 = { '@version': [{ _cnd: { gte: 1.2 } }] };
