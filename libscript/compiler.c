/* compiler.c — the driver, emission, registers, functions, statements.
 *
 * Registers are allocated like a stack: a statement or expression takes
 * what it needs above next_reg and gives it back when done, so the
 * arguments of a call are always the highest registers in use and the
 * callee's frame can start on them (see bytecode.h).  Bindings that no
 * closure captures take registers for the life of their scope.
 *
 * Environments: each scope whose bindings are captured gets an
 * environment cell at run time.  The compiler tracks the absolute depth
 * of the environment chain (env_level): a binding of a scope entered at
 * level L is reached from level C with LdaEnv (C - L, slot).
 */
#include "config.h"

#include "compiler-private.h"
#include "bigint.h"
#include "function.h"
#include "ic.h"
#include "parser.h"

#include <stdarg.h>

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

void
compile_error (FuncState *fs, const AstNode *n, const char *fmt, ...)
{
  Compiler *c = fs->c;
  if (c->failed)
    return;
  c->failed = true;
  va_list ap;
  va_start (ap, fmt);
  g_vsnprintf (c->error->message, sizeof c->error->message, fmt, ap);
  va_end (ap);
  c->error->kind = COMPILE_ERROR_RANGE;
  c->error->line = n ? n->line : 0;
  c->error->column = n ? n->col : 0;
}

/* ------------------------------------------------------------------ */
/* Emission                                                            */
/* ------------------------------------------------------------------ */

static void
put_u16 (GByteArray *b, uint32_t v)
{
  uint16_t x = (uint16_t) v;
  g_byte_array_append (b, (guint8 *) &x, 2);
}

static void
put_u32 (GByteArray *b, uint32_t v)
{
  g_byte_array_append (b, (guint8 *) &v, 4);
}

/* Registers from..to-1 are dead: ClearRegs them, so that what they
 * held can be collected.  Registers are a stack (reg_alloc), so
 * everything from next_reg up is dead at any point; the compiler clears
 * them where a frame may live on while its old values would keep objects
 * alive: at a suspension (a generator's saved frame keeps every register)
 * and after a loop (its body's temporaries and bindings). */
static void
emit_clear_regs (FuncState *fs, uint32_t from, uint32_t to)
{
  while (from < to && from <= 0xFFFF)
    {
      uint32_t n = MIN (to - from, 0xFFFFu);
      emit_op (fs, JS_OP_ClearRegs, from, n);
      from += n;
    }
}

void
emit_op (FuncState *fs, JsOpcode op, ...)
{
  if (op == JS_OP_Await || op == JS_OP_Yield || op == JS_OP_YieldRaw)
    emit_clear_regs (fs, fs->next_reg, fs->max_reg);
  const char *sig = js_op_signature[op];
  uint32_t ops[8];
  size_t n = strlen (sig);
  g_assert (n <= G_N_ELEMENTS (ops));
  bool wide = false;
  va_list ap;
  va_start (ap, op);
  for (size_t i = 0; i < n; i++)
    {
      ops[i] = va_arg (ap, uint32_t);
      if (sig[i] != 'j' && sig[i] != 's' && ops[i] > 0xFFFF)
        wide = true;
    }
  va_end (ap);
  if (wide && !bc_has_long_form (op))
    {
      /* Only the moves have a long form: registers stay below 0x10000
         (scope.c keeps a function's register bindings few) and so do
         caches (ic_alloc) and the constants of other instructions
         (const_add_kind).  What is left is a call with more arguments, a
         literal nested deeper than that... */
      compile_error (fs, NULL, "function too large (%s needs an operand "
                               "past 65535)", js_op_name[op]);
      return;
    }
  if (wide)
    g_byte_array_append (fs->code, (guint8[]){ JS_OP_Wide }, 1);
  guint8 b = (guint8) op;
  g_byte_array_append (fs->code, &b, 1);
  for (size_t i = 0; i < n; i++)
    {
      if (sig[i] == 'j' || sig[i] == 's' || wide)
        put_u32 (fs->code, ops[i]);
      else
        put_u16 (fs->code, ops[i]);
    }
}

static uint32_t label_add_site (FuncState *fs, Label *label);
static void store_binding (FuncState *fs, Binding *b);
static Binding *module_binding (Scope *top, const AstStr *name);

void
label_init (Label *l)
{
  l->sites = NULL;
}

void
label_free (Label *l)
{
  if (l->sites)
    g_array_free (l->sites, TRUE);
  l->sites = NULL;
}

/* Emits a jump whose target is bound later; returns the operand offset.
 * The jump operand is the last one of every jumping instruction, so the
 * next instruction starts right after it. */
uint32_t
emit_jump (FuncState *fs, JsOpcode op, Label *label)
{
  g_assert (strcmp (js_op_signature[op], "j") == 0);
  emit_op (fs, op, 0u);
  return label_add_site (fs, label);
}

/* A jump with a register operand (IteratorStep, ForInNext). */
uint32_t
emit_jump_r (FuncState *fs, JsOpcode op, uint32_t reg, Label *label)
{
  g_assert (strcmp (js_op_signature[op], "rj") == 0);
  emit_op (fs, op, reg, 0u);
  return label_add_site (fs, label);
}

/* Records that the last four bytes emitted are a jump to label. */
static uint32_t
label_add_site (FuncState *fs, Label *label)
{
  uint32_t site = fs->code->len - 4;
  if (!label->sites)
    label->sites = g_array_new (FALSE, FALSE, sizeof (uint32_t));
  g_array_append_val (label->sites, site);
  return site;
}

static void
patch (FuncState *fs, uint32_t site, uint32_t target)
{
  int32_t off = (int32_t) target - (int32_t) (site + 4);
  memcpy (fs->code->data + site, &off, 4);
}

/* Binds every pending jump of l to the current offset. */
void
label_bind (FuncState *fs, Label *l)
{
  if (!l->sites)
    return;
  for (guint i = 0; i < l->sites->len; i++)
    patch (fs, g_array_index (l->sites, uint32_t, i), fs->code->len);
  g_array_set_size (l->sites, 0);
}

void
emit_jump_back (FuncState *fs, JsOpcode op, uint32_t target)
{
  emit_op (fs, op, 0u);
  patch (fs, fs->code->len - 4, target);
}

/* Records where the next instruction comes from, for errors and stack
 * traces: (pc delta, line delta, column) as three LEB128 numbers, the
 * line delta zig-zag encoded. */
void
mark_position (FuncState *fs, const AstNode *n)
{
  if (!n || (n->line == fs->last_line && n->col == fs->last_col))
    return;
  uint32_t pc = fs->code->len;
  int64_t dl = (int64_t) n->line - (int64_t) fs->last_line;
  uint64_t vals[3] = { pc - fs->last_line_pc,
                       ((uint64_t) dl << 1) ^ (uint64_t) (dl >> 63), n->col };
  for (int i = 0; i < 3; i++)
    {
      uint64_t v = vals[i];
      do
        {
          guint8 byte = v & 0x7F;
          v >>= 7;
          if (v)
            byte |= 0x80;
          g_byte_array_append (fs->lines, &byte, 1);
        }
      while (v);
    }
  fs->last_line_pc = pc;
  fs->last_line = n->line;
  fs->last_col = n->col;
}

/* ------------------------------------------------------------------ */
/* Registers, constants, caches                                        */
/* ------------------------------------------------------------------ */

uint32_t
reg_alloc (FuncState *fs)
{
  return reg_alloc_n (fs, 1);
}

uint32_t
reg_alloc_n (FuncState *fs, uint32_t n)
{
  uint32_t r = fs->next_reg;
  fs->next_reg += n;
  if (fs->next_reg > fs->max_reg)
    fs->max_reg = fs->next_reg;
  if (fs->next_reg > fs->used_high)
    fs->used_high = fs->next_reg;
  if (fs->next_reg > 0xFFFFF)
    compile_error (fs, fs->node, "function needs too many registers");
  return r;
}

void
reg_free_to (FuncState *fs, uint32_t mark)
{
  g_assert (mark <= fs->next_reg);
  fs->next_reg = mark;
}

/* Constants.  One pool, indexed by the instructions' operands.  Only
 * LdaConst has a long form besides the register and environment moves
 * (interp.c's op_Wide), so every other instruction's constants (names,
 * scopes, functions, ...) must sit below 0x10000: once a pool reaches
 * CONST_SPLIT entries, the values only LdaConst loads (numbers, strings,
 * BigInts) go on from 0x10000 up, while the others fill the rest of the
 * low part; the gap between is padding.  Lookups of existing constants
 * go through hash tables: generated code can have 100,000 of them. */
#define CONST_SPLIT 0xC000u

static uint32_t
const_add_kind (FuncState *fs, ConstEntry e, bool value)
{
  if (!fs->const_split && fs->consts->len >= CONST_SPLIT)
    {
      fs->const_split = true;
      fs->const_low = fs->consts->len;
      ConstEntry pad = { .kind = CONST_NUMBER, .num = 0 };
      while (fs->consts->len < 0x10000)
        g_array_append_val (fs->consts, pad);
    }
  if (!fs->const_split || value)
    {
      g_array_append_val (fs->consts, e);
      return fs->consts->len - 1;
    }
  if (fs->const_low >= 0x10000)
    {
      compile_error (fs, fs->node, "function has too many constants");
      return 0;
    }
  g_array_index (fs->consts, ConstEntry, fs->const_low) = e;
  return fs->const_low++;
}

static uint32_t
const_add (FuncState *fs, ConstEntry e)
{
  return const_add_kind (fs, e, false);
}

/* The index of key in a dedup table, or G_MAXUINT32 (values are index
 * + 1). */
static uint32_t
const_lookup (GHashTable **table, gconstpointer key)
{
  if (!*table)
    return G_MAXUINT32;
  gpointer v;
  if (!g_hash_table_lookup_extended (*table, key, NULL, &v))
    return G_MAXUINT32;
  return GPOINTER_TO_UINT (v) - 1;
}

/* Pointers and double bits alike: their entropy is spread over 64 bits
 * (small doubles' low half is zero). */
static guint
bits_hash (gconstpointer p)
{
  uint64_t x = (uint64_t) (uintptr_t) p;
  x ^= x >> 33;
  x *= UINT64_C (0xff51afd7ed558ccd);
  x ^= x >> 33;
  return (guint) x;
}

static uint32_t
const_remember (GHashTable **table, gpointer key, uint32_t i)
{
  if (!*table)
    *table = g_hash_table_new (bits_hash, NULL);
  g_hash_table_insert (*table, key, GUINT_TO_POINTER (i + 1));
  return i;
}

uint32_t
const_atom (FuncState *fs, const AstStr *s)
{
  uint32_t i = const_lookup (&fs->const_atoms, s);
  if (i != G_MAXUINT32)
    return i;
  return const_remember (&fs->const_atoms, (gpointer) s,
                         const_add (fs, (ConstEntry){ .kind = CONST_ATOM,
                                                      .str = s }));
}

bool
const_str_is_index (const AstStr *s)
{
  if (s->len == 0 || s->len > 10 || (s->len > 1 && s->data[0] == '0'))
    return false;
  uint64_t v = 0;
  for (uint32_t i = 0; i < s->len; i++)
    {
      if (s->data[i] < '0' || s->data[i] > '9')
        return false;
      v = v * 10 + (s->data[i] - '0');
    }
  return v <= UINT64_C (4294967294);
}

uint32_t
const_string (FuncState *fs, const AstStr *s)
{
  uint32_t i = const_lookup (&fs->const_strings, s);
  if (i != G_MAXUINT32)
    return i;
  return const_remember (&fs->const_strings, (gpointer) s,
                         const_add_kind (fs, (ConstEntry){
                                               .kind = CONST_STRING,
                                               .str = s }, true));
}

uint32_t
const_number (FuncState *fs, double d)
{
  uint64_t bits;
  memcpy (&bits, &d, sizeof bits);
  gpointer key = (gpointer) (uintptr_t) bits;
  uint32_t i = const_lookup (&fs->const_numbers, key);
  if (i != G_MAXUINT32)
    return i;
  return const_remember (&fs->const_numbers, key,
                         const_add_kind (fs, (ConstEntry){
                                               .kind = CONST_NUMBER,
                                               .num = d }, true));
}

/* An atom for a name the compiler itself spells (not from the source). */
uint32_t
const_ascii_atom (FuncState *fs, const char *s)
{
  /* Not interned with the source's names: looked up by content. */
  if (!fs->const_ascii)
    fs->const_ascii = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             NULL);
  gpointer v;
  if (g_hash_table_lookup_extended (fs->const_ascii, s, NULL, &v))
    return GPOINTER_TO_UINT (v) - 1;
  size_t len = strlen (s);
  uint16_t *units = ast_alloc (fs->c->arena, (len + 1) * 2);
  for (size_t i = 0; i <= len; i++)
    units[i] = (uint8_t) s[i];
  AstStr *str = ast_alloc (fs->c->arena, sizeof *str);
  memset (str, 0, sizeof *str);
  str->data = units;
  str->len = (uint32_t) len;
  str->latin1 = true;
  str->well_formed = true;
  uint32_t i = const_add (fs, (ConstEntry){ .kind = CONST_ATOM, .str = str });
  g_hash_table_insert (fs->const_ascii, g_strdup (s), GUINT_TO_POINTER (i + 1));
  return i;
}

/* A value only LdaConst loads (a BigInt literal). */
uint32_t
const_add_value (FuncState *fs, ConstEntry e)
{
  return const_add_kind (fs, e, true);
}

uint32_t
const_add_entry (FuncState *fs, ConstEntry e)
{
  return const_add (fs, e);
}

uint32_t
const_template (FuncState *fs, AstNode *tpl)
{
  return const_add (fs, (ConstEntry){ .kind = CONST_TEMPLATE, .node = tpl });
}

/* Caches past the u16 operands' reach share the last one, which the
 * code keeps megamorphic (materialize): it never caches, so sharing it
 * between instructions of any kind is safe. */
#define IC_SHARED 0xFFFFu

uint32_t
ic_alloc (FuncState *fs)
{
  if (fs->n_ics >= IC_SHARED)
    {
      fs->n_ics = IC_SHARED + 1;
      return IC_SHARED;
    }
  return fs->n_ics++;
}

/* ------------------------------------------------------------------ */
/* Bindings                                                            */
/* ------------------------------------------------------------------ */

bool
binding_location (FuncState *fs, Binding *b, uint32_t *reg, uint32_t *depth,
                  uint32_t *slot)
{
  if (b->slot >= 0)
    {
      g_assert (b->scope->env_level >= 0);
      *depth = (uint32_t) (fs->env_level - b->scope->env_level);
      *slot = (uint32_t) b->slot;
      return false;
    }
  g_assert (b->reg >= 0);
  *reg = (uint32_t) b->reg;
  return true;
}

/* Gives the bindings of a scope that live in registers their registers,
 * and pushes the scope's environment if it has one.  Lexical bindings
 * start in their TDZ. */
