/* test-parser.c — the lexer and the parser: tokens, literal values,
 * positions, automatic semicolon insertion, each family of early errors,
 * deep nesting and random input (which must never crash or hang).
 */
#include "config.h"

#include <glib.h>
#include <pthread.h>
#include <string.h>

#include "ast.h"
#include "lexer.h"
#include "parser.h"

/* ---------------------------------------------------------------- helpers */

/* The token kinds of src, up to EOF or the first error, as text. */
static char *
token_kinds (const char *src)
{
  AstArena arena;
  Lexer lx;
  LexToken tok;
  GString *out = g_string_new (NULL);

  ast_arena_init (&arena);
  lex_init (&lx, (const uint8_t *) src, strlen (src), &arena);
  for (;;)
    {
      lex_next (&lx, &tok);
      if (tok.kind == LEX_EOF)
        break;
      if (out->len)
        g_string_append_c (out, ' ');
      if (tok.kind == LEX_ERROR)
        {
          g_string_append (out, "ERROR");
          break;
        }
      g_string_append (out, lex_token_name (tok.kind));
    }
  lex_free (&lx);
  ast_arena_free (&arena);
  return g_string_free (out, FALSE);
}

/* The first token of src. */
static LexToken
first_token (const char *src, AstArena *arena, Lexer *lx)
{
  LexToken tok;

  lex_init (lx, (const uint8_t *) src, strlen (src), arena);
  lex_next (lx, &tok);
  return tok;
}

static bool
parses (const char *src, bool module)
{
  AstArena arena;
  ParseOptions opts = { .module = module };
  ParseError err;
  AstNode *prog;

  ast_arena_init (&arena);
  prog = parse_program (&arena, src, strlen (src), &opts, &err);
  ast_arena_free (&arena);
  if (!prog && g_test_verbose ())
    g_test_message ("%s: %u:%u: %s", src, err.line, err.column,
                    err.message);
  return prog != NULL;
}

static ParseError
parse_error (const char *src, bool module)
{
  AstArena arena;
  ParseOptions opts = { .module = module };
  ParseError err;

  ast_arena_init (&arena);
  g_assert_null (parse_program (&arena, src, strlen (src), &opts, &err));
  ast_arena_free (&arena);
  return err;
}

/* Asserts that each source parses (as a script, or a module). */
static void
assert_valid (const char *const *srcs, bool module)
{
  int bad = 0;

  for (; *srcs; srcs++)
    if (!parses (*srcs, module))
      {
        ParseError err = parse_error (*srcs, module);
        g_printerr ("should parse: %s\n  %u:%u: %s\n", *srcs, err.line,
                    err.column, err.message);
        bad++;
      }
  g_assert_cmpint (bad, ==, 0);
}

/* Asserts that each source is a SyntaxError. */
static void
assert_invalid (const char *const *srcs, bool module)
{
  int bad = 0;

  for (; *srcs; srcs++)
    {
      ParseError err;
      if (parses (*srcs, module))
        {
          g_printerr ("should not parse: %s\n", *srcs);
          bad++;
          continue;
        }
      err = parse_error (*srcs, module);
      g_assert_cmpint (err.kind, ==, PARSE_ERROR_SYNTAX);
      g_assert_cmpstr (err.message, !=, "");
      g_assert_cmpuint (err.line, >=, 1);
      g_assert_cmpuint (err.column, >=, 1);
    }
  g_assert_cmpint (bad, ==, 0);
}

/* ----------------------------------------------------------------- lexer */

static void
test_lexer_punctuators (void)
{
  static const struct
  {
    const char *src, *kinds;
  } cases[] = {
    { "a?.b", "identifier ?. identifier" },
    { "a?.5:1", "identifier ? number : number" },
    { "a ?? b ?\?= c", "identifier ?? identifier ?\?= identifier" },
    { "a **= b ** c", "identifier **= identifier ** identifier" },
    { "a >>>= b >>> c >> d >>= e", "identifier >>>= identifier >>> "
      "identifier >> identifier >>= identifier" },
    { "a ||= b &&= c", "identifier ||= identifier &&= identifier" },
    { "...a => b", "... identifier => identifier" },
    { "#x in o", "private name in identifier" },
    { "a === b !== c", "identifier === identifier !== identifier" },
    { "if (\\u0069f)", "if ( identifier )" },
    { "x /* c */ // d\n y", "identifier identifier" },
    { "`a${b", "template identifier" },
    { "#!shebang\nx", "identifier" },
    { "@", "ERROR" },
    { "# x", "ERROR" },
    { "/* open", "ERROR" },
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *kinds = token_kinds (cases[i].src);
      g_assert_cmpstr (kinds, ==, cases[i].kinds);
      g_free (kinds);
    }
}

static void
test_lexer_numbers (void)
{
  static const struct
  {
    const char *src;
    double value;
    bool legacy;
  } good[] = {
    { "0", 0, false },         { "42", 42, false },
    { ".5", 0.5, false },      { "5.", 5, false },
    { "1e3", 1000, false },    { "1E-3", 0.001, false },
    { "0x1F", 31, false },     { "0o17", 15, false },
    { "0b101", 5, false },     { "1_000_000", 1e6, false },
    { "0.000_1", 0.0001, false },
    { "017", 15, true },       { "08", 8, true },
    { "09.5", 9.5, true },
  };
  static const char *const bad[] = {
    "1__0", "1_", "0_1", "0x", "1.5n", "1e3n", "3in", "017n", "08n",
    "1_.5", "1._5", "1e_5", "0b2", "0x_1", "1e", "5\\u0061",
  };
  AstArena arena;
  Lexer lx;

  for (unsigned i = 0; i < G_N_ELEMENTS (good); i++)
    {
      LexToken t;
      ast_arena_init (&arena);
      t = first_token (good[i].src, &arena, &lx);
      g_assert_cmpint (t.kind, ==, LEX_NUMBER);
      g_assert_cmpfloat (t.num, ==, good[i].value);
      g_assert_cmpint (!!(t.flags & LEX_TF_LEGACY_OCTAL), ==,
                       good[i].legacy);
      g_assert_cmpuint (t.end, ==, strlen (good[i].src));
      lex_free (&lx);
      ast_arena_free (&arena);
    }
  for (unsigned i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ast_arena_init (&arena);
      g_assert_cmpint (first_token (bad[i], &arena, &lx).kind, ==,
                       LEX_ERROR);
      lex_free (&lx);
      ast_arena_free (&arena);
    }

  /* BigInt literals keep their digits and radix. */
  ast_arena_init (&arena);
  {
    LexToken t = first_token ("0x00FFn", &arena, &lx);
    g_assert_cmpint (t.kind, ==, LEX_BIGINT);
    g_assert_cmpint (t.radix, ==, 16);
    g_assert_true (ast_str_eq_ascii (t.str, "FF"));
  }
  lex_free (&lx);
  ast_arena_free (&arena);
}

