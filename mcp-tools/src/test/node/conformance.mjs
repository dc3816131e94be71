// Drives mcp-tools with the official MCP TypeScript SDK client over Streamable HTTP: initialise, list the tools,
// call some of them, and check that bad input comes back as a tool error (isError), not a protocol failure. The SDK
// validates every result of a tool with an outputSchema against it (Ajv) and throws when it does not conform.
// Anonymous and wrong-token clients must not get past the 401.
// Usage: node conformance.mjs <mcp-url> <bearer-token>. Exits 0 when every check passes; prints what failed otherwise.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = new URL(process.argv[2]);
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const inDays = (n) => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);

const token = process.argv[3];
const withToken = (value) => (value ? { requestInit: { headers: { Authorization: `Bearer ${value}` } } } : {});

for (const [what, value] of [['an anonymous client', undefined], ['a client with a wrong token', 'not-a-known-token']]) {
  const refused = new Client({ name: 'conformance', version: '1.0.0' });
  const outcome = await refused.connect(new StreamableHTTPClientTransport(url, withToken(value)))
    .then(() => 'connected', (e) => String(e?.code ?? e?.message ?? e));
  check(outcome !== 'connected' && outcome.includes('401'), `${what} was not refused with 401: ${outcome}`);
  await refused.close().catch(() => {});
}

const client = new Client({ name: 'conformance', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(url, withToken(token)));

const { tools } = await client.listTools();
const names = tools.map((t) => t.name);
for (const expected of ['search-hotel', 'book-hotel', 'search-flight', 'book-flight', 'search-car', 'book-car',
  'get-booking', 'change-booking', 'cancel-booking', 'get_phone_session']) {
  check(names.includes(expected), `tools/list lacks ${expected}`);
}
const searchHotel = tools.find((t) => t.name === 'search-hotel');
check(searchHotel?.inputSchema?.required?.includes('city'), 'search-hotel schema does not require city');
check(searchHotel?.annotations?.readOnlyHint === true, 'search-hotel is not read-only');
const cancel = tools.find((t) => t.name === 'cancel-booking');
check(cancel?.annotations?.destructiveHint === true && cancel?.annotations?.readOnlyHint === false,
  `cancel-booking is not destructive: ${JSON.stringify(cancel?.annotations)}`);
check(tools.every((t) => t.outputSchema?.type === 'object'), 'a tool has no object outputSchema');

const hotels = await client.callTool({ name: 'search-hotel',
  arguments: { city: 'New York', checkIn: inDays(7), checkOut: inDays(9), guests: 2 } });
check(!hotels.isError, `search-hotel failed: ${JSON.stringify(hotels)}`);
check(JSON.parse(hotels.content[0].text).length > 0, 'search-hotel found no hotel in New York');
check(JSON.stringify(hotels.structuredContent?.hotels) === hotels.content[0].text,
  `search-hotel's structured content is not its text: ${JSON.stringify(hotels)}`);

const session = await client.callTool({ name: 'get_phone_session', arguments: { phoneNumber: '+14000000000' } });
check(!session.isError && JSON.parse(session.content[0].text).hotelName === 'Holiday Inn - Times Square',
  `get_phone_session: ${JSON.stringify(session)}`);

const unknown = await client.callTool({ name: 'get_phone_session', arguments: { phoneNumber: '+16000000000' } });
check(unknown.content[0].text.startsWith('no session') && unknown.structuredContent?.productName === null,
  `get_phone_session of an unknown number: ${JSON.stringify(unknown)}`);

const booked = await client.callTool({ name: 'book-car',
  arguments: { carId: 'C-PAR-1', pickUp: inDays(20), dropOff: inDays(22), driverName: 'Ada Conformance' } });
const cancelled = await client.callTool({ name: 'cancel-booking',
  arguments: { reference: booked.structuredContent?.reference ?? 'none' } });
check(!cancelled.isError && cancelled.structuredContent.status === 'cancelled'
  && JSON.parse(cancelled.content[0].text).status === 'cancelled', `cancel-booking: ${JSON.stringify(cancelled)}`);

const backwards = await client.callTool({ name: 'search-hotel',
  arguments: { city: 'New York', checkIn: inDays(9), checkOut: inDays(7) } });
check(backwards.isError === true, `check-out before check-in is not a tool error: ${JSON.stringify(backwards)}`);

const badNumber = await client.callTool({ name: 'get_phone_session', arguments: { phoneNumber: 'not a number' } });
check(badNumber.isError === true, 'a malformed phone number is not a tool error');

await client.close();
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
console.log(`conformance: ${names.length} tools listed, 7 calls checked`);
