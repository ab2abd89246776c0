import { describe, expect, it } from 'vitest'
import { guidePorts } from '../stack-options.ts'

describe("npm start's ports", () => {
  it("are the guide's, each overridable by env", () => {
    expect(guidePorts({})).toEqual({ api: 8000, mockSora: 4010, mockGoogle: 4020, web: 8080 })
    expect(guidePorts({ API_PORT: '9000', WEB_PORT: '9080' })).toMatchObject({ api: 9000, web: 9080 })
    expect(() => guidePorts({ MOCK_SORA_PORT: 'x' })).toThrow('MOCK_SORA_PORT=x is not a port')
  })
})
