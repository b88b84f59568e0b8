// The benches' Markdown tables: the first column (and any in `left`) left-aligned, the rest right.

/**
 * @param {readonly string[]} headers
 * @param {readonly (readonly unknown[])[]} rows
 * @param {readonly number[]} [left] columns aligned left (default: the first)
 * @returns {string}
 */
export function table(headers, rows, left = [0]) {
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...rows.map((row) => String(row[i]).length)),
  )
  const line = (cells) =>
    `| ${cells.map((cell, i) => (left.includes(i) ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' | ')} |`
  const rule = `|${widths.map((w, i) => (left.includes(i) ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`
  return [line(headers), rule, ...rows.map(line)].join('\n')
}

/** KB = 1000 B. */
export const KB = 1000
