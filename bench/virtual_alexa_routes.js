// Which request virtual-alexa (the shared simulator's NLU) makes of each utterance, without running the skill.
// usage: NODE_PATH=<virtual-alexa's node_modules> node virtual_alexa_routes.js MODEL_JSON UTTERANCES_JSON OUT_JSON LOCALE
// UTTERANCES_JSON: [{"id": ..., "forms": ["as written", "dotted", ...]}]; OUT_JSON: {id: {type, intent, slots}}.
// The two changes the shared simulator's drive.js makes to virtual-alexa are made here too, so the routes are
// the ones it takes: a value a custom type does not list passes through (ranked below a listed one), and a launch
// needs "<launch word> <invocation name>".
const va = require("virtual-alexa");
const vc = require("virtual-core");
const fs = require("fs");
const [model, utterancesFile, outFile, locale] = process.argv.slice(2);
const listedMatch = vc.SlotType.prototype.match;
vc.SlotType.prototype.match = function (value) {
  const m = listedMatch.call(this, value);
  if (m.matches || this.isBuiltin() || !value || !value.trim()) return m;
  const open = new vc.SlotMatch(true, value);
  open.untyped = true;
  return open;
};
const invocation = JSON.parse(fs.readFileSync(model, "utf8")).interactionModel.languageModel.invocationName
  .toLowerCase().replace(/[^a-z ]/g, "").replace(/\s+/g, " ").trim();
va.VirtualAlexa.prototype.parseLaunchRequest = function (utter) {
  const said = utter.toLowerCase().replace(/[^a-z ]/g, "").replace(/\s+/g, " ").trim();
  const m = /^(?:ask|open|launch|talk to|tell|start|use) (.*)$/.exec(said);
  if (!m || !(m[1] === invocation || m[1].startsWith(invocation + " "))) return undefined;
  const rest = m[1].slice(invocation.length).trim().replace(/^(?:to|about|for|what|how) /, (w) => (w.trim() === "to" ? "" : w));
  return rest ? rest : true;
};
(async () => {
  const routes = {};
  let seen = null;
  const alexa = va.VirtualAlexa.Builder().interactionModelFile(model).locale(locale || "en-US")
    .handler((event, context, callback) => {
      seen = event.request;
      callback(null, { version: "1.0", response: { shouldEndSession: true } });
    })
    .create();
  for (const u of JSON.parse(fs.readFileSync(utterancesFile, "utf8"))) {
    seen = null;
    for (const f of u.forms) {
      try { await alexa.utter(f); break; } catch (e) { seen = null; }
    }
    const slots = {};
    for (const [name, slot] of Object.entries((seen && seen.intent && seen.intent.slots) || {})) {
      if (slot.value !== undefined) slots[name] = slot.value;
    }
    routes[u.id] = seen ? { type: seen.type, intent: seen.intent ? seen.intent.name : null, slots } : { error: true };
  }
  fs.writeFileSync(outFile, JSON.stringify(routes, null, 1));
})();
