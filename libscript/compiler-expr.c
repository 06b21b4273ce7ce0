/* compiler-expr.c — expressions.
 *
 * Every expression leaves its value in the accumulator.  Operands that
 * must survive the evaluation of another are spilled to a temporary
 * register taken from the top of the register stack and given back as
 * soon as the instruction that reads it is emitted.
 */
#include "config.h"

#include "compiler-private.h"
#include "interp.h"

/* ------------------------------------------------------------------ */
/* Names                                                               */
/* ------------------------------------------------------------------ */

/* Whether a let, const or class binding is surely initialized when
 * ident runs, so its TDZ check can go: ident is in the function that
 * declares the binding, after the whole declaration, and no jump can
 * reach ident past the declaration.  Within one entry of a block, code
 * after a declaration runs only after it, except in a switch, whose
 * cases jump into the middle of one block, and in the head of a for-in
 * or for-of, whose right side sees the head's bindings uninitialized. */
static bool
tdz_settled (FuncState *fs, Binding *b, AstNode *ident)
{
  if ((b->kind != BIND_LET && b->kind != BIND_CONST) || !b->decl
      || !b->scope || b->scope->func != fs->info)
    return false;
  AstNode *owner = b->scope->node;
  if (owner && owner->kind == AST_SWITCH)
    return false;
  if (owner && (owner->kind == AST_FOR_IN || owner->kind == AST_FOR_OF))
    return owner->d && ident->start >= owner->d->start;
  return ident->start >= b->decl->end;
}

/* Whether reading ident needs a TDZ check. */
static bool
needs_hole_check (FuncState *fs, Binding *b, AstNode *ident)
{
  return (b->lexical || b->kind == BIND_FUNCTION)
         && !tdz_settled (fs, b, ident);
}

void
compile_load_ident (FuncState *fs, AstNode *ident, bool typeof_ctx)
{
  Resolution *res = &fs->c->res;
  Binding *b = scope_ref (res, ident);
  if (b && !scope_ref_is_dynamic (res, ident))
    {
      uint32_t reg, depth, slot;
      if (b->kind == BIND_IMPORT && b->decl->kind != AST_IMPORT_NAMESPACE)
        {
          /* A live binding of another module. */
          binding_location (fs, b, &reg, &depth, &slot);
          emit_op (fs, JS_OP_LdaImport, depth, slot);
          return;
        }
      if (binding_location (fs, b, &reg, &depth, &slot))
        emit_op (fs, JS_OP_Ldar, reg);
      else
        emit_op (fs, JS_OP_LdaEnv, depth, slot);
      if (needs_hole_check (fs, b, ident))
        emit_op (fs, JS_OP_CheckHole, const_atom (fs, ident->str));
      return;
    }
  uint32_t k = const_atom (fs, ident->str);
  if (b || scope_ref_is_dynamic (res, ident))
    emit_op (fs, typeof_ctx ? JS_OP_TypeofLookup : JS_OP_LdaLookup, k);
  else
    emit_op (fs, typeof_ctx ? JS_OP_TypeofGlobal : JS_OP_LdaGlobal, k,
             ic_alloc (fs));
}

/* Stores acc into the variable an identifier names; init: the binding's
 * declaration (no TDZ check, const allowed). */
void
compile_store_ident (FuncState *fs, AstNode *ident, bool init)
{
  Resolution *res = &fs->c->res;
  Binding *b = scope_ref (res, ident);
  if (b && !scope_ref_is_dynamic (res, ident))
    {
      uint32_t reg, depth, slot;
      bool in_reg = binding_location (fs, b, &reg, &depth, &slot);
      if (!init)
        {
          if (needs_hole_check (fs, b, ident))
            {
              /* Assignment in the TDZ is a ReferenceError. */
              uint32_t t = reg_alloc (fs);
              emit_op (fs, JS_OP_Star, t);
              if (in_reg)
                emit_op (fs, JS_OP_Ldar, reg);
              else
                emit_op (fs, JS_OP_LdaEnv, depth, slot);
              emit_op (fs, JS_OP_CheckHole, const_atom (fs, ident->str));
              emit_op (fs, JS_OP_Ldar, t);
              reg_free_to (fs, t);
            }
          if (b->kind == BIND_CONST || b->kind == BIND_CLASS
              || b->kind == BIND_IMPORT)
            {
              emit_op (fs, JS_OP_ThrowError, (uint32_t) JS_ERROR_TYPE,
                       const_ascii_atom (fs, "Assignment to constant "
                                             "variable."));
              return;
            }
          if (b->kind == BIND_CALLEE)
            {
              if (fs->strict)
                emit_op (fs, JS_OP_ThrowError, (uint32_t) JS_ERROR_TYPE,
                         const_ascii_atom (fs, "Assignment to constant "
                                               "variable."));
              return;
            }
        }
      if (in_reg)
        emit_op (fs, JS_OP_Star, reg);
      else
        emit_op (fs, JS_OP_StaEnv, depth, slot);
      return;
    }
  uint32_t k = const_atom (fs, ident->str);
  if (init && !b && fs->init_global_lexical)
    emit_op (fs, JS_OP_InitGlobal, k);
  else if (b || scope_ref_is_dynamic (res, ident))
    emit_op (fs, fs->strict ? JS_OP_StaLookupStrict : JS_OP_StaLookup, k);
  else
    /* A declaration's store (var x = 1, a function declaration) goes to
       a property DeclareGlobals made; plain sloppy stores may create. */
    emit_op (fs, fs->strict && !init ? JS_OP_StaGlobalStrict
                                     : JS_OP_StaGlobal,
             k, ic_alloc (fs));
}

/* this without the TDZ check of derived constructors (eval and arrows
 * check where they use it). */
void
compile_load_this_unchecked (FuncState *fs)
{
  FuncInfo *f = fs->info;
  while (f->is_arrow && f->parent)
    f = f->parent;
  Binding *b = f->this_binding;
  if (b && b->slot >= 0)
    {
      uint32_t reg, depth, slot;
      binding_location (fs, b, &reg, &depth, &slot);
      emit_op (fs, JS_OP_LdaEnv, depth, slot);
    }
  else
    emit_op (fs, JS_OP_Ldar, 0u);
}

void
compile_load_this (FuncState *fs)
{
  FuncInfo *f = fs->info;
  while (f->is_arrow && f->parent)
    f = f->parent;
  Binding *b = f->this_binding;
  if (b && b->slot >= 0)
    {
      uint32_t reg, depth, slot;
      binding_location (fs, b, &reg, &depth, &slot);
      emit_op (fs, JS_OP_LdaEnv, depth, slot);
    }
  else
    emit_op (fs, JS_OP_Ldar, 0u);
  if (fs->flags & JS_CODE_DERIVED || (f->node->flags & AST_F_DERIVED))
    emit_op (fs, JS_OP_CheckThis);
}

/* ------------------------------------------------------------------ */
/* Function names                                                      */
/* ------------------------------------------------------------------ */

bool
compile_is_anonymous_fn (AstNode *n)
{
  /* (function () {}) is still an anonymous function definition: the
     cover grammar keeps IsAnonymousFunctionDefinition. */
  if (n->kind == AST_FUNC_EXPR || n->kind == AST_FUNCTION)
    return n->a == NULL;
  if (n->kind == AST_CLASS_EXPR)
    return n->a == NULL;
  return false;
}

/* Evaluates value; an anonymous function or class gets name (the
 * spec's NamedEvaluation). */
void
compile_named_value (FuncState *fs, AstNode *value, const AstStr *name)
{
  if (name && value->kind == AST_CLASS_EXPR && !value->a)
    {
      /* A class takes its name before its static members are defined
         (a static name () wins). */
      fs->c->class_name = name;
      compile_expr (fs, value);
      return;
    }
  compile_expr (fs, value);
  if (name && compile_is_anonymous_fn (value))
    {
      uint32_t t = reg_alloc (fs);
      emit_op (fs, JS_OP_Star, t);
      emit_op (fs, JS_OP_LdaConst, const_atom (fs, name));
      emit_op (fs, JS_OP_SetFunctionName, t);
      emit_op (fs, JS_OP_Ldar, t);
      reg_free_to (fs, t);
    }
}

/* ------------------------------------------------------------------ */
/* Operands in place                                                   */
/* ------------------------------------------------------------------ */

/* An operand that is a local variable in a register (or this, in r0) can
 * be read where it lives instead of being copied to a temporary first,
 * as long as nothing evaluated between the operand's turn and the
 * instruction that reads it can store into that register.  Only code of
 * the same function can (an inner function that assigns a variable makes
 * it captured, so it lives in an environment), and only through an
 * assignment, an update or a destructuring naming it. */

/* The register of n when n is such an operand: a local in a register
 * read with no check, or this outside derived constructors.  -1 if
 * not. */
