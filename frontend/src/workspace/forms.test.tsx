import { act, renderHook } from '@testing-library/react'
import type { ChangeEvent } from 'react'
import { describe, expect, it } from 'vitest'
import i18n from '../i18n'
import { useRequiredText } from './forms'

const typed = (value: string) => ({ currentTarget: { value } }) as ChangeEvent<HTMLInputElement>

describe('useRequiredText', () => {
  const required = i18n.t('workspace.form.required')
  const tooLong = i18n.t('workspace.form.tooLong', { max: 5 })

  it('shows its error from the first key typed, by default', () => {
    const { result } = renderHook(() => useRequiredText(5))
    expect(result.current.inputProps).toMatchObject({ required: true, value: '' })
    expect(result.current.error).toBeNull()
    act(() => result.current.inputProps.onChange(typed('  ')))
    expect(result.current.value).toBe('  ')
    expect(result.current.touched).toBe(true)
    expect(result.current.error).toBe(required)
    act(() => result.current.inputProps.onChange(typed('abcdef')))
    expect(result.current.error).toBe(tooLong)
    act(() => result.current.inputProps.onChange(typed('abcdé')))
    expect(result.current.error).toBeNull()
  })

  it('with touchOn blur, waits for the user to leave the field', () => {
    const { result } = renderHook(() => useRequiredText(5, { initial: 'abcdef', touchOn: 'blur' }))
    expect(result.current.value).toBe('abcdef')
    act(() => result.current.inputProps.onChange(typed('abcdefg')))
    expect(result.current.error).toBeNull()
    const { onBlur } = result.current.inputProps as { onBlur?: () => void }
    expect(onBlur).toBeDefined()
    act(() => onBlur?.())
    expect(result.current.error).toBe(tooLong)
  })

  it('on submit, shows the error and says whether the value may be sent', () => {
    const { result } = renderHook(() => useRequiredText(5))
    let ok = true
    act(() => {
      ok = result.current.check()
    })
    expect(ok).toBe(false)
    expect(result.current.error).toBe(required)
    act(() => result.current.setValue('bois'))
    act(() => {
      ok = result.current.check()
    })
    expect(ok).toBe(true)
    expect(result.current.error).toBeNull()
    act(() => result.current.setTouched(false))
    act(() => result.current.setValue(''))
    expect(result.current.error).toBeNull()
  })
})
