/** Typed arrays copied into the narrowest type that holds their values exactly: half the bytes, the same numbers. */

const withValues = <T extends Uint8Array | Uint16Array>(out: T, values: Uint32Array): T => (out.set(values), out);

/** The narrowest unsigned array that holds indexes below `size`. */
export function narrowIndex(index: Uint32Array, size: number): Uint8Array | Uint16Array | Uint32Array {
  // set() converts element by element in native code; every index fits the narrower type.
  if (size <= 256) return withValues(new Uint8Array(index.length), index);
  if (size <= 65_536) return withValues(new Uint16Array(index.length), index);
  return index.slice();
}

/**
 * The values in float32 when every one of them survives it exactly (death counts are whole numbers
 * far below 2²⁴; NaN stays NaN), else a float64 copy: half the bytes, the same numbers.
 */
export function narrowFloat(values: Float64Array): Float32Array | Float64Array {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Math.fround(v) !== v && v === v) return values.slice();
  }
  const out = new Float32Array(values.length);
  out.set(values);
  return out;
}