static void
test_lexer_strings (void)
{
  static const struct
  {
    const char *src;
    const uint16_t units[8];
    unsigned len;
    bool legacy;
  } cases[] = {
    { "'a\\tb'", { 'a', '\t', 'b' }, 3, false },
    { "\"\\x41\\u0042\\u{43}\"", { 'A', 'B', 'C' }, 3, false },
    { "'\\u{1F600}'", { 0xD83D, 0xDE00 }, 2, false },
    { "'\\uD800'", { 0xD800 }, 1, false },
    { "'\\0'", { 0 }, 1, false },
    { "'\\101'", { 'A' }, 1, true },
    { "'\\08'", { 0, '8' }, 2, true },
    { "'\\8'", { '8' }, 1, true },
    { "'a\\\nb'", { 'a', 'b' }, 2, false },
    { "'\xe2\x80\xa8'", { 0x2028 }, 1, false },
    { "'\xc3\xa9'", { 0xE9 }, 1, false },
  };
  static const char *const bad[] = {
    "'open", "'a\nb'", "'\\x4'", "'\\u12'", "'\\u{110000}'", "'\\u{}'",
    "'\xff'", "'\xc3'", "'\xed\xa0\x80'", "'\xc0\x80'",
  };
  AstArena arena;
  Lexer lx;

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LexToken t;
      ast_arena_init (&arena);
      t = first_token (cases[i].src, &arena, &lx);
      g_assert_cmpint (t.kind, ==, LEX_STRING);
      g_assert_cmpuint (t.str->len, ==, cases[i].len);
      g_assert_cmpmem (t.str->data, t.str->len * 2, cases[i].units,
                       cases[i].len * 2);
      g_assert_cmpint (!!(t.flags & LEX_TF_LEGACY_OCTAL), ==,
                       cases[i].legacy);
      lex_free (&lx);
      ast_arena_free (&arena);
    }
  for (unsigned i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      ast_arena_init (&arena);
      g_assert_cmpint (first_token (bad[i], &arena, &lx).kind, ==,
                       LEX_ERROR);
      lex_free (&lx);
      ast_arena_free (&arena);
    }

  /* Equal names are one interned string. */
  ast_arena_init (&arena);
  {
    LexToken a, b;
    const char *src = "abc '\\x61bc' a\\u0062c";
    lex_init (&lx, (const uint8_t *) src, strlen (src), &arena);
    lex_next (&lx, &a);
    lex_next (&lx, &b);
    g_assert_true (a.str == b.str);
    lex_next (&lx, &b);
    g_assert_true (a.str == b.str);
    g_assert_true (b.flags & LEX_TF_ESCAPED);
    lex_free (&lx);
  }
  ast_arena_free (&arena);
}

static void
test_lexer_templates (void)
{
  AstArena arena;
  Lexer lx;
  LexToken t;

  ast_arena_init (&arena);
  t = first_token ("`a\r\nb${", &arena, &lx);
  g_assert_cmpint (t.kind, ==, LEX_TEMPLATE);
  g_assert_false (t.flags & LEX_TF_TEMPLATE_TAIL);
  g_assert_true (ast_str_eq_ascii (t.str, "a\nb"));
  g_assert_true (ast_str_eq_ascii (t.raw, "a\nb"));
  lex_free (&lx);

  /* An invalid escape leaves the cooked value undefined. */
  t = first_token ("`\\unicode`", &arena, &lx);
  g_assert_cmpint (t.kind, ==, LEX_TEMPLATE);
  g_assert_true (t.flags & LEX_TF_BAD_ESCAPE);
  g_assert_null (t.str);
  g_assert_true (ast_str_eq_ascii (t.raw, "\\unicode"));
  lex_free (&lx);

  t = first_token ("`\\01`", &arena, &lx);
  g_assert_true (t.flags & LEX_TF_BAD_ESCAPE);
  lex_free (&lx);
  ast_arena_free (&arena);
}

static void
test_lexer_regexp (void)
{
  static const struct
  {
    const char *src;
    bool ok;
  } cases[] = {
    { "/a/g", true },      { "/[/]/", true },   { "/\\//dgimsy", true },
    { "/a/v", true },      { "/a/uv", false },  { "/a/gg", false },
    { "/a/x", false },     { "/a\n/", false },  { "/[a/", false },
    { "/a/\\u0067", false },
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AstArena arena;
      Lexer lx;
      LexToken t;
      ast_arena_init (&arena);
      t = first_token (cases[i].src, &arena, &lx);
      g_assert_cmpint (t.kind, ==, LEX_SLASH);
      lex_rescan_regexp (&lx, &t);
      g_assert_cmpint (t.kind == LEX_REGEXP, ==, cases[i].ok);
      lex_free (&lx);
      ast_arena_free (&arena);
    }
}

