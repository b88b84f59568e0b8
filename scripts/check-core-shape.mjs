#!/usr/bin/env node
// @tradekit/core stays readable: no source file over 400 lines, no function over 80 lines.
// Prints one line per check and ends with "N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

const MAX_FILE_LINES = 400
const MAX_FUNCTION_LINES = 80
const root = 'packages/core/src'

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* sources(path)
    else if (entry.name.endsWith('.ts')) yield path
  }
}

const problems = []
let checked = 0
for (const file of sources(root)) {
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n').length
  checked++
  if (lines > MAX_FILE_LINES) problems.push(`${file}: ${lines} lines (at most ${MAX_FILE_LINES})`)
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
      const length = end - start + 1
      if (length > MAX_FUNCTION_LINES) {
        const name = node.name?.getText() ?? `(function at line ${start + 1})`
        problems.push(`${file}:${start + 1} ${name}: ${length} lines (at most ${MAX_FUNCTION_LINES})`)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
}
for (const problem of problems) console.log(`FAIL ${problem}`)
console.log(`checked ${checked} files of ${root}`)
console.log(`${problems.length === 0 ? 1 : 0} passed, ${problems.length === 0 ? 0 : 1} failed`)
process.exit(problems.length === 0 ? 0 : 1)