static int32_t
local_reg (FuncState *fs, AstNode *n)
{
  if (n->kind == AST_THIS)
    {
      FuncInfo *f = fs->info;
      Binding *b = f->this_binding;
      if (f->is_arrow || (b && b->slot >= 0)
          || (fs->flags & JS_CODE_DERIVED) || (f->node->flags & AST_F_DERIVED))
        return -1;
      return 0;
    }
  if (n->kind != AST_IDENT)
    return -1;
  Resolution *res = &fs->c->res;
  Binding *b = scope_ref (res, n);
  if (!b || scope_ref_is_dynamic (res, n) || b->kind == BIND_IMPORT
      || needs_hole_check (fs, b, n))
    return -1;
  uint32_t reg, depth, slot;
  if (!binding_location (fs, b, &reg, &depth, &slot))
    return -1;
  return (int32_t) reg;
}

/* Whether a target (IDENT, MEMBER or pattern) of an assignment names
 * name.  Member targets store into objects, never into a local. */
static bool
target_names (AstNode *t, const AstStr *name, int *budget)
{
  if (!t || --*budget < 0)
    return true;
  switch (t->kind)
    {
    case AST_IDENT:
      return t->str == name;
    case AST_MEMBER:
      return false;
    case AST_ASSIGN_PATTERN:
    case AST_REST:
    case AST_SPREAD:
      return target_names (t->a, name, budget);
    case AST_PROPERTY:
      return target_names (t->b, name, budget);
    case AST_ARRAY_PATTERN:
    case AST_OBJECT_PATTERN:
    case AST_ARRAY:
    case AST_OBJECT:
      for (AstNode *e = t->list.first; e; e = e->next)
        if (target_names (e, name, budget))
          return true;
      return false;
    case AST_ELISION:
      return false;
    default:
      return true;
    }
}

/* Whether evaluating n may store into the local called name (NULL: this,
 * which only a derived constructor's super () stores).  Conservative: a
 * direct eval, a class (its computed keys run here) or a subtree bigger
 * than the budget may. */
static bool
may_write (AstNode *n, const AstStr *name, int *budget)
{
  if (!n)
    return false;
  if (--*budget < 0)
    return true;
  switch (n->kind)
    {
    case AST_FUNCTION:
    case AST_FUNC_EXPR:
      return false;
    case AST_CLASS_EXPR:
      return true;
    case AST_ASSIGN:
      if (name && target_names (n->a, name, budget))
        return true;
      return may_write (n->a, name, budget) || may_write (n->b, name, budget);
    case AST_UPDATE:
      if (name && target_names (n->a, name, budget))
        return true;
      return may_write (n->a, name, budget);
    case AST_CALL:
      if (n->flags & AST_F_DIRECT_EVAL)
        return true;
      break;
    default:
      break;
    }
  if (may_write (n->a, name, budget) || may_write (n->b, name, budget)
      || may_write (n->c, name, budget) || may_write (n->d, name, budget))
    return true;
  for (AstNode *e = n->list.first; e; e = e->next)
    if (may_write (e, name, budget))
      return true;
  return false;
}

/* The register operand n can be read from in place when `later` (or
 * NULL) is evaluated between n's turn and the read, or -1. */
static int32_t
operand_in_place (FuncState *fs, AstNode *n, AstNode *later)
{
  int32_t r = local_reg (fs, n);
  if (r < 0 || !later)
    return r;
  int budget = 64;
  return may_write (later, n->kind == AST_IDENT ? n->str : NULL, &budget)
             ? -1
             : r;
}

/* ------------------------------------------------------------------ */
/* Operators                                                           */
/* ------------------------------------------------------------------ */

static JsOpcode
binary_op (uint16_t tok)
{
  switch (tok)
    {
    case LEX_PLUS: case LEX_PLUS_ASSIGN: return JS_OP_Add;
    case LEX_MINUS: case LEX_MINUS_ASSIGN: return JS_OP_Sub;
    case LEX_STAR: case LEX_STAR_ASSIGN: return JS_OP_Mul;
    case LEX_SLASH: case LEX_SLASH_ASSIGN: return JS_OP_Div;
    case LEX_PERCENT: case LEX_PERCENT_ASSIGN: return JS_OP_Mod;
    case LEX_STAR_STAR: case LEX_STAR_STAR_ASSIGN: return JS_OP_Exp;
    case LEX_AMP: case LEX_AMP_ASSIGN: return JS_OP_BitAnd;
    case LEX_PIPE: case LEX_PIPE_ASSIGN: return JS_OP_BitOr;
    case LEX_CARET: case LEX_CARET_ASSIGN: return JS_OP_BitXor;
    case LEX_SHL: case LEX_SHL_ASSIGN: return JS_OP_Shl;
    case LEX_SAR: case LEX_SAR_ASSIGN: return JS_OP_Sar;
    case LEX_SHR: case LEX_SHR_ASSIGN: return JS_OP_Shr;
    case LEX_EQ: return JS_OP_Eq;
    case LEX_NE: return JS_OP_Ne;
    case LEX_STRICT_EQ: return JS_OP_StrictEq;
    case LEX_STRICT_NE: return JS_OP_StrictNe;
    case LEX_LT: return JS_OP_Lt;
    case LEX_LE: return JS_OP_Le;
    case LEX_GT: return JS_OP_Gt;
    case LEX_GE: return JS_OP_Ge;
    case LEX_INSTANCEOF: return JS_OP_InstanceOf;
    case LEX_IN: return JS_OP_In;
    default: return JS_OP_Nop;
    }
}

static bool
op_has_ic (JsOpcode op)
{
  return js_op_signature[op][1] == 'i';
}

/* acc = r OP acc */
static void
emit_binary (FuncState *fs, JsOpcode op, uint32_t r)
{
  if (op_has_ic (op))
    emit_op (fs, op, r, ic_alloc (fs));
  else
    emit_op (fs, op, r);
}

/* The form of op taking a literal int32 right operand, or Nop. */
static JsOpcode
smi_op (JsOpcode op)
{
  switch (op)
    {
    case JS_OP_Add: return JS_OP_AddSmi;
    case JS_OP_Sub: return JS_OP_SubSmi;
    case JS_OP_Mul: return JS_OP_MulSmi;
    case JS_OP_BitAnd: return JS_OP_BitAndSmi;
    case JS_OP_BitOr: return JS_OP_BitOrSmi;
    case JS_OP_BitXor: return JS_OP_BitXorSmi;
    case JS_OP_Shl: return JS_OP_ShlSmi;
    case JS_OP_Sar: return JS_OP_SarSmi;
    case JS_OP_Shr: return JS_OP_ShrSmi;
    case JS_OP_Lt: return JS_OP_LtSmi;
    case JS_OP_Le: return JS_OP_LeSmi;
    case JS_OP_Gt: return JS_OP_GtSmi;
    case JS_OP_Ge: return JS_OP_GeSmi;
    case JS_OP_StrictEq: return JS_OP_StrictEqSmi;
    case JS_OP_StrictNe: return JS_OP_StrictNeSmi;
    default: return JS_OP_Nop;
    }
}

/* Whether n is a number literal that is an int32 (not -0): *v gets it. */
static bool
int32_literal (const AstNode *n, int32_t *v)
{
  if (n->kind != AST_NUMBER || !(n->num >= -2147483648.0
                                 && n->num <= 2147483647.0))
    return false;
  int32_t i = (int32_t) n->num;
  if ((double) i != n->num || (i == 0 && 1 / n->num < 0))
    return false;
  *v = i;
  return true;
}

/* Whether op (a binary operator's token) with right operand right has
 * the immediate form. */
static bool
has_smi_form (uint16_t tok, const AstNode *right)
{
  int32_t v;
  return smi_op (binary_op (tok)) != JS_OP_Nop && int32_literal (right, &v);
}

/* acc = acc OP right, right being an int32 literal (has_smi_form). */
static void
emit_binary_smi (FuncState *fs, uint16_t tok, const AstNode *right,
                 const AstNode *where)
{
  int32_t v = 0;
  int32_literal (right, &v);
  mark_position (fs, where);
  emit_op (fs, smi_op (binary_op (tok)), (uint32_t) v);
}

static void
compile_binary (FuncState *fs, AstNode *n)
{
  if (n->a->kind != AST_PRIVATE_NAME && has_smi_form (n->op, n->b))
    {
      compile_expr (fs, n->a);
      emit_binary_smi (fs, n->op, n->b, n);
      return;
    }
  if (n->a->kind == AST_PRIVATE_NAME)
    {
      /* #x in o */
      uint32_t t = reg_alloc (fs);
      compile_expr_to (fs, n->b, t);
      compile_expr (fs, n->a);
      emit_op (fs, JS_OP_HasPrivate, t);
      reg_free_to (fs, t);
      return;
    }
  int32_t l = operand_in_place (fs, n->a, n->b);
  if (l >= 0)
    {
      compile_expr (fs, n->b);
      mark_position (fs, n);
      emit_binary (fs, binary_op (n->op), (uint32_t) l);
      return;
    }
  uint32_t t = reg_alloc (fs);
  compile_expr_to (fs, n->a, t);
  compile_expr (fs, n->b);
  mark_position (fs, n);
  emit_binary (fs, binary_op (n->op), t);
  reg_free_to (fs, t);
}

