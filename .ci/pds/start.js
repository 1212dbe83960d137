// start.js runs a PLC directory (in-memory database) and a dev-mode Bluesky
// PDS in one Node process, both on loopback, for Hookline's end-to-end test.
// ../pds.sh sets the PDS_* variables, starts this in the background and waits
// for /xrpc/_health. Ports come from HOOKLINE_PLC_PORT and PDS_PORT.
'use strict'

const { PlcServer, Database: PlcDatabase } = require('@did-plc/server')
const pds = require('@atproto/pds')

async function main() {
  const plcPort = Number(process.env.HOOKLINE_PLC_PORT || 2582)
  const plc = PlcServer.create({ db: PlcDatabase.mock(), port: plcPort })
  await plc.start()
  console.log(`plc listening on http://127.0.0.1:${plcPort}`)

  process.env.PDS_DID_PLC_URL = `http://127.0.0.1:${plcPort}`
  const env = pds.readEnv()
  const cfg = pds.envToCfg(env)
  const secrets = pds.envToSecrets(env)
  const server = await pds.PDS.create(cfg, secrets)
  await server.start()
  console.log(`pds listening on ${cfg.service.publicUrl}`)

  const stop = async (signal) => {
    console.log(`stopping on ${signal}`)
    await server.destroy().catch((err) => console.error(err))
    await plc.destroy().catch((err) => console.error(err))
    process.exit(0)
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((err) => {
  console.error('start.js:', err)
  process.exit(1)
})
