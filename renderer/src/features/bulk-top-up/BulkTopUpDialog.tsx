import { useEffect, useRef, useState } from 'react'
import type { BulkDryRunRequest, DryRun } from '../../../../shared/bulk-top-up'
import type { Result } from '../../../../shared/result'
import { ExportStatus, useCsvExport } from '../../components/CsvExport'
import { ErrorAlert } from '../../components/ErrorAlert'
import { DialogFrame } from '../../components/FormDialog'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { ipc } from '../../ipc/client'
import { describeError } from '../../lib/error-messages'
import { formatBalance, formatCount } from '../../lib/format'
import { usePartnerFunds } from '../top-up/use-partner-funds'
import { BatchView, batchCounts } from './BatchView'
import { ChooseAmounts, ChooseFile, type SelectedCustomer } from './BulkChoose'
import { DryRunTable } from './DryRunTable'
import { isUnfinished, useBulkBatch } from './use-bulk-batch'

export type BulkSource =
  | { kind: 'selection'; customers: readonly SelectedCustomer[] }
  | { kind: 'csv' }
  /** The last batch: running, to resume, or its report. */
  | { kind: 'batch' }

type Step = { step: 'choose' } | { step: 'dry-run' | 'confirm'; dryRun: DryRun } | { step: 'batch' }

const topUps = (count: number) => `${formatCount(count)} top-up${count === 1 ? '' : 's'}`

const TITLES: Record<Step['step'], string> = {
  choose: 'Bulk top-up',
  'dry-run': 'Bulk top-up: dry run',
  confirm: 'Bulk top-up: confirm the batch',
  batch: 'Bulk top-up',
}

/**
 * Bulk top-up in steps: choose the amounts (or a CSV file), a dry run of every row, one
 * confirmation of the whole batch, then the rows sent one at a time in main with a progress bar
 * and Cancel, and a report to save. An interrupted batch opens on its resume step.
 */