static void
test_regexp_patterns (void)
{
  static const char *const valid[] = {
    "/a|b*?c+d?e{1}f{1,}g{1,2}/", "/(a)(?:b)(?=c)(?!d)(?<=e)(?<!f)\\1/",
    "/(?<name>a)\\k<name>/", "/(?<$\\u0061>.)(?<\\u{62}>.)/u", "/[a-z\\d-]/",
    "/\\cA\\x41\\u0041\\u{41}\\0/u", "/\\p{L}\\P{Script=Greek}/u",
    /* Without u: the web-compatible grammar of B.1.2. */
    "/{/", "/a{/", "/}/", "/]/", "/\\c0/", "/[\\c_]/", "/\\8/", "/\\1(a)/",
    "/\\k/", "/(?=a)*/", "/[\\d-a]/", "/\\u{41}/", "/\\p{L}/", "/\\-/",
    "/[a&&b]/", "/[[a]--b]/v", "/[\\q{abc|d}a-z]/v", "/[[a-z]&&[aeiou]]/v",
    "/[\\p{L}--[a-z]]/v", "/[^\\d]/v", "/\\/[/]/",
    /* Property names: exact, with aliases, Unicode 17 scripts. */
    "/\\p{gc=Lu}\\p{General_Category=Letter}\\p{Lu}\\p{Any}/u",
    "/\\p{sc=Tols}\\p{Script_Extensions=Tolong_Siki}\\p{scx=Hrkt}/u",
    "/\\p{RGI_Emoji}[\\p{Basic_Emoji}--\\q{x}]/v", "/[^\\q{a|b}]/v",
    "/[^[\\p{RGI_Emoji}&&a]]/v",
    NULL,
  };
  static const char *const invalid[] = {
    "/?/", "/a**/", "/+/", "/{2}/", "/a{2,1}/", "/(/", "/)/", "/[b-a]/",
    "/(?<a>.)(?<a>.)/", "/(?<1>.)/", "/(?<a>.)\\k<b>/", "/\\k<a>(?<b>.)/",
    "/(?<=a)?/", "/(?<!a){2}/", "/(?x)/", "/\\/", "/(?<a\\uD801>.)/",
    /* With u: the strict grammar. */
    "/{/u", "/}/u", "/]/u", "/\\c0/u", "/\\8/u", "/\\1/u", "/\\k/u",
    "/(?=a)*/u", "/[\\d-a]/u", "/\\u{110000}/u", "/\\-/u", "/\\a/u",
    "/\\p{/u", "/\\p{L/u", "/\\p/u", "/\\x4/u", "/\\00/u",
    /* With v: set notation. */
    "/[a&&&b]/v", "/[a--]/v", "/[a&&b--c]/v", "/[(]/v", "/[&&a]/v",
    "/[a-]/v", "/[\\d-z]/v", "/[ab--c]/v", "/[!!]/v", "/[a&&bc]/v",
    "/\\p{Foo}/u", "/\\p{lu}/u", "/\\p{sc=Foo}/u", "/\\p{Lu=Lu}/u",
    "/\\p{RGI_Emoji}/u", "/\\P{RGI_Emoji}/v", "/[^\\p{RGI_Emoji}]/v",
    "/[^\\q{ab}]/v", "/[^[\\q{}]]/v", "/\\p{ASCII=Y}/u",
    NULL,
  };

  assert_valid (valid, false);
  assert_invalid (invalid, false);
}

static void
test_lexer_positions (void)
{
  /* Lines end at LF, CR, CRLF, LS and PS; columns count UTF-16 units. */
  const char *src = "a\r\nb\rc\xe2\x80\xa8" "d\n/*\xf0\x9f\x98\x80*/ e\n"
                    "\t\xc3\xa9 f";
  static const uint32_t expect[][2] = {
    { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 8 }, { 6, 2 }, { 6, 4 },
  };
  AstArena arena;
  Lexer lx;
  LexToken t;
  unsigned i = 0;

  ast_arena_init (&arena);
  lex_init (&lx, (const uint8_t *) src, strlen (src), &arena);
  for (lex_next (&lx, &t); t.kind != LEX_EOF; lex_next (&lx, &t), i++)
    {
      g_assert_cmpint (t.kind, ==, LEX_IDENT);
      g_assert_cmpuint (i, <, G_N_ELEMENTS (expect));
      g_assert_cmpuint (t.line, ==, expect[i][0]);
      g_assert_cmpuint (t.col, ==, expect[i][1]);
      g_assert_cmpint (!!(t.flags & LEX_TF_NEWLINE_BEFORE), ==,
                       i > 0 && expect[i][0] != expect[i - 1][0]);
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (expect));
  lex_free (&lx);
  ast_arena_free (&arena);
}

static void
test_lexer_identifiers (void)
{
  /* Unicode 17 letters, escapes, ZWJ/ZWNJ inside, and what is not. */
  static const char *const good[] = {
    "\xe0\xa2\x8f" /* U+088F, new in Unicode 17 */, "\xc3\xa9t\xc3\xa9",
    "$_", "a\xe2\x80\x8d" "b", "\\u0061", "\\u{62}c", "\xf0\x9d\x92\xb3",
  };
  static const char *const bad[] = {
    "\\u0030", "a\\u002D", "\\x61", "\xe2\x80\x8d", "\\u{110000}",
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (good); i++)
    {
      char *kinds = token_kinds (good[i]);
      g_assert_cmpstr (kinds, ==, "identifier");
      g_free (kinds);
    }
  for (unsigned i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      char *kinds = token_kinds (bad[i]);
      g_assert_true (g_str_has_prefix (kinds, "ERROR"));
      g_free (kinds);
    }
}

/* ---------------------------------------------------------------- parser */

