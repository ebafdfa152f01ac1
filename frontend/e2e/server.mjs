// The product under test, started the way `make run` starts it: passerelle-dev
// (a private PostgreSQL cluster, the reference data when ../shared/data is
// there, the demo data, then `passerelle serve`), but in a fresh temporary data
// directory, on free ports, with a Mailpit of its own.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** freePort returns a TCP port free on loopback right now. */
export async function freePort() {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  await once(server, 'close')
  return port
}

/**
 * startProduct starts Passerelle with demo data and resolves once it answers
 * /readyz. repo is the repository root (where bin/ is and where `make run`
 * runs, so that ../shared/data is found the same way). The returned stop()
 * stops it all and removes the data directory.
 */
export async function startProduct({ repo, log, readyTimeoutMs = 240_000 }) {
  const bin = join(repo, 'bin')
  for (const name of ['passerelle', 'passerelle-dev']) {
    if (!existsSync(join(bin, name))) throw new Error(`${join(bin, name)} is missing: run \`make build\` first`)
  }
  // PostgreSQL runs as an unprivileged user when we are root: it must be able
  // to enter the data directory (mkdtemp makes it 0700).
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-e2e-'))
  chmodSync(dataDir, 0o755)
  const [httpPort, smtpPort, mailUIPort] = [await freePort(), await freePort(), await freePort()]
  const baseURL = `http://127.0.0.1:${httpPort}`

  const children = []
  let mailpitURL = ''
  if (existsSync(join(bin, 'mailpit'))) {
    const mailpit = spawn(
      join(bin, 'mailpit'),
      ['--smtp', `127.0.0.1:${smtpPort}`, '--listen', `127.0.0.1:${mailUIPort}`, '--quiet', '--disable-version-check'],
      { stdio: ['ignore', log, log] },
    )
    children.push(mailpit)
    mailpitURL = `http://127.0.0.1:${mailUIPort}`
  }

  const env = {
    ...process.env,
    PASSERELLE_HTTP_ADDR: `127.0.0.1:${httpPort}`,
    PASSERELLE_PUBLIC_URL: baseURL,
    PASSERELLE_COOKIE_SECURE: 'false',
    PASSERELLE_DATA_DIR: dataDir,
    // Without a Mailpit the emails fail and are retried: no public page needs them.
    PASSERELLE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    PASSERELLE_LOG_LEVEL: process.env.PASSERELLE_LOG_LEVEL ?? 'warn',
  }
  delete env.PASSERELLE_DATABASE_URL // always a fresh private cluster
  // Its own process group, so that stop() reaches the server and PostgreSQL
  // tools it runs even if passerelle-dev itself is stuck.
  const dev = spawn(join(bin, 'passerelle-dev'), ['-bin', join(bin, 'passerelle'), '-data', dataDir], {
    cwd: repo,
    env,
    stdio: ['ignore', log, log],
    detached: true,
  })
  children.push(dev)
  let exited = null
  dev.on('exit', (code, signal) => {
    exited = { code, signal }
  })

  async function stop() {
    if (exited === null) {
      // passerelle-dev forwards the signal to the server, waits for it, then
      // stops PostgreSQL: give it that time before forcing.
      dev.kill('SIGTERM')
      const done = once(dev, 'exit')
      const forced = sleep(30_000).then(() => 'timeout')
      if ((await Promise.race([done, forced])) === 'timeout') {
        try {
          process.kill(-dev.pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }
    }
    for (const child of children) {
      if (child !== dev && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        await once(child, 'exit')
      }
    }
    rmSync(dataDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + readyTimeoutMs
  for (;;) {
    if (exited !== null) {
      await stop()
      throw new Error(`passerelle-dev exited before it was ready (${exited.signal ?? `code ${exited.code}`}): see the log above`)
    }
    try {
      const res = await fetch(`${baseURL}/readyz`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`Passerelle was not ready at ${baseURL}/readyz within ${readyTimeoutMs / 1000} s`)
    }
    await sleep(500)
  }
  return { baseURL, mailpitURL, stop }
}
