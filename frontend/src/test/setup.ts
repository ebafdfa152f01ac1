import { cleanup, configure } from '@testing-library/react'
import { afterEach } from 'vitest'

// Pages are lazily loaded chunks: on a busy 2-core machine the first import of
// one in a test run can take longer than Testing Library's default 1 s.
configure({ asyncUtilTimeout: 5000 })

// Vitest runs without globals, so Testing Library cannot register this itself.
afterEach(() => {
  cleanup()
  window.localStorage.clear()
})

// jsdom has no matchMedia nor ResizeObserver; Mantine asks for both.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList
}
if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  ;(window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub
}
