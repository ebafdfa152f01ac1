import { Button, NativeSelect, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap } from '../../api/client'
import { ErrorState, Loading } from '../../components/States'
import { usePageTitle } from '../../components/usePageTitle'
import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, isSupportedLanguage, setLanguage, type Language } from '../../i18n'
import { useMe } from '../../layout/AccountMenu'
import { MIN_PASSWORD_LENGTH, NewPasswordInput } from '../../pages/auth/NewPasswordInput'
import { fieldError, rules, serverFieldErrors } from '../forms'
import { CurrentPasswordInput } from './CurrentPasswordInput'
import { emailRule, firstError, minLengthRule, useTouched } from './formState'
import { FormProblem } from '../FormProblem'

/** /workspace/account: name and language, email address, password. */
export default function ProfilePage() {
  const { t } = useTranslation()
  usePageTitle(t('settings.profile.title'))
  const me = useMe()
  if (me.isLoading) return <Loading />
  if (me.error || !me.data) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />
  return (
    <>
      <ProfileForm name={me.data.display_name} language={me.data.language} />
      <EmailForm email={me.data.email} />
      <PasswordForm />
    </>
  )
}

function ProfileForm({ name: initialName, language: initialLanguage }: { name: string; language: Language }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [name, setName] = useState(initialName)
  const [language, setLang] = useState<Language>(initialLanguage)
  const touched = useTouched()
  useEffect(() => setName(initialName), [initialName])
  const save = useMutation({
    mutationFn: async () => unwrap(await api.PATCH('/api/v1/me', { body: { display_name: name.trim(), language } })),
    onSuccess: async (user) => {
      if (isSupportedLanguage(user.language)) await setLanguage(user.language)
      await client.invalidateQueries({ queryKey: ['me'] })
    },
  })
  const nameError = firstError(name, rules.required(t), rules.maxLength(t, 200))
  const server = serverFieldErrors(save.error)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    touched.submit()
    if (nameError) return
    save.mutate()
  }
  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('settings.profile.title')}</h2>
      <TextInput
        label={t('settings.profile.name')}
        autoComplete="name"
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value)
          touched.touch('name')
          save.reset()
        }}
        error={fieldError(touched.show('name') ? nameError : null, server, 'display_name')}
      />
      <NativeSelect
        label={t('settings.profile.language')}
        description={t('settings.profile.languageHint')}
        value={language}
        onChange={(e) => {
          const value = e.currentTarget.value
          if (isSupportedLanguage(value)) setLang(value)
          save.reset()
        }}
        data={SUPPORTED_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
        error={server.language}
      />
      <FormProblem error={save.error} fieldErrors={server} />
      {save.isSuccess ? <p role="status">{t('settings.profile.saved')}</p> : null}
      <div>
        <Button type="submit" loading={save.isPending}>
          {t('settings.profile.save')}
        </Button>
      </div>
    </form>
  )
}

function EmailForm({ email: currentEmail }: { email: string }) {
  const { t } = useTranslation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const touched = useTouched()
  const change = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/me/email', { body: { new_email: email.trim(), current_password: password } })),
  })
  const emailError = firstError(email, rules.required(t), rules.maxLength(t, 254), emailRule(t))
  const passwordError = firstError(password, rules.required(t))
  const server = serverFieldErrors(change.error)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    touched.submit()
    if (emailError || passwordError) return
    change.mutate()
  }
  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-labelledby="email-heading">
      <h2 id="email-heading">{t('settings.email.title')}</h2>
      <p>{t('settings.email.current', { email: currentEmail })}</p>
      <p>{t('settings.email.explain')}</p>
      <TextInput
        label={t('settings.email.new')}
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(e) => {
          setEmail(e.currentTarget.value)
          touched.touch('email')
          change.reset()
        }}
        error={fieldError(touched.show('email') ? emailError : null, server, 'new_email')}
      />
      <CurrentPasswordInput
        value={password}
        onChange={(value) => {
          setPassword(value)
          touched.touch('password')
          change.reset()
        }}
        error={fieldError(touched.show('password') ? passwordError : null, server, 'current_password')}
      />
      <FormProblem error={change.error} fieldErrors={server} />
      {change.isSuccess ? <p role="status">{t('settings.email.sent', { email: email.trim() })}</p> : null}
      <div>
        <Button type="submit" loading={change.isPending}>
          {t('settings.email.submit')}
        </Button>
      </div>
    </form>
  )
}

function PasswordForm() {
  const { t } = useTranslation()
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const touched = useTouched()
  const change = useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/me/password', { body: { current_password: current, new_password: next } })),
    onSuccess: () => {
      setCurrent('')
      setNext('')
      touched.reset()
    },
  })
  const currentError = firstError(current, rules.required(t))
  const nextError = firstError(next, rules.required(t), minLengthRule(t, MIN_PASSWORD_LENGTH))
  const server = serverFieldErrors(change.error)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    touched.submit()
    if (currentError || nextError) return
    change.mutate()
  }
  const nextShown = fieldError(touched.show('next') ? nextError : null, server, 'new_password')
  return (
    <form className="settings-form" onSubmit={onSubmit} noValidate aria-labelledby="password-heading">
      <h2 id="password-heading">{t('settings.password.title')}</h2>
      <p>{t('settings.password.explain')}</p>
      <CurrentPasswordInput
        value={current}
        onChange={(value) => {
          setCurrent(value)
          touched.touch('current')
          change.reset()
        }}
        error={fieldError(touched.show('current') ? currentError : null, server, 'current_password')}
      />
      <NewPasswordInput
        label={t('settings.password.new')}
        name="new_password"
        value={next}
        error={nextShown}
        onChange={(event) => {
          setNext(event.currentTarget.value)
          touched.touch('next')
          change.reset()
        }}
        onBlur={() => touched.touch('next')}
      />
      <FormProblem error={change.error} fieldErrors={server} />
      {change.isSuccess ? <p role="status">{t('settings.password.changed')}</p> : null}
      <div>
        <Button type="submit" loading={change.isPending}>
          {t('settings.password.submit')}
        </Button>
      </div>
    </form>
  )
}