static void
scope_enter (FuncState *fs, Scope *s)
{
  if (!s)
    return;
  if (s->has_env)
    {
      uint32_t k = const_add (fs, (ConstEntry){ .kind = CONST_SCOPE,
                                                .scope = s });
      emit_op (fs, JS_OP_PushEnv, k);
      fs->env_level++;
      fs->env_depth++;
      s->env_level = fs->env_level;
    }
  for (guint i = 0; i < s->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (s->bindings, i);
      if (b->slot >= 0 || b->reg >= 0)
        continue;
      b->reg = (int32_t) reg_alloc (fs);
      if (b->lexical || b->kind == BIND_FUNCTION)
        {
          emit_op (fs, JS_OP_LdaHole);
          emit_op (fs, JS_OP_Star, (uint32_t) b->reg);
        }
      else if ((s->kind != SCOPE_FUNCTION || b->kind != BIND_PARAM)
               && !(s->kind == SCOPE_FUNCTION && s == fs->info->scope))
        {
          /* Registers of a loop body's scope keep the last iteration's
             values unless reset.  (A function's own scope is entered
             once, first thing, when the call has set every register
             past the arguments to undefined.) */
          emit_op (fs, JS_OP_LdaUndefined);
          emit_op (fs, JS_OP_Star, (uint32_t) b->reg);
        }
    }
}

static void
scope_leave (FuncState *fs, Scope *s, uint32_t reg_mark)
{
  if (!s)
    return;
  /* The registers go back to the pool: a later entry of the same scope
     (a loop body, a for-in head's TDZ pass) takes new ones. */
  for (guint i = 0; i < s->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (s->bindings, i);
      if (b->slot < 0 && (uint32_t) b->reg >= reg_mark)
        b->reg = -1;
    }
  if (s->has_env)
    {
      emit_op (fs, JS_OP_PopEnv);
      fs->env_level--;
      fs->env_depth--;
    }
  reg_free_to (fs, reg_mark);
}

/* Creates the closures of function declarations of a scope. */
static void
hoist_functions (FuncState *fs, Scope *s)
{
  if (!s)
    return;
  for (guint i = 0; i < s->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (s->bindings, i);
      /* A function declaration named like a parameter replaces its
         value too. */
      if (!b->decl || b->decl->kind != AST_FUNC_DECL
          || (b->kind != BIND_VAR && b->kind != BIND_FUNCTION
              && b->kind != BIND_PARAM))
        continue;
      uint32_t k = compile_function (fs, b->decl);
      emit_op (fs, JS_OP_CreateClosure, k);
      uint32_t reg, depth, slot;
      if (binding_location (fs, b, &reg, &depth, &slot))
        emit_op (fs, JS_OP_Star, reg);
      else
        emit_op (fs, JS_OP_StaEnv, depth, slot);
    }
}

/* ------------------------------------------------------------------ */
/* Jumps out of statements                                             */
/* ------------------------------------------------------------------ */

static Jumps *
jumps_push (FuncState *fs, Jumps *j, const AstStr *label, bool loop)
{
  memset (j, 0, sizeof *j);
  j->outer = fs->jumps;
  j->label = label;
  j->is_loop = loop;
  j->env_depth = fs->env_depth;
  j->finally_depth = fs->finally_depth;
  j->iterator_reg = -1;
  j->finally_depth = fs->finally_depth;
  label_init (&j->breaks);
  label_init (&j->continues);
  fs->jumps = j;
  return j;
}

static void
jumps_pop (FuncState *fs, Jumps *j)
{
  fs->jumps = j->outer;
  label_free (&j->breaks);
  label_free (&j->continues);
  if (j->label_set)
    g_array_free (j->label_set, TRUE);
}

void
compile_iterator_scope_begin (FuncState *fs, Jumps *j, uint32_t it)
{
  jumps_push (fs, j, NULL, false);
  j->iterator_reg = (int32_t) it;
}

void
compile_iterator_scope_end (FuncState *fs, Jumps *j)
{
  jumps_pop (fs, j);
}

static bool
jumps_has_label (Jumps *j, const AstStr *label)
{
  if (j->label == label)
    return true;
  if (j->label_set)
    for (guint i = 0; i < j->label_set->len; i++)
      if (g_array_index (j->label_set, const AstStr *, i) == label)
        return true;
  return false;
}

/* IteratorClose (or AsyncIteratorClose) of a for-of loop's iterator
 * with a normal completion: errors propagate.  The close marks the
 * iterator done first, so the loop's own throw handler does not close
 * it a second time. */
static void
emit_iterator_close (FuncState *fs, Jumps *j)
{
  uint32_t it = (uint32_t) j->iterator_reg;
  if (!j->iterator_async)
    {
      emit_op (fs, JS_OP_IteratorClose, it);
      return;
    }
  /* acc (a return's value) is kept, as IteratorClose keeps it. */
  uint32_t saved = reg_alloc (fs);
  Label skip;
  label_init (&skip);
  emit_op (fs, JS_OP_Star, saved);
  emit_op (fs, JS_OP_IteratorCloseCall, it, 0u);
  emit_jump (fs, JS_OP_JumpIfHole, &skip);
  compile_await (fs);
  emit_op (fs, JS_OP_CheckIterResult);
  label_bind (fs, &skip);
  label_free (&skip);
  emit_op (fs, JS_OP_Ldar, saved);
  reg_free_to (fs, saved);
}

/* Closes the iterators of the for-of loops that a completion leaves on
 * its way to target (NULL: out of the function; with and_target, a
 * break, target's own too), stopping at the innermost finally block,
 * which runs before the loops outside it are left. */
static void
close_iterators (FuncState *fs, Jumps *target, bool and_target)
{
  for (Jumps *j = fs->jumps; j; j = j->outer)
    {
      if (fs->finally && j->finally_depth < fs->finally_depth)
        break;
      if (j == target && !and_target)
        break;
      if (j->iterator_reg >= 0)
        emit_iterator_close (fs, j);
      if (j == target)
        break;
    }
}

static void
pop_envs_to (FuncState *fs, uint32_t depth)
{
  for (uint32_t d = fs->env_depth; d > depth; d--)
    emit_op (fs, JS_OP_PopEnv);
}

/* A break or continue to label of target: leaves loops (closing their
 * iterators) and environments, and passes through each finally block in
 * between.  Such a jump enters the finally block with completion kind
 * 3 + i, where i indexes the block's list of routed jumps; after the
 * block, compile_try sends it on from there. */
static void
emit_jump_out (FuncState *fs, Jumps *target, Label *label)
{
  close_iterators (fs, target, label == &target->breaks);
  Finally *f = fs->finally;
  if (!f || target->finally_depth >= fs->finally_depth)
    {
      pop_envs_to (fs, target->env_depth);
      emit_jump (fs, JS_OP_Jump, label);
      return;
    }
  if (!f->targets)
    f->targets = g_array_new (FALSE, FALSE, sizeof (RoutedJump));
  uint32_t i;
  for (i = 0; i < f->targets->len; i++)
    {
      RoutedJump *r = &g_array_index (f->targets, RoutedJump, i);
      if (r->target == target && r->label == label)
        break;
    }
  if (i == f->targets->len)
    {
      RoutedJump r = { target, label };
      g_array_append_val (f->targets, r);
    }
  emit_op (fs, JS_OP_LdaInt, 3u + i);
  emit_op (fs, JS_OP_Star, (uint32_t) f->kind_reg);
  pop_envs_to (fs, f->env_depth);
  emit_jump (fs, JS_OP_Jump, &f->entry);
}

static void
compile_break_continue (FuncState *fs, AstNode *n, bool is_break)
{
  for (Jumps *j = fs->jumps; j; j = j->outer)
    {
      bool match = n->str ? jumps_has_label (j, n->str)
                          : (is_break ? (j->is_loop || j->is_switch)
                                      : j->is_loop);
      if (!match || (!is_break && !j->is_loop))
        continue;
      emit_jump_out (fs, j, is_break ? &j->breaks : &j->continues);
      return;
    }
  compile_error (fs, n, "no target for break or continue");
}

/* ------------------------------------------------------------------ */
/* Statements                                                          */
/* ------------------------------------------------------------------ */

static void compile_block_body (FuncState *fs, AstNode *node, AstList *l);
static void compile_annexb_copy (FuncState *fs, AstNode *fn);
static void emit_return (FuncState *fs);
static void load_binding (FuncState *fs, Binding *b);

static void
compile_var_decl (FuncState *fs, AstNode *n)
{
  /* let and const directly at a script's top level initialize entries
     of the script scope. */
  bool saved = fs->init_global_lexical;
  fs->init_global_lexical = fs->top_level && n->op != AST_DECL_VAR
                            && fs->block_depth == 0;
  for (AstNode *d = n->list.first; d; d = d->next)
    {
      if (!d->b)
        {
          /* let x; initializes to undefined; var x; does nothing. */
          if (n->op != AST_DECL_VAR)
            {
              emit_op (fs, JS_OP_LdaUndefined);
              compile_pattern_assign (fs, d->a, true);
            }
          continue;
        }
      mark_position (fs, d);
      if (n->op == AST_DECL_VAR && d->a->kind == AST_IDENT
          && scope_ref_is_dynamic (&fs->c->res, d->a))
        {
          /* var x = v in with (or beside eval): x is resolved before v
             runs, and that binding is the one set. */
          uint32_t k = const_atom (fs, d->a->str);
          uint32_t ref = reg_alloc_n (fs, 2);
          emit_op (fs, JS_OP_ResolveLookup, k, ref);
          compile_named_value (fs, d->b, d->a->str);
          emit_op (fs, fs->strict ? JS_OP_StaRefStrict : JS_OP_StaRef, k,
                   ref);
          reg_free_to (fs, ref);
          continue;
        }
      if (d->a->kind == AST_IDENT)
        compile_named_value (fs, d->b, d->a->str);
      else
        compile_expr (fs, d->b);
      compile_pattern_assign (fs, d->a, n->op != AST_DECL_VAR);
    }
  fs->init_global_lexical = saved;
}

/* Statements whose completion value is never empty (if, loops, switch,
 * try, with) start it at undefined, so that a body that completes empty
 * (or breaks with nothing) leaves undefined, not an earlier statement's
 * value (the spec's UpdateEmpty).  Only scripts and eval code keep one. */
static void
completion_reset (FuncState *fs)
{
  if (fs->completion_reg < 0)
    return;
  emit_op (fs, JS_OP_LdaUndefined);
  emit_op (fs, JS_OP_Star, (uint32_t) fs->completion_reg);
}

static void
compile_if (FuncState *fs, AstNode *n)
{
  completion_reset (fs);
  Label otherwise, end;
  label_init (&otherwise);
  label_init (&end);
  compile_expr (fs, n->a);
  emit_jump (fs, JS_OP_JumpIfFalse, &otherwise);
  compile_statement (fs, n->b);
  if (n->c)
    {
      emit_jump (fs, JS_OP_Jump, &end);
      label_bind (fs, &otherwise);
      compile_statement (fs, n->c);
    }
  else
    label_bind (fs, &otherwise);
  label_bind (fs, &end);
  label_free (&otherwise);
  label_free (&end);
}

/* The label set of the statement being compiled, from LABELED parents,
 * is kept in the compiler until the loop it names takes it. */
#define PENDING_LABELS (fs->c->pending_labels)

static void
take_labels_fs (FuncState *fs, Jumps *j)
{
  j->label_set = PENDING_LABELS;
  PENDING_LABELS = NULL;
}
#define take_labels(j) take_labels_fs (fs, (j))

static void
compile_while (FuncState *fs, AstNode *n)
{
  completion_reset (fs);
  Jumps j;
  jumps_push (fs, &j, NULL, true);
  take_labels (&j);
  uint32_t top = fs->code->len;
  compile_expr (fs, n->a);
  emit_jump (fs, JS_OP_JumpIfFalse, &j.breaks);
  compile_statement (fs, n->d);
  label_bind (fs, &j.continues);
  emit_jump_back (fs, JS_OP_JumpLoop, top);
  label_bind (fs, &j.breaks);
  jumps_pop (fs, &j);
}

static void
compile_do_while (FuncState *fs, AstNode *n)
{
  completion_reset (fs);
  Jumps j;
  jumps_push (fs, &j, NULL, true);
  take_labels (&j);
  uint32_t top = fs->code->len;
  compile_statement (fs, n->d);
  label_bind (fs, &j.continues);
  compile_expr (fs, n->a);
  Label out;
  label_init (&out);
  emit_jump (fs, JS_OP_JumpIfFalse, &out);
  emit_jump_back (fs, JS_OP_JumpLoop, top);
  label_bind (fs, &out);
  label_free (&out);
  label_bind (fs, &j.breaks);
  jumps_pop (fs, &j);
}

static void
compile_for (FuncState *fs, AstNode *n)
{
  completion_reset (fs);
  uint32_t mark = fs->next_reg;
  Scope *s = scope_of (&fs->c->res, n);
  scope_enter (fs, s);
  if (n->a)
    {
      if (n->a->kind == AST_VAR_DECL)
        compile_var_decl (fs, n->a);
      else
        compile_expr_effect (fs, n->a);
    }
  /* A captured let of the head gets a fresh environment per iteration:
     the copy is made before the first test (closures in the head's
     initializers keep the first) and before each update expression. */
  bool per_iteration = s && s->has_env;
  if (per_iteration)
    emit_op (fs, JS_OP_CopyEnv);
  Jumps j;
  jumps_push (fs, &j, NULL, true);
  take_labels (&j);
  uint32_t top = fs->code->len;
  if (n->b)
    {
      compile_expr (fs, n->b);
      emit_jump (fs, JS_OP_JumpIfFalse, &j.breaks);
    }
  compile_statement (fs, n->d);
  label_bind (fs, &j.continues);
  if (per_iteration)
    emit_op (fs, JS_OP_CopyEnv);
  if (n->c)
    compile_expr_effect (fs, n->c);
  emit_jump_back (fs, JS_OP_JumpLoop, top);
  label_bind (fs, &j.breaks);
  jumps_pop (fs, &j);
  scope_leave (fs, s, mark);
}

/* Ends the range h covers and emits its handler after a jump over it:
 * a throw inside the range closes the iterator in registers it, it+1
 * (IteratorClose with a throw completion) and throws again. */
void
compile_close_on_throw (FuncState *fs, JsHandler *h, uint32_t it)
{
  Label over;
  label_init (&over);
  h->end = fs->code->len;
  emit_jump (fs, JS_OP_Jump, &over);
  h->target = fs->code->len;
  g_array_append_val (fs->handlers, *h);
  emit_op (fs, JS_OP_IteratorCloseThrow, it);
  label_bind (fs, &over);
  label_free (&over);
}

