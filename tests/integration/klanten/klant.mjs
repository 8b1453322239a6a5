// A chain partner and a subscriber that welkom did not write: kafkajs, the CNCF CloudEvents SDK and ajv.
//
// Reads one job (JSON) on stdin, prints one answer (JSON) on stdout; tests/integration/klanten_hulp.py
// spawns it once per test. The job:
//   {asyncapi: path, partner?: connection, afnemer?: connection,  (connection: {brokers, sasl?, ca?})
//    berichten?: [{topic, modus: "binary" | "structured", partitionkey, event: {CloudEvent attributes, data}}],
//    lezen?: {topic, groep, verwacht: {type: count}, timeout_ms},
//    records?: [{key, headers: {name: value}, value}]}    (records another client read: only checked)
// The answer: {verzonden: [{topic, partition, offset}], gelezen: [record], controles: [check per record]}.
import { readFileSync } from "node:fs";

import Ajv from "ajv";
import addFormats from "ajv-formats";
import { CloudEvent, Kafka as Binding } from "cloudevents";
import kafkajs from "kafkajs";

const { Kafka, Partitioners, logLevel } = kafkajs;
const begin = Date.now();
/** A line on stderr with the time since start: the test shows it when the client fails. */
const meld = (wat) => process.stderr.write(`klant.mjs +${Date.now() - begin}ms ${wat}\n`);

function verbinding({ brokers, sasl, ca }, clientId) {
  const config = {
    clientId, brokers, retry: { retries: 8 },
    logLevel: process.env.KLANT_DEBUG ? logLevel.DEBUG : logLevel.WARN,  // KLANT_DEBUG=1: kafkajs's protocol too
    logCreator: () => ({ namespace, label, log }) => meld(`${label} ${namespace} ${log.message} ${log.broker ?? ""}`),
  };
  if (sasl) {
    config.ssl = { ca: [readFileSync(ca, "utf8")] };
    config.sasl = sasl;
  }
  return new Kafka(config);
}

/** The partner's records, made by the SDK's Kafka binding in the mode asked for. */
async function stuur(kafka, berichten) {
  // The Java client's partitioner (murmur2 of the key), as librdkafka's and welkom's clients use on Kafka.
  const producer = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const verzonden = [];
  try {
    for (const { topic, modus, partitionkey, event } of berichten) {
      const ce = new CloudEvent({ ...event, partitionkey });
      const bericht = modus === "binary" ? Binding.binary(ce) : Binding.structured(ce);
      const value = typeof bericht.value === "string" ? bericht.value : JSON.stringify(bericht.value);
      // The binding lists a header for every attribute, undefined where the event has none: kafkajs
      // cannot encode those, so a partner leaves them out (ce_datacontenttype and ce_partitionkey stay).
      const headers = Object.fromEntries(Object.entries(bericht.headers).filter(([, v]) => v !== undefined));
      const [antwoord] = await producer.send({
        topic, acks: -1,
        messages: [{ key: bericht.key, value, headers, timestamp: bericht.timestamp }],
      });
      verzonden.push({ topic, partition: antwoord.partition, offset: antwoord.baseOffset });
      meld(`sent ${modus} to ${topic} ${antwoord.partition}/${antwoord.baseOffset}`);
    }
  } finally {
    await producer.disconnect();
  }
  return verzonden;
}

const tekst = (buffer) => (buffer === null || buffer === undefined ? null : buffer.toString("utf8"));

/** Subscribes in its own group from the beginning until the expected types are there (or time runs out). */
async function lees(kafka, { topic, groep, verwacht, timeout_ms }) {
  const consumer = kafka.consumer({ groupId: groep, sessionTimeout: 6000, heartbeatInterval: 1000,
                                    rebalanceTimeout: 10000, maxWaitTimeInMs: 200 });
  const gelezen = [];
  const geteld = {};
  const klaar = () => Object.entries(verwacht).every(([type, aantal]) => (geteld[type] ?? 0) >= aantal);
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    let gereed;
    const alles = new Promise((resolve) => { gereed = resolve; });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, tekst(v)]));
        gelezen.push({ partition, offset: message.offset, key: tekst(message.key), headers, value: tekst(message.value) });
        const type = headers.ce_type;
        meld(`read ${type} at ${partition}/${message.offset}`);
        geteld[type] = (geteld[type] ?? 0) + 1;
        if (klaar()) gereed();
      },
    });
    meld(`subscribed to ${topic} in ${groep}`);
    let wekker;
    await Promise.race([alles, new Promise((resolve) => { wekker = setTimeout(resolve, timeout_ms); })]);
    clearTimeout(wekker);  // a pending timer would keep node alive for the rest of it
    meld(klaar() ? "read what was expected" : "timed out");
  } finally {
    await consumer.disconnect();
    meld("subscriber left");
  }
  return gelezen;
}

/** Every record through the SDK's Kafka.toEvent and its validation, and through ajv against the
 * AsyncAPI message of its type (binary-mode headers and the payload). */
function controleer(records, asyncapiPad) {
  const document = JSON.parse(readFileSync(asyncapiPad, "utf8"));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, "asyncapi");
  const berichtVan = {};
  for (const [naam, operatie] of Object.entries(document.operations)) {
    const kanaal = document.channels[operatie.channel.$ref.split("/").pop()];
    for (const ref of Object.values(kanaal.messages)) berichtVan[naam] = ref.$ref.split("/").pop();
  }
  return records.map((record) => {
    const uit = { fouten: [] };
    try {
      const event = Binding.toEvent({ key: record.key, headers: record.headers, value: record.value });
      event.validate();
      uit.event = JSON.parse(JSON.stringify(event));
    } catch (fout) {
      uit.fouten.push(`cloudevents: ${fout.message} ${JSON.stringify(fout.errors ?? "")}`);
    }
    const bericht = berichtVan[record.headers.ce_type];
    if (!bericht) {
      uit.fouten.push(`asyncapi: no message for type ${record.headers.ce_type}`);
      return uit;
    }
    for (const [deel, waarde] of [["headers", record.headers], ["payload", JSON.parse(record.value)]]) {
      const valideer = ajv.getSchema(`asyncapi#/components/messages/${encodeURIComponent(bericht)}/${deel}`);
      if (!valideer(waarde)) uit.fouten.push(`asyncapi ${deel}: ${ajv.errorsText(valideer.errors)}`);
    }
    return uit;
  });
}

async function main() {
  const job = JSON.parse(readFileSync(0, "utf8"));
  const verzonden = job.berichten ? await stuur(verbinding(job.partner, "partner-kafkajs"), job.berichten) : [];
  const gelezen = job.lezen ? await lees(verbinding(job.afnemer, "afnemer-kafkajs"), job.lezen) : [];
  const controles = controleer([...(job.records ?? []), ...gelezen], job.asyncapi);
  process.stdout.write(JSON.stringify({ verzonden, gelezen, controles }));
}

main().catch((fout) => {
  process.stderr.write(`klant.mjs: ${fout.stack ?? fout}\n`);
  process.exit(1);
});
