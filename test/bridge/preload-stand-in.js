// The web bridge's stand-in for the Electron preload: the same window.partnerDesk API, carried
// over loopback HTTP to the very same main-process handler table. Served by the bridge only.
;(() => {
  const listeners = new Map()
  const stream = new EventSource('/__bridge/events')
  stream.onmessage = () => {}
  const subscribe = (event) => {
    stream.addEventListener(event, (message) => {
      const payload = JSON.parse(message.data)
      for (const listener of listeners.get(event) ?? []) listener(payload)
    })
  }
  window.partnerDesk = Object.freeze({
    platform: 'web',
    async invoke(channel, request) {
      try {
        const response = await fetch(`/__bridge/ipc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Partner-Desk-Bridge': '1' },
          body: JSON.stringify(request ?? {}),
        })
        return await response.json()
      } catch {
        return {
          ok: false,
          error: { kind: 'server', message: 'The web bridge is not running.', status: null },
        }
      }
    },
    on(event, listener) {
      if (!listeners.has(event)) {
        listeners.set(event, new Set())
        subscribe(event)
      }
      listeners.get(event).add(listener)
      return () => listeners.get(event)?.delete(listener)
    },
  })
})()
