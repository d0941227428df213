/**
 * zod for the engine's schemas, in jitless mode: zod's JIT probes `new Function`, which the app's strict
 * Content-Security-Policy refuses (and reports as a violation even though zod catches it). Every schema module
 * imports `z` from here, so the setting precedes every schema, in the page, the workers, Node and tests alike.
 */
import { config, z } from 'zod';

config({ jitless: true });

export { z };
