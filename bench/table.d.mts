export function table(
  headers: readonly string[],
  rows: readonly (readonly unknown[])[],
  left?: readonly number[],
): string
export const KB: number