static void
test_asi (void)
{
  static const char *const valid[] = {
    "a\nb", "a\n++b", "x = 1\n(y)", "{ 1 } 2", "do x; while (0) y",
    "return_in_fn: 1", "function f() { return\n1 }",
    "for (;;) { break\n}", "var a = 1\nvar b = a\n/1/g",
    "let\nx = 1", "if (a) let\nx = 1", "function* g() { yield\n1 }",
    "async\nfunction f() {}", "a\n?.5:1", "x\n`t`", "throw 1", ";;;",
    "var x = function () {}\n(1)", "class C { a\nb }",
    "class C { get\n*g() {} }", "(() => {}\n)",
    NULL,
  };
  static const char *const invalid[] = {
    "a b", "throw\n1", "a\n=> 1", "x => {}\n? 1 : 2", "for (;)",
    "for (a;b)", "if (a) b else c", "class C { a b }",
    "var a = 1 var b", "async x\n=> x", "(x)\n=> x", "a\n++", "do x while (0)",
    NULL,
  };

  assert_valid (valid, false);
  assert_invalid (invalid, false);
}

static void
test_error_position (void)
{
  ParseError err = parse_error ("var a = 1;\n  var 1x;", false);

  g_assert_cmpint (err.kind, ==, PARSE_ERROR_SYNTAX);
  g_assert_cmpuint (err.line, ==, 2);
  /* The lexer points at the fault itself: the x after the digit. */
  g_assert_cmpuint (err.column, ==, 8);
  g_assert_cmpuint (err.offset, ==, 18);

  err = parse_error ("'\xf0\x9f\x98\x80' + )", false);
  g_assert_cmpuint (err.line, ==, 1);
  g_assert_cmpuint (err.column, ==, 8);

  err = parse_error ("'use strict'; with (a) b;", false);
  g_assert_cmpuint (err.column, ==, 15);
  g_assert_nonnull (strstr (err.message, "strict"));
}

static void
test_positions (void)
{
  const char *src = "function f(a) {\n  return a + 1;\n}";
  AstArena arena;
  ParseError err;
  AstNode *prog, *fn, *ret, *sum;

  ast_arena_init (&arena);
  prog = parse_program (&arena, src, strlen (src), NULL, &err);
  g_assert_nonnull (prog);
  fn = prog->list.first;
  g_assert_cmpint (fn->kind, ==, AST_FUNC_DECL);
  /* A function's source text is src[start, end): toString() needs it. */
  g_assert_cmpuint (fn->start, ==, 0);
  g_assert_cmpuint (fn->end, ==, strlen (src));
  g_assert_true (fn->flags & AST_F_SIMPLE_PARAMS);
  ret = fn->b->list.first;
  g_assert_cmpint (ret->kind, ==, AST_RETURN);
  g_assert_cmpuint (ret->line, ==, 2);
  g_assert_cmpuint (ret->col, ==, 3);
  sum = ret->a;
  g_assert_cmpint (sum->kind, ==, AST_BINARY);
  g_assert_cmpint (sum->op, ==, LEX_PLUS);
  g_assert_cmpuint (sum->col, ==, 10);
  g_assert_cmpuint (sum->end - sum->start, ==, 5);
  ast_arena_free (&arena);
}

static void
test_strings_in_ast (void)
{
  const char *src = "x = '\\uD800é'; y = 'ab'";
  AstArena arena;
  ParseError err;
  AstNode *prog, *s1, *s2;

  ast_arena_init (&arena);
  prog = parse_program (&arena, src, strlen (src), NULL, &err);
  g_assert_nonnull (prog);
  s1 = prog->list.first->a->b;
  s2 = prog->list.first->next->a->b;
  g_assert_cmpint (s1->kind, ==, AST_STRING);
  g_assert_false (s1->str->latin1);
  g_assert_false (s1->str->well_formed);
  g_assert_cmpuint (s1->str->data[0], ==, 0xD800);
  g_assert_cmpuint (s1->str->data[1], ==, 0xE9);
  g_assert_true (s2->str->latin1);
  ast_arena_free (&arena);
}

typedef struct
{
  const char *name;
  const char *const *invalid; /* SyntaxErrors */
  const char *const *valid;   /* their near misses, which parse */
  bool module;
} EarlyErrorFamily;

static const char *const strict_invalid[] = {
  "'use strict'; var eval;", "'use strict'; arguments = 1;",
  "'use strict'; eval++;", "'use strict'; 010;", "'use strict'; 08;",
  "'use strict'; '\\07';", "'use strict'; '\\8';",
  "'use strict'; delete x;", "'use strict'; delete (x);",
  "'use strict'; var implements;", "'use strict'; let = 1;",
  "'use strict'; var static;", "'use strict'; yield = 1;",
  "'use strict'; with (a) b;", "'use strict'; function f(a, a) {}",
  "function eval() { 'use strict'; }", "function f(static) { 'use strict' }",
  "function f(a, a) { 'use strict' }", "function f() { '\\07'; 'use strict' }",
  "function f(a = 1) { 'use strict' }", "(a = 1) => { 'use strict' }",
  "'use strict'; if (a) function f() {}", "'use strict'; l: function f() {}",
  "'use strict'; ({eval} = {});", "'use strict'; [arguments] = [];",
  NULL,
};
static const char *const strict_valid[] = {
  "var eval; arguments = 1; 010; '\\07'; delete x; var implements, static;",
  "function f(a, a) {}", "with (a) b;", "if (a) function f() {}",
  "l: function f() {}", "'use strict'; eval.x = 1; delete x.y;",
  "function f() { 'use\\x20strict'; with (a) b; }",
  "function f() { ('use strict'); with (a) b; }",
  NULL,
};

static const char *const redecl_invalid[] = {
  "let a; let a;", "let a; var a;", "var a; let a;", "const a = 1; var a;",
  "{ let a; var a; }", "{ var a; let a; }", "class A {} class A {}",
  "function f(a) { let a; }", "try {} catch (e) { let e; }",
  "try {} catch ([e]) { var e; }", "try {} catch (e) { for (var e of []); }",
  "switch (0) { case 1: let a; case 2: let a; }",
  "for (let a;;) { var a; }", "let let = 1;", "const [a, a] = [];",
  "{ function f() {} let f; }",
  "'use strict'; { function f() {} function f() {} }",
  "{ async function f() {} function f() {} }", "let a, a;",
  "for (let [a, a] of b);", "try {} catch ([a, a]) {}",
  NULL,
};
static const char *const redecl_valid[] = {
  "var a; var a;", "function f() {} var f;", "{ let a; } { let a; }",
  "try {} catch (e) { var e; }", "function f(a) { var a; }",
  "{ function f() {} function f() {} }", "let a; { let a; }",
  "function f() {} function f() {}", "for (let a;;) { let a; }",
  "for (var a of b) { let a; }", "try {} catch (e) { { let e; } }",
  NULL,
};

