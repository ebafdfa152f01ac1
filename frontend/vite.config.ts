/// <reference types="vitest/config" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'

const outDir = fileURLToPath(new URL('./dist/', import.meta.url))
const placeholderFile = fileURLToPath(new URL('./dist/.placeholder', import.meta.url))

// The Go backend, for `npm run dev` and `npm run preview`.
const backend = 'http://localhost:8080'
const proxy = {
  '/api': backend,
  '/healthz': backend,
  '/readyz': backend,
}

/**
 * dist/.placeholder is tracked in git so that `//go:embed all:dist`
 * (frontend/embed.go) compiles before the app is built. Vite empties
 * dist/ before writing the bundle; this plugin writes the file back,
 * byte for byte, once the bundle is written.
 */
function keepDistPlaceholder(): Plugin {
  let content =
    'This file keeps frontend/dist/ in git so that frontend/embed.go compiles\n' +
    'before the web app is built. `npm run build` writes the app here and\n' +
    'rewrites this file unchanged. Do not delete it.\n'
  return {
    name: 'passerelle:keep-dist-placeholder',
    apply: 'build',
    buildStart() {
      if (existsSync(placeholderFile)) {
        content = readFileSync(placeholderFile, 'utf8')
      }
    },
    closeBundle() {
      mkdirSync(outDir, { recursive: true })
      writeFileSync(placeholderFile, content)
    },
  }
}

export default defineConfig({
  base: '/',
  plugins: [react(), keepDistPlaceholder()],
  build: {
    outDir,
    emptyOutDir: true,
  },
  server: { proxy },
  preview: { proxy },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    restoreMocks: true,
    unstubGlobals: true,
    // Whole pages render in jsdom: on a loaded 2-core machine one test may
    // take several seconds (a bound against hangs, not a speed check).
    testTimeout: 30_000,
  },
})
