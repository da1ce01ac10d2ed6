import fastJson from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema fast-json-stringify writes with, from the zod schema. zod has validated the value already, so the
 * checks that only validate (formats, patterns, bounds) are dropped, and "X or null" becomes a type list, which
 * fast-json-stringify writes directly instead of trying each branch of an anyOf with a validator.
 */
export function serializationSchema(schema: z.ZodType): JsonSchema {
  return simplify(z.toJSONSchema(schema, { io: 'output', target: 'draft-7' }) as JsonSchema);
}

const VALIDATION_ONLY = new Set([
  '$schema',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'propertyNames',
]);

function simplify(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (VALIDATION_ONLY.has(key) || key === 'description') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, JsonSchema>).map(([k, v]) => [k, simplify(v)]));
    } else if ((key === 'items' || key === 'additionalProperties') && typeof value === 'object' && value !== null) {
      out[key] = simplify(value as JsonSchema);
    } else if (key === 'anyOf') {
      const branches = (value as JsonSchema[]).map(simplify);
      const nullable = branches.find((b) => b.type === 'null' && Object.keys(b).length === 1);
      const other = branches.filter((b) => b !== nullable);
      const only = other[0];
      if (
        nullable &&
        other.length === 1 &&
        only &&
        typeof only.type === 'string' &&
        only.type !== 'object' &&
        only.type !== 'array'
      ) {
        Object.assign(out, only, { type: [only.type, 'null'] });
      } else {
        out.anyOf = branches;
      }
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * A route's serializerCompiler for a zod response schema. The answer is checked and stripped by the same zod schema
 * exactly as fastify-type-provider-zod's serializer does (a mismatch is the same ResponseSerializationError, a
 * 500), and then written by fast-json-stringify, compiled once from that schema: JSON.stringify was most of the
 * serializer's time on the large progress answer. The OpenAPI document still comes from the zod schema.
 */
export function zodFastSerializerCompiler({ schema, method, url }: { schema: unknown; method: string; url: string }) {
  const zodSchema = schema as z.ZodType;
  const write = fastJson(serializationSchema(zodSchema) as never);
  return (data: unknown): string => {
    const result = zodSchema.safeEncode(data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return write(result.data);
  };
}