static void
compile_logical (FuncState *fs, AstNode *n)
{
  Label end;
  label_init (&end);
  compile_expr (fs, n->a);
  JsOpcode j = n->op == LEX_AND  ? JS_OP_JumpIfFalse
               : n->op == LEX_OR ? JS_OP_JumpIfTrue
                                 : JS_OP_JumpIfNotNullish;
  emit_jump (fs, j, &end);
  compile_expr (fs, n->b);
  label_bind (fs, &end);
  label_free (&end);
}

static void
compile_conditional (FuncState *fs, AstNode *n)
{
  Label otherwise, end;
  label_init (&otherwise);
  label_init (&end);
  compile_expr (fs, n->a);
  emit_jump (fs, JS_OP_JumpIfFalse, &otherwise);
  compile_expr (fs, n->b);
  emit_jump (fs, JS_OP_Jump, &end);
  label_bind (fs, &otherwise);
  compile_expr (fs, n->c);
  label_bind (fs, &end);
  label_free (&otherwise);
  label_free (&end);
}

/* ------------------------------------------------------------------ */
/* Property access                                                     */
/* ------------------------------------------------------------------ */

/* For a MEMBER node: evaluates the object into obj and, for computed
 * keys, the key into key (ToPropertyKey done by the access itself). */
static void
member_operands (FuncState *fs, AstNode *m, uint32_t obj, uint32_t key)
{
  if (m->a->kind == AST_SUPER)
    compile_load_this (fs);
  else
    compile_expr (fs, m->a);
  emit_op (fs, JS_OP_Star, obj);
  if (m->flags & AST_F_COMPUTED)
    {
      compile_expr (fs, m->b);
      emit_op (fs, JS_OP_Star, key);
    }
  else if (m->b->kind == AST_PRIVATE_NAME)
    {
      compile_expr (fs, m->b);
      emit_op (fs, JS_OP_Star, key);
    }
}

/* member_operands where the operands may stay in their locals' registers
 * (*obj and *key then name those), later being what is evaluated after
 * them and before the access (an assignment's right side), or NULL. */
static void
member_operands_in_place (FuncState *fs, AstNode *m, uint32_t *obj,
                          uint32_t *key, AstNode *later)
{
  bool computed = (m->flags & AST_F_COMPUTED) != 0;
  if (m->a->kind == AST_SUPER || (!computed && m->b->kind == AST_PRIVATE_NAME))
    {
      member_operands (fs, m, *obj, *key);
      return;
    }
  int32_t o = operand_in_place (fs, m->a, computed ? m->b : later);
  if (o >= 0 && computed && later)
    o = operand_in_place (fs, m->a, later);
  if (o >= 0)
    *obj = (uint32_t) o;
  else
    {
      compile_expr (fs, m->a);
      emit_op (fs, JS_OP_Star, *obj);
    }
  if (!computed)
    return;
  int32_t k = operand_in_place (fs, m->b, later);
  if (k >= 0)
    *key = (uint32_t) k;
  else
    {
      compile_expr (fs, m->b);
      emit_op (fs, JS_OP_Star, *key);
    }
}

/* acc = obj[key] for a MEMBER node whose operands are in registers. */
static void
member_get (FuncState *fs, AstNode *m, uint32_t obj, uint32_t key)
{
  mark_position (fs, m);
  if (m->a->kind == AST_SUPER)
    {
      if (m->flags & AST_F_COMPUTED)
        emit_op (fs, JS_OP_Ldar, key);
      else
        emit_op (fs, JS_OP_LdaConst, const_atom (fs, m->b->str));
      emit_op (fs, JS_OP_GetSuper, obj);
      return;
    }
  if (m->flags & AST_F_COMPUTED)
    {
      emit_op (fs, JS_OP_Ldar, key);
      emit_op (fs, JS_OP_GetKeyed, obj, ic_alloc (fs));
    }
  else if (m->b->kind == AST_PRIVATE_NAME)
    {
      emit_op (fs, JS_OP_Ldar, key);
      emit_op (fs, JS_OP_GetPrivate, obj);
    }
  else
    emit_op (fs, JS_OP_GetNamed, obj, const_atom (fs, m->b->str),
             ic_alloc (fs));
}

/* obj[key] = acc */
static void
member_set (FuncState *fs, AstNode *m, uint32_t obj, uint32_t key)
{
  mark_position (fs, m);
  if (m->a->kind == AST_SUPER)
    {
      uint32_t k = key;
      if (!(m->flags & AST_F_COMPUTED))
        {
          uint32_t t = reg_alloc (fs);
          emit_op (fs, JS_OP_Star, t);
          emit_op (fs, JS_OP_LdaConst, const_atom (fs, m->b->str));
          emit_op (fs, JS_OP_Star, key);
          emit_op (fs, JS_OP_Ldar, t);
          reg_free_to (fs, t);
        }
      emit_op (fs, JS_OP_SetSuper, obj, k);
      return;
    }
  if (m->flags & AST_F_COMPUTED)
    emit_op (fs, fs->strict ? JS_OP_SetKeyedStrict : JS_OP_SetKeyed, obj,
             key, ic_alloc (fs));
  else if (m->b->kind == AST_PRIVATE_NAME)
    emit_op (fs, JS_OP_SetPrivate, obj, key);
  else
    emit_op (fs, fs->strict ? JS_OP_SetNamedStrict : JS_OP_SetNamed, obj,
             const_atom (fs, m->b->str), ic_alloc (fs));
}

/* Optional chains: a ?. link that finds null or undefined jumps to the
 * chain's end with undefined. */
static Label *chain_exit;

/* member_operands for an optional link (a?.b, a?.[k]): a nullish object
 * jumps to the chain's end before the key is evaluated. */
static void
member_operands_optional (FuncState *fs, AstNode *m, uint32_t *obj,
                          uint32_t key, bool in_place)
{
  /* A local the key cannot change is read where it is (not a call's
     receiver, which must sit in its window). */
  bool computed = (m->flags & AST_F_COMPUTED) != 0;
  int32_t o = in_place ? operand_in_place (fs, m->a, computed ? m->b : NULL)
                       : -1;
  if (o >= 0)
    {
      *obj = (uint32_t) o;
      emit_op (fs, JS_OP_Ldar, *obj);
    }
  else
    {
      compile_expr (fs, m->a);
      emit_op (fs, JS_OP_Star, *obj);
    }
  emit_jump (fs, JS_OP_JumpIfNullish, chain_exit);
  if ((m->flags & AST_F_COMPUTED) || m->b->kind == AST_PRIVATE_NAME)
    {
      compile_expr (fs, m->b);
      emit_op (fs, JS_OP_Star, key);
    }
}

static void
compile_member (FuncState *fs, AstNode *n)
{
  uint32_t mark = fs->next_reg;
  uint32_t obj = reg_alloc (fs), key = reg_alloc (fs);
  if ((n->flags & AST_F_COMPUTED) && !(n->flags & AST_F_OPTIONAL)
      && n->a->kind != AST_SUPER)
    {
      /* o[k]: the key goes from acc straight to the access. */
      int32_t o = operand_in_place (fs, n->a, n->b);
      if (o >= 0)
        obj = (uint32_t) o;
      else
        {
          compile_expr (fs, n->a);
          emit_op (fs, JS_OP_Star, obj);
        }
      compile_expr (fs, n->b);
      mark_position (fs, n);
      emit_op (fs, JS_OP_GetKeyed, obj, ic_alloc (fs));
      reg_free_to (fs, mark);
      return;
    }
  if (n->flags & AST_F_OPTIONAL)
    member_operands_optional (fs, n, &obj, key, true);
  else
    member_operands_in_place (fs, n, &obj, &key, NULL);
  member_get (fs, n, obj, key);
  reg_free_to (fs, mark);
}

/* A computed key read and then written (compound assignment, ++): the
 * base is checked, then the key converted once, as GetValue does.
 * Returns the register of the converted key (a new one: key may be a
 * variable's own). */
static uint32_t
member_key_once (FuncState *fs, AstNode *m, uint32_t obj, uint32_t key)
{
  if (!(m->flags & AST_F_COMPUTED) || m->a->kind == AST_SUPER)
    return key;
  uint32_t k = reg_alloc (fs);
  emit_op (fs, JS_OP_CheckBase, obj);
  emit_op (fs, JS_OP_Ldar, key);
  emit_op (fs, JS_OP_ToPropertyKey);
  emit_op (fs, JS_OP_Star, k);
  return k;
}

/* Assignment to a MEMBER target, simple or compound. */
static void
compile_member_assign (FuncState *fs, AstNode *n)
{
  AstNode *m = n->a;
  uint32_t mark = fs->next_reg;
  uint32_t obj = reg_alloc (fs), key = reg_alloc (fs);
  member_operands_in_place (fs, m, &obj, &key, n->b);
  if (n->op != LEX_ASSIGN)
    key = member_key_once (fs, m, obj, key);
  if (n->op == LEX_ASSIGN)
    compile_expr (fs, n->b);
  else if (n->op == LEX_AND_ASSIGN || n->op == LEX_OR_ASSIGN
           || n->op == LEX_NULLISH_ASSIGN)
    {
      Label end;
      label_init (&end);
      member_get (fs, m, obj, key);
      emit_jump (fs, n->op == LEX_AND_ASSIGN  ? JS_OP_JumpIfFalse
                     : n->op == LEX_OR_ASSIGN ? JS_OP_JumpIfTrue
                                              : JS_OP_JumpIfNotNullish,
                 &end);
      compile_expr (fs, n->b);
      member_set (fs, m, obj, key);
      label_bind (fs, &end);
      label_free (&end);
      reg_free_to (fs, mark);
      return;
    }
  else if (has_smi_form (n->op, n->b))
    {
      member_get (fs, m, obj, key);
      emit_binary_smi (fs, n->op, n->b, n);
    }
  else
    {
      uint32_t old = reg_alloc (fs);
      member_get (fs, m, obj, key);
      emit_op (fs, JS_OP_Star, old);
      compile_expr (fs, n->b);
      emit_binary (fs, binary_op (n->op), old);
    }
  /* The stores leave acc as it was: the expression's value. */
  member_set (fs, m, obj, key);
  reg_free_to (fs, mark);
}

