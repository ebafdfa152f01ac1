import { Alert, Button, NativeSelect, Table, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorState, Loading } from '../../components/States'
import { BuyerFrame } from '../buyer/BuyerFrame'
import { useBuyerOrganisation } from '../buyer/api'
import { fieldError, serverFieldErrors } from '../forms'
import { levyPdfURL, useLevy, type LevyQuery } from './api'
import { day, euros, parseEuros, parsePercent, statusShort } from './format'
import './catalogue'
import './purchases.css'

/** /workspace/buyer/levy: the buyer's levy inputs, the computed offset with its rule, the PDF statement. */
export default function LevyPage() {
  const { t, i18n } = useTranslation()
  const { organisation } = useBuyerOrganisation()
  const [country, setCountry] = useState<'FR' | 'DE'>(organisation?.country === 'DE' ? 'DE' : 'FR')
  const [year, setYear] = useState(String(new Date().getFullYear()))
  const [contribution, setContribution] = useState('')
  const [rate, setRate] = useState('')
  const [touched, setTouched] = useState<Record<string, boolean>>({})
  const [query, setQuery] = useState<LevyQuery | null>(null)
  const orgID = organisation?.id ?? ''
  const levy = useLevy(orgID, query)
  if (!organisation) return null

  const yearN = Number(year)
  const yearError = !/^\d{4}$/.test(year.trim()) || yearN < 1990 || yearN > 2100 ? t('purchases.levy.yearInvalid') : null
  const cents = parseEuros(contribution)
  const contributionError = contribution.trim() === '' ? t('workspace.form.required') : cents === null ? t('purchases.levy.contributionInvalid') : null
  const rateN = rate.trim() === '' ? 0 : parsePercent(rate)
  const rateError = country === 'FR' && rateN === null ? t('purchases.levy.rateInvalid') : null
  const server = serverFieldErrors(levy.error)
  const show = (field: string, error: string | null) => (touched[field] ? error : null)

  function submit(event: FormEvent) {
    event.preventDefault()
    setTouched({ year: true, contribution: true, rate: true })
    if (yearError || contributionError || rateError || cents === null) return
    setQuery({ country, year: yearN, contribution_cents: cents, employment_rate: country === 'FR' ? (rateN ?? 0) : 0 })
  }

  const st = levy.data
  const lang = i18n.language
  return (
    <BuyerFrame title={t('purchases.levy.title')}>
      <Text mb="md">{t('purchases.levy.intro')}</Text>
      <section aria-labelledby="levy-inputs" className="buyer-card">
        <h2 id="levy-inputs">{t('purchases.levy.inputs')}</h2>
        <form onSubmit={submit} noValidate className="levy-form">
          <NativeSelect
            label={t('purchases.levy.country')}
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value as 'FR' | 'DE')}
            data={[
              { value: 'FR', label: t('purchases.levy.countryFR') },
              { value: 'DE', label: t('purchases.levy.countryDE') },
            ]}
          />
          <TextInput
            label={t('purchases.levy.year')}
            value={year}
            inputMode="numeric"
            required
            onChange={(e) => {
              setYear(e.currentTarget.value)
              setTouched({ ...touched, year: true })
            }}
            error={fieldError(show('year', yearError), server, 'year')}
          />
          <TextInput
            label={t('purchases.levy.contribution')}
            description={t('purchases.levy.contributionHint')}
            value={contribution}
            inputMode="decimal"
            required
            onChange={(e) => {
              setContribution(e.currentTarget.value)
              setTouched({ ...touched, contribution: true })
            }}
            error={fieldError(show('contribution', contributionError), server, 'contribution_cents')}
          />
          {country === 'FR' ? (
            <TextInput
              label={t('purchases.levy.rate')}
              description={t('purchases.levy.rateHint')}
              value={rate}
              inputMode="decimal"
              onChange={(e) => {
                setRate(e.currentTarget.value)
                setTouched({ ...touched, rate: true })
              }}
              error={fieldError(show('rate', rateError), server, 'employment_rate')}
            />
          ) : null}
          <Button type="submit" loading={levy.isFetching}>
            {t('purchases.levy.compute')}
          </Button>
        </form>
      </section>

      {levy.isLoading ? <Loading /> : null}
      {levy.error && Object.keys(server).length === 0 ? <ErrorState error={levy.error} onRetry={() => void levy.refetch()} /> : null}
      {st && query ? (
        <section aria-labelledby="levy-figures" data-testid="levy-figures">
          <h2 id="levy-figures">{t('purchases.levy.figures', { year: st.year })}</h2>
          <h3>{t('purchases.levy.rule')}</h3>
          <p>{st.rule}</p>
          <p>
            <em>{t('purchases.levy.source', { source: st.source })}</em>
          </p>
          <Table className="levy-figures" variant="vertical">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('purchases.levy.invoices')}</Table.Th>
                <Table.Td>{(st.invoices ?? []).length}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('purchases.levy.amount')}</Table.Th>
                <Table.Td>{euros(st.amount_cents, lang)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('purchases.levy.labour')}</Table.Th>
                <Table.Td>{euros(st.labour_cost_cents, lang)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('purchases.levy.gross', { rate: st.rate_percent })}</Table.Th>
                <Table.Td>{euros(st.gross_cents, lang)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('purchases.levy.cap', { percent: st.cap_percent })}</Table.Th>
                <Table.Td>{euros(st.cap_cents, lang)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('purchases.levy.offset')}</Table.Th>
                <Table.Td>
                  <strong data-testid="levy-offset">{euros(st.offset_cents, lang)}</strong>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {st.capped ? (
            <Alert color="yellow" mt="sm">
              {t('purchases.levy.capped', { cap: euros(st.cap_cents, lang) })}
            </Alert>
          ) : null}
          {st.missing_labour_cost > 0 ? (
            <Alert color="blue" mt="sm">
              {t('purchases.levy.missing', { count: st.missing_labour_cost })}{' '}
              <Link to="/workspace/buyer/purchases">{t('purchases.levy.toPurchases')}</Link>
            </Alert>
          ) : null}
          <p>
            <a href={levyPdfURL(orgID, query)} download>
              {t('purchases.levy.pdf')}
            </a>
          </p>
          <h3>{t('purchases.levy.invoicesTitle')}</h3>
          {(st.invoices ?? []).length === 0 ? (
            <Text>{t('purchases.levy.empty')}</Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('purchases.list.date')}</Table.Th>
                  <Table.Th scope="col">{t('purchases.list.supplier')}</Table.Th>
                  <Table.Th scope="col">{t('purchases.list.sse')}</Table.Th>
                  <Table.Th scope="col">{t('purchases.list.amount')}</Table.Th>
                  <Table.Th scope="col">{t('purchases.list.labour')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(st.invoices ?? []).map((inv) => (
                  <Table.Tr key={inv.purchase_id}>
                    <Table.Td>{day(inv.invoice_date, lang)}</Table.Td>
                    <Table.Td translate="no">{inv.supplier}</Table.Td>
                    <Table.Td translate="no">{(inv.sse_types ?? []).map(statusShort).join(', ')}</Table.Td>
                    <Table.Td>{euros(inv.amount_cents, lang)}</Table.Td>
                    <Table.Td>{inv.labour_cost_cents == null ? t('purchases.list.noLabour') : euros(inv.labour_cost_cents, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
      ) : null}
    </BuyerFrame>
  )
}
