#!/usr/bin/env node
// Validates a CycloneDX 1.6 JSON BOM against the official schema shipped in
// @cyclonedx/cyclonedx-library (installed by utils/install-deps.sh), with ajv.
'use strict';
const fs = require('fs');
const path = require('path');
const addFormats = require('ajv-formats');

const schemaDir = path.join(__dirname, 'node_modules', '@cyclonedx', 'cyclonedx-library', 'res', 'schema');
const load = (name) => JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8'));

const bomFile = process.argv[2];
if (!bomFile) {
  console.error('usage: validate-cyclonedx.js BOM.json');
  process.exit(2);
}
const AjvDraft7 = require('ajv').default;
const ajv = new AjvDraft7({ strict: false, allErrors: true, validateFormats: true, logger: false });
addFormats(ajv);
// Formats ajv-formats lacks: checked loosely (no whitespace; an @ in e-mail addresses).
ajv.addFormat('iri-reference', /^\S*$/);
ajv.addFormat('idn-email', /^\S+@\S+$/);
// The BOM schema refers to its siblings relative to its own $id.
for (const name of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
  const schema = load(name);
  delete schema.$id;
  ajv.addSchema(schema, 'http://cyclonedx.org/schema/' + name);
}
const validate = ajv.compile(load('bom-1.6.SNAPSHOT.schema.json'));
const bom = JSON.parse(fs.readFileSync(bomFile, 'utf8'));
if (validate(bom)) {
  console.log('valid CycloneDX 1.6');
  process.exit(0);
}
for (const error of validate.errors) console.log(`invalid: ${error.instancePath} ${error.message}`);
process.exit(1);