/* The name an anonymous function assigned to target gets: only a
 * plain identifier gives one ((f) = function () {} does not). */
static const AstStr *
assign_name (AstNode *target)
{
  return (target->flags & AST_F_PAREN) ? NULL : target->str;
}

/* Whether an identifier is resolved at run time (with, eval). */
static bool
ident_is_dynamic (FuncState *fs, AstNode *ident)
{
  return scope_ref_is_dynamic (&fs->c->res, ident);
}

/* A reference to a name resolved at run time, in registers ref, ref+1:
 * the binding found before the right side runs is the one assigned. */
static uint32_t
resolve_ref (FuncState *fs, AstNode *ident)
{
  uint32_t ref = reg_alloc_n (fs, 2);
  emit_op (fs, JS_OP_ResolveLookup, const_atom (fs, ident->str), ref);
  return ref;
}

static void
load_ref (FuncState *fs, AstNode *ident, uint32_t ref)
{
  emit_op (fs, JS_OP_LdaRef, const_atom (fs, ident->str), ref);
}

static void
store_ref (FuncState *fs, AstNode *ident, uint32_t ref)
{
  emit_op (fs, fs->strict ? JS_OP_StaRefStrict : JS_OP_StaRef,
           const_atom (fs, ident->str), ref);
}

/* Assignment to a name found at run time. */
static void
compile_dynamic_assign (FuncState *fs, AstNode *n)
{
  AstNode *t = n->a;
  uint32_t mark = fs->next_reg;
  uint32_t ref = resolve_ref (fs, t);
  if (n->op == LEX_ASSIGN)
    compile_named_value (fs, n->b, assign_name (t));
  else if (n->op == LEX_AND_ASSIGN || n->op == LEX_OR_ASSIGN
           || n->op == LEX_NULLISH_ASSIGN)
    {
      Label end;
      label_init (&end);
      load_ref (fs, t, ref);
      emit_jump (fs, n->op == LEX_AND_ASSIGN  ? JS_OP_JumpIfFalse
                     : n->op == LEX_OR_ASSIGN ? JS_OP_JumpIfTrue
                                              : JS_OP_JumpIfNotNullish,
                 &end);
      compile_named_value (fs, n->b, assign_name (t));
      store_ref (fs, t, ref);
      label_bind (fs, &end);
      label_free (&end);
      reg_free_to (fs, mark);
      return;
    }
  else
    {
      uint32_t old = reg_alloc (fs);
      load_ref (fs, t, ref);
      emit_op (fs, JS_OP_Star, old);
      compile_expr (fs, n->b);
      mark_position (fs, n);
      emit_binary (fs, binary_op (n->op), old);
    }
  store_ref (fs, t, ref);
  reg_free_to (fs, mark);
}

static void
compile_assign (FuncState *fs, AstNode *n)
{
  AstNode *t = n->a;
  if (t->kind == AST_MEMBER)
    {
      compile_member_assign (fs, n);
      return;
    }
  if (t->kind == AST_IDENT && ident_is_dynamic (fs, t))
    {
      compile_dynamic_assign (fs, n);
      return;
    }
  if (t->kind == AST_IDENT)
    {
      if (n->op == LEX_ASSIGN)
        compile_named_value (fs, n->b, assign_name (t));
      else if (n->op == LEX_AND_ASSIGN || n->op == LEX_OR_ASSIGN
               || n->op == LEX_NULLISH_ASSIGN)
        {
          Label end;
          label_init (&end);
          compile_load_ident (fs, t, false);
          emit_jump (fs, n->op == LEX_AND_ASSIGN  ? JS_OP_JumpIfFalse
                         : n->op == LEX_OR_ASSIGN ? JS_OP_JumpIfTrue
                                                  : JS_OP_JumpIfNotNullish,
                     &end);
          compile_named_value (fs, n->b, assign_name (t));
          compile_store_ident (fs, t, false);
          label_bind (fs, &end);
          label_free (&end);
          return;
        }
      else if (has_smi_form (n->op, n->b))
        {
          compile_load_ident (fs, t, false);
          emit_binary_smi (fs, n->op, n->b, n);
        }
      else
        {
          int32_t in_place = operand_in_place (fs, t, n->b);
          if (in_place >= 0)
            {
              compile_expr (fs, n->b);
              mark_position (fs, n);
              emit_binary (fs, binary_op (n->op), (uint32_t) in_place);
            }
          else
            {
              uint32_t old = reg_alloc (fs);
              compile_load_ident (fs, t, false);
              emit_op (fs, JS_OP_Star, old);
              compile_expr (fs, n->b);
              mark_position (fs, n);
              emit_binary (fs, binary_op (n->op), old);
              reg_free_to (fs, old);
            }
        }
      compile_store_ident (fs, t, false);
      return;
    }
  /* A destructuring pattern: the value of the expression is the right
     side. */
  uint32_t v = reg_alloc (fs);
  compile_expr (fs, n->b);
  emit_op (fs, JS_OP_Star, v);
  compile_pattern_assign (fs, t, false);
  emit_op (fs, JS_OP_Ldar, v);
  reg_free_to (fs, v);
}

static void
compile_update (FuncState *fs, AstNode *n)
{
  bool prefix = (n->flags & AST_F_PREFIX) != 0;
  JsOpcode op = n->op == LEX_INC ? JS_OP_Inc : JS_OP_Dec;
  AstNode *t = n->a;
  uint32_t mark = fs->next_reg;
  uint32_t old = reg_alloc (fs);
  if (t->kind == AST_IDENT && ident_is_dynamic (fs, t))
    {
      uint32_t ref = resolve_ref (fs, t);
      load_ref (fs, t, ref);
      emit_op (fs, JS_OP_ToNumeric);
      emit_op (fs, JS_OP_Star, old);
      emit_op (fs, op);
      store_ref (fs, t, ref);
    }
  else if (t->kind == AST_IDENT && prefix)
    {
      /* Inc and Dec convert their operand themselves. */
      compile_load_ident (fs, t, false);
      emit_op (fs, op);
      compile_store_ident (fs, t, false);
    }
  else if (t->kind == AST_IDENT)
    {
      compile_load_ident (fs, t, false);
      emit_op (fs, JS_OP_ToNumeric);
      emit_op (fs, JS_OP_Star, old);
      emit_op (fs, op);
      compile_store_ident (fs, t, false);
    }
  else
    {
      uint32_t obj = reg_alloc (fs), key = reg_alloc (fs);
      member_operands_in_place (fs, t, &obj, &key, NULL);
      key = member_key_once (fs, t, obj, key);
      member_get (fs, t, obj, key);
      emit_op (fs, JS_OP_ToNumeric);
      emit_op (fs, JS_OP_Star, old);
      emit_op (fs, op);
      member_set (fs, t, obj, key);
    }
  if (!prefix)
    emit_op (fs, JS_OP_Ldar, old);
  reg_free_to (fs, mark);
}

/* An expression whose value nobody reads: a postfix update need not keep
 * the old value, and Inc and Dec convert their operand themselves. */
void
compile_expr_effect (FuncState *fs, AstNode *n)
{
  if (fs->c->failed)
    return;
  if (n->kind == AST_UPDATE && n->a->kind == AST_IDENT
      && !ident_is_dynamic (fs, n->a))
    {
      mark_position (fs, n);
      compile_load_ident (fs, n->a, false);
      emit_op (fs, n->op == LEX_INC ? JS_OP_Inc : JS_OP_Dec);
      compile_store_ident (fs, n->a, false);
      return;
    }
  if (n->kind == AST_SEQUENCE)
    {
      for (AstNode *e = n->list.first; e; e = e->next)
        compile_expr_effect (fs, e);
      return;
    }
  compile_expr (fs, n);
}

