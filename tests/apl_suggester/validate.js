// Validates APL documents with Amazon's apl-suggester; prints one JSON list of findings per file given.
// Usage: node validate.js DOCUMENT.json...
'use strict';
const fs = require('fs');
const { StaticAplTemplateValidator } = require('apl-suggester');

async function main(paths) {
  const validator = new StaticAplTemplateValidator();
  const results = {};
  for (const path of paths) {
    results[path] = await validator.validate(JSON.parse(fs.readFileSync(path, 'utf8')));
  }
  // The validator logs its own notes on stdout; the results go last, on one line.
  process.stdout.write('\n' + JSON.stringify(results) + '\n');
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
