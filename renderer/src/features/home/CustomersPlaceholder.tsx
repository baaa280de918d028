import { Icon } from '../../components/Icon'

/** Where the customer table will go; says so plainly instead of pretending. */
export function CustomersPlaceholder() {
  return (
    <section className="card empty-state" aria-labelledby="customers-heading">
      <span className="empty-state-icon" aria-hidden="true">
        <Icon name="users" />
      </span>
      <h2 id="customers-heading" className="empty-state-title">
        Customers
      </h2>
      <p className="empty-state-text">
        Your customer table arrives here: search, balances and details of each customer account. It
        is not part of this version yet.
      </p>
    </section>
  )
}
