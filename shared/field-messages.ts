import type { z } from 'zod'

export type FieldMessage = { field: string; message: string }

/**
 * Every zod issue with the field it is about: the issue's path joined with dots, or `root` for
 * the value as a whole (an unknown key, a check across fields).
 */
export function issueMessages(error: z.ZodError, root = 'form'): FieldMessage[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || root,
    message: issue.message,
  }))
}

/** The first message of each field: what a form shows, and a validation error's `fields`. */
export function fieldMessages(error: z.ZodError, root = 'form'): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const { field, message } of issueMessages(error, root)) fields[field] ??= message
  return fields
}
