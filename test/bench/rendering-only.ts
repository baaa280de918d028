/**
 * The rendering-only bound: a static copy of the app's page (its DOM and CSS, taken from the
 * running app before the search run) on which the same keystrokes run no app code: a small
 * script makes, per keystroke, the very DOM changes the app made for it (the rows' texts and
 * attributes, rows added or removed, the count, the highlights, recorded as the app ran), as a
 * React commit would. Measured like the app, it is what Chromium's style, layout and paint of
 * those changes cost on this machine: a lower bound on the app's keystroke → rows painted,
 * whatever its JavaScript does.
 *
 * Plain JavaScript strings run in the page (this directory is type-checked without the DOM lib).
 */

/** Run in the app's page before the search run: the page as it is, to copy. */
export const CAPTURE_APP_PAGE = `(() => {
  const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\\n')
  const attributes = [...document.documentElement.attributes].map((a) => a.name + '="' + a.value + '"').join(' ')
  const body = document.body.outerHTML.replace(/<script[\\s\\S]*?<\\/script>/g, '')
  return { css, attributes, body }
})()`

export type CapturedPage = { css: string; attributes: string; body: string }

/** Run in the app's page after each keystroke: what the grid shows now. */
export const RECORD_SHOWN = `(() => {
  const grid = document.querySelector('[data-testid="customers-grid"]')
  const body = grid.querySelector('.grid-body')
  const ROW_ATTRIBUTES = ['id', 'aria-rowindex', 'aria-selected', 'data-row', 'data-auth-id', 'class', 'style']
  const CELL_ATTRIBUTES = ['class', 'title', 'data-searched']
  return {
    count: document.querySelector('[data-testid="customers-count"]')?.textContent ?? '',
    gridClass: grid.className,
    gridStyle: grid.getAttribute('style') ?? '',
    bodyStyle: body?.getAttribute('style') ?? '',
    rows: [...grid.querySelectorAll('[role="row"][data-row]')].map((row) => ({
      attributes: ROW_ATTRIBUTES.map((name) => [name, row.getAttribute(name) ?? '']),
      cells: [...row.children].map((cell) => ({
        attributes: CELL_ATTRIBUTES.map((name) => [name, cell.getAttribute(name)]),
        ...(cell.childNodes.length === 1 && cell.firstChild.nodeType === Node.TEXT_NODE
          ? { text: cell.textContent }
          : { html: cell.innerHTML }),
      })),
    })),
  }
})()`

type Cell = { attributes: [string, string | null][] } & ({ text: string } | { html: string })
export type Shown = {
  count: string
  gridClass: string
  gridStyle: string
  bodyStyle: string
  rows: { attributes: [string, string][]; cells: Cell[] }[]
}

/** Per keystroke, the next recorded state is made with as few DOM writes as a commit needs. */
const REPLAY_SCRIPT = `
const input = document.querySelector('input[type="search"]')
const grid = document.querySelector('[data-testid="customers-grid"]')
const body = grid.querySelector('.grid-body')
const count = document.querySelector('[data-testid="customers-count"]')
const template = body.querySelector('[role="row"]').cloneNode(true)
const highlight = new Highlight()
CSS.highlights.set('customer-search', highlight)
const skeleton = (html) => html.replace(/>[^<]*</g, '><')
const textsOf = (node) => {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
  const texts = []
  while (walker.nextNode()) texts.push(walker.currentNode)
  return texts
}
// Parsed once, so that a keystroke costs only what a commit of the rows would.
const FRAMES = JSON.parse(document.getElementById('frames').textContent)
for (const frame of FRAMES) for (const row of frame.rows) {
  row.cells = row.cells.map((value) => {
    if ('text' in value) return value
    const parsed = document.createElement('template')
    parsed.innerHTML = value.html
    return { ...value, skeleton: skeleton(value.html), texts: textsOf(parsed.content).map((t) => t.data) }
  })
}
const shown = new WeakMap()
let next = 0

function setAttribute(element, name, value) {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value)
}

function setCell(cell, value) {
  for (const [name, attribute] of value.attributes) {
    if (attribute === null) cell.removeAttribute(name)
    else setAttribute(cell, name, attribute)
  }
  if ('text' in value) {
    if (cell.firstChild instanceof Text && cell.childNodes.length === 1) {
      if (cell.firstChild.data !== value.text) cell.firstChild.data = value.text
    } else {
      cell.textContent = value.text
      shown.delete(cell)
    }
    return
  }
  const current = shown.get(cell) ?? skeleton(cell.innerHTML)
  if (current !== value.skeleton) {
    cell.innerHTML = value.html
    shown.set(cell, value.skeleton)
    return
  }
  shown.set(cell, current)
  // Same elements: only their texts change, as React would patch them.
  textsOf(cell).forEach((text, t) => {
    if (text.data !== value.texts[t]) text.data = value.texts[t]
  })
}

input.addEventListener('input', () => {
  const frame = FRAMES[next++]
  if (!frame) return
  setAttribute(grid, 'class', frame.gridClass)
  setAttribute(grid, 'style', frame.gridStyle)
  setAttribute(body, 'style', frame.bodyStyle)
  if (count && count.textContent !== frame.count) count.textContent = frame.count
  while (body.children.length > frame.rows.length) body.lastElementChild.remove()
  while (body.children.length < frame.rows.length) body.append(template.cloneNode(true))
  frame.rows.forEach((row, k) => {
    const element = body.children[k]
    for (const [name, value] of row.attributes) setAttribute(element, name, value)
    row.cells.forEach((value, c) => setCell(element.children[c], value))
  })
  highlight.clear()
  const terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean)
  for (const cell of grid.querySelectorAll('[data-searched]')) {
    const text = cell.firstChild
    if (!(text instanceof Text)) continue
    const lower = text.data.toLowerCase()
    for (const term of terms) {
      const at = lower.indexOf(term)
      if (at >= 0) highlight.add(new StaticRange({ startContainer: text, startOffset: at, endContainer: text, endOffset: at + term.length }))
    }
  }
  grid.setAttribute('data-rendered-query', input.value)
})
`

/** The captured page as a document for `page.setContent`, replaying `frames` keystroke by keystroke. */
export function renderingOnlyDocument(page: CapturedPage, frames: readonly Shown[]): string {
  const json = JSON.stringify(frames).replace(/</g, '\\u003c')
  return (
    `<!doctype html><html ${page.attributes}><head><style>${page.css}</style></head>` +
    `${page.body}<script type="application/json" id="frames">${json}</script>` +
    `<script>${REPLAY_SCRIPT}</script></html>`
  )
}
