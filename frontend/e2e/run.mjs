// The end-to-end run: find the system Chromium, start Passerelle with demo
// data on free ports (unless E2E_BASE_URL names a running one), run the
// tests in tests/*.e2e.mjs with node's test runner, stop everything.
//
//   npm test                          # from frontend/e2e, after `make build`
//   npm test -- --test-name-pattern=home
//   E2E_BASE_URL=http://localhost:8080 npm test   # against `make run`
//
// Screenshots and the server's log go to output/ (or $E2E_OUTPUT).

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { accessSync, constants, closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { delimiter, join, resolve } from 'node:path'
import { startProduct } from './server.mjs'

const here = import.meta.dirname
const repo = resolve(here, '..', '..')
const output = resolve(process.env.E2E_OUTPUT ?? join(here, 'output'))
const requireTools = process.env.PASSERELLE_TEST_REQUIRE_TOOLS === '1'
// The tests are bounded as a whole (the server start has its own bound).
const runTimeoutMs = Number(process.env.E2E_TIMEOUT_MS ?? 40 * 60_000)

/** findChromium returns $PASSERELLE_CHROMIUM or the first Chromium on PATH. */
function findChromium() {
  if (process.env.PASSERELLE_CHROMIUM) return process.env.PASSERELLE_CHROMIUM
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      try {
        accessSync(join(dir, name), constants.X_OK)
        return join(dir, name)
      } catch {
        // not here
      }
    }
  }
  return ''
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return ''
  }
}

async function main() {
  const chromiumPath = findChromium()
  if (!chromiumPath) {
    const message =
      'Chromium is not installed (Debian/Ubuntu: apt-get install chromium; or set PASSERELLE_CHROMIUM to its path)'
    if (requireTools) {
      console.error(`e2e: ${message}`)
      return 1
    }
    console.log(`e2e: skipped: ${message}`)
    return 0
  }

  rmSync(join(output, 'screenshots'), { recursive: true, force: true })
  mkdirSync(output, { recursive: true })
  const serverLog = join(output, 'server.log')

  let product = null
  let baseURL = process.env.E2E_BASE_URL
  let mailpitURL = process.env.E2E_MAILPIT_URL ?? ''
  if (!baseURL) {
    const log = openSync(serverLog, 'w')
    const started = Date.now()
    try {
      product = await startProduct({ repo, log })
    } catch (err) {
      console.error(`e2e: ${err.message}\n--- ${serverLog} (end) ---\n${tail(serverLog, 40)}`)
      return 1
    } finally {
      closeSync(log)
    }
    ;({ baseURL, mailpitURL } = product)
    console.log(`e2e: Passerelle with demo data ready at ${baseURL} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }

  const files = readdirSync(join(here, 'tests'))
    .filter((name) => name.endsWith('.e2e.mjs'))
    .sort()
    .map((name) => join('tests', name))
  // --test-timeout bounds each test file as a whole too (a file of 25 page
  // scans needs more than 3 minutes on a loaded machine): 10 minutes, and
  // the page scans bound each of theirs at 3 (tests/scan-pages.mjs).
  const runner = spawn(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-concurrency=1', '--test-timeout=600000', ...process.argv.slice(2), ...files],
    {
      cwd: here,
      stdio: 'inherit',
      env: { ...process.env, E2E_BASE_URL: baseURL, E2E_MAILPIT_URL: mailpitURL, E2E_CHROMIUM: chromiumPath, E2E_OUTPUT: output },
    },
  )
  const stopRunner = () => runner.exitCode === null && runner.kill('SIGTERM')
  process.on('SIGINT', stopRunner)
  process.on('SIGTERM', stopRunner)
  const timer = setTimeout(() => {
    console.error(`e2e: the run took more than ${runTimeoutMs / 1000} s: stopping it`)
    stopRunner()
  }, runTimeoutMs)
  const [code, signal] = await once(runner, 'exit')
  clearTimeout(timer)

  if (product) await product.stop()
  const failed = code !== 0 || signal !== null
  if (failed && product) console.error(`--- ${serverLog} (end) ---\n${tail(serverLog, 40)}`)
  console.log(`e2e: screenshots in ${join(output, 'screenshots')}`)
  return failed ? 1 : 0
}

process.exitCode = await main()