static const char *const target_invalid[] = {
  "1 = 2;", "a + b = c;", "f() = 1;", "++a++;", "(a, b) = 1;",
  "({a}) = 1;", "([a]) = 1;", "a?.b = 1;", "a?.b++;", "[a + 1] = [];",
  "({a: 1} = {});", "[...a,] = [];", "[...a = 1] = [];", "({...{a}} = {});",
  "({a = 1});", "({a = 1}).b;", "for (a + 1 of b);", "(a = 1) = 2;",
  "[(a = 1)] = [];", "({ m() {} } = {});", "({__proto__: a, __proto__: b});",
  "new.target = 1;", "this = 1;", "a &&= b = c => 1 = 2;", "() => {} = 1;",
  "({a: (b = 1)} = {});", "((a)) => 1;", "([a]) => 1, ([a]) = 1;",
  NULL,
};
static const char *const target_valid[] = {
  "a = 1; a.b = 1; a[0] = 1; (a) = 1; (a.b) = 1;", "[a, b.c, d[0]] = e;",
  "({a, b: c.d, e = 1} = f);", "[(a)] = []; [(a.b)] = [];",
  "({a: (b)} = {}); ({a: (b.c)} = {});", "({__proto__: a, __proto__: b} = c);",
  "[...a.b] = c;", "({...a.b} = c);", "a ?\?= b; a ||= b; a &&= b;",
  "for ([a, b] of c); for ({a} in b);", "[a = 1, [b] = [], {c} = {}] = d;",
  NULL,
};

static const char *const jump_invalid[] = {
  "break;", "continue;", "return;", "l: { continue l; }", "l: l: ;",
  "while (1) { function f() { break; } }",
  "x: while (1) { (() => { break x; }); }",
  "switch (0) { case 1: continue; }", "break x;", "l: { l: ; }",
  "class C { static { return; } }", "while (1) l: function f() {}",
  NULL,
};
static const char *const jump_valid[] = {
  "while (1) break;", "l: { break l; }", "a: b: while (1) continue a;",
  "switch (0) { case 1: break; }", "function f() { return; }",
  "l: ; l: ;", "x: while (1) { y: for (;;) { continue x; } }",
  NULL,
};

static const char *const function_invalid[] = {
  "function* g() { yield = 1; }", "function* g(a = yield) {}",
  "function* g() { function yield() {} }", "class A { 'constructor'; }",
  "let[0] = 1;",
  "async function f(a = await 1) {}", "async function f() { var await; }",
  "function* g() { function* yield() {} }", "(function* yield() {});",
  "(async function await() {});", "async (await) => 1;",
  "async (a = await 1) => 1;", "function* g() { (a = yield) => 1; }",
  "async function f() { (a = await 1) => 1; }", "({ get a(x) {} });",
  "({ set a() {} });", "({ set a(...x) {} });", "(a, a) => 1;",
  "({ m(a, a) {} });", "function f(...a,) {}", "(...a, b) => 1;",
  "function f(a, ...b = []) {}", "new.target;", "() => new.target;",
  "super.x;", "function f() { super.x; }", "({ m: function () { super.x } });",
  "function f() { super(); }", "({ m() { super(); } });",
  "class A { constructor() { super(); } }",
  "async function f() { for await (x in y); }",
  "function f() { for await (x of y); }", "a ** -b ** c;", "-a ** b;",
  "a ?? b || c;", "a || b ?? c;", "a && b ?? c;",
  "yield => 1; function* g() { yield => 1; }",
  "async\n(x) => x;", "for (let of x);", "for (async of x);",
  "for (let.x of y);", "async function f() { await => 1; }",
  NULL,
};
static const char *const function_valid[] = {
  "function* g() { yield; yield 1; yield* g(); (yield) }",
  "async function f() { await 1; for await (x of y); }",
  "var await; function yield() {} var yield; yield = 1;",
  "async function f() { function g() { var await; } }",
  "function* g() { (function yield() {}); }", "async function await() {}",
  "({ get a() {}, set a(v) {}, async m() {}, *g() {}, async *h() {} });",
  "function f() { new.target; () => new.target; }", "({ m() { super.x; } });",
  "class A extends B { constructor() { super(); () => super(); } }",
  "(-a) ** b; (await) ** 2;", "(a ?? b) || c; a ?? (b || c);",
  "async (x) => await x; async x => x; async () => {};", "async(a, b);",
  "for (let in x); for (async of => 1;;); for ((async) of x);",
  "for (let.x in y);", "function f(a = 1, {b}, [c], ...d) {}",
  "x => x; (x) => x; (x, y,) => x; ({a}, [b]) => a;",
  NULL,
};