static void
compile_unary (FuncState *fs, AstNode *n)
{
  switch (n->op)
    {
    case LEX_TYPEOF:
      if (n->a->kind == AST_IDENT)
        compile_load_ident (fs, n->a, true);
      else
        compile_expr (fs, n->a);
      /* TypeofGlobal and TypeofLookup did it already. */
      if (n->a->kind != AST_IDENT
          || (scope_ref (&fs->c->res, n->a)
              && !scope_ref_is_dynamic (&fs->c->res, n->a)))
        emit_op (fs, JS_OP_Typeof);
      return;
    case LEX_DELETE:
      {
        AstNode *a = n->a;
        if (a->kind == AST_MEMBER && a->a->kind != AST_SUPER)
          {
            uint32_t mark = fs->next_reg;
            uint32_t obj = reg_alloc (fs), key = reg_alloc (fs);
            member_operands (fs, a, obj, key);
            if (a->flags & AST_F_COMPUTED)
              emit_op (fs, JS_OP_Ldar, key);
            else
              emit_op (fs, JS_OP_LdaConst, const_atom (fs, a->b->str));
            emit_op (fs, fs->strict ? JS_OP_DeletePropStrict
                                    : JS_OP_DeleteProp, obj);
            reg_free_to (fs, mark);
          }
        else if (a->kind == AST_IDENT)
          {
            Binding *b = scope_ref (&fs->c->res, a);
            if (b && !scope_ref_is_dynamic (&fs->c->res, a))
              emit_op (fs, JS_OP_LdaFalse);
            else
              emit_op (fs, JS_OP_DeleteLookup, const_atom (fs, a->str));
          }
        else if (a->kind == AST_MEMBER)
          {
            /* delete super.x: the reference is made (this must be
               bound, a computed key is evaluated), then deleting a
               super reference is a ReferenceError. */
            compile_load_this (fs);
            if (a->flags & AST_F_COMPUTED)
              compile_expr (fs, a->b);
            emit_op (fs, JS_OP_ThrowError, (uint32_t) JS_ERROR_REFERENCE,
                     const_ascii_atom (fs, "Unsupported reference to "
                                           "'super'"));
          }
        else
          {
            compile_expr (fs, a);
            emit_op (fs, JS_OP_LdaTrue);
          }
        return;
      }
    default:
      break;
    }
  compile_expr (fs, n->a);
  switch (n->op)
    {
    case LEX_MINUS: emit_op (fs, JS_OP_Negate); break;
    case LEX_PLUS: emit_op (fs, JS_OP_ToNumber); break;
    case LEX_BANG: emit_op (fs, JS_OP_Not); break;
    case LEX_TILDE: emit_op (fs, JS_OP_BitNot); break;
    case LEX_VOID: emit_op (fs, JS_OP_LdaUndefined); break;
    default:
      compile_error (fs, n, "unknown unary operator");
    }
}

/* ------------------------------------------------------------------ */
/* Calls                                                               */
/* ------------------------------------------------------------------ */

/* Evaluates arguments into first, first+1, ...; with a spread, into one
 * array in first instead. */
void
compile_call_args (FuncState *fs, AstList *args, uint32_t first,
                   bool *spread)
{
  *spread = false;
  for (AstNode *a = args->first; a; a = a->next)
    if (a->kind == AST_SPREAD)
      *spread = true;
  if (*spread)
    {
      /* The array of arguments takes its register before the elements
         are evaluated (they may need registers of their own). */
      g_assert (fs->next_reg == first);
      reg_alloc (fs);
      emit_op (fs, JS_OP_CreateArray, MIN (args->count, 0xFFFFu));
      emit_op (fs, JS_OP_Star, first);
      for (AstNode *a = args->first; a; a = a->next)
        {
          if (a->kind == AST_SPREAD)
            {
              compile_expr (fs, a->a);
              emit_op (fs, JS_OP_ArraySpread, first);
            }
          else
            {
              compile_expr (fs, a);
              emit_op (fs, JS_OP_ArrayPush, first);
            }
        }
      return;
    }
  uint32_t i = 0;
  for (AstNode *a = args->first; a; a = a->next, i++)
    {
      g_assert (fs->next_reg == first + i);
      uint32_t r = reg_alloc (fs);
      compile_expr_to (fs, a, r);
    }
}

/* The binding of a hidden value of the constructor an arrow (or the
 * constructor itself) belongs to. */
static ClassInfo *
enclosing_class (FuncState *fs)
{
  for (FuncInfo *f = fs->info; f; f = f->parent)
    {
      if (f->class_info)
        return f->class_info;
      if (!f->is_arrow)
        break;
    }
  return NULL;
}

static void
load_hidden (FuncState *fs, Binding *b)
{
  uint32_t reg, depth, slot;
  if (binding_location (fs, b, &reg, &depth, &slot))
    emit_op (fs, JS_OP_Ldar, reg);
  else
    emit_op (fs, JS_OP_LdaEnv, depth, slot);
}

/* super (args): the parent of the class's constructor, constructed with
 * the running new.target; the result becomes this (once), then the
 * class's fields are initialized on it. */
static void
compile_super_call (FuncState *fs, AstNode *n)
{
  ClassInfo *ci = enclosing_class (fs);
  if (!ci)
    {
      compile_error (fs, n, "super call outside a class constructor");
      return;
    }
  uint32_t base = reg_alloc_n (fs, 2);
  load_hidden (fs, ci->ctor);
  emit_op (fs, JS_OP_Star, base);
  FuncInfo *owner = fs->info;
  while (owner->is_arrow && owner->parent)
    owner = owner->parent;
  if (fs->info == owner || !owner->new_target)
    emit_op (fs, JS_OP_LdaNewTarget);
  else
    load_hidden (fs, owner->new_target);
  emit_op (fs, JS_OP_Star, base + 1);
  bool spread;
  compile_call_args (fs, &n->list, base + 2, &spread);
  mark_position (fs, n);
  if (spread)
    emit_op (fs, JS_OP_SuperCallSpread, base);
  else
    emit_op (fs, JS_OP_SuperCall, base, n->list.count);
  /* BindThisValue: a second super () is a ReferenceError. */
  uint32_t result = reg_alloc (fs);
  emit_op (fs, JS_OP_Star, result);
  compile_load_this_unchecked (fs);
  Label ok;
  label_init (&ok);
  emit_jump (fs, JS_OP_JumpIfHole, &ok);
  emit_op (fs, JS_OP_ThrowError, (uint32_t) JS_ERROR_REFERENCE,
           const_ascii_atom (fs, "Super constructor may only be called "
                                 "once"));
  label_bind (fs, &ok);
  label_free (&ok);
  emit_op (fs, JS_OP_Ldar, result);
  Binding *tb = owner->this_binding;
  if (fs->info == owner)
    emit_op (fs, JS_OP_Star, 0u);
  if (tb && tb->slot >= 0)
    {
      uint32_t reg, depth, slot;
      binding_location (fs, tb, &reg, &depth, &slot);
      emit_op (fs, JS_OP_StaEnv, depth, slot);
    }
  emit_op (fs, JS_OP_InitFields, base);
}

/* new.target of the function this code belongs to (arrows and eval code
 * read their owner's, kept in its environment). */
static void
load_new_target (FuncState *fs)
{
  FuncInfo *f = fs->info;
  while (f->is_arrow && f->parent)
    f = f->parent;
  if (f->new_target && f->new_target->slot >= 0)
    {
      uint32_t reg, depth, slot;
      binding_location (fs, f->new_target, &reg, &depth, &slot);
      emit_op (fs, JS_OP_LdaEnv, depth, slot);
    }
  else
    emit_op (fs, JS_OP_LdaNewTarget);
}