/* for-in and for-of: the head's binding or target gets each value. */
static void
compile_for_in_of (FuncState *fs, AstNode *n)
{
  completion_reset (fs);
  bool of = n->kind == AST_FOR_OF;
  bool async = of && (n->flags & AST_F_AWAIT);
  uint32_t mark = fs->next_reg;
  Scope *s = scope_of (&fs->c->res, n);
  /* The right side is evaluated with the head's names in their TDZ. */
  if (s && s->bindings->len)
    {
      scope_enter (fs, s);
      compile_expr (fs, n->b);
      scope_leave (fs, s, mark);
    }
  else
    compile_expr (fs, n->b);
  uint32_t it = reg_alloc_n (fs, 2);
  if (of)
    emit_op (fs, async ? JS_OP_GetAsyncIterator : JS_OP_GetIterator, it);
  else
    emit_op (fs, JS_OP_ForInPrepare, it);

  Jumps j;
  jumps_push (fs, &j, NULL, true);
  take_labels (&j);
  j.iterator_reg = of ? (int32_t) it : -1;
  j.iterator_async = async;
  uint32_t top = fs->code->len;
  Label done;
  label_init (&done);
  if (async)
    {
      /* IteratorNext, awaited, then IteratorComplete and IteratorValue;
         errors here leave the iterator open. */
      uint32_t w = reg_alloc_n (fs, 2);
      emit_op (fs, JS_OP_Mov, it + 1, w);
      emit_op (fs, JS_OP_Mov, it, w + 1);
      emit_op (fs, JS_OP_Call, w, 0u, ic_alloc (fs));
      reg_free_to (fs, w);
      compile_await (fs);
      emit_jump_r (fs, JS_OP_IteratorComplete, it, &done);
    }
  else
    emit_jump_r (fs, of ? JS_OP_IteratorStep : JS_OP_ForInNext, it, &done);
  /* A fresh scope per iteration for let and const; entering it puts its
     bindings in their TDZ, through the accumulator. */
  uint32_t body_mark = fs->next_reg;
  uint32_t value = reg_alloc (fs);
  /* A throw from the head's binding or the body closes a for-of's
     iterator. */
  JsHandler h = { fs->code->len, 0, 0 };
  emit_op (fs, JS_OP_Star, value);
  scope_enter (fs, s);
  emit_op (fs, JS_OP_Ldar, value);
  AstNode *head = n->a;
  if (head->kind == AST_VAR_DECL)
    compile_pattern_assign (fs, head->list.first->a,
                            head->op != AST_DECL_VAR);
  else
    compile_pattern_assign (fs, head, false);
  compile_statement (fs, n->d);
  scope_leave (fs, s, body_mark);
  /* continue has left the body's scope (emit_exit_to): it goes on to the
     next step from here. */
  label_bind (fs, &j.continues);
  emit_jump_back (fs, JS_OP_JumpLoop, top);
  if (async)
    {
      /* AsyncIteratorClose with a throw completion: what return throws
         or gives is ignored, but it is still awaited. */
      h.end = fs->code->len;
      h.target = fs->code->len;
      g_array_append_val (fs->handlers, h);
      uint32_t exc = reg_alloc (fs);
      Label rethrow;
      label_init (&rethrow);
      emit_op (fs, JS_OP_Star, exc);
      emit_op (fs, JS_OP_IteratorCloseCall, it, 1u);
      emit_jump (fs, JS_OP_JumpIfHole, &rethrow);
      emit_op (fs, JS_OP_Await);
      label_bind (fs, &rethrow);
      label_free (&rethrow);
      emit_op (fs, JS_OP_Ldar, exc);
      emit_op (fs, JS_OP_Throw);
    }
  else if (of)
    compile_close_on_throw (fs, &h, it);
  label_bind (fs, &done);
  label_free (&done);
  /* break leaves the body's scope itself (emit_jump_out), and closes the
     iterator. */
  label_bind (fs, &j.breaks);
  jumps_pop (fs, &j);
  reg_free_to (fs, mark);
}

static void
compile_switch (FuncState *fs, AstNode *n)
{
  completion_reset (fs);
  uint32_t mark = fs->next_reg;
  uint32_t disc = reg_alloc (fs);
  compile_expr_to (fs, n->a, disc);
  Scope *s = scope_of (&fs->c->res, n);
  scope_enter (fs, s);
  hoist_functions (fs, s);
  Jumps j;
  jumps_push (fs, &j, NULL, false);
  j.is_switch = true;
  take_labels (&j);

  uint32_t ncases = n->list.count;
  Label *bodies = g_new0 (Label, ncases);
  AstNode *dflt = NULL;
  uint32_t i = 0;
  for (AstNode *c = n->list.first; c; c = c->next, i++)
    {
      if (!c->a)
        {
          dflt = c;
          continue;
        }
      compile_expr (fs, c->a);
      emit_op (fs, JS_OP_StrictEq, disc);
      emit_jump (fs, JS_OP_JumpIfTrue, &bodies[i]);
    }
  Label no_match;
  label_init (&no_match);
  emit_jump (fs, JS_OP_Jump, dflt ? &no_match : &j.breaks);
  i = 0;
  for (AstNode *c = n->list.first; c; c = c->next, i++)
    {
      label_bind (fs, &bodies[i]);
      if (c == dflt)
        label_bind (fs, &no_match);
      for (AstNode *st = c->list.first; st; st = st->next)
        compile_statement (fs, st);
      label_free (&bodies[i]);
    }
  label_free (&no_match);
  g_free (bodies);
  label_bind (fs, &j.breaks);
  jumps_pop (fs, &j);
  scope_leave (fs, s, mark);
}

static void
compile_try (FuncState *fs, AstNode *n)
{
  completion_reset (fs);
  uint32_t mark = fs->next_reg;
  uint32_t env_reg = reg_alloc (fs);
  emit_op (fs, JS_OP_SaveEnv, env_reg);
  Label end;
  label_init (&end);

  if (!n->c)
    {
      /* try/catch. */
      JsHandler h = { fs->code->len, 0, 0 };
      compile_statement (fs, n->a);
      h.end = fs->code->len;
      emit_jump (fs, JS_OP_Jump, &end);
      h.target = fs->code->len;
      g_array_append_val (fs->handlers, h);
      emit_op (fs, JS_OP_RestoreEnv, env_reg);
      AstNode *cat = n->b;
      uint32_t cmark = fs->next_reg;
      Scope *cs = scope_of (&fs->c->res, cat);
      uint32_t exc = reg_alloc (fs);
      emit_op (fs, JS_OP_Star, exc);
      completion_reset (fs);
      scope_enter (fs, cs);
      if (cat->a)
        {
          emit_op (fs, JS_OP_Ldar, exc);
          compile_pattern_assign (fs, cat->a, true);
        }
      compile_statement (fs, cat->b);
      scope_leave (fs, cs, cmark);
      label_bind (fs, &end);
      label_free (&end);
      reg_free_to (fs, mark);
      return;
    }

  /* try/finally, or try/catch/finally: the completion is kept in two
     registers while the finally block runs: kind 0 normal, 1 throw,
     2 return. */
  uint32_t kind = reg_alloc (fs), value = reg_alloc (fs);
  Finally fin = { fs->finally, (int32_t) kind, (int32_t) value,
                  { NULL }, NULL, fs->env_depth, false };
  fs->finally = &fin;
  fs->finally_depth++;
  JsHandler outer = { fs->code->len, 0, 0 };
  if (n->b)
    {
      JsHandler inner = { fs->code->len, 0, 0 };
      compile_statement (fs, n->a);
      inner.end = fs->code->len;
      Label after_catch;
      label_init (&after_catch);
      emit_jump (fs, JS_OP_Jump, &after_catch);
      inner.target = fs->code->len;
      g_array_append_val (fs->handlers, inner);
      emit_op (fs, JS_OP_RestoreEnv, env_reg);
      AstNode *cat = n->b;
      uint32_t cmark = fs->next_reg;
      Scope *cs = scope_of (&fs->c->res, cat);
      uint32_t exc = reg_alloc (fs);
      emit_op (fs, JS_OP_Star, exc);
      completion_reset (fs);
      scope_enter (fs, cs);
      if (cat->a)
        {
          emit_op (fs, JS_OP_Ldar, exc);
          compile_pattern_assign (fs, cat->a, true);
        }
      compile_statement (fs, cat->b);
      scope_leave (fs, cs, cmark);
      label_bind (fs, &after_catch);
      label_free (&after_catch);
    }
  else
    compile_statement (fs, n->a);
  outer.end = fs->code->len;
  fs->finally = fin.outer;
  fs->finally_depth--;
  /* Normal completion. */
  emit_op (fs, JS_OP_LdaInt, 0u);
  emit_op (fs, JS_OP_Star, kind);
  Label run_finally;
  label_init (&run_finally);
  emit_jump (fs, JS_OP_Jump, &run_finally);
  /* Throw completion. */
  outer.target = fs->code->len;
  g_array_append_val (fs->handlers, outer);
  emit_op (fs, JS_OP_RestoreEnv, env_reg);
  emit_op (fs, JS_OP_Star, value);
  emit_op (fs, JS_OP_LdaInt, 1u);
  emit_op (fs, JS_OP_Star, kind);
  /* Return completions jump here too (see compile_return). */
  label_bind (fs, &fin.entry);
  label_bind (fs, &run_finally);
  label_free (&run_finally);
  label_free (&fin.entry);
  /* The finally block's own value counts only if it ends abruptly. */
  int32_t saved_cpl = -1;
  if (fs->completion_reg >= 0)
    {
      saved_cpl = (int32_t) reg_alloc (fs);
      emit_op (fs, JS_OP_Ldar, (uint32_t) fs->completion_reg);
      emit_op (fs, JS_OP_Star, (uint32_t) saved_cpl);
      completion_reset (fs);
    }
  compile_statement (fs, n->c);
  if (saved_cpl >= 0)
    {
      emit_op (fs, JS_OP_Ldar, (uint32_t) saved_cpl);
      emit_op (fs, JS_OP_Star, (uint32_t) fs->completion_reg);
    }
  /* Resume the completion. */
  Label normal;
  label_init (&normal);
  emit_op (fs, JS_OP_LdaInt, 0u);
  emit_op (fs, JS_OP_StrictEq, kind);
  emit_jump (fs, JS_OP_JumpIfTrue, &normal);
  /* Breaks and continues routed through this block go on from here. */
  for (guint i = 0; fin.targets && i < fin.targets->len; i++)
    {
      RoutedJump *r = &g_array_index (fin.targets, RoutedJump, i);
      Label other;
      label_init (&other);
      emit_op (fs, JS_OP_LdaInt, 3u + i);
      emit_op (fs, JS_OP_StrictEq, kind);
      emit_jump (fs, JS_OP_JumpIfFalse, &other);
      emit_jump_out (fs, r->target, r->label);
      label_bind (fs, &other);
      label_free (&other);
    }
  if (fin.targets)
    g_array_free (fin.targets, TRUE);
  emit_op (fs, JS_OP_LdaInt, 1u);
  emit_op (fs, JS_OP_StrictEq, kind);
  Label is_return;
  label_init (&is_return);
  emit_jump (fs, JS_OP_JumpIfFalse, &is_return);
  emit_op (fs, JS_OP_Ldar, value);
  emit_op (fs, JS_OP_Throw);
  label_bind (fs, &is_return);
  label_free (&is_return);
  /* A return goes on through the loops and finally blocks outside. */
  emit_op (fs, JS_OP_Ldar, value);
  compile_return_acc (fs);
  label_bind (fs, &normal);
  label_free (&normal);
  label_free (&end);
  reg_free_to (fs, mark);
}

static void
compile_return (FuncState *fs, AstNode *n)
{
  if (n->a)
    {
      compile_expr (fs, n->a);
      /* An async generator's return awaits its operand. */
      if ((fs->flags & (JS_CODE_ASYNC | JS_CODE_GENERATOR))
          == (JS_CODE_ASYNC | JS_CODE_GENERATOR))
        compile_await (fs);
    }
  else
    emit_op (fs, JS_OP_LdaUndefined);
  compile_return_acc (fs);
}

/* Returns acc, through the finally blocks that enclose this point. */
void
compile_return_acc (FuncState *fs)
{
  /* IteratorClose keeps acc. */
  close_iterators (fs, NULL, false);
  if (fs->finally)
    {
      emit_op (fs, JS_OP_Star, (uint32_t) fs->finally->value_reg);
      emit_op (fs, JS_OP_LdaInt, 2u);
      emit_op (fs, JS_OP_Star, (uint32_t) fs->finally->kind_reg);
      pop_envs_to (fs, fs->finally->env_depth);
      emit_jump (fs, JS_OP_Jump, &fs->finally->entry);
      return;
    }
  emit_return (fs);
}

/* Return, where a derived constructor whose this an arrow may bind
 * (super () in an arrow) first copies this from its environment into r0,
 * where Return looks for it. */
static void
emit_return (FuncState *fs)
{
  Binding *tb = fs->info->this_binding;
  if ((fs->flags & JS_CODE_DERIVED) && tb && tb->slot >= 0)
    {
      uint32_t t = reg_alloc (fs);
      emit_op (fs, JS_OP_Star, t);
      load_binding (fs, tb);
      emit_op (fs, JS_OP_Star, 0u);
      emit_op (fs, JS_OP_Ldar, t);
      reg_free_to (fs, t);
    }
  emit_op (fs, JS_OP_Return);
}

static void
compile_labeled (FuncState *fs, AstNode *n)
{
  AstNode *body = n->a;
  bool loop = body->kind == AST_WHILE || body->kind == AST_DO_WHILE
              || body->kind == AST_FOR || body->kind == AST_FOR_IN
              || body->kind == AST_FOR_OF || body->kind == AST_SWITCH;
  if (loop || body->kind == AST_LABELED)
    {
      /* The loop (or inner label) takes the whole label set. */
      if (!PENDING_LABELS)
        PENDING_LABELS = g_array_new (FALSE, FALSE, sizeof (AstStr *));
      g_array_append_val (PENDING_LABELS, n->str);
      compile_statement (fs, body);
      return;
    }
  if (PENDING_LABELS)
    {
      g_array_free (PENDING_LABELS, TRUE);
      PENDING_LABELS = NULL;
    }
  Jumps j;
  jumps_push (fs, &j, n->str, false);
  compile_statement (fs, body);
  label_bind (fs, &j.breaks);
  jumps_pop (fs, &j);
}

static void
compile_expr_statement (FuncState *fs, AstNode *n)
{
  mark_position (fs, n);
  if (fs->completion_reg >= 0)
    {
      compile_expr (fs, n->a);
      emit_op (fs, JS_OP_Star, (uint32_t) fs->completion_reg);
    }
  else
    compile_expr_effect (fs, n->a);
}

static void
compile_block_body (FuncState *fs, AstNode *node, AstList *l)
{
  uint32_t mark = fs->next_reg;
  fs->block_depth++;
  Scope *s = scope_of (&fs->c->res, node);
  scope_enter (fs, s);
  hoist_functions (fs, s);
  for (AstNode *st = l->first; st; st = st->next)
    compile_statement (fs, st);
  scope_leave (fs, s, mark);
  fs->block_depth--;
}

