import { Button, Group, Modal } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface Props {
  /** The button's text. */
  label: string
  /** The button's accessible name when the text alone is ambiguous in a list. */
  ariaLabel?: string
  /** The dialog's title and body. */
  title: string
  children: ReactNode
  confirmLabel: string
  pending?: boolean
  onConfirm: () => void
}

/** A destructive action asked again in a dialog (focus is trapped in it and comes back after). */
export function ConfirmButton({ label, ariaLabel, title, children, confirmLabel, pending, onConfirm }: Props) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button variant="outline" color="red" size="compact-sm" aria-label={ariaLabel} onClick={() => setOpen(true)} loading={pending ?? false}>
        {label}
      </Button>
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={title}
        centered
        className="settings-dialog"
        closeButtonProps={{ 'aria-label': t('settings.close') }}
      >
        {children}
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('settings.cancel')}
          </Button>
          <Button
            color="red"
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
