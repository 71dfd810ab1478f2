// Validates the element templates with the validator Camunda Modeler uses (Camunda 7 schema).
import { readFileSync } from 'node:fs';
import { validateAll } from '@bpmn-io/element-templates-validator';

const file = '../.camunda/element-templates/sans-couture.json';
const { valid, results } = validateAll(JSON.parse(readFileSync(file, 'utf8')));
for (const { object, errors } of results) {
  for (const error of errors || []) {
    console.error(`${file}: ${object.id}${error.instancePath}: ${error.message}`);
  }
}
process.exit(valid ? 0 : 1);
