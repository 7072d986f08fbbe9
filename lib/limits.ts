// Limits shared by the zod schemas and the zod-free readers (content scripts must not bundle zod).

/** Quantities are integers clamped to [0, MAX_QTY]. */
export const MAX_QTY = 10_000_000;
