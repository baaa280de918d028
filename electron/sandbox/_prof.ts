import { generateData } from './seed'
import { createStore } from './store'
for (let i = 0; i < 3; i++) {
  let t = performance.now()
  generateData(1, 100_000, Date.now())
  console.log('gen', (performance.now() - t).toFixed(0))
  t = performance.now()
  createStore({ seed: 1, customers: 100_000, now: Date.now, partner: {} })
  console.log('store', (performance.now() - t).toFixed(0))
}
