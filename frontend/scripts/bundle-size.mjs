// Prints the initial JavaScript of the built web app (what the browser loads
// for any page before a route's own chunk: the entry script of
// dist/index.html and every chunk it imports statically, recursively),
// gzipped, and fails above the budget (issue 7: 250 KB).
//
//   node scripts/bundle-size.mjs [--budget-kb 250] [--json]
import { readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
const args = process.argv.slice(2)
const budgetArg = args.indexOf('--budget-kb')
const budgetKB = budgetArg >= 0 ? Number(args[budgetArg + 1]) : 250

/** Scripts and module preloads that index.html names. */
function entryFiles(html) {
  const files = new Set()
  for (const m of html.matchAll(/<script[^>]*\stype="module"[^>]*\ssrc="([^"]+)"/g)) files.add(m[1])
  for (const m of html.matchAll(/<link[^>]*\srel="modulepreload"[^>]*\shref="([^"]+)"/g)) files.add(m[1])
  return [...files].map((f) => normalize(join(dist, f.replace(/^\//, ''))))
}

/** Static imports of a built chunk (import … from "./x.js", import "./x.js"); import("…") is lazy and left out. */
function staticImports(file, code) {
  const out = []
  for (const m of code.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) {
    out.push(normalize(join(dirname(file), m[1])))
  }
  return out
}

const html = readFileSync(join(dist, 'index.html'), 'utf8')
const queue = entryFiles(html)
const seen = new Map()
while (queue.length > 0) {
  const file = queue.shift()
  if (seen.has(file) || !file.endsWith('.js')) continue
  const code = readFileSync(file)
  seen.set(file, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length })
  queue.push(...staticImports(file, code.toString('utf8')))
}

const totalGzip = [...seen.values()].reduce((sum, s) => sum + s.gzip, 0)
const totalRaw = [...seen.values()].reduce((sum, s) => sum + s.raw, 0)
const kb = (n) => (n / 1024).toFixed(1)
if (args.includes('--json')) {
  console.log(JSON.stringify({ files: Object.fromEntries(seen), totalRaw, totalGzip, budgetKB }))
} else {
  for (const [file, s] of seen) console.log(`  ${file.slice(dist.length + 1)}  ${kb(s.raw)} KB, ${kb(s.gzip)} KB gzip`)
  console.log(`initial JavaScript: ${kb(totalGzip)} KB gzip (${kb(totalRaw)} KB raw) in ${seen.size} files; budget ${budgetKB} KB gzip`)
}
if (seen.size === 0) {
  console.error('bundle-size: no entry script found in dist/index.html')
  process.exit(1)
}
if (totalGzip > budgetKB * 1024) {
  console.error(`bundle-size: initial JavaScript is over budget: ${kb(totalGzip)} KB > ${budgetKB} KB gzip`)
  process.exit(1)
}
