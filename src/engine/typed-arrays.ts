/** A copy of `array`, `length` long, for rows that no longer fit (typed arrays do not grow). */
export function enlarged(array: Int32Array, length: number): Int32Array<ArrayBuffer>;
export function enlarged(array: Float64Array, length: number): Float64Array<ArrayBuffer>;
export function enlarged(array: Int32Array | Float64Array, length: number): Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer> {
  const copy = array instanceof Int32Array ? new Int32Array(length) : new Float64Array(length);
  copy.set(array);
  return copy;
}