void
compile_statement (FuncState *fs, AstNode *n)
{
  if (fs->c->failed || !n)
    return;
  if (PENDING_LABELS && n->kind != AST_LABELED && n->kind != AST_WHILE
      && n->kind != AST_DO_WHILE && n->kind != AST_FOR
      && n->kind != AST_FOR_IN && n->kind != AST_FOR_OF
      && n->kind != AST_SWITCH)
    {
      g_array_free (PENDING_LABELS, TRUE);
      PENDING_LABELS = NULL;
    }
  switch (n->kind)
    {
    case AST_EMPTY:
      break;
    case AST_FUNC_DECL: /* hoisted; Annex B copies a block's to its var */
      if (g_hash_table_contains (fs->c->res.annexb, n))
        compile_annexb_copy (fs, n);
      break;
    case AST_EXPR_STMT:
      compile_expr_statement (fs, n);
      break;
    case AST_VAR_DECL:
      compile_var_decl (fs, n);
      break;
    case AST_BLOCK:
      compile_block_body (fs, n, &n->list);
      break;
    case AST_IF:
      compile_if (fs, n);
      break;
    case AST_WHILE:
    case AST_DO_WHILE:
    case AST_FOR:
    case AST_FOR_IN:
    case AST_FOR_OF:
      {
        /* The registers the loop used are dead after it: cleared once
           (not per iteration), so an object made in the last iteration
           does not outlive the loop. */
        uint32_t from = fs->next_reg, saved_high = fs->used_high;
        fs->used_high = fs->next_reg;
        if (n->kind == AST_WHILE)
          compile_while (fs, n);
        else if (n->kind == AST_DO_WHILE)
          compile_do_while (fs, n);
        else if (n->kind == AST_FOR)
          compile_for (fs, n);
        else
          compile_for_in_of (fs, n);
        emit_clear_regs (fs, from, fs->used_high);
        fs->used_high = MAX (fs->used_high, saved_high);
      }
      break;
    case AST_SWITCH:
      compile_switch (fs, n);
      break;
    case AST_BREAK:
      compile_break_continue (fs, n, true);
      break;
    case AST_CONTINUE:
      compile_break_continue (fs, n, false);
      break;
    case AST_RETURN:
      mark_position (fs, n);
      compile_return (fs, n);
      break;
    case AST_THROW:
      mark_position (fs, n);
      compile_expr (fs, n->a);
      emit_op (fs, JS_OP_Throw);
      break;
    case AST_TRY:
      compile_try (fs, n);
      break;
    case AST_LABELED:
      compile_labeled (fs, n);
      break;
    case AST_CLASS_DECL:
      {
        compile_class (fs, n);
        bool saved = fs->init_global_lexical;
        fs->init_global_lexical = fs->top_level && fs->block_depth == 0;
        compile_pattern_assign (fs, n->a, true);
        fs->init_global_lexical = saved;
      }
      break;
    case AST_DEBUGGER:
      emit_op (fs, JS_OP_Debugger);
      break;
    case AST_IMPORT:
    case AST_EXPORT_ALL:
      /* Linked by the loader before the code runs. */
      break;
    case AST_EXPORT_NAMED:
      if (n->a)
        compile_statement (fs, n->a);
      break;
    case AST_EXPORT_DEFAULT:
      {
        AstNode *d = n->a;
        if (d->kind == AST_FUNC_DECL)
          break; /* hoisted */
        if (d->kind == AST_CLASS_DECL && d->a)
          {
            compile_statement (fs, d);
            break;
          }
        /* An expression or an anonymous class: named "default". */
        static const uint16_t dflt[] = { 'd', 'e', 'f', 'a', 'u', 'l', 't', 0 };
        AstStr name = { .data = dflt, .len = 7, .latin1 = true,
                        .well_formed = true };
        AstStr *copy = ast_alloc (fs->c->arena, sizeof *copy);
        *copy = name;
        if (d->kind == AST_CLASS_DECL)
          {
            fs->c->class_name = copy;
            compile_class (fs, d);
          }
        else
          compile_named_value (fs, d, copy);
        store_binding (fs, fs->c->res.default_binding);
      }
      break;
    case AST_WITH:
      {
        /* Names inside are looked up through the object environment
           (the resolver made them dynamic). */
        completion_reset (fs);
        compile_expr (fs, n->a);
        mark_position (fs, n);
        emit_op (fs, JS_OP_PushWithEnv);
        fs->env_level++;
        fs->env_depth++;
        compile_statement (fs, n->d);
        emit_op (fs, JS_OP_PopEnv);
        fs->env_level--;
        fs->env_depth--;
      }
      break;
    default:
      compile_error (fs, n, "%s statements are not supported yet",
                     ast_kind_name (n->kind));
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Functions                                                           */
/* ------------------------------------------------------------------ */

static void
fs_init (FuncState *fs, FuncState *parent, Compiler *c, AstNode *node)
{
  memset (fs, 0, sizeof *fs);
  fs->parent = parent;
  fs->c = c;
  fs->node = node;
  fs->info = scope_func_of (&c->res, node);
  fs->code = g_byte_array_new ();
  fs->consts = g_array_new (FALSE, FALSE, sizeof (ConstEntry));
  fs->handlers = g_array_new (FALSE, FALSE, sizeof (JsHandler));
  fs->lines = g_byte_array_new ();
  fs->last_line = node->line;
  fs->last_col = node->col;
  fs->completion_reg = -1;
  fs->gen_reg = -1;
  fs->env_level = parent ? parent->env_level : 0;
  fs->strict = (node->flags & AST_F_STRICT) != 0
               || (parent && parent->strict);
}

static void
fs_free (FuncState *fs)
{
  if (fs->const_atoms)
    g_hash_table_destroy (fs->const_atoms);
  if (fs->const_strings)
    g_hash_table_destroy (fs->const_strings);
  if (fs->const_numbers)
    g_hash_table_destroy (fs->const_numbers);
  if (fs->const_ascii)
    g_hash_table_destroy (fs->const_ascii);
  g_byte_array_free (fs->code, TRUE);
  g_array_free (fs->consts, TRUE);
  g_array_free (fs->handlers, TRUE);
  g_byte_array_free (fs->lines, TRUE);
}

/* Stores acc into a binding at its declaration. */
static void
store_binding (FuncState *fs, Binding *b)
{
  uint32_t reg, depth, slot;
  if (binding_location (fs, b, &reg, &depth, &slot))
    emit_op (fs, JS_OP_Star, reg);
  else
    emit_op (fs, JS_OP_StaEnv, depth, slot);
}

static uint32_t materialize (FuncState *fs, const AstStr *name,
                             uint32_t length);
static void compile_field_init_body (FuncState *fs, AstNode *cls,
                                     bool statics);

/* The number of parameters before the first default or rest: the
 * function's length. */
static uint32_t
expected_args (AstNode *fn)
{
  uint32_t n = 0;
  for (AstNode *p = fn->list.first; p; p = p->next, n++)
    if (p->kind == AST_ASSIGN_PATTERN || p->kind == AST_REST)
      break;
  return n;
}

static void
compile_params (FuncState *fs, AstNode *fn)
{
  bool simple = (fn->flags & AST_F_SIMPLE_PARAMS) != 0;
  uint32_t i = 0;
  for (AstNode *p = fn->list.first; p; p = p->next, i++)
    {
      if (p->kind == AST_REST)
        {
          emit_op (fs, JS_OP_CreateRest, i);
          compile_pattern_assign (fs, p->a, true);
          continue;
        }
      if (simple)
        {
          /* In place, unless captured: then copied to the environment. */
          Binding *b = scope_ref (&fs->c->res, p);
          if (b && b->slot >= 0)
            {
              emit_op (fs, JS_OP_Ldar, i + 1);
              store_binding (fs, b);
            }
          continue;
        }
      emit_op (fs, JS_OP_Ldar, i + 1);
      compile_pattern_assign (fs, p, true);
    }
}

uint32_t
compile_function (FuncState *parent, AstNode *fn)
{
  Compiler *c = parent->c;
  FuncState fs;
  fs_init (&fs, parent, c, fn);
  FuncInfo *info = fs.info;
  bool arrow = (fn->flags & AST_F_ARROW) != 0;
  bool method = (fn->flags & (AST_F_METHOD | AST_F_GETTER | AST_F_SETTER))
                != 0;
  if (fs.strict)
    fs.flags |= JS_CODE_STRICT;
  if (arrow)
    fs.flags |= JS_CODE_ARROW;
  if (method)
    fs.flags |= JS_CODE_METHOD;
  if (fn->flags & AST_F_GENERATOR)
    fs.flags |= JS_CODE_GENERATOR;
  if (fn->flags & AST_F_ASYNC)
    fs.flags |= JS_CODE_ASYNC;
  if (fn->flags & AST_F_CONSTRUCTOR)
    fs.flags |= JS_CODE_CLASS_CONSTRUCTOR | JS_CODE_CONSTRUCTOR
                | JS_CODE_METHOD;
  if (fn->flags & AST_F_DERIVED)
    fs.flags |= JS_CODE_DERIVED;
  if (!arrow && !method && !(fn->flags & (AST_F_GENERATOR | AST_F_ASYNC))
      && fn->kind != AST_STATIC_BLOCK)
    fs.flags |= JS_CODE_CONSTRUCTOR;
  if (fn->kind == AST_STATIC_BLOCK)
    fs.flags |= JS_CODE_METHOD;
  /* Arrows that use super reach the home object through the function
     that made them: they carry it too. */
  if (arrow && (info->uses_super || info->has_eval))
    fs.flags |= JS_CODE_METHOD;
  /* What eval code in an arrow may use depends on where the arrow is. */
  if (arrow)
    fs.flags |= parent->flags & (JS_CODE_IN_FUNCTION | JS_CODE_FIELD_INIT);
  if (arrow && !(parent->flags & (JS_CODE_SCRIPT | JS_CODE_EVAL
                                  | JS_CODE_MODULE | JS_CODE_ARROW)))
    fs.flags |= JS_CODE_IN_FUNCTION;
  if (fn->flags & AST_F_FIELD_INIT)
    fs.flags |= JS_CODE_FIELD_INIT;

  /* r0 is this, r1.. the parameters' incoming values.  (A static
     block's list is its statements: it has no parameters.) */
  bool block = fn->kind == AST_STATIC_BLOCK;
  uint32_t nparams = 0;
  for (AstNode *p = block ? NULL : fn->list.first; p; p = p->next)
    nparams += p->kind != AST_REST;
  fs.n_params = nparams;
  fs.next_reg = fs.max_reg = 1 + nparams;
  bool simple = (fn->flags & AST_F_SIMPLE_PARAMS) != 0 || block;
  bool rest = !block && fn->list.last && fn->list.last->kind == AST_REST;
  if (info->uses_arguments || rest
      || ((fn->flags & AST_F_CONSTRUCTOR) && !fn->b
          && (fn->flags & AST_F_DERIVED)))
    fs.flags |= JS_CODE_NEEDS_ARGS;

  Scope *ps = info->scope;
  if (simple && !block)
    {
      uint32_t i = 1;
      for (AstNode *p = fn->list.first; p; p = p->next, i++)
        {
          Binding *b = scope_ref (&c->res, p);
          if (b && b->slot < 0)
            b->reg = (int32_t) i;
        }
    }
  if (info->this_binding && info->this_binding->slot < 0)
    info->this_binding->reg = 0;
  scope_enter (&fs, ps);

  /* Hidden bindings an arrow or an eval reaches through the
     environment. */
  if (info->this_binding && info->this_binding->slot >= 0)
    {
      if (fs.flags & JS_CODE_DERIVED)
        emit_op (&fs, JS_OP_LdaHole);
      else
        emit_op (&fs, JS_OP_Ldar, 0u);
      store_binding (&fs, info->this_binding);
    }
  if (info->new_target)
    {
      emit_op (&fs, JS_OP_LdaNewTarget);
      store_binding (&fs, info->new_target);
    }
  if (info->arguments && !info->mapped_arguments)
    {
      emit_op (&fs, JS_OP_CreateArguments);
      store_binding (&fs, info->arguments);
    }
  for (guint i = 0; i < ps->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (ps->bindings, i);
      if (b->kind == BIND_CALLEE)
        {
          emit_op (&fs, JS_OP_LdaCallee);
          store_binding (&fs, b);
        }
    }

  /* An async function's parameters are bound inside its body's
     promise: an error there rejects it. */
  bool async_fn = (fn->flags & AST_F_ASYNC) && !(fn->flags & AST_F_GENERATOR);
  if (async_fn)
    emit_op (&fs, JS_OP_InitAsync);
  if (!block)
    compile_params (&fs, fn);
  if (info->mapped_arguments)
    {
      /* After the parameters reached their slots, which it aliases. */
      uint32_t k = const_add (&fs, (ConstEntry){ .kind = CONST_ARGMAP,
                                                 .node = fn, .scope = ps });
      emit_op (&fs, JS_OP_CreateMappedArguments, k);
      store_binding (&fs, info->arguments);
    }
  Scope *vs = info->var_scope;
  if (vs != ps)
    {
      scope_enter (&fs, vs);
      /* A var named like a parameter starts with the parameter's value. */
      for (guint i = 0; i < vs->bindings->len; i++)
        {
          Binding *b = g_ptr_array_index (vs->bindings, i);
          Binding *p = b->name ? g_hash_table_lookup (ps->by_name, b->name)
                               : NULL;
          if (b->kind == BIND_VAR && p
              && (p->kind == BIND_PARAM || p->kind == BIND_ARGUMENTS))
            {
              uint32_t reg, depth, slot;
              if (binding_location (&fs, p, &reg, &depth, &slot))
                emit_op (&fs, JS_OP_Ldar, reg);
              else
                emit_op (&fs, JS_OP_LdaEnv, depth, slot);
              store_binding (&fs, b);
            }
        }
    }
  hoist_functions (&fs, vs);
  /* A generator's parameters are bound now; the call returns the
     generator object, and its body runs when that is resumed. */
  if (fn->flags & AST_F_GENERATOR)
    emit_op (&fs, JS_OP_InitGenerator);

  if (fn->flags & AST_F_FIELD_INIT)
    compile_field_init_body (&fs, fn->d, (fn->flags & AST_F_STATIC) != 0);
  else if ((fn->flags & AST_F_CONSTRUCTOR) && !fn->b)
    {
      /* A default constructor: a derived one passes its arguments on to
         the parent constructor, without iterating them. */
      if (fn->flags & AST_F_DERIVED)
        {
          emit_op (&fs, JS_OP_SuperCallForward);
          emit_op (&fs, JS_OP_Star, 0u);
          emit_op (&fs, JS_OP_LdaCallee);
          uint32_t f = reg_alloc (&fs);
          emit_op (&fs, JS_OP_Star, f);
          emit_op (&fs, JS_OP_Ldar, 0u);
          emit_op (&fs, JS_OP_InitFields, f);
        }
    }
  else if (fn->kind == AST_STATIC_BLOCK)
    for (AstNode *st = fn->list.first; st; st = st->next)
      compile_statement (&fs, st);
  else if (fn->flags & AST_F_EXPR_BODY)
    {
      compile_expr (&fs, fn->b);
      emit_op (&fs, JS_OP_Return);
    }
  else if (fn->b)
    for (AstNode *st = fn->b->list.first; st; st = st->next)
      compile_statement (&fs, st);
  emit_op (&fs, JS_OP_LdaUndefined);
  emit_return (&fs);

  const AstStr *name = fn->a && fn->a->kind == AST_IDENT ? fn->a->str
                                                         : NULL;
  uint32_t k = materialize (&fs, name, block ? 0 : expected_args (fn));
  fs_free (&fs);
  return k;
}

/* ------------------------------------------------------------------ */
/* Materialization: compiler constants become heap values              */
/* ------------------------------------------------------------------ */

static void
code_trace (JsTracer *trc, JsCell *cell)
{
  JsCode *code = (JsCode *) cell;
  gc_mark_values (trc, code->consts, code->n_consts);
  gc_mark_cell (trc, (JsCell *) code->name);
}

static void
code_finalize (JsHeap *heap, JsCell *cell)
{
  JsCode *code = (JsCode *) cell;
  ic_code_free (heap->rt, code);
  g_free (code->bytecode);
  g_free (code->consts);
  g_free (code->ics);
  g_free (code->handlers);
  g_free (code->lines);
  if (code->prev_code)
    {
      *code->prev_code = code->next_code;
      if (code->next_code)
        code->next_code->prev_code = code->prev_code;
    }
  if (code->source && --code->source->refcount == 0)
    {
      g_free (code->source->filename);
      g_free (code->source->text);
      g_free (code->source);
    }
}

const JsCellClass js_code_class = {
  .name = "Code",
  .kind = JS_KIND_INTERNAL,
  .trace = code_trace,
  .finalize = code_finalize,
};

JsShape *
compile_code_shape (JsRuntime *rt)
{
  if (!rt->code_shape)
    rt->code_shape = shape_new_root (rt, &js_code_class, NULL, 0);
  return rt->code_shape;
}

static JsValue
atom_value (Compiler *c, const AstStr *s)
{
  JsString *a = atom_intern_utf16 (c->rt, s->data, s->len);
  return a ? js_string_value (a) : JS_EXCEPTION;
}

JsString *
compile_private_atom (JsRuntime *rt, const AstStr *name)
{
  uint16_t buf[64];
  uint16_t *units = name->len < G_N_ELEMENTS (buf)
                        ? buf
                        : g_new (uint16_t, name->len + 1);
  units[0] = '#';
  memcpy (units + 1, name->data, name->len * 2);
  JsString *a = atom_intern_utf16 (rt, units, name->len + 1);
  if (units != buf)
    g_free (units);
  return a;
}

/* The environment shape of a scope: one property per slot, named after
 * the binding (hidden bindings get the empty name's place by index), so
 * eval and with can find names at run time. */
static JsValue
scope_shape_value (Compiler *c, Scope *s)
{
  JsRuntime *rt = c->rt;
  JsValue *saved = rt_save_roots (rt);
  JsShape *shape = shape_new_root (rt, &js_env_class, NULL, 0);
  JsValue *root = rt_push_cell (rt, shape);
  for (guint i = 0; shape && i < s->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (s->bindings, i);
      if (b->slot < 0)
        continue;
      g_assert ((uint32_t) b->slot == shape->count);
      JsKey key;
      if (b->name && b->kind == BIND_PRIVATE)
        {
          /* "#x": no identifier is spelled so, and eval code finds the
             private names of its caller's classes by it. */
          JsString *a = compile_private_atom (rt, b->name);
          if (!a)
            {
              shape = NULL;
              break;
            }
          key = (JsKey) (uintptr_t) a;
        }
      else if (b->name)
        {
          JsString *a = atom_intern_utf16 (rt, b->name->data, b->name->len);
          if (!a)
            {
              shape = NULL;
              break;
            }
          key = (JsKey) (uintptr_t) a;
        }
      else if (b->kind == BIND_EVAL_VARS || b->kind == BIND_EVAL_PARAM_VARS)
        key = function_eval_vars_key ();
      else
        key = js_key_from_index (JS_MAX_INDEX - (uint32_t) b->kind);
      uint8_t attrs = JS_ATTR_ENUMERABLE;
      if (b->kind == BIND_EVAL_PARAM_VARS)
        attrs |= JS_ATTR_CONFIGURABLE;
      if (b->kind != BIND_CONST && b->kind != BIND_CLASS
          && b->kind != BIND_IMPORT && b->kind != BIND_CALLEE)
        attrs |= JS_ATTR_WRITABLE;
      if (b->lexical || b->kind == BIND_FUNCTION)
        attrs |= JS_ATTR_TDZ;
      shape = shape_add_property (rt, shape, key, attrs);
      *root = js_cell_value (JS_TAG_INTERNAL, shape);
    }
  rt_restore_roots (rt, saved);
  return shape ? js_cell_value (JS_TAG_INTERNAL, shape) : JS_EXCEPTION;
}

/* A frozen array of strings (NULL entries become undefined). */
static JsValue
frozen_strings (Compiler *c, AstNode *tpl, bool raw, JsValue raw_value)
{
  JsRuntime *rt = c->rt;
  JsObject *a = object_new_array (rt, (JsCell *) c->ctx->array_proto,
                                  tpl->list.count);
  if (!a)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, js_object_value (a));
  JsValue r = *pa;
  uint32_t i = 0;
  for (AstNode *e = tpl->list.first; e; e = e->next)
    {
      if (e->kind != AST_TEMPLATE_ELEM)
        continue;
      const AstStr *s = raw ? e->str2 : e->str;
      JsValue v = s ? js_string_value (string_new_utf16 (rt, s->data, s->len))
                    : JS_UNDEFINED;
      if (js_is_string (v) && !js_get_string (v))
        {
          r = JS_EXCEPTION;
          break;
        }
      if (object_define_own (rt, js_get_object (*pa), js_key_from_index (i++),
                             v, JS_ATTR_ENUMERABLE)
          != JS_PROP_DONE)
        {
          r = JS_EXCEPTION;
          break;
        }
    }
  if (!js_is_exception (r)
      && (object_define_own (rt, js_get_object (*pa),
                             atom_common_key (rt, JS_ATOM_length),
                             js_int32 ((int32_t) i), 0)
              != JS_PROP_DONE
          || (!raw
              && object_define_own (rt, js_get_object (*pa),
                                    atom_key_from_utf8 (rt, "raw"), raw_value,
                                    0)
                     != JS_PROP_DONE)
          || object_prevent_extensions (rt, js_get_object (*pa))
                 != JS_PROP_DONE))
    r = JS_EXCEPTION;
  rt_restore_roots (rt, saved);
  return r;
}

/* GetTemplateObject: the cooked strings, frozen, with a frozen raw. */
static JsValue
template_value (Compiler *c, AstNode *tpl)
{
  JsRuntime *rt = c->rt;
  JsValue raw = frozen_strings (c, tpl, true, JS_UNDEFINED);
  if (js_is_exception (raw))
    return raw;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pr = rt_push_root (rt, raw);
  JsValue r = frozen_strings (c, tpl, false, *pr);
  rt_restore_roots (rt, saved);
  return r;
}

static void
collect_ident_ptr (AstNode *ident, void *data)
{
  g_ptr_array_add (data, ident);
}

/* A module's binding of a name (the top scope's, by content). */
static Binding *
module_binding (Scope *top, const AstStr *name)
{
  for (guint i = 0; i < top->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (top->bindings, i);
      if (b->name && b->name->len == name->len
          && memcmp (b->name->data, name->data, name->len * 2) == 0)
        return b;
    }
  return NULL;
}

/* Appends n values to a; they are rooted first, since a push may
 * collect and a value may be a fresh atom nothing else holds yet (the
 * "*" of a namespace import). */
static bool
push_all (JsRuntime *rt, JsObject *a, const JsValue *v, int n)
{
  JsValue *saved = rt_save_roots (rt);
  JsValue *held = rt->stack_top;
  for (int i = 0; i < n; i++)
    rt_push_root (rt, v[i]);
  bool ok = true;
  for (int i = 0; i < n && ok; i++)
    ok = !js_is_exception (held[i])
         && object_array_push (rt, a, held[i]) == JS_PROP_DONE;
  rt_restore_roots (rt, saved);
  return ok;
}

/* The record module.c links with: five arrays, of requested specifiers,
 * imports [specifier index, import name ("*": namespace), local slot],
 * local exports [export name, local slot], indirect exports [export name,
 * specifier index, import name ("*": namespace)], and star exports
 * [specifier index]. */
/* An atom for the module record, rooted until module_info_value
 * restores its roots. */
static JsValue
held_atom (Compiler *c, const AstStr *str)
{
  JsValue v = atom_value (c, str);
  rt_push_root (c->rt, v);
  return v;
}

static JsValue
module_info_value (Compiler *c, AstNode *program)
{
  JsRuntime *rt = c->rt;
  Scope *top = scope_of (&c->res, program);
  JsValue *saved = rt_save_roots (rt);
  JsValue *lists = rt->stack_top;
  /* The five lists, then every atom made below: rooted until the record
     holds them (a fresh atom nothing else holds may be collected by the
     next allocation). */
  for (int i = 0; i < 5; i++)
    {
      JsObject *a = object_new_array (rt, (JsCell *) c->ctx->array_proto, 4);
      rt_push_root (rt, a ? js_object_value (a) : JS_UNDEFINED);
      if (!a)
        {
          rt_restore_roots (rt, saved);
          return JS_EXCEPTION;
        }
    }
  JsString *star_atom = atom_intern_latin1 (rt, (const uint8_t *) "*", 1);
  JsValue star = star_atom ? js_string_value (star_atom) : JS_EXCEPTION;
  rt_push_root (rt, star);
  JsObject *req = js_get_object (lists[0]);
  GPtrArray *specs = g_ptr_array_new ();
  bool ok = true;
#define SPEC_INDEX(node)                                                    \
  ({                                                                        \
    const AstStr *sp_ = (node)->str;                                        \
    guint k_ = 0;                                                           \
    for (; k_ < specs->len; k_++)                                           \
      {                                                                     \
        const AstStr *o_ = g_ptr_array_index (specs, k_);                   \
        if (o_->len == sp_->len                                             \
            && memcmp (o_->data, sp_->data, sp_->len * 2) == 0)             \
          break;                                                            \
      }                                                                     \
    if (k_ == specs->len)                                                   \
      {                                                                     \
        g_ptr_array_add (specs, (gpointer) sp_);                            \
        ok = ok && push_all (rt, js_get_object (lists[0]),                  \
                             (JsValue[]){ held_atom (c, sp_) }, 1);        \
      }                                                                     \
    js_int32 ((int32_t) k_);                                                \
  })
  for (AstNode *n = program->list.first; n && ok; n = n->next)
    {
      if (n->kind == AST_IMPORT)
        {
          JsValue si = SPEC_INDEX (n->b);
          for (AstNode *sp = n->list.first; sp && ok; sp = sp->next)
            {
              Binding *b = module_binding (top, sp->a->str);
              JsValue name = sp->kind == AST_IMPORT_NAMESPACE
                                 ? star
                             : sp->kind == AST_IMPORT_DEFAULT
                                 ? js_string_value (atom_common (rt,
                                                                 JS_ATOM_default))
                                 : held_atom (c, sp->str);
              ok = push_all (rt, js_get_object (lists[1]),
                             (JsValue[]){ si, name,
                                          js_int32 (b ? b->slot : -1) }, 3);
            }
        }
      else if (n->kind == AST_EXPORT_ALL)
        {
          JsValue si = SPEC_INDEX (n->b);
          if (n->str2)
            ok = push_all (rt, js_get_object (lists[3]),
                           (JsValue[]){ held_atom (c, n->str2), si,
                                        star },
                           3);
          else
            ok = push_all (rt, js_get_object (lists[4]), &si, 1);
        }
      else if (n->kind == AST_EXPORT_NAMED && n->b)
        {
          JsValue si = SPEC_INDEX (n->b);
          for (AstNode *sp = n->list.first; sp && ok; sp = sp->next)
            ok = push_all (rt, js_get_object (lists[3]),
                           (JsValue[]){ held_atom (c, sp->str2), si,
                                        held_atom (c, sp->str) }, 3);
        }
      else if (n->kind == AST_EXPORT_NAMED)
        {
          if (n->a)
            {
              /* export var/let/const/function/class: their names. */
              AstNode *d = n->a;
              GPtrArray *names = g_ptr_array_new ();
              if (d->kind == AST_VAR_DECL)
                for (AstNode *x = d->list.first; x; x = x->next)
                  scope_pattern_names (x->a, collect_ident_ptr, names);
              else if (d->a)
                g_ptr_array_add (names, d->a);
              for (guint i = 0; i < names->len && ok; i++)
                {
                  AstNode *id = g_ptr_array_index (names, i);
                  Binding *b = module_binding (top, id->str);
                  ok = push_all (rt, js_get_object (lists[2]),
                                 (JsValue[]){ held_atom (c, id->str),
                                              js_int32 (b ? b->slot : -1) },
                                 2);
                }
              g_ptr_array_free (names, TRUE);
            }
          for (AstNode *sp = n->list.first; sp && ok; sp = sp->next)
            {
              Binding *b = module_binding (top, sp->str);
              if (b && b->kind == BIND_IMPORT)
                {
                  /* export { imported }: an indirect export. */
                  AstNode *imp = b->decl;
                  const AstStr *spec = NULL;
                  for (AstNode *m = program->list.first; m && !spec;
                       m = m->next)
                    if (m->kind == AST_IMPORT)
                      for (AstNode *q = m->list.first; q; q = q->next)
                        if (q == imp)
                          spec = m->b->str;
                  AstNode tmp = { 0 };
                  tmp.str = spec;
                  JsValue si = SPEC_INDEX (&tmp);
                  JsValue iname
                      = imp->kind == AST_IMPORT_NAMESPACE
                            ? star
                        : imp->kind == AST_IMPORT_DEFAULT
                            ? js_string_value (atom_common (rt,
                                                            JS_ATOM_default))
                            : held_atom (c, imp->str);
                  ok = push_all (rt, js_get_object (lists[3]),
                                 (JsValue[]){ held_atom (c, sp->str2), si,
                                              iname }, 3);
                  continue;
                }
              ok = push_all (rt, js_get_object (lists[2]),
                             (JsValue[]){ held_atom (c, sp->str2),
                                          js_int32 (b ? b->slot : -1) }, 2);
            }
        }
      else if (n->kind == AST_EXPORT_DEFAULT)
        {
          Binding *b = c->res.default_binding;
          if ((n->a->kind == AST_FUNC_DECL || n->a->kind == AST_CLASS_DECL)
              && n->a->a)
            b = module_binding (top, n->a->a->str);
          ok = push_all (rt, js_get_object (lists[2]),
                         (JsValue[]){ js_string_value (atom_common (
                                          rt, JS_ATOM_default)),
                                      js_int32 (b ? b->slot : -1) }, 2);
        }
    }
#undef SPEC_INDEX
  g_ptr_array_free (specs, TRUE);
  (void) req;
  JsObject *all = ok ? object_new_array (rt, (JsCell *) c->ctx->array_proto,
                                         5)
                     : NULL;
  JsValue r = JS_EXCEPTION;
  if (all)
    {
      JsValue *pall = rt_push_root (rt, js_object_value (all));
      if (push_all (rt, js_get_object (*pall), lists, 5))
        r = *pall;
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* DeclareGlobals' operand: an array of [name, kind, name, kind, ...]. */
static JsValue
names_value (Compiler *c, ConstEntry *e)
{
  JsRuntime *rt = c->rt;
  JsObject *a = object_new_array (rt, (JsCell *) c->ctx->array_proto,
                                  e->names->len * 2);
  if (!a)
    return JS_EXCEPTION;
  JsValue *saved = rt_save_roots (rt);
  JsValue *pa = rt_push_root (rt, js_object_value (a));
  JsValue r = *pa;
  for (guint i = 0; i < e->names->len; i++)
    {
      const AstStr *name = g_ptr_array_index (e->names, i);
      JsValue v = atom_value (c, name);
      /* Eval code's vars and functions are deletable: kind | 8. */
      int kind = g_array_index (e->kinds, int, i)
                 | ((c->flags & JS_CODE_EVAL) ? 8 : 0);
      if (js_is_exception (v)
          || object_array_push (rt, js_get_object (*pa), v) != JS_PROP_DONE
          || object_array_push (rt, js_get_object (*pa), js_int32 (kind))
                 != JS_PROP_DONE)
        {
          r = JS_EXCEPTION;
          break;
        }
    }
  rt_restore_roots (rt, saved);
  return r;
}

/* CreateMappedArguments' operand: an array of the parameters' slots;
 * of two parameters of one name only the last is mapped. */
static JsValue
argmap_value (Compiler *c, ConstEntry *e)
{
  JsRuntime *rt = c->rt;
  JsObject *a = object_new_array (rt, (JsCell *) c->ctx->array_proto,
                                  e->node->list.count);
  if (!a)
    return JS_EXCEPTION;
  for (AstNode *p = e->node->list.first; p; p = p->next)
    {
      Binding *b = g_hash_table_lookup (e->scope->by_name, p->str);
      bool repeated = false;
      for (AstNode *q = p->next; q; q = q->next)
        repeated = repeated || q->str == p->str;
      int32_t slot = b && !repeated ? b->slot : -1;
      if (object_array_push (rt, a, js_int32 (slot)) != JS_PROP_DONE)
        return JS_EXCEPTION;
    }
  return js_object_value (a);
}

static JsValue
const_value (FuncState *fs, ConstEntry *e)
{
  Compiler *c = fs->c;
  switch (e->kind)
    {
    case CONST_ATOM:
    case CONST_STRING:
      return atom_value (c, e->str);
    case CONST_NUMBER:
      return js_number (e->num);
    case CONST_CODE:
      return c->roots_base[e->code_root];
    case CONST_SCOPE:
      return scope_shape_value (c, e->scope);
    case CONST_NAMES:
      return names_value (c, e);
    case CONST_TEMPLATE:
      return template_value (c, e->node);
    case CONST_MODULE:
      return module_info_value (c, e->node);
    case CONST_ARGMAP:
      return argmap_value (c, e);
    case CONST_BIGINT:
      return bigint_from_literal (c->ctx, e->str->data, e->str->len,
                                  (int) e->num);
    default:
      return JS_UNDEFINED;
    }
}
/* Whether the instruction after op can be reached other than by
 * falling through: a generator or async function resumes there. */
static bool
op_resumes_after (uint8_t op)
{
  const char *name = js_op_name[op];
  return op == JS_OP_Yield || op == JS_OP_YieldRaw || op == JS_OP_Await
         || op == JS_OP_InitGenerator || op == JS_OP_InitAsync
         || strstr (name, "Yield") || strstr (name, "Await")
         || strstr (name, "Init");
}

/* The last pass: frequent pairs of instructions where nothing jumps to
 * the second become one instruction and a Nop byte, so that the pair
 * costs one dispatch while every offset stays where it was: a Star and
 * an Ldar (a sixth of what the interpreter runs) become StarLdar, a
 * GetNamed and a Star GetNamedStar.  Jump targets, handler bounds and
 * resumption points are left alone. */
static void
fuse_pairs (FuncState *fs)
{
  uint8_t *code = fs->code->data;
  uint32_t len = fs->code->len;
  uint8_t *target = g_new0 (uint8_t, len + 1);
  for (guint i = 0; i < fs->handlers->len; i++)
    {
      JsHandler *h = &g_array_index (fs->handlers, JsHandler, i);
      target[MIN (h->start, len)] = target[MIN (h->end, len)] = 1;
      target[MIN (h->target, len)] = 1;
    }
  for (uint32_t pc = 0; pc < len;)
    {
      bool wide = code[pc] == JS_OP_Wide;
      uint8_t op = code[pc + wide];
      uint32_t n = bc_instruction_length (code + pc);
      const uint8_t *p = code + pc + wide + 1;
      for (const char *c = js_op_signature[op]; *c; c++)
        {
          if (*c == 'j')
            {
              int64_t t = (int64_t) pc + n + bc_i32 (p);
              if (t >= 0 && t <= (int64_t) len)
                target[t] = 1;
            }
          p += bc_operand_size (*c, wide);
        }
      if (op_resumes_after (op) && pc + n <= len)
        target[pc + n] = 1;
      pc += n;
    }
  for (uint32_t pc = 0; pc < len;)
    {
      if (pc + 6 <= len && code[pc] == JS_OP_Star
          && code[pc + 3] == JS_OP_Ldar && !target[pc + 3])
        {
          /* Star r1 (3 bytes), Ldar r2 (3): StarLdar r1 r2, Nop. */
          code[pc] = JS_OP_StarLdar;
          memmove (code + pc + 3, code + pc + 4, 2);
          code[pc + 5] = JS_OP_Nop;
          pc += 6;
          continue;
        }
      if (pc + 10 <= len && code[pc] == JS_OP_GetNamed
          && code[pc + 7] == JS_OP_Star && !target[pc + 7])
        {
          /* GetNamed r k i (7), Star r2 (3): GetNamedStar r k i r2, Nop. */
          code[pc] = JS_OP_GetNamedStar;
          memmove (code + pc + 7, code + pc + 8, 2);
          code[pc + 9] = JS_OP_Nop;
          pc += 10;
          continue;
        }
      pc += bc_instruction_length (code + pc);
    }
  g_free (target);
}

/* How many properties the code stores into this by name (this.x = ...,
 * distinct names): a constructor's objects get that much inline room from
 * the start, so they need no storage cell and keep one shape. */
static uint32_t
count_this_stores (const JsCode *code)
{
  uint16_t seen[32];
  uint32_t n = 0;
  const uint8_t *pc = code->bytecode, *end = pc + code->bytecode_len;
  while (pc < end && n < G_N_ELEMENTS (seen))
    {
      if ((pc[0] == JS_OP_SetNamed || pc[0] == JS_OP_SetNamedStrict)
          && bc_u16 (pc + 1) == 0)
        {
          uint16_t k = bc_u16 (pc + 3);
          uint32_t i = 0;
          while (i < n && seen[i] != k)
            i++;
          if (i == n)
            seen[n++] = k;
        }
      pc += bc_instruction_length (pc);
    }
  return n;
}


/* Turns a finished FuncState into a JsCode cell, rooted on the value
 * stack until the whole compilation ends, and returns its constant index
 * in the parent (or the root index for the top level). */
static uint32_t
materialize (FuncState *fs, const AstStr *name, uint32_t length)
{
  Compiler *c = fs->c;
  JsRuntime *rt = c->rt;
  if (c->failed)
    return 0;
  JsShape *shape = compile_code_shape (rt);
  JsValue *saved = rt_save_roots (rt);
  uint32_t n = fs->consts->len;
  /* The constants first, each rooted as it is made. */
  JsValue *vals = rt->stack_top;
  for (uint32_t i = 0; i < n; i++)
    {
      JsValue v = const_value (fs, &g_array_index (fs->consts, ConstEntry, i));
      if (js_is_exception (v))
        {
          c->failed = true;
          c->error->kind = COMPILE_ERROR_MEMORY;
          g_strlcpy (c->error->message, "out of memory",
                     sizeof c->error->message);
          rt_restore_roots (rt, saved);
          return 0;
        }
      rt_push_root (rt, v);
    }
  JsValue name_v = name ? atom_value (c, name) : JS_UNDEFINED;
  rt_push_root (rt, name_v);
  JsCode *code = shape ? (JsCode *) heap_alloc_slots (
                     &rt->heap, JS_SPACE_CELLS, js_slots_for (sizeof *code))
                       : NULL;
  if (!code)
    {
      rt_restore_roots (rt, saved);
      c->failed = true;
      c->error->kind = COMPILE_ERROR_MEMORY;
      g_strlcpy (c->error->message, "out of memory", sizeof c->error->message);
      return 0;
    }
  memset (code, 0, sizeof *code);
  code->shape = shape;
  fuse_pairs (fs);
  code->bytecode_len = fs->code->len;
  code->bytecode = g_memdup2 (fs->code->data, fs->code->len);
  code->n_consts = n;
  code->consts = g_memdup2 (vals, n * sizeof (JsValue));
  code->n_ics = fs->n_ics;
  code->ics = g_new0 (JsIC, MAX (fs->n_ics, 1u));
  if (fs->n_ics > IC_SHARED)
    code->ics[IC_SHARED].state = JS_IC_MEGA;
  code->n_handlers = fs->handlers->len;
  code->handlers = g_memdup2 (fs->handlers->data,
                              fs->handlers->len * sizeof (JsHandler));
  code->lines_len = fs->lines->len;
  code->lines = g_memdup2 (fs->lines->data, fs->lines->len);
  code->source = c->source;
  c->source->refcount++;
  code->name = js_is_string (name_v) ? js_get_string (name_v) : NULL;
  code->flags = fs->flags | (fs->c->var_slots ? JS_CODE_VAR_OBJECT : 0);
  code->n_params = fs->n_params;
  code->length = length;
  code->n_regs = fs->max_reg;
  code->this_props = count_this_stores (code);
  code->src_start = fs->node->start;
  code->src_end = fs->node->end;
  code->line = fs->node->line;
  code->column = fs->node->col;
  heap_set_finalize ((JsCell *) code, true);
  heap_add_unmanaged (&rt->heap,
                      (int64_t) (code->bytecode_len + n * sizeof (JsValue)
                                 + code->n_ics * sizeof (JsIC)));
  /* Linked into the runtime's list, so the GC can clear dead shapes from
     every cache. */
  code->next_code = rt->codes;
  if (rt->codes)
    rt->codes->prev_code = &code->next_code;
  code->prev_code = &rt->codes;
  rt->codes = code;
  rt_restore_roots (rt, saved);

  /* Root the new code for the rest of the compilation. */
  uint32_t root = (uint32_t) (rt->stack_top - c->roots_base);
  rt_push_cell (rt, code);
  if (!fs->parent)
    return root;
  return const_add (fs->parent, (ConstEntry){ .kind = CONST_CODE,
                                              .code_root = root });
}

/* ------------------------------------------------------------------ */
/* The driver                                                          */
/* ------------------------------------------------------------------ */

/* Collects a script's declarations for GlobalDeclarationInstantiation:
 * var names (anywhere outside functions), top-level function names and
 * top-level lexical names, each once, with its kind. */
typedef struct
{
  GPtrArray *names; /* const AstStr* */
  GArray *kinds;    /* GLOBAL_DECL_* */
  int lexical_kind; /* while collecting a let or const declaration */
} GlobalDecls;

static void
global_decl_add (GlobalDecls *g, const AstStr *name, int kind)
{
  for (guint i = 0; i < g->names->len; i++)
    if (g_ptr_array_index (g->names, i) == name)
      {
        /* A function declaration wins over a var of the same name. */
        if (kind == GLOBAL_DECL_FUNCTION)
          g_array_index (g->kinds, int, i) = kind;
        return;
      }
  g_ptr_array_add (g->names, (gpointer) name);
  g_array_append_val (g->kinds, kind);
}

static void
collect_var_ident (AstNode *ident, void *data)
{
  global_decl_add (data, ident->str, GLOBAL_DECL_VAR);
}

static void
collect_global_vars (GlobalDecls *g, AstNode *n)
{
  if (!n)
    return;
  switch (n->kind)
    {
    case AST_VAR_DECL:
      if (n->op == AST_DECL_VAR)
        for (AstNode *d = n->list.first; d; d = d->next)
          scope_pattern_names (d->a, collect_var_ident, g);
      break;
    case AST_BLOCK:
      for (AstNode *st = n->list.first; st; st = st->next)
        collect_global_vars (g, st);
      break;
    case AST_IF:
      collect_global_vars (g, n->b);
      collect_global_vars (g, n->c);
      break;
    case AST_FOR:
    case AST_FOR_IN:
    case AST_FOR_OF:
      collect_global_vars (g, n->a);
      collect_global_vars (g, n->d);
      break;
    case AST_WHILE:
    case AST_DO_WHILE:
    case AST_WITH:
      collect_global_vars (g, n->d);
      break;
    case AST_LABELED:
      collect_global_vars (g, n->a);
      break;
    case AST_TRY:
      collect_global_vars (g, n->a);
      if (n->b)
        collect_global_vars (g, n->b->b);
      collect_global_vars (g, n->c);
      break;
    case AST_SWITCH:
      for (AstNode *c = n->list.first; c; c = c->next)
        for (AstNode *st = c->list.first; st; st = st->next)
          collect_global_vars (g, st);
      break;
    default:
      break;
    }
}

static void
collect_lexical_ident (AstNode *ident, void *data)
{
  GlobalDecls *g = data;
  global_decl_add (g, ident->str, g->lexical_kind);
}

static gint
compare_node_start (gconstpointer a, gconstpointer b)
{
  uint32_t x = ((const AstNode *) a)->start, y = ((const AstNode *) b)->start;
  return x < y ? -1 : x > y;
}

/* Declares a script's names at run time, before any of its code runs:
 * DeclareGlobals checks them against the global object and the script
 * scope (a SyntaxError if a let would shadow a var or the reverse), then
 * creates var and function properties and the TDZ entries of let, const
 * and class. */
static void
compile_global_declarations (FuncState *fs, AstNode *program)
{
  bool eval = (fs->flags & JS_CODE_EVAL) != 0;
  if ((eval && fs->strict && !fs->c->var_object) || fs->c->var_slots
      || (fs->flags & JS_CODE_MODULE))
    return;
  GlobalDecls g;
  g.names = g_ptr_array_new ();
  g.kinds = g_array_new (FALSE, FALSE, sizeof (int));
  for (AstNode *st = program->list.first; st; st = st->next)
    {
      if (st->kind == AST_FUNC_DECL && st->a)
        global_decl_add (&g, st->a->str, GLOBAL_DECL_FUNCTION);
      else if (eval && ((st->kind == AST_VAR_DECL && st->op != AST_DECL_VAR)
                        || st->kind == AST_CLASS_DECL))
        ;
      else if (st->kind == AST_VAR_DECL && st->op != AST_DECL_VAR)
        {
          g.lexical_kind = st->op == AST_DECL_CONST ? GLOBAL_DECL_CONST
                                                     : GLOBAL_DECL_LET;
          for (AstNode *d = st->list.first; d; d = d->next)
            scope_pattern_names (d->a, collect_lexical_ident, &g);
        }
      else if (st->kind == AST_CLASS_DECL && st->a)
        global_decl_add (&g, st->a->str, GLOBAL_DECL_LET);
      else
        collect_global_vars (&g, st);
    }
  /* Block functions that are also vars (Annex B.3.3), in source order. */
  GList *annexb = g_hash_table_get_keys (fs->c->res.annexb);
  annexb = g_list_sort (annexb, compare_node_start);
  for (GList *l = annexb; l; l = l->next)
    {
      AstNode *fn = l->data;
      if (!g_hash_table_lookup (fs->c->res.annexb, fn))
        global_decl_add (&g, fn->a->str, GLOBAL_DECL_VAR);
    }
  g_list_free (annexb);
  if (g.names->len)
    {
      ConstEntry e = { .kind = CONST_NAMES };
      e.names = g.names;
      e.kinds = g.kinds;
      g_ptr_array_add (fs->c->owned_arrays, g.names);
      g_ptr_array_add (fs->c->owned_arrays, g.kinds);
      uint32_t k = const_add (fs, e);
      /* Sloppy eval code declares in the variable environment of its
         caller, which is the global one only at top level. */
      emit_op (fs, eval ? JS_OP_DeclareEvalVars : JS_OP_DeclareGlobals, k);
      return;
    }
  g_ptr_array_free (g.names, TRUE);
  g_array_free (g.kinds, TRUE);
}

/* Code with var_slots: BindVarObject makes the variable object (this,
 * register 0) alias the top-level var and function names (lexicals
 * false) or let, const and class names (lexicals true) of scope, with
 * accessors reading and writing their environment slots. */
static void
emit_bind_var_object (FuncState *fs, Scope *scope, bool lexicals)
{
  GlobalDecls g;
  g.names = g_ptr_array_new ();
  g.kinds = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < scope->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (scope->bindings, i);
      if (!b->name || b->slot < 0 || b->lexical != lexicals
          || (b->kind != BIND_VAR && b->kind != BIND_LET
              && b->kind != BIND_CONST && b->kind != BIND_CLASS))
        continue;
      global_decl_add (&g, b->name,
                       b->kind == BIND_CONST ? GLOBAL_DECL_CONST
                       : lexicals            ? GLOBAL_DECL_LET
                                             : GLOBAL_DECL_VAR);
    }
  /* (The first, even with no names, also readies the object.) */
  if (!g.names->len && lexicals)
    {
      g_ptr_array_free (g.names, TRUE);
      g_array_free (g.kinds, TRUE);
      return;
    }
  ConstEntry e = { .kind = CONST_NAMES };
  e.names = g.names;
  e.kinds = g.kinds;
  g_ptr_array_add (fs->c->owned_arrays, g.names);
  g_ptr_array_add (fs->c->owned_arrays, g.kinds);
  uint32_t k = const_add (fs, e);
  emit_op (fs, JS_OP_Ldar, 0u);
  emit_op (fs, JS_OP_BindVarObject, k);
}

/* Whether a direct eval could add names to the top level of program: one
 * outside every function but arrows (whose evals declare in the
 * enclosing variable environment).  Class bodies are searched too, to be
 * safe, and so is a tree too deep to search (the resolver then fails). */
static bool
top_level_direct_eval (AstNode *n, const void *stack_limit)
{
  if (!n)
    return false;
  if (G_UNLIKELY (!runtime_c_stack_ok (stack_limit)))
    return true;
  if ((n->kind == AST_FUNCTION || n->kind == AST_FUNC_EXPR
       || n->kind == AST_FUNC_DECL)
      && !(n->flags & AST_F_ARROW))
    return false;
  if (n->kind == AST_CALL && (n->flags & AST_F_DIRECT_EVAL))
    return true;
  if (top_level_direct_eval (n->a, stack_limit)
      || top_level_direct_eval (n->b, stack_limit)
      || top_level_direct_eval (n->c, stack_limit)
      || top_level_direct_eval (n->d, stack_limit))
    return true;
  for (AstNode *e = n->list.first; e; e = e->next)
    if (top_level_direct_eval (e, stack_limit))
      return true;
  return false;
}

static JsCode *
compile_program (Compiler *c, AstNode *program, const CompileOptions *opts)
{
  FuncState fs;
  fs_init (&fs, NULL, c, program);
  if (fs.strict || (opts && (opts->strict || opts->module)))
    {
      fs.strict = true;
      fs.flags |= JS_CODE_STRICT;
    }
  fs.flags |= opts && opts->eval     ? JS_CODE_EVAL
               : opts && opts->module ? JS_CODE_MODULE
                                      : JS_CODE_SCRIPT;
  /* Eval code in a method may use super: its closure carries the
     caller's home object. */
  if (opts && opts->eval && opts->allow_super_property)
    fs.flags |= JS_CODE_METHOD;
  if (opts && opts->eval && opts->allow_new_target)
    fs.flags |= JS_CODE_IN_FUNCTION;
  if (opts && opts->eval && opts->in_class_field)
    fs.flags |= JS_CODE_FIELD_INIT;
  c->flags = fs.flags;
  fs.next_reg = fs.max_reg = 1;
  FuncInfo *info = fs.info;
  if (info->this_binding && info->this_binding->slot < 0)
    info->this_binding->reg = 0;
  fs.completion_reg = (int32_t) reg_alloc (&fs);
  emit_op (&fs, JS_OP_LdaUndefined);
  emit_op (&fs, JS_OP_Star, (uint32_t) fs.completion_reg);
  if (fs.flags & JS_CODE_MODULE)
    {
      /* A module runs in the environment its loader made at link time
         from constant 0 (its shape); constant 1 says what it imports and
         exports. */
      Scope *top = info->scope;
      const_add (&fs, (ConstEntry){ .kind = CONST_SCOPE, .scope = top });
      const_add (&fs, (ConstEntry){ .kind = CONST_MODULE, .node = program });
      fs.env_level = 1;
      top->env_level = 1;
    }
  else
    {
      /* Eval code declares its vars from the caller's environment, not
         its own lexical one. */
      if (fs.flags & JS_CODE_EVAL)
        compile_global_declarations (&fs, program);
      scope_enter (&fs, info->scope);
    }
  if (info->this_binding && info->this_binding->slot >= 0)
    {
      emit_op (&fs, JS_OP_Ldar, 0u);
      store_binding (&fs, info->this_binding);
    }
  if (info->new_target)
    {
      /* Eval code's new.target is its caller's, for its arrows too. */
      emit_op (&fs, JS_OP_LdaNewTarget);
      store_binding (&fs, info->new_target);
    }
  if (!(fs.flags & JS_CODE_EVAL))
    compile_global_declarations (&fs, program);
  /* Top-level function declarations of a script are globals: made first,
     as the spec's GlobalDeclarationInstantiation does. */
  for (AstNode *st = program->list.first; st; st = st->next)
    {
      AstNode *d = st;
      if ((d->kind == AST_EXPORT_NAMED || d->kind == AST_EXPORT_DEFAULT)
          && d->a)
        d = d->a;
      if (d->kind != AST_FUNC_DECL)
        continue;
      uint32_t k = compile_function (&fs, d);
      emit_op (&fs, JS_OP_CreateClosure, k);
      if (d->a && (fs.flags & JS_CODE_MODULE))
        store_binding (&fs, module_binding (info->scope, d->a->str));
      else if (d->a && (fs.flags & JS_CODE_EVAL)
               && ((!fs.strict && !c->var_slots) || c->var_object))
        emit_op (&fs, JS_OP_InitEvalFunction, const_atom (&fs, d->a->str));
      else if (d->a && (fs.flags & JS_CODE_EVAL))
        /* Strict eval code's functions are its own (and so are those of
           code with var_slots). */
        store_binding (&fs, g_hash_table_lookup (info->scope->by_name,
                                                 d->a->str));
      else if (d->a)
        compile_store_ident (&fs, d->a, true);
      else
        {
          /* export default function () {}: named "default". */
          uint32_t t = reg_alloc (&fs);
          emit_op (&fs, JS_OP_Star, t);
          emit_op (&fs, JS_OP_LdaConst, const_ascii_atom (&fs, "default"));
          emit_op (&fs, JS_OP_SetFunctionName, t);
          emit_op (&fs, JS_OP_Ldar, t);
          store_binding (&fs, c->res.default_binding);
          reg_free_to (&fs, t);
        }
    }
  /* The variable object gets its accessors now that the functions are
     made, before any statement runs: code that imports this one back
     from its top level sees them all, as hoisting says. */
  if (c->var_slots)
    emit_bind_var_object (&fs, info->scope, false);
  /* A module's body may await (top-level await): it runs as an async
     function body whose promise the loader waits for. */
  if (fs.flags & JS_CODE_MODULE)
    emit_op (&fs, JS_OP_InitAsync);
  fs.top_level = true;
  for (AstNode *st = program->list.first; st; st = st->next)
    compile_statement (&fs, st);
  /* GJS's importer shows a module's top-level let, const and class as
     properties of the module object too: copied there once the code has
     run to its end, when every one of them is initialized. */
  if (c->var_slots && c->export_lexicals)
    emit_bind_var_object (&fs, info->scope, true);
  if (c->var_object && c->export_lexicals && (fs.flags & JS_CODE_EVAL))
    for (guint i = 0; i < info->scope->bindings->len; i++)
      {
        Binding *b = g_ptr_array_index (info->scope->bindings, i);
        if (!b->name || (b->kind != BIND_LET && b->kind != BIND_CONST))
          continue;
        load_binding (&fs, b);
        emit_op (&fs, JS_OP_InitEvalFunction, const_atom (&fs, b->name));
      }
  /* A module's body promise fulfills with undefined: its completion
     value (a promise, say) is nobody's to wait for. */
  if (fs.flags & JS_CODE_MODULE)
    emit_op (&fs, JS_OP_LdaUndefined);
  else
    emit_op (&fs, JS_OP_Ldar, (uint32_t) fs.completion_reg);
  emit_op (&fs, JS_OP_Return);
  uint32_t root = materialize (&fs, NULL, 0);
  fs_free (&fs);
  if (c->failed)
    return NULL;
  return (JsCode *) js_get_cell (c->roots_base[root]);
}

JsCode *
compile_source (JsContext *ctx, const char *filename, const char *src,
                size_t len, const CompileOptions *opts, CompileError *err)
{
  JsRuntime *rt = ctx->rt;
  memset (err, 0, sizeof *err);
  ParseOptions popts = { 0 };
  if (opts)
    {
      popts.module = opts->module;
      popts.strict = opts->strict;
      popts.allow_return = opts->allow_return;
      popts.allow_new_target = opts->allow_new_target;
      popts.allow_super_property = opts->allow_super_property;
      popts.allow_super_call = opts->allow_super_call;
      popts.in_class_field = opts->in_class_field;
      popts.private_name_visible = opts->private_name_visible;
      popts.private_name_data = opts->private_name_data;
    }
  AstArena arena;
  ast_arena_init (&arena);
  ParseError perr;
  popts.stack_limit = runtime_c_stack_limit ();
  AstNode *program = parse_program (&arena, src, len, &popts, &perr);
  if (!program)
    {
      err->kind = perr.kind == PARSE_ERROR_NESTING ? COMPILE_ERROR_RANGE
                                                   : COMPILE_ERROR_SYNTAX;
      g_strlcpy (err->message, perr.message, sizeof err->message);
      err->line = perr.line;
      err->column = perr.column;
      ast_arena_free (&arena);
      return NULL;
    }

  if (opts && opts->dynamic_function)
    {
      AstNode *fn = program->list.first;
      if (!fn || fn->next || fn->kind != AST_FUNC_DECL || !fn->b
          || fn->b->start != opts->body_start)
        {
          err->kind = COMPILE_ERROR_SYNTAX;
          g_strlcpy (err->message, "Invalid function source",
                     sizeof err->message);
          err->line = 1;
          err->column = 1;
          ast_arena_free (&arena);
          return NULL;
        }
    }

  Compiler c = { 0 };
  c.ctx = ctx;
  c.rt = rt;
  c.error = err;
  c.arena = &arena;
  c.source = g_new0 (JsSource, 1);
  c.source->refcount = 1;
  c.source->filename = g_strdup (filename ? filename : "<eval>");
  c.source->text = g_strndup (src, len);
  c.source->length = len;
  c.roots_base = rt_save_roots (rt);
  c.owned_arrays = g_ptr_array_new ();
  c.stack_limit = runtime_c_stack_limit ();
  c.var_object = opts && opts->eval && opts->var_object;
  c.export_lexicals = c.var_object && opts->export_lexicals;
  if (c.var_object && opts->var_slots
      && !top_level_direct_eval (program, c.stack_limit))
    {
      c.var_object = false;
      c.var_slots = true;
    }
  scope_resolve (&c.res, &arena, program,
                 opts && opts->module ? SCOPE_MODULE
                 : opts && opts->eval ? SCOPE_EVAL
                                      : SCOPE_SCRIPT,
                 opts && opts->dynamic_scope && !c.var_slots, c.var_object,
                 c.var_slots);
  JsCode *code = NULL;
  if (c.res.too_deep)
    {
      c.failed = true;
      err->kind = COMPILE_ERROR_RANGE;
      g_strlcpy (err->message, "too much nesting", sizeof err->message);
      err->line = program->line;
      err->column = program->col;
    }
  else
    code = compile_program (&c, program, opts);
  if (code && opts && opts->dynamic_function)
    {
      /* The function is the one code constant of the top level. */
      JsCode *fn = NULL;
      for (uint32_t i = 0; i < code->n_consts; i++)
        if (js_is_cell (code->consts[i])
            && js_get_cell (code->consts[i])->shape->cls == &js_code_class)
          fn = (JsCode *) js_get_cell (code->consts[i]);
      code = fn;
    }
  scope_resolution_free (&c.res);
  for (guint i = 0; i < c.owned_arrays->len; i++)
    {
      /* The names (GPtrArray) and kinds (GArray) of DeclareGlobals. */
      if (i % 2 == 0)
        g_ptr_array_free (g_ptr_array_index (c.owned_arrays, i), TRUE);
      else
        g_array_free (g_ptr_array_index (c.owned_arrays, i), TRUE);
    }
  g_ptr_array_free (c.owned_arrays, TRUE);
  if (c.pending_labels)
    g_array_free (c.pending_labels, TRUE);
  ast_arena_free (&arena);
  rt_restore_roots (rt, c.roots_base);
  if (--c.source->refcount == 0)
    {
      g_free (c.source->filename);
      g_free (c.source->text);
      g_free (c.source);
    }
  return code;
}

/* ------------------------------------------------------------------ */
/* Classes                                                             */
/* ------------------------------------------------------------------ */

/* Loads a binding (register or environment) into acc. */
static void
load_binding (FuncState *fs, Binding *b)
{
  uint32_t reg, depth, slot;
  if (binding_location (fs, b, &reg, &depth, &slot))
    emit_op (fs, JS_OP_Ldar, reg);
  else
    emit_op (fs, JS_OP_LdaEnv, depth, slot);
}

/* Evaluating a sloppy block's function declaration sets the var of the
 * same name (Annex B.3.3; scope.c decides which declarations do). */
static void
compile_annexb_copy (FuncState *fs, AstNode *fn)
{
  Resolution *res = &fs->c->res;
  Binding *block = g_hash_table_lookup (res->annexb_block, fn);
  if (!block)
    return;
  load_binding (fs, block);
  Binding *var = g_hash_table_lookup (res->annexb, fn);
  if (var)
    store_binding (fs, var);
  else
    emit_op (fs, JS_OP_StaGlobal, const_atom (fs, fn->a->str),
             ic_alloc (fs));
}

/* The key of a class element into reg: a private name's symbol, a
 * computed key evaluated earlier (fields), or a literal key. */
static void
member_key (FuncState *fs, Scope *cs, AstNode *m, uint32_t reg,
            bool from_binding)
{
  Resolution *res = &fs->c->res;
  if (m->a->kind == AST_PRIVATE_NAME)
    {
      load_binding (fs, g_hash_table_lookup (cs->by_name, m->a->str));
      emit_op (fs, JS_OP_Star, reg);
      return;
    }
  if (from_binding && (m->flags & AST_F_COMPUTED))
    {
      load_binding (fs, g_hash_table_lookup (res->field_keys, m));
      emit_op (fs, JS_OP_Star, reg);
      return;
    }
  compile_member_key (fs, m->a, (m->flags & AST_F_COMPUTED) != 0, reg);
}

/* DefinePrivateMethod's kind operand for m: method, getter or setter,
 * and whether it completes the accessor pair an earlier member of the
 * same name began (else an existing element is a second
 * initialisation: a TypeError). */
static uint32_t
private_method_kind (AstNode *cls, AstNode *m)
{
  uint32_t kind = (m->flags & AST_F_GETTER)   ? JS_PRIVATE_GETTER
                  : (m->flags & AST_F_SETTER) ? JS_PRIVATE_SETTER
                                              : JS_PRIVATE_METHOD;
  for (AstNode *e = cls->list.first; e && e != m; e = e->next)
    if (e->kind == AST_CLASS_METHOD && e->a->kind == AST_PRIVATE_NAME
        && e->a->str == m->a->str
        && ((e->flags ^ m->flags) & AST_F_STATIC) == 0)
      kind |= JS_PRIVATE_PAIR;
  return kind;
}

/* The body of a synthetic field initializer: for each element of its
 * kind, in order, private methods and accessors first (instance side),
 * then fields as CreateDataPropertyOrThrow or PrivateFieldAdd on this;
 * static blocks run in place, as calls with this. */
static void
compile_field_init_body (FuncState *fs, AstNode *cls, bool statics)
{
  Scope *cs = scope_of (&fs->c->res, cls);
  uint32_t mark = fs->next_reg;
  uint32_t key = reg_alloc (fs), val = reg_alloc (fs);
  if (!statics)
    for (AstNode *m = cls->list.first; m; m = m->next)
      {
        if (m->kind != AST_CLASS_METHOD || (m->flags & AST_F_STATIC)
            || m->a->kind != AST_PRIVATE_NAME)
          continue;
        /* The class made the function once (compile_class). */
        member_key (fs, cs, m, key, false);
        load_binding (fs, g_hash_table_lookup (fs->c->res.field_keys, m));
        emit_op (fs, JS_OP_DefinePrivateMethod, 0u, key,
                 private_method_kind (cls, m) | JS_PRIVATE_NAMED);
      }
  for (AstNode *m = cls->list.first; m; m = m->next)
    {
      bool is_static = (m->flags & AST_F_STATIC) != 0;
      if (m->kind == AST_STATIC_BLOCK && statics)
        {
          /* this is the constructor: r0 of the static initializer. */
          uint32_t f = reg_alloc_n (fs, 2);
          emit_op (fs, JS_OP_CreateClosure, compile_function (fs, m));
          emit_op (fs, JS_OP_Star, f);
          emit_op (fs, JS_OP_LdaCallee);
          emit_op (fs, JS_OP_LdaHomeOfCallee);
          emit_op (fs, JS_OP_SetHomeObject, f);
          emit_op (fs, JS_OP_Ldar, 0u);
          emit_op (fs, JS_OP_Star, f + 1);
          emit_op (fs, JS_OP_Call, f, 0u, ic_alloc (fs));
          reg_free_to (fs, f);
          continue;
        }
      if (m->kind != AST_CLASS_FIELD || is_static != statics)
        continue;
      mark_position (fs, m);
      member_key (fs, cs, m, key, true);
      if (m->b)
        {
          const AstStr *name = !(m->flags & AST_F_COMPUTED)
                                       && m->a->kind != AST_PRIVATE_NAME
                                   ? m->a->str
                                   : NULL;
          compile_expr (fs, m->b);
          if (!name && compile_is_anonymous_fn (m->b))
            {
              /* The field's key names an anonymous function. */
              emit_op (fs, JS_OP_Star, val);
              emit_op (fs, JS_OP_Ldar, key);
              if (m->a->kind == AST_PRIVATE_NAME)
                emit_op (fs, JS_OP_LdaConst,
                         const_private_description (fs, m->a->str));
              emit_op (fs, JS_OP_SetFunctionName, val);
              emit_op (fs, JS_OP_Ldar, val);
            }
          else if (name && compile_is_anonymous_fn (m->b))
            {
              emit_op (fs, JS_OP_Star, val);
              emit_op (fs, JS_OP_LdaConst, const_atom (fs, name));
              emit_op (fs, JS_OP_SetFunctionName, val);
              emit_op (fs, JS_OP_Ldar, val);
            }
        }
      else
        emit_op (fs, JS_OP_LdaUndefined);
      if (m->a->kind == AST_PRIVATE_NAME)
        emit_op (fs, JS_OP_DefinePrivate, 0u, key);
      else
        emit_op (fs, JS_OP_DefineKeyed, 0u, key);
    }
  reg_free_to (fs, mark);
}

/* A description for a private name's function name: "#x". */
uint32_t
const_private_description (FuncState *fs, const AstStr *name)
{
  uint16_t *units = ast_alloc (fs->c->arena, (name->len + 2) * 2);
  units[0] = '#';
  memcpy (units + 1, name->data, name->len * 2);
  units[name->len + 1] = 0;
  AstStr *str = ast_alloc (fs->c->arena, sizeof *str);
  memset (str, 0, sizeof *str);
  str->data = units;
  str->len = name->len + 1;
  str->latin1 = name->latin1;
  str->well_formed = name->well_formed;
  return const_add (fs, (ConstEntry){ .kind = CONST_STRING, .str = str });
}

/* ClassDefinitionEvaluation.  The class scope's environment holds the
 * inner name binding, the private names, the evaluated computed field
 * keys, and two hidden bindings: the prototype and the constructor. */
void
compile_class (FuncState *fs, AstNode *cls)
{
  Resolution *res = &fs->c->res;
  /* A name from NamedEvaluation is for this class only: taken before
     the heritage (which may hold classes of its own) is compiled. */
  const AstStr *named = fs->c->class_name;
  fs->c->class_name = NULL;
  ClassInfo *ci = scope_class_of (res, cls);
  Scope *s = scope_of (res, cls);
  uint32_t mark = fs->next_reg;
  mark_position (fs, cls);
  scope_enter (fs, s);
  /* A private name per #name (a getter and setter pair share one). */
  for (guint i = 0; i < s->bindings->len; i++)
    {
      Binding *b = g_ptr_array_index (s->bindings, i);
      if (b->kind != BIND_PRIVATE)
        continue;
      emit_op (fs, JS_OP_CreatePrivateName,
               const_private_description (fs, b->name));
      uint32_t reg, depth, slot;
      if (binding_location (fs, b, &reg, &depth, &slot))
        emit_op (fs, JS_OP_Star, reg);
      else
        emit_op (fs, JS_OP_StaEnv, depth, slot);
    }
  uint32_t heritage = reg_alloc_n (fs, 2), proto = heritage + 1;
  uint32_t ctor = reg_alloc (fs), key = reg_alloc (fs), fn = reg_alloc (fs);
  if (cls->b)
    compile_expr (fs, cls->b);
  else
    emit_op (fs, JS_OP_LdaHole);
  emit_op (fs, JS_OP_Star, heritage);
  AstNode *ctor_fn = ci->ctor_node ? ci->ctor_node : ci->default_ctor;
  uint32_t k = compile_function (fs, ctor_fn);
  if (!fs->c->failed)
    {
      /* The class's source text is the whole class, also when it
         writes its constructor out (Function.prototype.toString). */
      ConstEntry *e = &g_array_index (fs->consts, ConstEntry, k);
      JsCode *code = (JsCode *) js_get_cell (fs->c->roots_base[e->code_root]);
      code->src_start = cls->start;
      code->src_end = cls->end;
    }
  mark_position (fs, cls);
  emit_op (fs, JS_OP_CreateClass, heritage, k);
  emit_op (fs, JS_OP_Star, ctor);
  store_binding (fs, ci->ctor);
  emit_op (fs, JS_OP_Ldar, proto);
  store_binding (fs, ci->proto);
  const AstStr *class_name = cls->a ? cls->a->str : named;
  if (class_name)
    {
      /* The constructor is named after the class (or the binding an
         anonymous class is assigned to), before any static member. */
      emit_op (fs, JS_OP_LdaConst, const_atom (fs, class_name));
      emit_op (fs, JS_OP_SetFunctionName, ctor);
    }

  for (AstNode *m = cls->list.first; m; m = m->next)
    {
      if (m->kind == AST_CLASS_FIELD)
        {
          if (m->flags & AST_F_COMPUTED)
            {
              compile_expr (fs, m->a);
              emit_op (fs, JS_OP_ToPropertyKey);
              store_binding (fs, g_hash_table_lookup (res->field_keys, m));
            }
          continue;
        }
      if (m->kind != AST_CLASS_METHOD || (m->flags & AST_F_CONSTRUCTOR))
        continue;
      bool is_static = (m->flags & AST_F_STATIC) != 0;
      uint32_t target = is_static ? ctor : proto;
      member_key (fs, s, m, key, false);
      emit_op (fs, JS_OP_CreateClosure, compile_function (fs, m->b));
      emit_op (fs, JS_OP_Star, fn);
      emit_op (fs, JS_OP_Ldar, target);
      emit_op (fs, JS_OP_SetHomeObject, fn);
      emit_op (fs, JS_OP_Ldar, fn);
      if (m->a->kind == AST_PRIVATE_NAME && !is_static)
        {
          /* Named now, installed on each instance by the initializer:
             every instance shares the one function. */
          emit_op (fs, JS_OP_NamePrivateMethod, key,
                   private_method_kind (cls, m));
          store_binding (fs, g_hash_table_lookup (res->field_keys, m));
          continue;
        }
      if (m->a->kind == AST_PRIVATE_NAME)
        {
          emit_op (fs, JS_OP_DefinePrivateMethod, target, key,
                   private_method_kind (cls, m));
          continue;
        }
      emit_op (fs, (m->flags & AST_F_GETTER)   ? JS_OP_DefineClassGetter
                   : (m->flags & AST_F_SETTER) ? JS_OP_DefineClassSetter
                                               : JS_OP_DefineMethod,
               target, key);
    }
  if (ci->instance_init)
    {
      emit_op (fs, JS_OP_CreateClosure,
               compile_function (fs, ci->instance_init));
      emit_op (fs, JS_OP_Star, fn);
      emit_op (fs, JS_OP_Ldar, proto);
      emit_op (fs, JS_OP_SetHomeObject, fn);
      emit_op (fs, JS_OP_Ldar, fn);
      emit_op (fs, JS_OP_SetClassFields, ctor);
    }
  if (ci->name)
    {
      emit_op (fs, JS_OP_Ldar, ctor);
      store_binding (fs, ci->name);
    }
  if (ci->static_init)
    {
      uint32_t f = reg_alloc_n (fs, 2);
      emit_op (fs, JS_OP_CreateClosure,
               compile_function (fs, ci->static_init));
      emit_op (fs, JS_OP_Star, f);
      emit_op (fs, JS_OP_Ldar, ctor);
      emit_op (fs, JS_OP_SetHomeObject, f);
      emit_op (fs, JS_OP_Ldar, ctor);
      emit_op (fs, JS_OP_Star, f + 1);
      emit_op (fs, JS_OP_Call, f, 0u, ic_alloc (fs));
    }
  emit_op (fs, JS_OP_Ldar, ctor);
  uint32_t result = reg_alloc (fs);
  emit_op (fs, JS_OP_Star, result);
  scope_leave (fs, s, mark);
  /* scope_leave freed the registers; acc must hold the class again. */
  emit_op (fs, JS_OP_Ldar, result);
}


/* ------------------------------------------------------------------ */
/* Positions and dumps                                                 */
/* ------------------------------------------------------------------ */

static uint64_t
read_leb (const uint8_t **p, const uint8_t *end)
{
  uint64_t v = 0;
  int shift = 0;
  while (*p < end)
    {
      uint8_t b = *(*p)++;
      v |= (uint64_t) (b & 0x7F) << shift;
      if (!(b & 0x80))
        break;
      shift += 7;
    }
  return v;
}

void
code_position (const JsCode *code, uint32_t pc, uint32_t *line,
               uint32_t *column)
{
  uint32_t cur_pc = 0, cur_line = code->line, cur_col = code->column;
  const uint8_t *p = code->lines, *end = p + code->lines_len;
  while (p < end)
    {
      uint32_t dpc = (uint32_t) read_leb (&p, end);
      uint64_t zz = read_leb (&p, end);
      int64_t dl = (int64_t) (zz >> 1) ^ -(int64_t) (zz & 1);
      uint32_t col = (uint32_t) read_leb (&p, end);
      if (cur_pc + dpc > pc)
        break;
      cur_pc += dpc;
      cur_line = (uint32_t) ((int64_t) cur_line + dl);
      cur_col = col;
    }
  *line = cur_line;
  *column = cur_col;
}

static void
dump_value (GString *out, JsValue v)
{
  if (js_is_number (v))
    {
      char buf[64];
      g_ascii_formatd (buf, sizeof buf, "%.17g", js_get_number (v));
      g_string_append (out, buf);
    }
  else if (js_is_string (v))
    {
      JsString *s = js_get_string (v);
      g_string_append_c (out, '"');
      for (uint32_t i = 0; i < s->length && i < 40; i++)
        {
          uint16_t c = string_is_latin1 (s) ? string_latin1_chars (s)[i]
                                            : string_utf16_chars (s)[i];
          if (c >= 32 && c < 127 && c != '"' && c != '\\')
            g_string_append_c (out, (char) c);
          else
            g_string_append_printf (out, "\\u%04x", c);
        }
      g_string_append_c (out, '"');
    }
  else if (js_is_cell (v))
    g_string_append_printf (out, "<%s>", js_get_cell (v)->shape->cls->name);
  else
    g_string_append (out, "?");
}

static void
dump_code (const JsCode *code, GString *out)
{
  g_string_append_printf (out, "function %s (params %u, registers %u, "
                          "caches %u)\n",
                          code->name ? string_peek_ascii (code->name)
                                           ? string_peek_ascii (code->name)
                                           : "?"
                                     : "<anonymous>",
                          code->n_params, code->n_regs, code->n_ics);
  const uint8_t *pc = code->bytecode, *end = pc + code->bytecode_len;
  while (pc < end)
    {
      uint32_t off = (uint32_t) (pc - code->bytecode);
      bool wide = *pc == JS_OP_Wide;
      const uint8_t *op = wide ? pc + 1 : pc;
      const char *sig = js_op_signature[*op];
      g_string_append_printf (out, "  %4u  %s%s", off, wide ? "Wide." : "",
                              js_op_name[*op]);
      const uint8_t *p = op + 1;
      for (const char *c = sig; *c; c++)
        {
          uint32_t size = bc_operand_size (*c, wide);
          uint32_t v = size == 4 ? bc_u32 (p) : bc_u16 (p);
          switch (*c)
            {
            case 'r':
              g_string_append_printf (out, " r%u", v);
              break;
            case 'k':
              g_string_append_printf (out, " k%u=", v);
              if (v < code->n_consts)
                dump_value (out, code->consts[v]);
              break;
            case 'i':
              g_string_append_printf (out, " ic%u", v);
              break;
            case 'j':
              g_string_append_printf (out, " -> %d",
                                      (int) (off + bc_instruction_length (pc))
                                          + (int32_t) v);
              break;
            case 's':
              g_string_append_printf (out, " %d", (int32_t) v);
              break;
            default:
              g_string_append_printf (out, " %u", v);
              break;
            }
          p += size;
        }
      g_string_append_c (out, '\n');
      pc += bc_instruction_length (pc);
    }
  for (uint32_t i = 0; i < code->n_handlers; i++)
    g_string_append_printf (out, "  handler [%u, %u) -> %u\n",
                            code->handlers[i].start, code->handlers[i].end,
                            code->handlers[i].target);
}

void
compile_dump (JsCode *code, GString *out)
{
  dump_code (code, out);
  for (uint32_t i = 0; i < code->n_consts; i++)
    {
      JsValue v = code->consts[i];
      if (js_is_cell (v) && js_get_cell (v)->shape->cls == &js_code_class)
        {
          g_string_append_c (out, '\n');
          compile_dump ((JsCode *) js_get_cell (v), out);
        }
    }
}