export function BulkTopUpDialog({ source, onClose }: { source: BulkSource; onClose: () => void }) {
  const funds = usePartnerFunds()
  const { batch, setBatch, loaded, error, setError } = useBulkBatch()
  const [chosen, setStep] = useState<Step>({ step: source.kind === 'batch' ? 'batch' : 'choose' })
  // Another batch is not started while the last one is unfinished: it is shown instead.
  const step: Step =
    chosen.step === 'choose' && loaded && isUnfinished(batch) ? { step: 'batch' } : chosen
  const [working, setWorking] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const report = useCsvExport(() => ipc.invoke('bulk:exportReport', {}))
  const currency = funds?.currency ?? null

  useEffect(() => heading.current?.focus(), [step.step])

  /** One call to main at a time: its failure shown, its value handed on. */
  async function call<T>(invoke: () => Promise<Result<T>>, then: (value: T) => void) {
    setWorking(true)
    setError(null)
    const result = await invoke()
    setWorking(false)
    if (result.ok) then(result.value)
    else setError(result.error)
  }
  const check = (request: BulkDryRunRequest) =>
    void call(
      () => ipc.invoke('bulk:dryRun', request),
      (dryRun) => setStep({ step: 'dry-run', dryRun }),
    )
  const start = (dryRun: DryRun) =>
    void call(
      () => ipc.invoke('bulk:start', { dryRunId: dryRun.id }),
      (value) => {
        setBatch(value.batch)
        setStep({ step: 'batch' })
      },
    )
  const resume = (send: boolean) =>
    void call(
      () => ipc.invoke('bulk:resume', { send }),
      (value) => setBatch(value.batch),
    )

  const running = step.step === 'batch' && batch?.status === 'running'
  const unresolved = batch?.status === 'interrupted' || batch?.status === 'stopped'
  return (
    <DialogFrame
      title={TITLES[step.step]}
      testId="bulk-top-up"
      onClose={onClose}
      className="bulk-dialog"
    >
      <div className="form-dialog-body">
        {step.step === 'choose' && (
          <>
            <h3 ref={heading} tabIndex={-1} className="top-up-step">
              {source.kind === 'selection'
                ? `Amounts for ${formatCount(source.customers.length)} customers`
                : 'Import a CSV file'}
            </h3>
            {source.kind === 'selection' ? (
              <ChooseAmounts customers={source.customers} currency={currency} onCheck={check} />
            ) : (
              <ChooseFile onCheck={check} />
            )}
          </>
        )}
        {step.step === 'dry-run' && (
          <>
            <h3 ref={heading} tabIndex={-1} className="top-up-step">
              Dry run: nothing has been sent
            </h3>
            <DryRunTable dryRun={step.dryRun} />
            {step.dryRun.blocked && (
              <p className="banner banner-warning" role="status">
                <Icon name="alert" className="banner-icon" />
                <span className="banner-text">{step.dryRun.blocked}</span>
              </p>
            )}
          </>
        )}
        {step.step === 'confirm' && (
          <>
            <h3 ref={heading} tabIndex={-1} className="top-up-step">
              Send {topUps(step.dryRun.sendable)},{' '}
              {formatBalance(step.dryRun.total, step.dryRun.currency)} in all?
            </h3>
            <p>
              The partner wallet goes from{' '}
              <strong className="money">
                {formatBalance(step.dryRun.partnerBalance, step.dryRun.currency)}
              </strong>{' '}
              to{' '}
              <strong className="money">
                {formatBalance(step.dryRun.partnerAfter, step.dryRun.currency)}
              </strong>
              . The rows are sent one at a time, each with its own reference; rows with problems are
              left out.
            </p>
            <p className="banner banner-warning">
              <Icon name="alert" className="banner-icon" />
              <span className="banner-text">
                Transfers are permanent: Vobiz cannot reverse them. You can cancel the rows not yet
                sent.
              </span>
            </p>
          </>
        )}
        {step.step === 'batch' && batch && (
          <>
            <h3 ref={heading} tabIndex={-1} className="top-up-step" data-testid="bulk-heading">
              {batch.status === 'running'
                ? 'Sending the top-ups…'
                : batch.status === 'interrupted'
                  ? 'This batch was interrupted'
                  : batch.status === 'stopped'
                    ? 'A row’s outcome is unknown: the batch stopped'
                    : `${batch.status === 'done' ? 'Done' : 'Cancelled'}: ${batchCounts(batch)}`}
            </h3>
            {unresolved && (
              <p>
                Partner Desk sends no row twice. Rows whose outcome is not known are first looked up
                in the customer’s ledger by their reference; then you choose whether the rows not
                sent yet go too.
              </p>
            )}
            <BatchView batch={batch} />
            {(batch.status === 'done' || batch.status === 'cancelled') && (
              <ExportStatus
                exported={report.exported}
                counted={(n) => `${formatCount(n)} rows`}
                testId="bulk-report-status"
              />
            )}
          </>
        )}
        {step.step === 'batch' && !batch && loaded && <p>There is no bulk top-up to show.</p>}
        {!loaded && step.step === 'batch' && <Spinner />}
        {error && <ErrorAlert text={describeError(error)} />}
      </div>
      <footer className="form-dialog-actions">
        {step.step === 'choose' && (
          <>
            <button type="button" className="button button-ghost" onClick={onClose}>
              Close
            </button>
            {source.kind === 'selection' && (
              <button
                type="submit"
                form="bulk-choose"
                className="button button-primary"
                disabled={working}
              >
                {working && <Spinner />}
                Check (dry run)
              </button>
            )}
          </>
        )}
        {step.step === 'dry-run' && (
          <>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setStep({ step: 'choose' })}
            >
              Back
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={step.dryRun.blocked !== null}
              onClick={() => setStep({ step: 'confirm', dryRun: step.dryRun })}
            >
              Review {topUps(step.dryRun.sendable)}
            </button>
          </>
        )}
        {step.step === 'confirm' && (
          <>
            <button
              type="button"
              className="button button-ghost"
              disabled={working}
              onClick={() => setStep({ step: 'dry-run', dryRun: step.dryRun })}
            >
              Back
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={working}
              onClick={() => start(step.dryRun)}
            >
              {working && <Spinner />}
              Send {topUps(step.dryRun.sendable)}
            </button>
          </>
        )}
        {running && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void ipc.invoke('bulk:cancel', {})}
          >
            Cancel the rest
          </button>
        )}
        {step.step === 'batch' && unresolved && (
          <>
            <button
              type="button"
              className="button button-ghost"
              disabled={working}
              onClick={() => resume(false)}
            >
              Check and end here
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={working}
              onClick={() => resume(true)}
            >
              {working && <Spinner />}
              Check and send the rest
            </button>
          </>
        )}
        {step.step === 'batch' && (batch?.status === 'done' || batch?.status === 'cancelled') && (
          <>
            <button
              type="button"
              className="button button-secondary"
              disabled={report.saving}
              onClick={() => void report.start()}
            >
              {report.saving ? <Spinner /> : <Icon name="download" />}
              Save report (CSV)
            </button>
            <button type="button" className="button button-primary" onClick={onClose}>
              Close
            </button>
          </>
        )}
      </footer>
    </DialogFrame>
  )
}
