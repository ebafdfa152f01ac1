import { Button, Group, Modal, NativeSelect } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { OTHER_ZONES, REGION_ZONES } from './zoned'

/** The IANA zones offered: the Grande Région's, a few others, and the event's own if it is none of them. */
export function zoneOptions(current: string, labels: { region: string; other: string }) {
  const others = [...OTHER_ZONES]
  if (current && !REGION_ZONES.includes(current) && !others.includes(current)) others.unshift(current)
  return [
    { group: labels.region, items: REGION_ZONES },
    { group: labels.other, items: others },
  ]
}

/** The time zone select. */
export function TimeZoneField({ value, onChange, error }: { value: string; onChange: (zone: string) => void; error?: string | undefined }) {
  const { t } = useTranslation()
  return (
    <NativeSelect
      name="time_zone"
      label={t('organiser.form.timeZone')}
      description={t('organiser.form.timeZoneHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={zoneOptions(value, { region: t('organiser.form.zonesRegion'), other: t('organiser.form.zonesOther') })}
      error={error}
      required
    />
  )
}

interface ConfirmProps {
  /** The button that opens the dialog. */
  label: string
  title: string
  children: ReactNode
  confirmLabel: string
  color?: string
  variant?: string
  pending?: boolean
  disabled?: boolean
  onConfirm: () => void
}

/** An action with consequences, asked again in a dialog that says them. */
export function ConfirmAction({ label, title, children, confirmLabel, color = 'blue', variant = 'filled', pending, disabled, onConfirm }: ConfirmProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button color={color} variant={variant} onClick={() => setOpen(true)} loading={pending ?? false} disabled={disabled ?? false}>
        {label}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={title}
        centered
        closeButtonProps={{ 'aria-label': t('organiser.close') }}
      >
        <div className="organiser-dialog-body">{children}</div>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('organiser.back')}
          </Button>
          <Button
            color={color}
            onClick={() => {
              setOpen(false)
              onConfirm()
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  )
}
