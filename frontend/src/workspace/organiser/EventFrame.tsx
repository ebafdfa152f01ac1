import type { ReactNode } from 'react'
import { Loading, PageError } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { useEvent } from './api'
import { EventNav } from './EventNav'
import type { ConventionEvent } from './types'

interface EventFrameProps {
  eventID: string
  /** The page's title: with the event's name once it is read, a generic one before. */
  title: (event: ConventionEvent | undefined) => string
  /** The page's sections, given the event. */
  children: (event: ConventionEvent) => ReactNode
}

/** One of an event's pages (registrations, schedule): the event read, its title as h1, the event's navigation, then the page. */
export function EventFrame({ eventID, title, children }: EventFrameProps) {
  const event = useEvent(eventID)
  const heading = title(event.data)
  usePageTitle(heading)
  if (event.isPending) return <Loading />
  if (event.isError) return <PageError error={event.error} onRetry={() => void event.refetch()} />
  return (
    <>
      <h1>{heading}</h1>
      <EventNav eventID={eventID} />
      {children(event.data)}
    </>
  )
}
