import { Badge } from '@mantine/core'
import { useEffect, useState } from 'react'
import { timeLeft } from './format'

/** The time left before a deadline, in whole days, hours (of the day) and minutes (of the hour). */
export interface TimeLeft {
  days: number
  hours: number
  minutes: number
}

/** How an area words the countdown. */
export interface CountdownTexts {
  passed: string
  left: (time: TimeLeft) => string
}

// A badge cuts a long label with an ellipsis; the time left must be read whole, even on a phone.
const WRAPPING_BADGE = {
  root: { height: 'auto', maxWidth: '100%' },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' },
} as const

/**
 * Time left before a deadline as a badge, refreshed every minute: red under
 * three days, blue before, grey once passed (by the clock, or because the
 * server says so: passed).
 */
export function Countdown({
  deadline,
  passed = false,
  texts,
  wrap = false,
  passedVariant = 'light',
}: {
  deadline: string
  passed?: boolean
  texts: CountdownTexts
  /** Lets a long label wrap instead of being cut. */
  wrap?: boolean
  /** The passed deadline's badge: light, or filled (the public tender page). */
  passedVariant?: 'light' | 'filled'
}) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000)
    return () => clearInterval(timer)
  }, [])
  const styles = wrap ? { styles: WRAPPING_BADGE } : {}
  const left = timeLeft(deadline, now)
  if (passed || left.passed)
    return (
      <Badge color="gray" variant={passedVariant} {...styles}>
        {texts.passed}
      </Badge>
    )
  const minutes = Math.floor((new Date(deadline).getTime() - now) / 60_000) % 60
  return (
    <Badge color={left.days < 3 ? 'red' : 'blue'} variant="light" {...styles}>
      {texts.left({ days: left.days, hours: left.hours, minutes })}
    </Badge>
  )
}
