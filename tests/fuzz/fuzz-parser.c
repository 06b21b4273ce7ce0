/* fuzz-parser.c — a libFuzzer target for the lexer and the parser.
 *
 * Built by meson with -Dfuzz=true (clang only; see the README's section
 * on fuzzing).
 *
 * Each input is parsed as a sloppy script, a strict script and a module,
 * and every tree is dumped, so a malformed tree shows up too.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include "ast.h"
#include "parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static FILE *null;

  if (!null)
    null = fopen ("/dev/null", "w");
  for (int mode = 0; mode < 3; mode++)
    {
      ParseOptions opts = { .module = mode == 1, .strict = mode == 2 };
      AstArena arena;
      ParseError err;
      AstNode *prog;
      ast_arena_init (&arena);
      prog = parse_program (&arena, (const char *) data, size, &opts, &err);
      if (prog)
        ast_dump (null, prog, true);
      ast_arena_free (&arena);
    }
  return 0;
}