static const char *const class_invalid[] = {
  "class A { constructor() {} constructor() {} }",
  "class A { get constructor() {} }", "class A { *constructor() {} }",
  "class A { async constructor() {} }", "class A { constructor = 1 }",
  "class A { static prototype() {} }", "class A { static prototype = 1 }",
  "class A { #a; #a; }", "class A { #a; get #a() {} }",
  "class A { get #a() {} static set #a(v) {} }", "class A { #constructor }",
  "class A { m() { this.#b; } }", "this.#a;",
  "class A { #a; m() { delete this.#a; } }",
  "class A { #a; m() { super.#a; } }", "class A { x = arguments; }",
  "class A { x = () => arguments; }", "class A { static { arguments; } }",
  "class A { static { await; } }", "class A { static { (() => await 1); } }",
  "class A { x = super(); }", "class let {}", "class A { static { return; } }",
  "class A extends B, C {}", "class A { m() {} n }, x",
  "class A { #a; m() { #a; } }", "class A { #a; m() { #a + 1; } }",
  NULL,
};
static const char *const class_valid[] = {
  "class A { constructor() {} static constructor() {} }",
  "class A { #a; get #b() {} set #b(v) {} static #c() {}"
  " m(o) { #a in o; this.#b; } }",
  "class A { #a; m() { class B { n() { this.#a; } } } }",
  "class A { x = this; y = () => this.x; z = super.z; static w = new.target; }",
  "class A { static { var await2; this.x = 1; } static {} }",
  "class A { get; set; static; async; get a() {} static async *b() {} }",
  "class A { ['constructor']() {} }", "(class {});",
  "class A extends (B, C) {}",
  "class A { static { (() => { class await {} }); } }",
  NULL,
};

static const char *const module_invalid[] = {
  "export { x };", "export let a; export let a;",
  "export { a as b, c as b }; var a, c;",
  "export default 1; export default 2;", "var await;", "await => 1;",
  "import a from 'x'; let a;", "{ import a from 'x'; }", "{ export var a; }",
  "export { if };", "export { 'a' };",
  "export { x as '\\uD800' }; var x;", "import { 'a' } from 'x';",
  "import { if } from 'x';", "export * as a from 'x'; export var a;",
  "new.target;", "return;", "with (a) b;", "010;",
  "function f() {} function f() {}",
  "var f; function f() {}", "import('a', {}, '');",
  "import a from 'x' with { type: 'json', type: 'json' };",
  "import a from 'x' with { type: json };",
  NULL,
};
static const char *const module_valid[] = {
  "import a, * as b from 'x'; import { c, d as e, 'f g' as h } from 'y';",
  "import 'z'; export * from 'a'; export * as ns from 'b';"
  " export * as 'x y' from 'c';",
  "export { a as 'a b', b as default }; var a, b;",
  "export { 'a' as b } from 'c';",
  "export default function () {} export const c = 1;",
  "export default class {} export function f() {}",
  "export default (1 + 2);", "await 1; for await (x of y);", "import.meta.url;",
  "import('x'); export { if } from 'y';",
  "export var a; export let [b, {c}] = d;",
  "function f() { import.meta; }", "export { x }; function x() {}",
  /* Import attributes (ES2025). */
  "import j from './a.json' with { type: 'json' }; import('b', {},);",
  "export * from 'c' with { 'type': 'json' };",
  NULL,
};
static const char *const script_module_only[] = {
  "import a from 'x';", "export var a;", "import.meta;", NULL,
};

static const char *const misc_invalid[] = {
  "a?.b`c`;", "new a?.b();", "a?.`c`;", "super?.x;", "`\\01`;", "`\\u{`;",
  "let [a];", "const a;", "for (const a;;);", "for (var [a] in b = c;;);",
  "for (let a = 1 of b);", "for (var a, b of c);", "for (var a = 1 of b);",
  "'use strict'; for (var a = 1 in b);", "if (a) class C {}",
  "if (a) const b = 1;",
  "while (a) function f() {}", "if (a) function* g() {}",
  "if (a) async function f() {}",
  "if (a) let [b] = c;", "try {}", "switch (a) { default: default: }",
  "({ a b });", "[a b];", "f(a b);", "import(...a);", "new import('x');",
  "import();", "#x in y;", "x = #y;", "a => {} ();", "a => {}.x;",
  "(a, b);\n=> 1", "({ async *[a]: 1 });", "({ get a: 1 });",
  "\\u0069f (a) b;", "var \\u{76}ar;", "({ a: 1 } = 1);", "(...a);", "();",
  NULL,
};
static const char *const misc_valid[] = {
  "a?.b; a?.[b]; a?.(b); a?.b.c(d)[e];", "tag`\\01 \\unicode`;",
  "`a${b}c${`d${e}`}f`;", "for (var a = 1 in b);",
  "({ async, get, set, await: 1 });",
  "({ if: 1, class: 2 }).if;", "a.if; a.class; a?.new;",
  "x = { 'a': 1, 1: 2, 1n: 3, [c]: 4 };",
  "({ __proto__: a, ['__proto__']: b, __proto__() {} });",
  "if (a) b; else c;", "label: { break label; }", "debugger;",
  "var \\u{62}ar;", "new new A()();", "new A.b.c;", "a\n?.b;",
  "/[/]/.test(a);", "a = b\n/c/g;", "x = y / z / w;", "async;", "async\n();",
  "let; let.x; (let[0]); let = 1;", "yield: 1;", "await: 1;",
  NULL,
};

static const EarlyErrorFamily families[] = {
  { "strict", strict_invalid, strict_valid, false },
  { "redeclaration", redecl_invalid, redecl_valid, false },
  { "assignment-target", target_invalid, target_valid, false },
  { "break-continue-return", jump_invalid, jump_valid, false },
  { "functions", function_invalid, function_valid, false },
  { "classes", class_invalid, class_valid, false },
  { "modules", module_invalid, module_valid, true },
  { "script-vs-module", script_module_only, NULL, false },
  { "misc", misc_invalid, misc_valid, false },
};

static void
test_early_errors (gconstpointer data)
{
  const EarlyErrorFamily *f = data;

  assert_invalid (f->invalid, f->module);
  if (f->valid)
    assert_valid (f->valid, f->module);
}

/* The private names a direct eval could see: those of this set. */
static bool
visible_private_name (void *data, const AstStr *name)
{
  return ast_str_eq_ascii (name, data);
}

