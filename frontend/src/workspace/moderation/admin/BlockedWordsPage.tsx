import { Alert, Button, Group, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../../api/client'
import { useCursorList } from '../../../api/cursorList'
import { queryParams } from '../../../api/queryParams'
import { Empty, ErrorState, Loading } from '../../../components/States'
import { formatDate } from '../../../components/format'
import { usePageTitle } from '../../../components/usePageTitle'
import { fieldError, serverFieldErrors, serverMessage } from '../../forms'
import { LoadMore } from '../../LoadMore'

/** The API's bounds on a blocked word or phrase. */
export const WORD_MAX = 100

/** /workspace/moderation/admin/blocked-words: words that flag a submitted listing as spam (admins). */
export function BlockedWordsPage() {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  usePageTitle(t('moderation.blockedWords.title'))
  const client = useQueryClient()
  const words = useCursorList({
    queryKey: ['moderation', 'blocked-words'],
    fetchPage: async (cursor) =>
      unwrap(await api.GET('/api/v1/admin/blocked-words', { params: { query: queryParams({ cursor: cursor, limit: 50 }) } })),
  })
  const [word, setWord] = useState('')
  const [touched, setTouched] = useState(false)
  const [added, setAdded] = useState('')
  const add = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/admin/blocked-words', { body: { word: word.trim() } })),
    onSuccess: async (created) => {
      setAdded(created.word)
      setWord('')
      setTouched(false)
      await client.invalidateQueries({ queryKey: ['moderation', 'blocked-words'] })
    },
  })
  const remove = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.DELETE('/api/v1/admin/blocked-words/{wordID}', { params: { path: { wordID: id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['moderation', 'blocked-words'] })
    },
  })
  const length = [...word.trim()].length
  const clientError = !touched
    ? null
    : length === 0
      ? t('workspace.form.required')
      : length > WORD_MAX
        ? t('workspace.form.tooLong', { max: WORD_MAX })
        : null
  const server = serverFieldErrors(add.error)
  // A word already listed is a 409 without a field: it belongs on the field all the same.
  const wordError = fieldError(clientError, server, 'word') ?? (add.isError ? serverMessage(add.error, t) : undefined)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTouched(true)
    setAdded('')
    if (length === 0 || length > WORD_MAX) return
    add.mutate()
  }
  const items = words.items
  return (
    <section aria-labelledby="words-title">
      <h2 id="words-title">{t('moderation.blockedWords.title')}</h2>
      <p>{t('moderation.blockedWords.intro')}</p>
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-start">
          <TextInput
            label={t('moderation.blockedWords.word')}
            description={t('moderation.blockedWords.wordHint', { max: WORD_MAX })}
            value={word}
            onChange={(event) => {
              setWord(event.currentTarget.value)
              setTouched(true)
            }}
            error={wordError}
            required
          />
          <Button type="submit" loading={add.isPending} mt={46}>
            {t('moderation.blockedWords.add')}
          </Button>
        </Group>
      </form>
      {added ? (
        <Alert color="green" role="status" my="md">
          {t('moderation.blockedWords.added', { word: added })}
        </Alert>
      ) : null}
      {remove.isError ? (
        <Alert color="red" role="alert" my="md">
          {serverMessage(remove.error, t)}
        </Alert>
      ) : null}
      {words.isPending ? (
        <Loading />
      ) : words.isError ? (
        <ErrorState error={words.error} onRetry={() => void words.refetch()} />
      ) : items.length === 0 ? (
        <Empty title={t('moderation.blockedWords.empty')} />
      ) : (
        <>
          <ul className="moderation-list" aria-label={t('moderation.blockedWords.listLabel')}>
            {items.map((item) => (
              <li key={item.id} className="moderation-row">
                <span>
                  <strong>{item.word}</strong>{' '}
                  <span className="moderation-meta">
                    {t('moderation.blockedWords.since', { date: formatDate(item.created_at, language) })}
                  </span>
                </span>
                <Button
                  variant="outline"
                  color="red"
                  size="xs"
                  loading={remove.isPending && remove.variables === item.id}
                  onClick={() => {
                    if (window.confirm(t('moderation.blockedWords.confirmRemove', { word: item.word }))) remove.mutate(item.id)
                  }}
                  aria-label={t('moderation.blockedWords.remove', { word: item.word })}
                >
                  {t('moderation.blockedWords.removeShort')}
                </Button>
              </li>
            ))}
          </ul>
          <LoadMore query={words} />
        </>
      )}
    </section>
  )
}
