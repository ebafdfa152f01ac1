import { Badge, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import type { QueueItem } from './api'

type Flag = NonNullable<QueueItem['flags']>[number]

/** A flag's detail made readable: a similarity as a percentage, else as given. */
function flagDetail(kind: string, detail: string, language: string): string {
  const value = Number(detail)
  if (kind === 'duplicate' && Number.isFinite(value) && value <= 1) {
    return new Intl.NumberFormat(language, { style: 'percent' }).format(value)
  }
  return detail
}

/** The duplicate and spam flags the API computed at submission: they inform, they never block. */
export function FlagBadges({ flags }: { flags: readonly Flag[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return (
    <>
      {flags.map((flag, index) => (
        <Badge key={index} variant="light" color="orange">
          {t(`moderation.flag.${flag.kind}`, { detail: flagDetail(flag.kind, flag.detail, language) })}
        </Badge>
      ))}
    </>
  )
}

/**
 * The flags of the item opened from the queue (the queue alone carries
 * them: they come along in the navigation's state; a page opened from a
 * bookmark shows none).
 */
export function QueueFlags() {
  const state = useLocation().state as { flags?: Flag[] } | null
  const flags = state?.flags ?? []
  if (flags.length === 0) return null
  return (
    <Group gap="xs" mb="xs">
      <FlagBadges flags={flags} />
    </Group>
  )
}
