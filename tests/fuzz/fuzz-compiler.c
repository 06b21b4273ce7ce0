/* fuzz-compiler.c — a libFuzzer target for the lexer, the parser, the
 * scope resolver and the bytecode compiler.
 *
 * Built by meson with -Dfuzz=true (clang only; see the README's section
 * on fuzzing).  Each input that is valid UTF-8 (as the engine's API
 * requires) is compiled as a sloppy script, a strict script and a module,
 * and the bytecode of what compiles is dumped, which walks every
 * instruction and constant.  A syntax or range error is a fine outcome;
 * a crash, a sanitizer report, an assertion or a leak is not.
 *
 * Each input gets a runtime of its own, freed after it: inputs cannot
 * affect each other, and the leak checker sees every allocation the
 * compiler makes end (the heap's own cells live in mmap'd chunks, which
 * it does not scan, so a runtime kept across inputs would look leaky).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "compiler.h"
#include "runtime.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);


int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (!g_utf8_validate ((const char *) data, (gssize) size, NULL))
    return 0;
  JsRuntime *rt = runtime_new ();
  JsContext *ctx = rt ? runtime_context_new (rt) : NULL;
  if (!ctx)
    abort ();
  for (int mode = 0; mode < 3; mode++)
    {
      CompileOptions opts = { .module = mode == 2, .strict = mode == 1 };
      CompileError err;
      JsValue *saved = rt_save_roots (rt);
      JsCode *code = compile_source (ctx, "fuzz.js", (const char *) data,
                                     size, &opts, &err);
      if (code)
        {
          rt_push_cell (rt, code);
          GString *out = g_string_new (NULL);
          compile_dump (code, out);
          g_string_free (out, TRUE);
        }
      else if (err.kind != COMPILE_ERROR_SYNTAX
               && err.kind != COMPILE_ERROR_RANGE)
        abort ();
      rt_restore_roots (rt, saved);
    }
  runtime_free (rt);
  return 0;
}
