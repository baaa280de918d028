import { useId } from 'react'
import type { EncryptionStatus } from '../../../../shared/ipc-contract'
import { Icon } from '../../components/Icon'

/**
 * Says plainly when this computer cannot keep the token safely. With Linux's basic_text backend
 * the user may still choose weak storage; with no encryption at all, the session is the limit.
 */
export function StorageNotice({
  encryption,
  allowWeakStorage,
  onAllowWeakStorage,
  disabled,
}: {
  encryption: EncryptionStatus
  allowWeakStorage: boolean
  onAllowWeakStorage: (allow: boolean) => void
  disabled: boolean
}) {
  const hintId = useId()
  if (encryption === 'available') return null
  return (
    <div className="storage-notice">
      <p className="storage-notice-text">
        <Icon name="info" />
        <span>
          {encryption === 'basic_text'
            ? 'No system keyring was found on this computer, so your token can be kept for this session only. You will need to enter it again next time.'
            : 'This computer offers no secure storage, so your token can be kept for this session only. You will need to enter it again next time.'}
        </span>
      </p>
      {encryption === 'basic_text' && (
        <div className="checkbox-field">
          <input
            id={`${hintId}-weak`}
            type="checkbox"
            checked={allowWeakStorage}
            disabled={disabled}
            onChange={(event) => onAllowWeakStorage(event.target.checked)}
            aria-describedby={hintId}
          />
          <label htmlFor={`${hintId}-weak`}>
            Remember my token on this computer anyway (stored with weak protection)
          </label>
          <p className="field-hint" id={hintId}>
            Without a keyring, anyone who can read your files on this computer could recover it.
          </p>
        </div>
      )}
    </div>
  )
}
