/**
 * The one way auditcard configures AJV: JSON Schema 2020-12, every error (not only the first),
 * strict mode, and ajv-formats in full mode.
 */
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * A fresh AJV instance.
 *
 * `strictTypes` is off because the ATLAS model schema gives `License` its `properties` without
 * `type: object`, and `strictTuples` because the ATLAS dataset schema writes an age bound as a
 * one-item `prefixItems` (the number) followed by `items` (the unit) with `minItems` and
 * `maxItems` 2, which is exact but not the form that check expects. Every other strict check
 * stays on. `verbose` keeps the failing value and
 * schema on each error, which the messages use.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    allowUnionTypes: true,
    verbose: true,
  });
  addFormats(ajv, { mode: 'full' });
  return ajv;
}
