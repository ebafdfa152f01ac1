import { TextInput } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** A wall-clock date (YYYY-MM-DD) and time (HH:MM), as the native fields give them. */
export interface DateTimeValue {
  date: string
  time: string
}

/** What DateTimeField takes. */
export interface DateTimeFieldProps {
  /** The group's name, read before each field's. */
  legend: string
  value: DateTimeValue
  onChange: (value: DateTimeValue) => void
  /** When either field loses focus (forms that check on blur). */
  onBlur?: (() => void) | undefined
  /**
   * One error for both fields: marks each invalid (Mantine's error, true: it
   * drops aria-invalid and aria-describedby given otherwise) and is said once,
   * under the group, which it describes.
   */
  error?: string | undefined
  /** The fields' names, for tests and the server's errors: <name>-date, <name>-time. */
  name: string
  /** A hint under the legend (which zone the time is in, what the date means). */
  description?: string | undefined
}

/**
 * A date and a time as two native fields in one group, with one error for
 * both: the tender wizard's deadlines and the organiser's event dates. The
 * caller says which zone the wall clock is in (its description) and turns
 * the value into an instant.
 */
export function DateTimeField({ legend, value, onChange, onBlur, error, name, description }: DateTimeFieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const errorID = `${id}-error`
  const descriptionID = `${id}-description`
  const describedBy = [description ? descriptionID : '', error ? errorID : ''].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className="date-time-field" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {description ? (
        <p id={descriptionID} className="date-time-field-hint">
          {description}
        </p>
      ) : null}
      <div className="date-time-field-row">
        <TextInput
          type="date"
          name={`${name}-date`}
          label={t('workspace.form.date')}
          value={value.date}
          onChange={(e) => onChange({ ...value, date: e.currentTarget.value })}
          onBlur={onBlur}
          required
          error={error ? true : undefined}
        />
        <TextInput
          type="time"
          name={`${name}-time`}
          label={t('workspace.form.time')}
          value={value.time}
          onChange={(e) => onChange({ ...value, time: e.currentTarget.value })}
          onBlur={onBlur}
          required
          error={error ? true : undefined}
        />
      </div>
      {error ? (
        <p id={errorID} className="date-time-field-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