static void
test_eval_options (void)
{
  static const struct
  {
    const char *src;
    ParseOptions opts;
    bool ok;
  } cases[] = {
    { "new.target", { 0 }, false },
    { "new.target", { .allow_new_target = true }, true },
    { "() => new.target", { .allow_new_target = true }, true },
    { "super.x", { 0 }, false },
    { "super.x", { .allow_super_property = true }, true },
    { "super()", { .allow_super_property = true }, false },
    { "super()", { .allow_super_call = true }, true },
    { "arguments", { .in_class_field = true }, false },
    { "() => arguments", { .in_class_field = true }, false },
    { "function f() { arguments }", { .in_class_field = true }, true },
    { "return 1", { 0 }, false },
    { "return 1", { .allow_return = true }, true },
    { "await 1", { 0 }, false },
    { "await 1", { .allow_await = true }, true },
    { "with (a) b", { .strict = true }, false },
    { "this.#x", { .private_name_visible = visible_private_name,
                   .private_name_data = "x" }, true },
    { "this.#y", { .private_name_visible = visible_private_name,
                   .private_name_data = "x" }, false },
    { "class A { m() { #x in this } }",
      { .private_name_visible = visible_private_name,
        .private_name_data = "x" }, true },
  };

  for (unsigned i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AstArena arena;
      ParseError err;
      AstNode *prog;
      ast_arena_init (&arena);
      prog = parse_program (&arena, cases[i].src, strlen (cases[i].src),
                            &cases[i].opts, &err);
      if ((prog != NULL) != cases[i].ok)
        g_error ("%s: expected %s", cases[i].src,
                 cases[i].ok ? "to parse" : "an error");
      ast_arena_free (&arena);
    }
}

static void
test_html_comments (void)
{
  /* ECMA-262 B.1.1: in scripts only. */
  g_assert_true (parses ("x <!-- comment\n--> comment\ny", false));
  g_assert_true (parses ("-->comment at the start", false));
  g_assert_false (parses ("x <!-- not a comment", true));
  g_assert_false (parses ("x\n--> comment", true));
  /* Not first on its line: a decrement and a comparison. */
  g_assert_true (parses ("a --> b", true));
}

/* ---------------------------------------------------------- robustness */

static void
test_deep_nesting (void)
{
  static const struct
  {
    const char *prefix, *opener;
  } openers[] = {
    { "", "(" }, { "", "[" }, { "x=", "{a:" }, { "", "!" }, { "", "a=" },
    { "", "a**" }, { "", "a?b:" }, { "", "new " }, { "", "if(1)" },
    { "", "{" }, { "", "function f(){" }, { "", "()=>" }, { "", "`${" },
    { "", "-" }, { "", "[..." }, { "async function f(){", "await " },
    { "function*g(){", "yield " }, { "", "(class{m(){" }, { "", "x=>" },
    { "let ", "[" }, { "let ", "{a:" }, { "", "(a=" }, { "", "f(" },
    { "", "a[" }, { "", "l%d:" }, { "", "do " }, { "", "while(1)" },
    { "", "(class extends " },
  };
  const int n = 100000;

  for (unsigned i = 0; i < G_N_ELEMENTS (openers); i++)
    {
      GString *s = g_string_new (openers[i].prefix);
      AstArena arena;
      ParseError err;
      for (int k = 0; k < n; k++)
        {
          /* Labels get distinct names, so that nesting is what fails. */
          if (strchr (openers[i].opener, '%'))
            g_string_append_printf (s, "l%d:", k);
          else
            g_string_append (s, openers[i].opener);
        }
      g_string_append (s, "1");
      ast_arena_init (&arena);
      g_assert_null (parse_program (&arena, s->str, s->len, NULL, &err));
      if (err.kind != PARSE_ERROR_NESTING)
        g_error ("%s...: %s", openers[i].opener, err.message);
      ast_arena_free (&arena);
      g_string_free (s, TRUE);
    }

  /* A custom limit, and nesting below it. */
  {
    ParseOptions opts = { .max_depth = 50 };
    AstArena arena;
    ParseError err;
    const char *ok = "((((((((((a))))))))))";
    ast_arena_init (&arena);
    g_assert_nonnull (parse_program (&arena, ok, strlen (ok), &opts, &err));
    opts.max_depth = 5;
    g_assert_null (parse_program (&arena, ok, strlen (ok), &opts, &err));
    g_assert_cmpint (err.kind, ==, PARSE_ERROR_NESTING);
    ast_arena_free (&arena);
  }

  /* Long flat chains are not nesting. */
  {
    GString *s = g_string_new ("a");
    AstArena arena;
    ParseError err;
    for (int k = 0; k < n; k++)
      g_string_append (s, "+a.b[0]()");
    ast_arena_init (&arena);
    g_assert_nonnull (parse_program (&arena, s->str, s->len, NULL, &err));
    ast_arena_free (&arena);
    g_string_free (s, TRUE);
  }
}

/* Parses 100,000 nested parentheses on a thread with a small stack,
 * with no depth limit but the stack itself. */
static gpointer
small_stack_parse (gpointer data)
{
  ParseError *err = data;
  char here;
  GString *s = g_string_new (NULL);
  ParseOptions opts = { .max_depth = 10000000 };
  AstArena arena;

  opts.stack_limit = (const void *) ((uintptr_t) &here - 256 * 1024);
  for (int k = 0; k < 100000; k++)
    g_string_append (s, "([{a:");
  ast_arena_init (&arena);
  g_assert_null (parse_program (&arena, s->str, s->len, &opts, err));
  ast_arena_free (&arena);
  g_string_free (s, TRUE);
  return NULL;
}

static void
test_stack_limit (void)
{
  ParseError err = { 0 };
  pthread_attr_t attr;
  pthread_t thread;

  /* 1 MiB of stack, of which the parser may use a quarter. */
  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, 1024 * 1024);
  g_assert_cmpint (pthread_create (&thread, &attr,
                                   (void *(*) (void *)) small_stack_parse,
                                   &err), ==, 0);
  pthread_join (thread, NULL);
  pthread_attr_destroy (&attr);
  g_assert_cmpint (err.kind, ==, PARSE_ERROR_NESTING);
}

