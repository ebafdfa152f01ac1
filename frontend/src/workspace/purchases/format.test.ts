import { describe, expect, it } from 'vitest'
import { parseEuros, parsePercent, percent, statusShort } from './format'

describe('parseEuros', () => {
  it('reads amounts as people type them, in cents', () => {
    expect(parseEuros('12 500,00')).toBe(1_250_000)
    expect(parseEuros('12500.5')).toBe(1_250_050)
    expect(parseEuros('0')).toBe(0)
    expect(parseEuros('1\u00a0000 €')).toBe(100_000)
  })
  it('refuses what it would have to guess', () => {
    for (const value of ['', 'abc', '-5', '12.500,00', '1,234.5', '12,345']) expect(parseEuros(value)).toBeNull()
  })
})

describe('parsePercent', () => {
  it('takes 0 to 100 with a comma or a point', () => {
    expect(parsePercent('40')).toBe(40)
    expect(parsePercent('12,5 %')).toBe(12.5)
    expect(parsePercent('100')).toBe(100)
  })
  it('refuses the rest', () => {
    for (const value of ['101', '-1', 'x', '']) expect(parsePercent(value)).toBeNull()
  })
})

describe('display', () => {
  it('writes shares and status names', () => {
    expect(percent(0.6, 'en')).toBe('60%')
    expect(statusShort('de_wfbm')).toBe('WfbM')
    expect(statusShort('be_cooperative_agreee')).toBe('be_cooperative_agreee')
  })
})
