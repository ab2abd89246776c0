// Forwards 127.0.0.1:<port> inside this container to <host>:<port> on the compose network, for each
// `port=host:port` of argv[2] (comma separated). See docker/entrypoint.sh for why the worker needs it.
import { connect, createServer } from 'node:net'

for (const spec of (process.argv[2] ?? '').split(',').filter(Boolean)) {
  const match = /^(\d+)=([\w.-]+):(\d+)$/.exec(spec.trim())
  if (!match) {
    console.error(`loopback-forward: "${spec}" is not port=host:port`)
    process.exit(64)
  }
  const [, local, host, port] = match
  createServer((inbound) => {
    const outbound = connect(Number(port), host)
    inbound.pipe(outbound).pipe(inbound)
    inbound.on('error', () => outbound.destroy())
    outbound.on('error', () => inbound.destroy())
  })
    .on('error', (err) => console.error(`loopback-forward: 127.0.0.1:${local}: ${err.message}`))
    .listen(Number(local), '127.0.0.1')
}