static void
compile_call (FuncState *fs, AstNode *n)
{
  uint32_t mark = fs->next_reg;
  AstNode *callee = n->a;
  if (callee->kind == AST_SUPER)
    {
      compile_super_call (fs, n);
      reg_free_to (fs, mark);
      return;
    }
  uint32_t f = reg_alloc (fs), self = reg_alloc (fs);
  if (callee->kind == AST_MEMBER)
    {
      uint32_t key = reg_alloc (fs);
      int32_t o = callee->a->kind == AST_SUPER
                      || (callee->flags & AST_F_OPTIONAL)
                      ? -1
                      : operand_in_place (fs, callee->a,
                                          (callee->flags & AST_F_COMPUTED)
                                              ? callee->b
                                              : NULL);
      if (o >= 0)
        {
          /* this is a copy of the local: one Mov. */
          emit_op (fs, JS_OP_Mov, (uint32_t) o, self);
          if (callee->flags & AST_F_COMPUTED)
            {
              compile_expr (fs, callee->b);
              emit_op (fs, JS_OP_Star, key);
            }
          else if (callee->b->kind == AST_PRIVATE_NAME)
            {
              compile_expr (fs, callee->b);
              emit_op (fs, JS_OP_Star, key);
            }
        }
      else if (callee->flags & AST_F_OPTIONAL)
        member_operands_optional (fs, callee, &self, key, false);
      else
        member_operands (fs, callee, self, key);
      member_get (fs, callee, self, key);
      emit_op (fs, JS_OP_Star, f);
      reg_free_to (fs, key);
      if (callee->a->kind == AST_SUPER)
        {
          compile_load_this (fs);
          emit_op (fs, JS_OP_Star, self);
        }
    }
  else if (callee->kind == AST_OPTIONAL_CHAIN
           && callee->a->kind == AST_MEMBER
           && callee->a->a->kind != AST_SUPER)
    {
      /* (a?.b)(): a parenthesised chain keeps its reference, so the
         object is the receiver; a short-circuited chain calls
         undefined. */
      AstNode *m = callee->a;
      Label *saved = chain_exit;
      Label exit, end;
      label_init (&exit);
      label_init (&end);
      chain_exit = &exit;
      uint32_t key = reg_alloc (fs);
      if (m->flags & AST_F_OPTIONAL)
        member_operands_optional (fs, m, &self, key, false);
      else
        member_operands (fs, m, self, key);
      member_get (fs, m, self, key);
      reg_free_to (fs, key);
      chain_exit = saved;
      emit_jump (fs, JS_OP_Jump, &end);
      label_bind (fs, &exit);
      emit_op (fs, JS_OP_LdaUndefined);
      label_bind (fs, &end);
      emit_op (fs, JS_OP_Star, f);
      label_free (&exit);
      label_free (&end);
    }
  else if (callee->kind == AST_IDENT
           && scope_ref_is_dynamic (&fs->c->res, callee))
    {
      /* A name inside with: this is the with object that has it. */
      emit_op (fs, JS_OP_LdaLookupThis, const_atom (fs, callee->str), self);
      emit_op (fs, JS_OP_Star, f);
    }
  else
    {
      int32_t local = operand_in_place (fs, callee, NULL);
      if (local >= 0)
        emit_op (fs, JS_OP_Mov, (uint32_t) local, f);
      else
        compile_expr_to (fs, callee, f);
      emit_op (fs, JS_OP_LdaUndefined);
      emit_op (fs, JS_OP_Star, self);
    }
  if (n->flags & AST_F_OPTIONAL)
    {
      emit_op (fs, JS_OP_Ldar, f);
      emit_jump (fs, JS_OP_JumpIfNullish, chain_exit);
    }
  bool spread;
  compile_call_args (fs, &n->list, self + 1, &spread);
  bool eval = (n->flags & AST_F_DIRECT_EVAL) != 0;
  if (eval)
    {
      /* What a direct eval runs with: the caller's this and new.target,
         after the arguments. */
      uint32_t t = reg_alloc (fs), nt = reg_alloc (fs);
      compile_load_this_unchecked (fs);
      emit_op (fs, JS_OP_Star, t);
      load_new_target (fs);
      emit_op (fs, JS_OP_Star, nt);
    }
  mark_position (fs, n);
  if (spread)
    emit_op (fs, eval ? JS_OP_CallEvalSpread : JS_OP_CallSpread, f);
  else if (eval)
    emit_op (fs, JS_OP_CallEval, f, n->list.count, ic_alloc (fs));
  else
    emit_op (fs, JS_OP_Call, f, n->list.count, ic_alloc (fs));
  reg_free_to (fs, mark);
}

static void
compile_new (FuncState *fs, AstNode *n)
{
  uint32_t mark = fs->next_reg;
  uint32_t f = reg_alloc (fs), self = reg_alloc (fs);
  compile_expr_to (fs, n->a, f);
  bool spread;
  compile_call_args (fs, &n->list, self + 1, &spread);
  mark_position (fs, n);
  if (spread)
    emit_op (fs, JS_OP_ConstructSpread, f);
  else
    emit_op (fs, JS_OP_Construct, f, n->list.count, ic_alloc (fs));
  reg_free_to (fs, mark);
}

static void
compile_optional_chain (FuncState *fs, AstNode *n)
{
  Label *saved = chain_exit;
  Label exit, end;
  label_init (&exit);
  label_init (&end);
  chain_exit = &exit;
  compile_expr (fs, n->a);
  chain_exit = saved;
  emit_jump (fs, JS_OP_Jump, &end);
  label_bind (fs, &exit);
  emit_op (fs, JS_OP_LdaUndefined);
  label_bind (fs, &end);
  label_free (&exit);
  label_free (&end);
}

/* ------------------------------------------------------------------ */
/* Literals                                                            */
/* ------------------------------------------------------------------ */

static const AstStr *compile_property_key (FuncState *fs, AstNode *key,
                                           bool computed, uint32_t reg);

static void
compile_array (FuncState *fs, AstNode *n)
{
  uint32_t arr = reg_alloc (fs);
  /* The count is a capacity hint: a bigger literal grows. */
  emit_op (fs, JS_OP_CreateArray, MIN (n->list.count, 0xFFFFu));
  emit_op (fs, JS_OP_Star, arr);
  for (AstNode *e = n->list.first; e; e = e->next)
    {
      if (e->kind == AST_ELISION)
        emit_op (fs, JS_OP_ArrayPushHole, arr);
      else if (e->kind == AST_SPREAD)
        {
          compile_expr (fs, e->a);
          emit_op (fs, JS_OP_ArraySpread, arr);
        }
      else
        {
          compile_expr (fs, e);
          emit_op (fs, JS_OP_ArrayPush, arr);
        }
    }
  emit_op (fs, JS_OP_Ldar, arr);
  reg_free_to (fs, arr);
}

void
compile_member_key (FuncState *fs, AstNode *key, bool computed,
                    uint32_t reg)
{
  compile_property_key (fs, key, computed, reg);
}

/* The property key of a literal or class member into reg (computed keys
 * through ToPropertyKey); returns the static name, if any. */
static const AstStr *
compile_property_key (FuncState *fs, AstNode *key, bool computed,
                      uint32_t reg)
{
  if (computed)
    {
      compile_expr (fs, key);
      emit_op (fs, JS_OP_ToPropertyKey);
      emit_op (fs, JS_OP_Star, reg);
      return NULL;
    }
  switch (key->kind)
    {
    case AST_IDENT:
    case AST_STRING:
      emit_op (fs, JS_OP_LdaConst, const_atom (fs, key->str));
      break;
    case AST_NUMBER:
      emit_op (fs, JS_OP_LdaConst, const_number (fs, key->num));
      emit_op (fs, JS_OP_ToPropertyKey);
      break;
    default:
      compile_expr (fs, key);
      emit_op (fs, JS_OP_ToPropertyKey);
      break;
    }
  emit_op (fs, JS_OP_Star, reg);
  return key->kind == AST_IDENT || key->kind == AST_STRING ? key->str : NULL;
}

static void
compile_object (FuncState *fs, AstNode *n)
{
  uint32_t mark = fs->next_reg;
  uint32_t obj = reg_alloc (fs), key = reg_alloc (fs);
  emit_op (fs, JS_OP_CreateObject, MIN (n->list.count, 0xFFFFu));
  emit_op (fs, JS_OP_Star, obj);
  for (AstNode *p = n->list.first; p; p = p->next)
    {
      if (p->kind == AST_SPREAD)
        {
          compile_expr (fs, p->a);
          emit_op (fs, JS_OP_CopyDataProps, obj);
          continue;
        }
      if (p->flags & AST_F_PROTO)
        {
          compile_expr (fs, p->b);
          emit_op (fs, JS_OP_SetProto, obj);
          continue;
        }
      bool computed = (p->flags & AST_F_COMPUTED) != 0;
      bool accessor = (p->flags & (AST_F_GETTER | AST_F_SETTER)) != 0;
      if (!computed && !accessor && !(p->flags & AST_F_METHOD)
          && (p->a->kind == AST_IDENT || p->a->kind == AST_STRING)
          && !const_str_is_index (p->a->str))
        {
          /* The common case: a named data property. */
          compile_named_value (fs, p->b, p->a->str);
          emit_op (fs, JS_OP_DefineNamed, obj, const_atom (fs, p->a->str));
          continue;
        }
      const AstStr *name = compile_property_key (fs, p->a, computed, key);
      if (accessor || (p->flags & AST_F_METHOD))
        {
          compile_expr (fs, p->b);
          uint32_t fn = reg_alloc (fs);
          emit_op (fs, JS_OP_Star, fn);
          emit_op (fs, JS_OP_Ldar, obj);
          emit_op (fs, JS_OP_SetHomeObject, fn);
          if (!accessor)
            {
              /* A method is named after its key (accessors get theirs,
                 with the get or set prefix, when defined). */
              emit_op (fs, JS_OP_Ldar, key);
              emit_op (fs, JS_OP_SetFunctionName, fn);
            }
          emit_op (fs, JS_OP_Ldar, fn);
          reg_free_to (fs, fn);
          emit_op (fs, (p->flags & AST_F_GETTER)   ? JS_OP_DefineGetter
                       : (p->flags & AST_F_SETTER) ? JS_OP_DefineSetter
                                                   : JS_OP_DefineKeyed,
                   obj, key);
          continue;
        }
      if (computed && compile_is_anonymous_fn (p->b))
        {
          compile_expr (fs, p->b);
          uint32_t fn = reg_alloc (fs);
          emit_op (fs, JS_OP_Star, fn);
          emit_op (fs, JS_OP_Ldar, key);
          emit_op (fs, JS_OP_SetFunctionName, fn);
          emit_op (fs, JS_OP_Ldar, fn);
          reg_free_to (fs, fn);
        }
      else
        compile_named_value (fs, p->b, name);
      emit_op (fs, JS_OP_DefineKeyed, obj, key);
    }
  emit_op (fs, JS_OP_Ldar, obj);
  reg_free_to (fs, mark);
}

