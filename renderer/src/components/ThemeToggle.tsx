import { Icon, type IconName } from './Icon'
import { THEME_CHOICES, useThemeStore, type ThemeChoice } from '../stores/theme-store'

const LABELS: Record<ThemeChoice, { text: string; icon: IconName }> = {
  system: { text: 'System', icon: 'monitor' },
  light: { text: 'Light', icon: 'sun' },
  dark: { text: 'Dark', icon: 'moon' },
}

/** System / Light / Dark as a radio group (arrow keys move between the three). */
export function ThemeToggle() {
  const choice = useThemeStore((s) => s.choice)
  const setChoice = useThemeStore((s) => s.setChoice)
  return (
    <fieldset className="segmented">
      <legend className="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((value) => (
        <label key={value} className="segmented-option">
          <input
            type="radio"
            name="theme"
            value={value}
            checked={choice === value}
            onChange={() => setChoice(value)}
          />
          <span className="segmented-face">
            <Icon name={LABELS[value].icon} />
            <span className="segmented-text">{LABELS[value].text}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}
