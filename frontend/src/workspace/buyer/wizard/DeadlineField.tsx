import { TextInput } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { DateTimeParts } from '../deadlines'

interface Props {
  legend: string
  value: DateTimeParts
  onChange: (value: DateTimeParts) => void
  onBlur?: (() => void) | undefined
  error?: string | undefined
  /** The field names for tests and server errors: <name>-date, <name>-time. */
  name: string
}

/** A deadline as a date field and a time field (local time), with one error for both. */
export function DeadlineField({ legend, value, onChange, onBlur, error, name }: Props) {
  const { t } = useTranslation()
  const id = useId()
  const errorID = `${id}-error`
  return (
    <fieldset className="buyer-fieldset" aria-describedby={error ? errorID : undefined}>
      <legend>{legend}</legend>
      <div className="buyer-datetime">
        <TextInput
          type="date"
          name={`${name}-date`}
          label={t('buyer.wizard.general.date')}
          value={value.date}
          onChange={(e) => onChange({ ...value, date: e.currentTarget.value })}
          onBlur={onBlur}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorID : undefined}
        />
        <TextInput
          type="time"
          name={`${name}-time`}
          label={t('buyer.wizard.general.time')}
          value={value.time}
          onChange={(e) => onChange({ ...value, time: e.currentTarget.value })}
          onBlur={onBlur}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorID : undefined}
        />
      </div>
      {error ? (
        <p id={errorID} className="buyer-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
