import { useState } from 'react'

/**
 * The gate of every one-time secret (a new customer's or sub-account's Auth Token, which Vobiz
 * shows only at creation): the dialog cannot be closed (Done, Esc, the close button) until the
 * user ticks "I have stored these credentials". `stored` goes to the dialog; `actions` is its
 * footer.
 */
export function useStoredGate(onDone: () => void) {
  const [stored, setStored] = useState(false)
  const done = () => {
    if (stored) onDone()
  }
  const actions = (
    <>
      <label className="checkbox created-confirm">
        <input
          type="checkbox"
          checked={stored}
          onChange={(event) => setStored(event.target.checked)}
        />
        I have stored these credentials
      </label>
      <button
        type="button"
        className={`button button-primary${stored ? '' : ' is-unavailable'}`}
        aria-disabled={!stored || undefined}
        onClick={done}
      >
        Done
      </button>
    </>
  )
  return { stored, done, actions }
}