/* Parses src (which need not be NUL-terminated) in every mode. */
static void
parse_all_modes (const char *src, size_t len)
{
  for (int mode = 0; mode < 3; mode++)
    {
      ParseOptions opts = { .module = mode == 1, .strict = mode == 2 };
      AstArena arena;
      ParseError err;
      AstNode *prog;
      ast_arena_init (&arena);
      prog = parse_program (&arena, src, len, &opts, &err);
      if (prog)
        {
          /* Dumping walks the whole tree: it must be well formed. */
          FILE *null = fopen ("/dev/null", "w");
          ast_dump (null, prog, true);
          fclose (null);
        }
      else
        g_assert_cmpint (err.kind, !=, PARSE_ERROR_NONE);
      ast_arena_free (&arena);
    }
}

static const char *const corpus[] = {
  "var a = [1, 2, ...b], {c, d: [e = 1]} = f;",
  "class A extends B { #x = 1; static { this.y = 2; }"
  " get z() { return this.#x; } }",
  "async function* g(a = 1, ...b) { for await (const x of y) yield* x; }",
  "label: for (let i = 0; i < 10; i++) { if (i) continue label; else break; }",
  "x = a?.b?.[c]?.(d) ?? e || f && g ** h;",
  "tpl = tag`a${b}c${`d${e}`}`; re = /[a-z]+\\//gu.test(s);",
  "import a, {b as c} from 'm'; export default class {};"
  " export * as n from 'o';",
  "try { throw new Error('x') } catch ({message}) { } finally { debugger }",
  "switch (x) { case 1: let y = 2; break; default: { } }",
  "(a, {b}, [c] = []) => ({a, b, c}); async x => await x;",
  "'use strict'; function f(a, b) { return arguments.length + a + b }",
  "obj = { __proto__: null, get a() {}, set a(v) {}, async *m() {},"
  " [k]: 1, 0x10: 2 };",
  "with (o) { x = 08 + 017 + '\\08' }",
};

static void
test_random_bytes (void)
{
  GRand *rand = g_rand_new_with_seed (20250101);
  const int rounds = g_test_slow () ? 200000 : 20000;

  for (int r = 0; r < rounds; r++)
    {
      char buf[64];
      size_t len = g_rand_int_range (rand, 0, sizeof buf);
      /* Mostly characters the lexer cares about, some arbitrary bytes. */
      static const char alphabet[] =
        "abcxyz019_$\\u{}()[]<>=!+-*/%&|^~?:;,.'\"`#@ \n\r\t";
      for (size_t i = 0; i < len; i++)
        buf[i] = g_rand_boolean (rand)
                   ? alphabet[g_rand_int_range (rand, 0,
                                                sizeof alphabet - 1)]
                   : (char) g_rand_int_range (rand, 0, 256);
      parse_all_modes (buf, len);
    }
  g_rand_free (rand);
}

static void
test_mutations (void)
{
  GRand *rand = g_rand_new_with_seed (4242);
  const int rounds = g_test_slow () ? 100000 : 10000;
  static const char *const pieces[] = {
    "(", ")", "[", "]", "{", "}", "=>", "async", "await", "yield", "let",
    "`", "${", "/", "#x", "?.", "...", ",", ";", "\n", "function", "class",
    "new", "super", "import", "export", "default", "=", "'use strict';",
    "\xe2\x80\xa8", "\xff", "\\u0061", "0x", "1_", "get", "static", "of",
  };

  for (int r = 0; r < rounds; r++)
    {
      const char *base = corpus[g_rand_int_range (rand, 0,
                                                  G_N_ELEMENTS (corpus))];
      GString *s = g_string_new (base);
      int edits = g_rand_int_range (rand, 1, 4);
      for (int e = 0; e < edits && s->len; e++)
        {
          size_t at = g_rand_int_range (rand, 0, s->len);
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: /* delete a few bytes */
              {
                size_t n = g_rand_int_range (rand, 1, 5);
                g_string_erase (s, at, MIN (s->len - at, n));
              }
              break;
            case 1: /* insert a piece of syntax */
              g_string_insert (s, at,
                               pieces[g_rand_int_range (
                                 rand, 0, G_N_ELEMENTS (pieces))]);
              break;
            case 2: /* flip a byte */
              s->str[at] = (char) g_rand_int_range (rand, 0, 256);
              break;
            default: /* truncate */
              g_string_truncate (s, at);
              break;
            }
        }
      parse_all_modes (s->str, s->len);
      g_string_free (s, TRUE);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lexer/punctuators", test_lexer_punctuators);
  g_test_add_func ("/lexer/numbers", test_lexer_numbers);
  g_test_add_func ("/lexer/strings", test_lexer_strings);
  g_test_add_func ("/lexer/templates", test_lexer_templates);
  g_test_add_func ("/lexer/regexp", test_lexer_regexp);
  g_test_add_func ("/lexer/positions", test_lexer_positions);
  g_test_add_func ("/lexer/regexp-patterns", test_regexp_patterns);
  g_test_add_func ("/lexer/identifiers", test_lexer_identifiers);
  g_test_add_func ("/parser/asi", test_asi);
  g_test_add_func ("/parser/error-position", test_error_position);
  g_test_add_func ("/parser/positions", test_positions);
  g_test_add_func ("/parser/strings", test_strings_in_ast);
  for (unsigned i = 0; i < G_N_ELEMENTS (families); i++)
    {
      char *path = g_strconcat ("/parser/early-errors/", families[i].name,
                                NULL);
      g_test_add_data_func (path, &families[i], test_early_errors);
      g_free (path);
    }
  g_test_add_func ("/parser/eval-options", test_eval_options);
  g_test_add_func ("/parser/html-comments", test_html_comments);
  g_test_add_func ("/parser/deep-nesting", test_deep_nesting);
  g_test_add_func ("/parser/stack-limit", test_stack_limit);
  g_test_add_func ("/parser/random-bytes", test_random_bytes);
  g_test_add_func ("/parser/mutations", test_mutations);
  return g_test_run ();
}
