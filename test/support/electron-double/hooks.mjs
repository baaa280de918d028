// Module loader hooks (module.register) that resolve `electron` to the test double.
let doubleUrl = ''

export function initialize(data) {
  doubleUrl = data.url
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: doubleUrl, shortCircuit: true }
  return nextResolve(specifier, context)
}
