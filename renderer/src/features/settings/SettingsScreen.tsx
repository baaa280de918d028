import type { ReactNode } from 'react'
import { BALANCE_REFRESH_SECONDS } from '../../../../shared/balance'
import { CLIPBOARD_CLEAR_SECONDS } from '../../../../shared/credentials'
import { DEFAULT_SETTINGS } from '../../../../shared/customers'
import { Icon } from '../../components/Icon'
import { NotificationSettings } from '../notifications/NotificationSettings'
import { ThemeToggle } from '../../components/ThemeToggle'
import { absoluteTime } from '../../lib/format'
import { useCustomersStore } from '../../stores/customers-store'
import { CurrencyThresholds } from './CurrencyThresholds'
import { SettingsForm, type SettingField } from './SettingsForm'

const CLIPBOARD: readonly SettingField[] = [
  {
    field: 'clipboardClearSeconds',
    label: 'Clear copied secrets after (seconds)',
    hint: `From ${CLIPBOARD_CLEAR_SECONDS.min} to ${CLIPBOARD_CLEAR_SECONDS.max}. Also cleared at sign-out and at quit.`,
    kind: 'number',
  },
]

const BALANCES: readonly SettingField[] = [
  {
    field: 'balanceRefreshSeconds',
    label: 'Read the partner balance every (seconds)',
    hint: `From ${BALANCE_REFRESH_SECONDS.min} to ${BALANCE_REFRESH_SECONDS.max}, while the window is visible.`,
    kind: 'number',
  },
  {
    field: 'partnerLowBalanceThreshold',
    label: 'Partner balance warning under',
    hint: 'The partner strip warns below this amount. Kept for this profile.',
    kind: 'amount',
  },
  {
    field: 'lowBalanceThreshold',
    label: 'Customer low balance under',
    hint: 'For customers in the wallet’s currency. Other currencies: Low balance by currency.',
    kind: 'amount',
  },
]

const RUNWAY: readonly SettingField[] = [
  {
    field: 'runwayThresholdDays',
    label: 'Default runway threshold (days)',
    hint: 'A customer with fewer days of runway is on the watchlist. Kept for this profile.',
    kind: 'number',
  },
  {
    field: 'runwayHorizonDays',
    label: 'Watchlist horizon (days)',
    hint: 'The watchlist also shows customers running out within this many days.',
    kind: 'number',
  },
]

/**
 * The app-wide choices in one place: clipboard, balances, the watchlist, appearance and the
 * connection. Each group saves on its own through `settings:set`.
 */
export function SettingsScreen() {
  const settings = useCustomersStore((s) => s.settings) ?? DEFAULT_SETTINGS
  const loaded = useCustomersStore((s) => s.settings !== null)
  return (
    <section className="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading" className="section-title">
        Settings
      </h2>
      {/* Forms start from the saved values: they mount once those are read. */}
      {loaded && (
        <div className="settings-groups">
          <SettingsForm
            title="Clipboard"
            description="Partner Desk copies secrets itself and clears them again after this delay."
            fields={CLIPBOARD}
            settings={settings}
          />
          <SettingsForm
            title="Balances"
            description="How often the partner balance is read, and when balances count as low."
            fields={BALANCES}
            settings={settings}
          />
          <CurrencyThresholds settings={settings} />
          <SettingsForm
            title="Watchlist"
            description="Which customers the watchlist shows."
            fields={RUNWAY}
            settings={settings}
          />
          <SettingsGroup
            id="settings-notifications"
            title="Notifications"
            description="Alerts when a customer needs attention, quiet hours, and the tray."
          >
            <NotificationSettings />
          </SettingsGroup>
          <AppearanceGroup />
          <NetworkGroup />
        </div>
      )}
    </section>
  )
}

/** A group of settings shown as a card with its heading and what it is for. */
function SettingsGroup({
  id,
  title,
  description,
  children,
}: {
  id: string
  title: string
  description: string
  children: ReactNode
}) {
  return (
    <section className="card settings-group" aria-labelledby={id}>
      <h3 id={id} className="settings-group-title">
        {title}
      </h3>
      <p className="settings-group-text">{description}</p>
      {children}
    </section>
  )
}

function AppearanceGroup() {
  return (
    <SettingsGroup
      id="settings-appearance"
      title="Appearance"
      description="Follow the system’s theme, or always light or dark."
    >
      <ThemeToggle />
    </SettingsGroup>
  )
}

/** The connection is watched, not chosen: main goes offline and back by itself. */
function NetworkGroup() {
  const network = useCustomersStore((s) => s.network)
  const offline = network?.online === false
  return (
    <SettingsGroup
      id="settings-network"
      title="Network"
      description="Partner Desk works offline from what is saved on this computer and goes back online by itself when Vobiz answers again."
    >
      <p className="settings-network" role="status" data-testid="settings-network">
        <Icon name={offline ? 'wifiOff' : 'check'} />
        {network?.online === null || !network
          ? 'Not checked yet'
          : `${offline ? 'Offline' : 'Online'} since ${absoluteTime(network.since)}`}
      </p>
    </SettingsGroup>
  )
}
