import type { AnalyticsView, CallFigures } from '../../../../shared/usage'
import { answeredShare, countText, minutesText } from './usage-format'
import { CostText } from './CostText'

function FigureRow({
  label,
  f,
  currency,
}: {
  label: string
  f: CallFigures
  currency: string | null
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{countText(f.calls)}</td>
      <td className="num">{countText(f.answered)}</td>
      <td className="num">{answeredShare(f)}</td>
      <td className="num">{minutesText(f.minutes)}</td>
      <td className="num money">
        <CostText cost={f.cost} currency={currency} />
      </td>
    </tr>
  )
}

const HEAD = (first: string) => (
  <thead>
    <tr>
      <th scope="col">{first}</th>
      <th scope="col" className="num">
        Calls
      </th>
      <th scope="col" className="num">
        Answered
      </th>
      <th scope="col" className="num">
        Answer rate
      </th>
      <th scope="col" className="num">
        Minutes
      </th>
      <th scope="col" className="num">
        Cost
      </th>
    </tr>
  </thead>
)

/** The period's headline figures, then by direction and product, then day by day. */
export function UsageFigures({ view, tableId }: { view: AnalyticsView; tableId: string }) {
  const { totals, currency } = view
  return (
    <>
      <dl className="usage-figures" data-testid="usage-figures">
        <div>
          <dt>Calls</dt>
          <dd>{countText(totals.calls)}</dd>
        </div>
        <div>
          <dt>Answered</dt>
          <dd>
            {countText(totals.answered)} <small>({answeredShare(totals)})</small>
          </dd>
        </div>
        <div>
          <dt>Minutes</dt>
          <dd>{minutesText(totals.minutes)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd className="money">
            <CostText cost={totals.cost} currency={currency} />
          </dd>
        </div>
      </dl>
      <table className="usage-table" aria-label="Calls by direction and product">
        {HEAD('Direction or product')}
        <tbody>
          <FigureRow label="Inbound" f={view.inbound} currency={currency} />
          <FigureRow label="Outbound" f={view.outbound} currency={currency} />
          {view.byProduct.map((p) => (
            <FigureRow key={p.product} label={p.product} f={p.figures} currency={currency} />
          ))}
        </tbody>
      </table>
      <details className="usage-days">
        <summary>Day by day</summary>
        <table id={tableId} className="usage-table" aria-label="Calls and cost per day">
          {HEAD('Day')}
          <tbody>
            {view.series.map((point) => (
              <FigureRow key={point.date} label={point.date} f={point} currency={currency} />
            ))}
          </tbody>
        </table>
      </details>
    </>
  )
}
