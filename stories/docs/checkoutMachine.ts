// The checkout's state diagram and transition table, written from the table the checkout runs
// (packages/core/src/checkout/machine.ts), so the docs cannot drift from the code.
import { CHECKOUT_TRANSITIONS, type TransitionRow } from '../../packages/core/src/checkout/machine'

export const RULES: Readonly<Record<number, string>> = {
  1: 'one order per attempt',
  2: "the client's result is never proof",
  3: 'nothing paid is lost',
  4: 'nothing hangs',
  5: 'retry and cancel',
  6: 'typed errors',
}

const from = (row: TransitionRow) => (row.from === '*' ? ['any'] : row.from)
const label = (row: TransitionRow) => `${row.on}${row.when ? ` [${row.when}]` : ''}`

/** The rows, in the order the checkout tries them. */
export const checkoutRows = (): readonly TransitionRow[] => CHECKOUT_TRANSITIONS

/** A Mermaid `stateDiagram-v2` of the status changes (rows that keep the status are left out). */
export function checkoutMermaid(rows: readonly TransitionRow[] = CHECKOUT_TRANSITIONS): string {
  const edges = new Map<string, string[]>()
  for (const row of rows) {
    if (row.to === 'same') continue
    for (const status of from(row)) {
      const key = `${status === 'any' ? '[*]' : status} --> ${row.to}`
      edges.set(key, [...(edges.get(key) ?? []), label(row)])
    }
  }
  const lines = ['stateDiagram-v2', '  [*] --> idle']
  for (const [edge, labels] of edges) lines.push(`  ${edge}: ${labels.join(' / ')}`)
  return lines.join('\n')
}

/** The whole table as Markdown: one line per row, in order. */
export function checkoutTableMarkdown(rows: readonly TransitionRow[] = CHECKOUT_TRANSITIONS): string {
  const head = ['| # | event | in | guard | → | rule |', '| ---: | --- | --- | --- | --- | --- |']
  const body = rows.map(
    (row, i) =>
      `| ${i + 1} | ${row.on} | ${from(row).join(', ')} | ${row.when ?? ''} | ${row.to} | ${
        row.rule ? `${row.rule} (${RULES[row.rule]})` : ''
      } |`,
  )
  return [...head, ...body].join('\n')
}

/** The page docs/checkout-machine.md. */
export function checkoutMachinePage(): string {
  return `# The checkout machine

<!-- Written by \`UPDATE_DOCS=1 pnpm exec vitest run --project core test/core/checkoutMachineDoc.test.ts\` from
packages/core/src/checkout/machine.ts; a test fails when this page and the table differ. -->

\`createCheckout\` runs one flat transition table. Each row names an event, the statuses in which it counts, a
named guard, the status that follows (\`same\` keeps it) and the safety rule of the design it keeps. The first
row that applies wins; a result of a flow the user left (an older submit, a cancelled payment) is ignored
before the table is read.

Moving statuses (\`creating\`, \`paying\`, \`confirming\`) each have a timed exit; \`paid\` is terminal (only
\`RESET\` leaves it); \`cancelled\`, \`failed\`, \`expired\` and \`unknown\` wait for the user, and only a re-check
finding the order paid moves them.

\`\`\`mermaid
${checkoutMermaid()}
\`\`\`

${checkoutTableMarkdown()}
`
}
