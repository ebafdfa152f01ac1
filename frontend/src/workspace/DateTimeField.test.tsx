import { act, fireEvent, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import i18n from '../i18n'
import { renderWithProviders } from '../test/render'
import { DateTimeField, type DateTimeValue } from './DateTimeField'

/** The field with its value kept in state, as a form keeps it. */
function Controlled({ onValue, onBlur, error, description }: { onValue: (v: DateTimeValue) => void; onBlur?: () => void; error?: string; description?: string }) {
  const [value, setValue] = useState<DateTimeValue>({ date: '2027-03-14', time: '' })
  return (
    <DateTimeField
      legend="Registration deadline"
      name="registration_deadline"
      value={value}
      onChange={(v) => {
        setValue(v)
        onValue(v)
      }}
      onBlur={onBlur}
      error={error}
      description={description}
    />
  )
}

const idsOf = (el: Element, attribute: string) => (el.getAttribute(attribute) ?? '').split(' ').filter(Boolean)

describe('DateTimeField', () => {
  beforeEach(async () => {
    await act(() => i18n.changeLanguage('en'))
  })

  it('groups a date and a time under the legend, named for the server’s errors, and keeps one part when the other changes', () => {
    const onValue = vi.fn()
    const onBlur = vi.fn()
    const { container } = renderWithProviders(<Controlled onValue={onValue} onBlur={onBlur} />)
    const group = screen.getByRole('group', { name: 'Registration deadline' })
    const date = within(group).getByLabelText('Date', { exact: false }) as HTMLInputElement
    const time = within(group).getByLabelText('Time', { exact: false }) as HTMLInputElement
    expect(date.type).toBe('date')
    expect(time.type).toBe('time')
    expect(date.required && time.required).toBe(true)
    expect(container.querySelector('input[name="registration_deadline-date"]')).toBe(date)
    expect(container.querySelector('input[name="registration_deadline-time"]')).toBe(time)

    fireEvent.change(time, { target: { value: '14:30' } })
    expect(onValue).toHaveBeenLastCalledWith({ date: '2027-03-14', time: '14:30' })
    fireEvent.change(date, { target: { value: '2027-03-15' } })
    expect(onValue).toHaveBeenLastCalledWith({ date: '2027-03-15', time: '14:30' })
    fireEvent.blur(date)
    fireEvent.blur(time)
    expect(onBlur).toHaveBeenCalledTimes(2)
    // No error: nothing invalid, nothing announced.
    expect(date.getAttribute('aria-invalid')).toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('marks both fields invalid and ties the one error and the hint to the group', () => {
    renderWithProviders(<Controlled onValue={() => {}} error="The deadline has passed" description="In the event’s time zone" />)
    const group = screen.getByRole('group', { name: 'Registration deadline' })
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toBe('The deadline has passed')
    const hint = screen.getByText('In the event’s time zone')
    expect(idsOf(group, 'aria-describedby')).toEqual([hint.id, alert.id])
    for (const label of ['Date', 'Time']) {
      const field = within(group).getByLabelText(label, { exact: false })
      expect(field.getAttribute('aria-invalid')).toBe('true')
    }
  })

  it('labels its fields in the reader’s language', async () => {
    await act(() => i18n.changeLanguage('de'))
    renderWithProviders(<Controlled onValue={() => {}} />)
    const group = screen.getByRole('group', { name: 'Registration deadline' })
    expect((within(group).getByLabelText('Datum', { exact: false }) as HTMLInputElement).type).toBe('date')
    expect((within(group).getByLabelText('Uhrzeit', { exact: false }) as HTMLInputElement).type).toBe('time')
  })
})