static void
compile_template (FuncState *fs, AstNode *n)
{
  /* `a${x}b`: concatenation of the cooked strings and ToString of each
     substitution, left to right. */
  uint32_t acc = reg_alloc (fs);
  bool first = true;
  for (AstNode *e = n->list.first; e; e = e->next)
    {
      if (e->kind == AST_TEMPLATE_ELEM)
        {
          if (first)
            {
              emit_op (fs, JS_OP_LdaConst, const_string (fs, e->str));
              emit_op (fs, JS_OP_Star, acc);
              first = false;
              continue;
            }
          if (e->str->len == 0)
            continue;
          emit_op (fs, JS_OP_LdaConst, const_string (fs, e->str));
        }
      else
        {
          compile_expr (fs, e);
          emit_op (fs, JS_OP_ToString);
        }
      emit_op (fs, JS_OP_Add, acc, ic_alloc (fs));
      emit_op (fs, JS_OP_Star, acc);
    }
  emit_op (fs, JS_OP_Ldar, acc);
  reg_free_to (fs, acc);
}

/* ------------------------------------------------------------------ */
/* Generators                                                          */
/* ------------------------------------------------------------------ */

/* How a suspension may be resumed. */
typedef enum
{
  RESUME_AWAIT,       /* an await: next or throw, never return */
  RESUME_YIELD,       /* a yield: next, throw or return */
  RESUME_ASYNC_YIELD, /* an async generator's yield: a return's value is
                         awaited first (AsyncGeneratorUnwrapYield
                         Resumption) */
} ResumeMode;

/* After a suspension, acc holds what the generator was resumed with:
 * continue with it (next), throw it, or return it through the finally
 * blocks around. */
static void
compile_resume (FuncState *fs, uint32_t value, ResumeMode mode)
{
  Label not_throw, not_return;
  label_init (&not_throw);
  label_init (&not_return);
  uint32_t kind = reg_alloc (fs);
  emit_op (fs, JS_OP_Star, value);
  emit_op (fs, JS_OP_ResumeKind);
  emit_op (fs, JS_OP_Star, kind);
  emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_THROW);
  emit_op (fs, JS_OP_StrictEq, kind);
  emit_jump (fs, JS_OP_JumpIfFalse, &not_throw);
  emit_op (fs, JS_OP_Ldar, value);
  emit_op (fs, JS_OP_Throw);
  label_bind (fs, &not_throw);
  if (mode != RESUME_AWAIT)
    {
      emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_RETURN);
      emit_op (fs, JS_OP_StrictEq, kind);
      emit_jump (fs, JS_OP_JumpIfFalse, &not_return);
      emit_op (fs, JS_OP_Ldar, value);
      if (mode == RESUME_ASYNC_YIELD)
        compile_await (fs);
      compile_return_acc (fs);
    }
  label_bind (fs, &not_return);
  emit_op (fs, JS_OP_Ldar, value);
  reg_free_to (fs, kind);
  label_free (&not_throw);
  label_free (&not_return);
}

/* await acc: the settled value in acc, or the reason thrown. */
void
compile_await (FuncState *fs)
{
  uint32_t mark = fs->next_reg;
  emit_op (fs, JS_OP_Await);
  compile_resume (fs, reg_alloc (fs), RESUME_AWAIT);
  reg_free_to (fs, mark);
}

static bool
is_async_generator (FuncState *fs)
{
  return (fs->flags & (JS_CODE_ASYNC | JS_CODE_GENERATOR))
         == (JS_CODE_ASYNC | JS_CODE_GENERATOR);
}

/* yield* in an async generator: the inner iterator is async (or a sync
 * one wrapped by CreateAsyncFromSyncIterator), each of its results is
 * awaited, and the values are yielded one by one (ES2024 14.4.14). */
static void
compile_async_yield_star (FuncState *fs, AstNode *n)
{
  uint32_t it = reg_alloc_n (fs, 2), mode = reg_alloc (fs),
           received = reg_alloc (fs), result = reg_alloc (fs),
           tmp = reg_alloc (fs);
  compile_expr (fs, n->a);
  mark_position (fs, n);
  emit_op (fs, JS_OP_GetAsyncIterator, it);
  emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_NEXT);
  emit_op (fs, JS_OP_Star, mode);
  emit_op (fs, JS_OP_LdaUndefined);
  emit_op (fs, JS_OP_Star, received);
  Label ret, no_throw, done, out, resumed;
  label_init (&ret);
  label_init (&no_throw);
  label_init (&done);
  label_init (&out);
  label_init (&resumed);
  uint32_t top = fs->code->len;
  emit_op (fs, JS_OP_DelegateStep, it, mode, received);
  emit_op (fs, JS_OP_Star, result);
  emit_op (fs, JS_OP_LdaInt, 3u);
  emit_op (fs, JS_OP_StrictEq, mode);
  emit_jump (fs, JS_OP_JumpIfTrue, &ret);
  emit_op (fs, JS_OP_LdaInt, 4u);
  emit_op (fs, JS_OP_StrictEq, mode);
  emit_jump (fs, JS_OP_JumpIfTrue, &no_throw);
  emit_op (fs, JS_OP_Ldar, result);
  compile_await (fs);
  emit_op (fs, JS_OP_CheckIterResult);
  emit_op (fs, JS_OP_Star, result);
  emit_op (fs, JS_OP_GetNamed, result, const_ascii_atom (fs, "done"),
           ic_alloc (fs));
  emit_jump (fs, JS_OP_JumpIfTrue, &done);
  emit_op (fs, JS_OP_GetNamed, result, const_ascii_atom (fs, "value"),
           ic_alloc (fs));
  emit_op (fs, JS_OP_Yield);
  emit_op (fs, JS_OP_Star, received);
  emit_op (fs, JS_OP_ResumeKind);
  emit_op (fs, JS_OP_Star, mode);
  emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_RETURN);
  emit_op (fs, JS_OP_StrictEq, mode);
  emit_jump_back (fs, JS_OP_JumpIfFalse, top);
  /* A return is awaited before it goes to the inner iterator; a
     rejection becomes a throw sent to it instead. */
  emit_op (fs, JS_OP_Ldar, received);
  emit_op (fs, JS_OP_Await);
  emit_op (fs, JS_OP_Star, received);
  emit_op (fs, JS_OP_ResumeKind);
  emit_op (fs, JS_OP_Star, tmp);
  emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_THROW);
  emit_op (fs, JS_OP_StrictEq, tmp);
  emit_jump_back (fs, JS_OP_JumpIfFalse, top);
  emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_THROW);
  emit_op (fs, JS_OP_Star, mode);
  emit_jump_back (fs, JS_OP_Jump, top);
  /* Done: the value is the expression's, or the generator's return
     value (awaited) when the resumption was a return. */
  label_bind (fs, &done);
  emit_op (fs, JS_OP_GetNamed, result, const_ascii_atom (fs, "value"),
           ic_alloc (fs));
  emit_op (fs, JS_OP_Star, result);
  emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_RETURN);
  emit_op (fs, JS_OP_StrictEq, mode);
  emit_jump (fs, JS_OP_JumpIfFalse, &out);
  emit_op (fs, JS_OP_Ldar, result);
  compile_await (fs);
  compile_return_acc (fs);
  /* A return the inner iterator could not take: return the value. */
  label_bind (fs, &ret);
  emit_op (fs, JS_OP_Ldar, received);
  compile_await (fs);
  compile_return_acc (fs);
  /* A throw the inner iterator could not take: DelegateStep called its
     return method (acc its result, or a hole if it had none); await
     that, then the protocol violation is a TypeError. */
  label_bind (fs, &no_throw);
  emit_op (fs, JS_OP_Ldar, result);
  emit_jump (fs, JS_OP_JumpIfHole, &resumed);
  compile_await (fs);
  emit_op (fs, JS_OP_CheckIterResult);
  label_bind (fs, &resumed);
  emit_op (fs, JS_OP_ThrowError, (uint32_t) JS_ERROR_TYPE,
           const_ascii_atom (fs, "The iterator does not provide a 'throw' "
                                 "method"));
  label_bind (fs, &out);
  emit_op (fs, JS_OP_Ldar, result);
  label_free (&ret);
  label_free (&no_throw);
  label_free (&done);
  label_free (&out);
  label_free (&resumed);
}

