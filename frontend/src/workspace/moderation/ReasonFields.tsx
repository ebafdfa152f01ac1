import { NativeSelect, Textarea } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReasonTemplate } from './api'
import { REASON_MAX, type ReasonChoice } from './reasons'

interface Props {
  value: ReasonChoice
  onChange: (value: ReasonChoice) => void
  templates: readonly ReasonTemplate[]
  required: boolean
  /** Errors to show on each field: the client's rule or the server's. */
  templateError?: string | undefined
  textError?: string | undefined
  label?: string | undefined
  disabled?: boolean | undefined
}

/**
 * A reason: a ready-made template (its text fills the box, in the
 * moderator's language) and the text, which stays editable.
 */
export function ReasonFields({ value, onChange, templates, required, templateError, textError, label, disabled }: Props) {
  const { t } = useTranslation()
  const pick = (code: string) => {
    const template = templates.find((candidate) => candidate.code === code)
    onChange({ template: code, text: template ? template.text : value.text })
  }
  return (
    <>
      {templates.length > 0 ? (
        <NativeSelect
          label={t('moderation.decision.template')}
          description={t('moderation.decision.templateHint')}
          value={value.template}
          onChange={(event) => pick(event.currentTarget.value)}
          error={templateError}
          disabled={disabled ?? false}
          data={[
            { value: '', label: t('moderation.decision.noTemplate') },
            ...templates.map((template) => ({ value: template.code, label: template.title })),
          ]}
        />
      ) : null}
      <Textarea
        label={label ?? t('moderation.decision.reason')}
        description={t('moderation.decision.reasonHint', { max: REASON_MAX })}
        value={value.text}
        onChange={(event) => onChange({ ...value, text: event.currentTarget.value })}
        error={textError}
        required={required}
        disabled={disabled ?? false}
        rows={6}
      />
    </>
  )
}
