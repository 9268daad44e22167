// Encodes Sparkplug B payloads with Eclipse Tahu's own JavaScript library
// (npm sparkplug-payload), so LineSide's decoder is checked against bytes it did not make.
// Regenerate (in an empty folder): npm install sparkplug-payload@1.0.3 && \
//   node tahu_js_fixture.js > tahu_js_payloads.json   (bytes as hex, one entry per case)
const sparkplug = require("sparkplug-payload").get("spBv1.0");
const ts = 1796000000000;
const cases = {
  nbirth: {
    timestamp: ts, seq: 0,
    metrics: [
      { name: "bdSeq", type: "Int64", value: 3 },
      { name: "Node Control/Rebirth", type: "Boolean", value: false },
      { name: "i8", alias: 1, type: "Int8", value: -8, timestamp: ts + 1 },
      { name: "i16", alias: 2, type: "Int16", value: -1600 },
      { name: "i32", alias: 3, type: "Int32", value: -100000 },
      { name: "i64", alias: 4, type: "Int64", value: -5 },
      { name: "u8", alias: 5, type: "UInt8", value: 250 },
      { name: "u16", alias: 6, type: "UInt16", value: 65000 },
      { name: "u32", alias: 7, type: "UInt32", value: 4000000000 },
      { name: "u64", alias: 8, type: "UInt64", value: 9007199254740991 },
      { name: "f", alias: 9, type: "Float", value: 1.5,
        properties: { engUnit: { type: "String", value: "degC" },
                      engLow: { type: "Double", value: 0 },
                      engHigh: { type: "Double", value: 250 } } },
      { name: "d", alias: 10, type: "Double", value: -0.125 },
      { name: "b", alias: 11, type: "Boolean", value: true },
      { name: "s", alias: 12, type: "String", value: "Grüße" },
      { name: "dt", alias: 13, type: "DateTime", value: ts },
      { name: "txt", alias: 14, type: "Text", value: "a\nb" },
      { name: "nul", alias: 15, type: "Int32", value: null, isNull: true },
    ],
  },
  ndata: {
    timestamp: ts + 1000, seq: 1,
    metrics: [
      { alias: 1, type: "Int8", value: -128, timestamp: ts + 900 },
      { alias: 4, type: "Int64", value: -9007199254740991 },
      { alias: 9, type: "Float", value: 2.25, isHistorical: true, timestamp: ts - 60000 },
      { alias: 12, type: "String", value: "next" },
    ],
  },
};
const out = {};
for (const [k, p] of Object.entries(cases)) {
  out[k] = Buffer.from(sparkplug.encodePayload(p)).toString("hex");
}
console.log(JSON.stringify(out, null, 1));
