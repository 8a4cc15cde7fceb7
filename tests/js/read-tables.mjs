// Reads the pipeline's Scorecard and Submissions tables with a client other than ours: the npm @azure/data-tables SDK.
// Usage: AzureWebJobsStorage="<connection string>" node tests/js/read-tables.mjs [--scorecard Scorecard] [--submissions Submissions]
// Prints one line per table ("Scorecard rows: N", "Submissions rows: N") and exits 1 when a row has a column of the
// wrong type (Actual must be a number, Late a boolean, ReceivedAt a date) or when a table is empty.
import { TableClient } from "@azure/data-tables";

const connectionString = process.env.AzureWebJobsStorage;
if (!connectionString) {
  console.error("Set AzureWebJobsStorage to a storage connection string.");
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 && index + 1 < args.length ? args[index + 1] : fallback;
};
const scorecardTable = option("--scorecard", "Scorecard");
const submissionsTable = option("--submissions", "Submissions");
// Azurite serves plain HTTP on loopback; the SDK refuses shared-key credentials over HTTP unless told otherwise.
const clientOptions = { allowInsecureConnection: true };
const problems = [];

async function readAll(table) {
  const client = TableClient.fromConnectionString(connectionString, table, clientOptions);
  const rows = [];
  for await (const entity of client.listEntities()) {
    rows.push(entity);
  }
  return rows;
}

function expectType(table, row, column, check, description, optional = false) {
  const value = row[column];
  if ((value === undefined || value === null) && optional) {
    return;
  }
  if (!check(value)) {
    problems.push(`${table} ${row.partitionKey} / ${row.rowKey}: ${column} should be ${description}, got ${JSON.stringify(value)} (${typeof value})`);
  }
}

const isNumber = (v) => typeof v === "number" && Number.isFinite(v);
const isBoolean = (v) => typeof v === "boolean";
const isString = (v) => typeof v === "string";
// The SDK turns Edm.DateTime into Date objects.
const isDate = (v) => v instanceof Date && !Number.isNaN(v.getTime());

const scorecard = await readAll(scorecardTable);
for (const row of scorecard) {
  expectType(scorecardTable, row, "Status", isString, "a string");
  // Actual is absent only on a province roll-up with no prefecture reporting yet.
  expectType(scorecardTable, row, "Actual", isNumber, "a number", row.rowKey.startsWith("520000|"));
  expectType(scorecardTable, row, "Expected", isNumber, "a number", true);
  expectType(scorecardTable, row, "Lag", isNumber, "a number", true);
}

const submissions = await readAll(submissionsTable);
for (const row of submissions) {
  expectType(submissionsTable, row, "Late", isBoolean, "a boolean");
  expectType(submissionsTable, row, "Status", isString, "a string");
  expectType(submissionsTable, row, "RowCount", isNumber, "a number");
  expectType(submissionsTable, row, "ReceivedAt", isDate, "a date");
}

const accepted = submissions.filter((row) => row.Status === "Accepted").length;
console.log(`Scorecard rows: ${scorecard.length}`);
console.log(`Submissions rows: ${submissions.length}`);
console.log(`Submissions accepted: ${accepted}`);
if (scorecard.length === 0 || submissions.length === 0) {
  problems.push("A table is empty: nothing was ingested, or the table names are wrong.");
}
for (const problem of problems) {
  console.error(problem);
}
process.exit(problems.length === 0 ? 0 : 1);
