import { describe, expect, it } from 'vitest'
import { appError } from '../../../shared/app-error'
import { formFailure } from '../../../renderer/src/lib/error-messages'

const FORM = ['name', 'email', 'password']

describe('formFailure', () => {
  it('a message about a form field goes to that field only: no banner', () => {
    const error = appError.validation('Request validation failed: email', {
      email: 'This email is already in use.',
    })
    expect(formFailure(error, FORM)).toEqual({
      fields: { email: 'This email is already in use.' },
      banner: null,
    })
  })

  it('messages about fields the form does not show are said in the banner, the rest at their fields', () => {
    const error = appError.validation('Request validation failed', {
      email: 'This email is already in use.',
      partner_id: 'Unknown partner.',
      form: 'Too many accounts today.',
    })
    const { fields, banner } = formFailure(error, FORM)
    expect(fields).toEqual({ email: 'This email is already in use.' })
    expect(banner).toEqual({
      title: 'Vobiz did not accept some details.',
      detail: 'Unknown partner. Too many accounts today.',
    })
  })

  it('a validation failure naming no field keeps the banner', () => {
    const { fields, banner } = formFailure(appError.validation('Bad request'), FORM)
    expect(fields).toEqual({})
    expect(banner?.title).toBe('Some details need fixing before you can continue.')
    expect(banner?.detail).toBe('Bad request')
  })

  it('other failures are a banner', () => {
    const { fields, banner } = formFailure(appError.offline('Cannot reach api.vobiz.ai.'), FORM)
    expect(fields).toEqual({})
    expect(banner?.title).toBeTruthy()
    expect(banner).not.toBeNull()
  })
})
