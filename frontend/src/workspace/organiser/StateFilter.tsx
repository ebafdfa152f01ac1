import { NativeSelect } from '@mantine/core'
import { useSearchParams } from 'react-router'

/** A value narrowed to one of the states, or '' (all) for anything else. */
export function oneState<S extends string>(value: string | null, states: readonly S[]): S | '' {
  return (states as readonly (string | null)[]).includes(value) ? (value as S) : ''
}

/** A list's state filter kept in the address (?state=…, replaced as it changes): the state, or '' for all, and its setter. */
export function useStateParam<S extends string>(states: readonly S[]): [S | '', (state: S | '') => void] {
  const [params, setParams] = useSearchParams()
  const set = (state: S | '') => {
    const next = new URLSearchParams(params)
    if (state) next.set('state', state)
    else next.delete('state')
    setParams(next, { replace: true })
  }
  return [oneState(params.get('state'), states), set]
}

interface StateFilterProps<S extends string> {
  label: string
  /** The first option's text: every state. */
  allLabel: string
  states: readonly S[]
  stateLabel: (state: S) => string
  value: S | ''
  onChange: (state: S | '') => void
}

/** The select above the organiser's lists that narrows them to one state. */
export function StateFilter<S extends string>({ label, allLabel, states, stateLabel, value, onChange }: StateFilterProps<S>) {
  return (
    <NativeSelect
      className="organiser-filter"
      label={label}
      value={value}
      onChange={(e) => onChange(oneState(e.currentTarget.value, states))}
      data={[{ value: '', label: allLabel }, ...states.map((s) => ({ value: s, label: stateLabel(s) }))]}
    />
  )
}