static void
compile_yield (FuncState *fs, AstNode *n)
{
  uint32_t mark = fs->next_reg;
  bool async = is_async_generator (fs);
  if (async && (n->flags & AST_F_DELEGATE))
    {
      compile_async_yield_star (fs, n);
      reg_free_to (fs, mark);
      return;
    }
  if (!(n->flags & AST_F_DELEGATE))
    {
      if (n->a)
        compile_expr (fs, n->a);
      else
        emit_op (fs, JS_OP_LdaUndefined);
      mark_position (fs, n);
      /* An async generator yields the operand's awaited value. */
      if (async)
        compile_await (fs);
      emit_op (fs, JS_OP_Yield);
      compile_resume (fs, reg_alloc (fs),
                      async ? RESUME_ASYNC_YIELD : RESUME_YIELD);
      reg_free_to (fs, mark);
      return;
    }
  /* yield*: forward next, throw and return to the inner iterator and
     yield its results as they are, until it is done. */
  uint32_t it = reg_alloc_n (fs, 2), mode = reg_alloc (fs),
           received = reg_alloc (fs), result = reg_alloc (fs);
  compile_expr (fs, n->a);
  mark_position (fs, n);
  emit_op (fs, JS_OP_GetIterator, it);
  emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_NEXT);
  emit_op (fs, JS_OP_Star, mode);
  emit_op (fs, JS_OP_LdaUndefined);
  emit_op (fs, JS_OP_Star, received);
  uint32_t top = fs->code->len;
  emit_op (fs, JS_OP_DelegateStep, it, mode, received);
  emit_op (fs, JS_OP_Star, result);
  Label ret, done, out;
  label_init (&ret);
  label_init (&done);
  label_init (&out);
  emit_op (fs, JS_OP_LdaInt, 3u);
  emit_op (fs, JS_OP_StrictEq, mode);
  emit_jump (fs, JS_OP_JumpIfTrue, &ret);
  emit_op (fs, JS_OP_GetNamed, result, const_ascii_atom (fs, "done"),
           ic_alloc (fs));
  emit_jump (fs, JS_OP_JumpIfTrue, &done);
  emit_op (fs, JS_OP_Ldar, result);
  emit_op (fs, JS_OP_YieldRaw);
  emit_op (fs, JS_OP_Star, received);
  emit_op (fs, JS_OP_ResumeKind);
  emit_op (fs, JS_OP_Star, mode);
  emit_jump_back (fs, JS_OP_Jump, top);
  /* Done: the value is the expression's, or the generator's return
     value when the resumption was a return. */
  label_bind (fs, &done);
  emit_op (fs, JS_OP_GetNamed, result, const_ascii_atom (fs, "value"),
           ic_alloc (fs));
  emit_op (fs, JS_OP_Star, result);
  emit_op (fs, JS_OP_LdaInt, (uint32_t) JS_RESUME_RETURN);
  emit_op (fs, JS_OP_StrictEq, mode);
  emit_jump (fs, JS_OP_JumpIfFalse, &out);
  emit_op (fs, JS_OP_Ldar, result);
  compile_return_acc (fs);
  /* A return the inner iterator could not take: return the value. */
  label_bind (fs, &ret);
  emit_op (fs, JS_OP_Ldar, received);
  compile_return_acc (fs);
  label_bind (fs, &out);
  emit_op (fs, JS_OP_Ldar, result);
  label_free (&ret);
  label_free (&done);
  label_free (&out);
  reg_free_to (fs, mark);
}

/* tag`a${x}b`: the tag called with the site's frozen strings array (made
 * once, at compile time, so every evaluation of the site sees the same
 * object) and the substitutions. */
static void
compile_tagged_template (FuncState *fs, AstNode *n)
{
  uint32_t mark = fs->next_reg;
  uint32_t f = reg_alloc (fs), self = reg_alloc (fs);
  AstNode *tag = n->a;
  if (tag->kind == AST_MEMBER)
    {
      uint32_t key = reg_alloc (fs);
      member_operands (fs, tag, self, key);
      member_get (fs, tag, self, key);
      emit_op (fs, JS_OP_Star, f);
      reg_free_to (fs, key);
      if (tag->a->kind == AST_SUPER)
        {
          compile_load_this (fs);
          emit_op (fs, JS_OP_Star, self);
        }
    }
  else
    {
      compile_expr_to (fs, tag, f);
      emit_op (fs, JS_OP_LdaUndefined);
      emit_op (fs, JS_OP_Star, self);
    }
  uint32_t k = const_template (fs, n->b);
  uint32_t arg = reg_alloc (fs);
  emit_op (fs, JS_OP_LdaConst, k);
  emit_op (fs, JS_OP_Star, arg);
  uint32_t argc = 1;
  for (AstNode *e = n->b->list.first; e; e = e->next)
    if (e->kind != AST_TEMPLATE_ELEM)
      {
        uint32_t r = reg_alloc (fs);
        compile_expr_to (fs, e, r);
        argc++;
      }
  mark_position (fs, n);
  emit_op (fs, JS_OP_Call, f, argc, ic_alloc (fs));
  reg_free_to (fs, mark);
}

/* ------------------------------------------------------------------ */
/* The dispatcher                                                      */
/* ------------------------------------------------------------------ */

void
compile_expr_to (FuncState *fs, AstNode *n, uint32_t reg)
{
  compile_expr (fs, n);
  emit_op (fs, JS_OP_Star, reg);
}

void
compile_expr (FuncState *fs, AstNode *n)
{
  if (fs->c->failed)
    return;
  /* Operator and member chains nest as deep as the source is long. */
  if (G_UNLIKELY (!runtime_c_stack_ok (fs->c->stack_limit)))
    {
      compile_error (fs, n, "too much nesting");
      return;
    }
  switch (n->kind)
    {
    case AST_NUMBER:
      {
        double d = n->num;
        int32_t i = (int32_t) d;
        if ((double) i == d && !(i == 0 && 1 / d < 0))
          emit_op (fs, JS_OP_LdaInt, (uint32_t) i);
        else
          emit_op (fs, JS_OP_LdaConst, const_number (fs, d));
      }
      break;
    case AST_STRING:
      emit_op (fs, JS_OP_LdaConst, const_string (fs, n->str));
      break;
    case AST_NULL_LIT:
      emit_op (fs, JS_OP_LdaNull);
      break;
    case AST_BOOL_LIT:
      emit_op (fs, (n->flags & AST_F_TRUE) ? JS_OP_LdaTrue : JS_OP_LdaFalse);
      break;
    case AST_IDENT:
      mark_position (fs, n);
      compile_load_ident (fs, n, false);
      break;
    case AST_THIS:
      compile_load_this (fs);
      break;
    case AST_TEMPLATE:
      compile_template (fs, n);
      break;
    case AST_BIGINT:
      emit_op (fs, JS_OP_LdaConst,
               const_add_value (fs, (ConstEntry){ .kind = CONST_BIGINT,
                                                  .str = n->str,
                                                  .num = n->op ? n->op
                                                               : 10 }));
      break;
    case AST_REGEXP:
      /* A new RegExp object each evaluation; the pattern's compiled form
         is cached by the engine. */
      emit_op (fs, JS_OP_CreateRegExp, const_atom (fs, n->str),
               const_atom (fs, n->str2));
      break;
    case AST_TAGGED_TEMPLATE:
      compile_tagged_template (fs, n);
      break;
    case AST_ARRAY:
      compile_array (fs, n);
      break;
    case AST_OBJECT:
      compile_object (fs, n);
      break;
    case AST_FUNC_EXPR:
    case AST_FUNCTION:
      emit_op (fs, JS_OP_CreateClosure, compile_function (fs, n));
      break;
    case AST_CLASS_EXPR:
      compile_class (fs, n);
      break;
    case AST_UNARY:
      compile_unary (fs, n);
      break;
    case AST_UPDATE:
      compile_update (fs, n);
      break;
    case AST_BINARY:
      compile_binary (fs, n);
      break;
    case AST_LOGICAL:
      compile_logical (fs, n);
      break;
    case AST_ASSIGN:
      compile_assign (fs, n);
      break;
    case AST_CONDITIONAL:
      compile_conditional (fs, n);
      break;
    case AST_SEQUENCE:
      for (AstNode *e = n->list.first; e; e = e->next)
        compile_expr (fs, e);
      break;
    case AST_MEMBER:
      compile_member (fs, n);
      break;
    case AST_CALL:
      compile_call (fs, n);
      break;
    case AST_NEW:
      compile_new (fs, n);
      break;
    case AST_OPTIONAL_CHAIN:
      compile_optional_chain (fs, n);
      break;
    case AST_NEW_TARGET:
      load_new_target (fs);
      break;
    case AST_YIELD:
      compile_yield (fs, n);
      break;
    case AST_IMPORT_META:
      emit_op (fs, JS_OP_ImportMeta);
      break;
    case AST_IMPORT_CALL:
      compile_expr (fs, n->a);
      mark_position (fs, n);
      emit_op (fs, JS_OP_DynamicImport);
      break;
    case AST_AWAIT:
      {
        uint32_t mark = fs->next_reg;
        compile_expr (fs, n->a);
        mark_position (fs, n);
        compile_await (fs);
        reg_free_to (fs, mark);
      }
      break;
    case AST_PRIVATE_NAME:
      {
        Binding *b = scope_ref (&fs->c->res, n);
        uint32_t reg, depth, slot;
        if (!b && (fs->c->flags & JS_CODE_EVAL))
          /* Eval code: a private name of the caller's classes (the
             parser checked that one is visible). */
          emit_op (fs, JS_OP_LdaLookup,
                   const_private_description (fs, n->str));
        else if (!b)
          compile_error (fs, n, "undeclared private name");
        else if (binding_location (fs, b, &reg, &depth, &slot))
          emit_op (fs, JS_OP_Ldar, reg);
        else
          emit_op (fs, JS_OP_LdaEnv, depth, slot);
      }
      break;
    default:
      compile_error (fs, n, "%s expressions are not supported yet",
                     ast_kind_name (n->kind));
      break;
    }
}
